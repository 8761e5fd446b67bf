/**
 * What changed between two generates, as a reviewer reads it: models added
 * and removed, fields added, removed, retyped or made (non-)optional, enum
 * values added and removed, union members changed.
 */
import { displayType } from "./type-display.ts";
import type { Model, Spec } from "./types.ts";

export type Change =
  | { kind: "model-added" | "model-removed"; model: string; modelKind: Model["kind"] }
  | { kind: "model-kind-changed"; model: string; from: string; to: string }
  | { kind: "field-added"; model: string; field: string; type: string; required: boolean }
  | { kind: "field-removed"; model: string; field: string }
  | { kind: "field-type-changed"; model: string; field: string; from: string; to: string }
  | { kind: "field-optionality-changed"; model: string; field: string; required: boolean }
  | { kind: "enum-value-added" | "enum-value-removed"; model: string; value: string | number }
  | { kind: "enum-openness-changed"; model: string; open: boolean }
  | { kind: "union-member-added" | "union-member-removed"; model: string; member: string };

/**
 * What the summary compares of a model, and all it needs of the previous
 * run: kinds, field names, display types and optionality, enum values and
 * openness, union members. Much smaller than the models, so the CLI's cache
 * keeps this rather than the last spec.
 */
export type ModelFacts =
  | { kind: "object"; fields: Array<[name: string, type: string, required: boolean]> }
  | { kind: "enum"; values: Array<string | number>; open: boolean }
  | { kind: "union"; members: string[] };

/** Model id → facts, sorted by id. */
export type SpecFacts = Array<[id: string, facts: ModelFacts]>;

/** Resolved models are not changed after resolve: their facts are computed once (watch mode reuses the objects). */
const factsOf = new WeakMap<Model, ModelFacts>();

export function modelFacts(model: Model): ModelFacts {
  let facts = factsOf.get(model);
  if (facts) return facts;
  if (model.kind === "object") facts = { kind: "object", fields: model.fields.map((f) => [f.name, displayType(f.type), f.required]) };
  else if (model.kind === "enum") facts = { kind: "enum", values: model.members.map((m) => m.value), open: model.open };
  else facts = { kind: "union", members: model.members.map((m) => displayType(m.type)) };
  factsOf.set(model, facts);
  return facts;
}

export function specFacts(spec: Spec): SpecFacts {
  return spec.models.map((m) => [m.id, modelFacts(m)] as [string, ModelFacts]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function diffSpecs(before: Spec, after: Spec): Change[] {
  return diffFacts(specFacts(before), specFacts(after));
}

export function diffFacts(before: SpecFacts, after: SpecFacts): Change[] {
  const changes: Change[] = [];
  const old = new Map(before);
  const now = new Map(after);
  for (const [id, model] of old) if (!now.has(id)) changes.push({ kind: "model-removed", model: id, modelKind: model.kind });
  for (const [id, model] of now) {
    const previous = old.get(id);
    if (!previous) changes.push({ kind: "model-added", model: id, modelKind: model.kind });
    else if (previous.kind !== model.kind) changes.push({ kind: "model-kind-changed", model: id, from: previous.kind, to: model.kind });
    else changes.push(...diffModel(id, previous, model));
  }
  return changes.sort((a, b) => (a.model < b.model ? -1 : a.model > b.model ? 1 : 0));
}

function diffModel(model: string, before: ModelFacts, after: ModelFacts): Change[] {
  const changes: Change[] = [];
  if (before.kind === "object" && after.kind === "object") {
    const old = new Map(before.fields.map((f) => [f[0], f]));
    const now = new Map(after.fields.map((f) => [f[0], f]));
    for (const name of old.keys()) if (!now.has(name)) changes.push({ kind: "field-removed", model, field: name });
    for (const [name, [, type, required]] of now) {
      const previous = old.get(name);
      if (!previous) {
        changes.push({ kind: "field-added", model, field: name, type, required });
        continue;
      }
      if (previous[1] !== type) changes.push({ kind: "field-type-changed", model, field: name, from: previous[1], to: type });
      if (previous[2] !== required) changes.push({ kind: "field-optionality-changed", model, field: name, required });
    }
  } else if (before.kind === "enum" && after.kind === "enum") {
    const old = new Set(before.values);
    const now = new Set(after.values);
    for (const value of old) if (!now.has(value)) changes.push({ kind: "enum-value-removed", model, value });
    for (const value of now) if (!old.has(value)) changes.push({ kind: "enum-value-added", model, value });
    if (before.open !== after.open) changes.push({ kind: "enum-openness-changed", model, open: after.open });
  } else if (before.kind === "union" && after.kind === "union") {
    const old = new Set(before.members);
    const now = new Set(after.members);
    for (const member of old) if (!now.has(member)) changes.push({ kind: "union-member-removed", model, member });
    for (const member of now) if (!old.has(member)) changes.push({ kind: "union-member-added", model, member });
  }
  return changes;
}

export function formatChanges(changes: readonly Change[]): string {
  if (changes.length === 0) return "no model changes\n";
  const line = (c: Change): string => {
    switch (c.kind) {
      case "model-added":
        return `+ ${c.model} (${c.modelKind})`;
      case "model-removed":
        return `- ${c.model} (${c.modelKind})`;
      case "model-kind-changed":
        return `~ ${c.model}: ${c.from} → ${c.to}`;
      case "field-added":
        return `+ ${c.model}.${c.field}${c.required ? "" : "?"}: ${c.type}`;
      case "field-removed":
        return `- ${c.model}.${c.field}`;
      case "field-type-changed":
        return `~ ${c.model}.${c.field}: ${c.from} → ${c.to}`;
      case "field-optionality-changed":
        return `~ ${c.model}.${c.field}: now ${c.required ? "required" : "optional"}`;
      case "enum-value-added":
        return `+ ${c.model}: ${JSON.stringify(c.value)}`;
      case "enum-value-removed":
        return `- ${c.model}: ${JSON.stringify(c.value)}`;
      case "enum-openness-changed":
        return `~ ${c.model}: now ${c.open ? "open" : "closed"}`;
      case "union-member-added":
        return `+ ${c.model}: member ${c.member}`;
      case "union-member-removed":
        return `- ${c.model}: member ${c.member}`;
    }
  };
  return `${changes.length} model change${changes.length === 1 ? "" : "s"}:\n${changes.map((c) => `  ${line(c)}\n`).join("")}`;
}
