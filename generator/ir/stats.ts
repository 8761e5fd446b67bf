/** How often each doc construct occurs in a spec (`--stats`): coverage made visible. */
import type { Spec, TypeExpr } from "./types.ts";
import { modelTypes, typeNodes } from "./walk.ts";

export type Stats = Record<string, number>;

function typeKey(node: TypeExpr): string | undefined {
  switch (node.kind) {
    case "primitive":
      return `type: ${node.name}`;
    case "bigint":
      return "type: bigint";
    case "literal":
      return `type: ${typeof node.value} literal`;
    case "date":
      return node.dateOnly ? "type: date-only (RFCDate)" : "type: date-time";
    case "web":
      return `type: web ${node.name}`;
    case "array":
      return node.element.kind === "array" ? "type: nested array" : "type: array";
    case "record":
      return node.value.kind === "record" ? "type: nested record" : "type: record";
    case "union":
      return "type: inline union";
    case "ref":
      return node.link !== undefined ? "ref: linked" : "ref: by name";
  }
}

export function collectStats(spec: Spec): Stats {
  const stats: Stats = {};
  const add = (key: string, n = 1) => (stats[key] = (stats[key] ?? 0) + n);
  add("folders", spec.folders.length);
  for (const model of spec.models) {
    add(`model: ${model.kind}`);
    if (model.deprecated) add("model: deprecated");
    if (model.example) add("example usage value");
    if (model.kind === "object") {
      add("fields", model.fields.length);
      if (model.fields.length === 0) add("model: empty object");
      for (const field of model.fields) {
        add(field.required ? "field: required" : "field: optional");
        if (field.deprecated) add("field: deprecated");
        if (field.example) add("field: example cell");
      }
    }
    if (model.kind === "enum") {
      add(`enum: ${model.syntax}`);
      add(`enum: ${model.valueType} values`);
      if (model.open) add("enum: open");
      add("enum values", model.members.length);
    }
    if (model.kind === "union") add("union members", model.members.length);
    for (const type of modelTypes(model)) for (const node of typeNodes(type)) add(typeKey(node)!);
  }
  return Object.fromEntries(Object.entries(stats).sort(([a], [b]) => (a < b ? -1 : 1)));
}

export function formatStats(stats: Stats): string {
  const width = Math.max(...Object.keys(stats).map((k) => k.length));
  return `${Object.entries(stats)
    .map(([k, v]) => `  ${k.padEnd(width)}  ${String(v).padStart(6)}`)
    .join("\n")}\n`;
}
