/** The type declarations of one model, for its `.d.ts` file. */
import type { EnumModel, Model, ObjectModel, UnionModel } from "../ir/types.ts";
import { RUNTIME_PATH, type EmitContext } from "./context.ts";
import { propertyKey, valueLiteral } from "./escape.ts";
import { declareConst, enumDeclaration, typeAlias, type Doc, type Statement } from "./statements.ts";
import type { ModuleScope } from "./module-scope.ts";
import { typeText } from "./type-text.ts";
import { commentText } from "./escape.ts";

export function modelDoc(model: Model): Doc {
  return { description: model.description, deprecated: model.deprecated };
}

export function typeDeclarations(model: Model, ctx: EmitContext, scope: ModuleScope): Statement[] {
  switch (model.kind) {
    case "object":
      return [typeAlias(model.name, objectTypeText(model, ctx, scope), modelDoc(model))];
    case "union":
      return [typeAlias(model.name, unionTypeText(model, ctx, scope), modelDoc(model))];
    case "enum":
      return enumDeclarations(model, ctx, scope);
  }
}

function objectTypeText(model: ObjectModel, ctx: EmitContext, scope: ModuleScope): string {
  if (model.fields.length === 0) return "{}";
  const lines = model.fields.map((field) => {
    const doc = propertyDoc({ description: field.description, deprecated: field.deprecated });
    const type = typeText(field.type, ctx, scope);
    const member = field.required ? `${propertyKey(field.name)}: ${type};` : `${propertyKey(field.name)}?: ${type} | undefined;`;
    return `${doc}  ${member}`;
  });
  return `{\n${lines.join("\n")}\n}`;
}

/** A property's JSDoc inside an object type written as text. */
function propertyDoc(doc: Doc): string {
  const lines: string[] = doc.description ? commentText(doc.description).split("\n") : [];
  if (doc.deprecated) {
    if (lines.length) lines.push("");
    const message = doc.deprecated.message ? commentText(doc.deprecated.message).replace(/\s*\n\s*/g, " ") : "";
    lines.push(message ? `@deprecated ${message}` : "@deprecated");
  }
  if (lines.length === 0) return "";
  return `  /**\n${lines.map((l) => (l ? `   * ${l}` : "   *")).join("\n")}\n   */\n`;
}

function unionTypeText(model: UnionModel, ctx: EmitContext, scope: ModuleScope): string {
  const members = [...new Set(model.members.map((m) => typeText(m.type, ctx, scope)))];
  return members.length === 0 ? "never" : members.join(" | ");
}

/** The type of an enum's values, with `Unrecognized<…>` for open enums. */
export function enumValueUnion(model: EnumModel, scope: ModuleScope): string {
  const values = model.members.map((m) => valueLiteral(m.value));
  if (model.open) values.push(`${scope.import(RUNTIME_PATH, "Unrecognized")}<${model.valueType}>`);
  return values.length === 0 ? "never" : values.join(" | ");
}

function enumDeclarations(model: EnumModel, ctx: EmitContext, scope: ModuleScope): Statement[] {
  const doc = modelDoc(model);
  switch (ctx.enumForm(model)) {
    case "ts-enum": {
      const statements = [enumDeclaration(model.name, model.members, doc)];
      const names = ctx.namesOf(model);
      if (names.open)
        statements.push(typeAlias(names.open, `${model.name} | ${scope.import(RUNTIME_PATH, "Unrecognized")}<${model.valueType}>`, { description: `\`${model.name}\`, or a value this version of the docs does not list.` }));
      return statements;
    }
    case "const-object": {
      const shape = model.members.map((m) => `  readonly ${propertyKey(m.name)}: ${valueLiteral(m.value)};`);
      return [declareConst(model.name, shape.length ? `{\n${shape.join("\n")}\n}` : "{}", doc), typeAlias(model.name, enumValueUnion(model, scope), doc)];
    }
    case "string-union":
      return [typeAlias(model.name, enumValueUnion(model, scope), doc)];
  }
}
