/**
 * Every name the generated package exports for a model, decided here once so
 * that emitters, barrels and clash checks agree.
 */
import { lowerFirst } from "./identifiers.ts";
import type { Diagnostic, Model, Spec } from "./types.ts";

export interface ModelNames {
  /** The type (and, for const-object and TS enums, the value) named by the doc. */
  type: string;
  /** For TS enums that are open: `XOpen = X | Unrecognized<…>`. */
  open?: string;
  is: string;
  validate: string;
  assert: string;
  /** Standard Schema v1 object. */
  schema: string;
  /** A function returning the model's JSON Schema (draft 2020-12). */
  jsonSchema: string;
  fromJSON: string;
  toJSON: string;
  /** Internal, not re-exported by barrels: the fast boolean walk, the issue-collecting walk, JSON codecs. */
  fastIs: string;
  check: string;
  jsonDef: string;
  revive: string;
  serialize: string;
}

export type EnumStyle = "auto" | "const-object" | "ts-enum" | "string-union";

/** The enum form a model is emitted in, after applying the configured style. */
export function enumForm(model: Extract<Model, { kind: "enum" }>, style: EnumStyle): Exclude<EnumStyle, "auto"> {
  if (style !== "auto") return style;
  return model.syntax === "table" ? "ts-enum" : "const-object";
}

export function modelNames(model: Model, style: EnumStyle = "auto"): ModelNames {
  const name = model.name;
  const camel = lowerFirst(name);
  return {
    type: name,
    ...(model.kind === "enum" && model.open && enumForm(model, style) === "ts-enum" ? { open: `${name}Open` } : {}),
    is: `is${name}`,
    validate: `validate${name}`,
    assert: `assert${name}`,
    schema: `${name}$schema`,
    jsonSchema: `${camel}JSONSchema`,
    fromJSON: `${camel}FromJSON`,
    toJSON: `${camel}ToJSON`,
    fastIs: `$is${name}`,
    check: `$check${name}`,
    jsonDef: `$jsonDef${name}`,
    revive: `$revive${name}`,
    serialize: `$serialize${name}`,
  };
}

/** The names a barrel re-exports for a model. */
export function publicNames(names: ModelNames): string[] {
  const { fastIs: _f, check: _c, jsonDef: _j, revive: _r, serialize: _s, ...rest } = names;
  return Object.values(rest);
}

/** Names the package root exports from its runtime; models of the root folder may not reuse them. */
export const RUNTIME_EXPORTS = ["ValidationError", "RFCDate", "Unrecognized", "ValidationIssue", "ValidationResult", "ValidateOptions", "JSONSchema"] as const;

/** Two models of one folder whose exported names collide cannot share a barrel. */
export function checkExportClashes(spec: Spec, style: EnumStyle): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byFolder = new Map<string, Map<string, Model>>();
  for (const model of spec.models) {
    let names = byFolder.get(model.folder);
    if (!names) byFolder.set(model.folder, (names = new Map()));
    // One diagnostic per clashing pair of models, listing every shared name.
    const clashes = new Map<Model, string[]>();
    for (const exported of publicNames(modelNames(model, style))) {
      const other = names.get(exported);
      if (other && other !== model) clashes.set(other, [...(clashes.get(other) ?? []), exported]);
      else names.set(exported, model);
    }
    for (const [other, shared] of clashes) {
      // Two models of one name are already a `duplicate-model` error.
      if (other.name.toLowerCase() === model.name.toLowerCase()) continue;
      const { file, line, column } = model.position;
      diagnostics.push({
        file,
        line,
        column,
        severity: "error",
        ruleId: "export-name-clash",
        message: `${shared.map((n) => `\`${n}\``).join(", ")} of model \`${model.name}\` ${shared.length === 1 ? "clashes with a name" : "clash with names"} exported for \`${other.name}\` (${other.id}.md)`,
        hint: "rename one of the models",
      });
    }
  }
  return diagnostics;
}
