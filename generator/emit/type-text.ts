/** TypeScript type text for a type tree, as seen from one module. */
import type { TypeExpr } from "../ir/types.ts";
import type { EmitContext } from "./context.ts";
import { valueLiteral } from "./escape.ts";
import { modulePath, type ModuleScope } from "./module-scope.ts";

export function typeText(type: TypeExpr, ctx: EmitContext, scope: ModuleScope): string {
  switch (type.kind) {
    case "primitive":
      return type.name;
    case "bigint":
      return "bigint";
    case "literal":
      return valueLiteral(type.value);
    case "date":
      // Date-only values are `Date`s too (an `RFCDate` is one); the JSON helpers keep the difference.
      return scope.global("Date");
    case "web":
      return type.name === "ReadableStream" ? `${scope.global("ReadableStream")}<${scope.global("Uint8Array")}>` : scope.global(type.name);
    case "array": {
      const element = typeText(type.element, ctx, scope);
      // `Array` may be the module's own model name: reach the global through the scope.
      return type.element.kind === "union" ? `${scope.global("Array")}<${element}>` : `${element}[]`;
    }
    case "record":
      return `{ [k: string]: ${typeText(type.value, ctx, scope)} }`;
    case "union":
      return [...new Set(type.members.map((m) => typeText(m, ctx, scope)))].join(" | ");
    case "ref": {
      const target = ctx.model(type.target!);
      const names = ctx.namesOf(target);
      return scope.import(modulePath(target), names.open ?? names.type);
    }
  }
}
