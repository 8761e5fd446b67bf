/** A canonical, human-readable text for a type tree (change summaries, messages). */
import type { TypeExpr } from "./types.ts";

export function displayType(type: TypeExpr): string {
  switch (type.kind) {
    case "primitive":
      return type.name;
    case "bigint":
      return "bigint";
    case "literal":
      return JSON.stringify(type.value);
    case "date":
      return type.dateOnly ? "RFCDate" : "Date";
    case "web":
      return type.name === "ReadableStream" ? "ReadableStream<Uint8Array>" : type.name;
    case "array":
      return type.element.kind === "union" ? `Array<${displayType(type.element)}>` : `${displayType(type.element)}[]`;
    case "record":
      return `Record<string, ${displayType(type.value)}>`;
    case "union":
      return [...new Set(type.members.map(displayType))].join(" | ");
    case "ref":
      return type.target ?? `${type.namespace ? `${type.namespace}.` : ""}${type.name}`;
  }
}
