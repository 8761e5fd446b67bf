/** Generic walks over type trees, so no stage writes its own recursion twice. */
import type { Model, RefType, TypeExpr } from "./types.ts";

/** Every type node of a type tree, parents before children. */
export function* typeNodes(type: TypeExpr): Generator<TypeExpr> {
  const stack: TypeExpr[] = [type];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    if (node.kind === "array") stack.push(node.element);
    else if (node.kind === "record") stack.push(node.value);
    else if (node.kind === "union") for (let i = node.members.length - 1; i >= 0; i--) stack.push(node.members[i]!);
  }
}

/** The top-level type trees of a model: field types or union member types. */
export function modelTypes(model: Model): TypeExpr[] {
  if (model.kind === "object") return model.fields.map((f) => f.type);
  if (model.kind === "union") return model.members.map((m) => m.type);
  return [];
}

/** Every reference a model makes, in document order. */
export function modelRefs(model: Model): RefType[] {
  const refs: RefType[] = [];
  for (const type of modelTypes(model)) for (const node of typeNodes(type)) if (node.kind === "ref") refs.push(node);
  return refs;
}
