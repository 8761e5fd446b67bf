/** The runtime value of an enum (const object or TS-enum object), for its `.js` file. */
import type { EnumModel } from "../ir/types.ts";
import type { EmitContext } from "./context.ts";
import { objectLiteralKey, stringLiteral, valueLiteral } from "./escape.ts";
import type { ModuleScope } from "./module-scope.ts";
import { constStatement, type Statement } from "./statements.ts";
import { modelDoc } from "./declarations.ts";

export function enumValueStatements(model: EnumModel, ctx: EmitContext, scope: ModuleScope): Statement[] {
  const form = ctx.enumForm(model);
  if (form === "string-union") return [];
  const entries = model.members.map((m) => `  ${objectLiteralKey(m.name)}: ${valueLiteral(m.value)},`);
  // TS numeric enums map values back to names; keep that behaviour.
  if (form === "ts-enum" && model.valueType === "number")
    for (const m of model.members) entries.push(`  ${stringLiteral(String(m.value))}: ${stringLiteral(m.name)},`);
  const object = entries.length ? `{\n${entries.join("\n")}\n}` : "{}";
  return [constStatement(model.name, `${scope.global("Object")}.freeze(${object})`, modelDoc(model))];
}
