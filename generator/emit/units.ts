/**
 * The generated package as units of work, each with a key that changes
 * exactly when its output can change: a model module depends on the model
 * and on what it needs to know of the models it references; a barrel on the
 * names and kinds of its folder's models. Equal keys → reuse cached text.
 * This module does not load ts-morph.
 */
import { createHash } from "node:crypto";
import { enumForm } from "../ir/naming.ts";
import type { Model, Spec } from "../ir/types.ts";
import { codecClosure, codecInputs, type CodecInputs } from "../ir/codec-needs.ts";
import type { EmitOptions } from "./context.ts";

/** A unit to emit: a model's module or a folder's barrel, with its key. */
export type PlannedUnit = { kind: "model"; key: string; id: string } | { kind: "barrel"; key: string; folder: string };

/** A planned unit with the model it prints (what printing needs). */
export type Unit = { kind: "model"; key: string; model: Model } | { kind: "barrel"; key: string; folder: string };

function hash(value: unknown): string {
  return createHash("sha512").update(JSON.stringify(value)).digest("hex").slice(0, 32);
}

/**
 * A model's own hash, per model object. Resolved models are not changed
 * after resolve, and in watch mode the unchanged ones are the same objects
 * from run to run (ir/resolve.ts ResolveMemo): serialising every model
 * again was the largest cost of an edit.
 */
const modelHashes = new WeakMap<Model, string>();

function modelHash(model: Model): string {
  let known = modelHashes.get(model);
  if (known === undefined) modelHashes.set(model, (known = hash(model)));
  return known;
}

/**
 * All that planning reads of a resolved model besides its own key: what
 * modules referencing it see (name, kind, enum form and openness), where
 * it lives, what it references and whether it holds dates or bigints
 * itself. Plain data: the CLI keeps the outlines of the last run, so that
 * a one-doc edit can plan without loading the other models.
 */
export interface ModelOutline extends CodecInputs {
  folder: string;
  name: string;
  kind: Model["kind"];
  form?: ReturnType<typeof enumForm>;
  open?: boolean;
}

export function outlineModel(model: Model, options: Pick<EmitOptions, "enumStyle">): ModelOutline {
  const { id, targets, direct } = codecInputs(model);
  return { id, folder: model.folder, name: model.name, kind: model.kind, ...(model.kind === "enum" ? { form: enumForm(model, options.enumStyle), open: model.open } : {}), targets, direct };
}

/** What a referencing module sees of a model. */
function surface(outline: ModelOutline, codecs: ReadonlySet<string>) {
  return {
    id: outline.id,
    name: outline.name,
    kind: outline.kind,
    ...(outline.kind === "enum" ? { form: outline.form, open: outline.open } : {}),
    codec: codecs.has(outline.id),
  };
}

/**
 * Every unit and its key: the models' modules (in the outlines' order),
 * then a barrel per folder (the root's always).
 * @param outlines every model's, sorted by id (as spec.models).
 * @param ownKey a model's own key (see planUnits).
 */
function planOutlines(outlines: readonly ModelOutline[], folders: readonly string[], options: Pick<EmitOptions, "enumStyle">, ownKey: (id: string) => string, codecs = codecClosure(outlines)): PlannedUnit[] {
  const byId = new Map(outlines.map((m) => [m.id, m]));
  const units: PlannedUnit[] = outlines.map((outline) => ({ kind: "model", key: modelUnitKey(outline, byId, codecs, options, ownKey(outline.id)), id: outline.id }));
  for (const folder of [...new Set(["", ...folders])].sort()) {
    units.push({ kind: "barrel", key: barrelUnitKey(folder, outlines, codecs, options), folder });
  }
  return units;
}

/** A model module's key: the model's own key, what it sees of the models it references, whether it needs a codec. */
export function modelUnitKey(outline: ModelOutline, byId: ReadonlyMap<string, ModelOutline>, codecs: ReadonlySet<string>, options: Pick<EmitOptions, "enumStyle">, ownKey: string): string {
  const seen = outline.targets.map((id) => surface(byId.get(id)!, codecs));
  return hash(["model", { enumStyle: options.enumStyle }, ownKey, seen, codecs.has(outline.id)]);
}

/** A folder barrel's key: what it sees of the folder's models. */
function barrelUnitKey(folder: string, outlines: readonly ModelOutline[], codecs: ReadonlySet<string>, options: Pick<EmitOptions, "enumStyle">): string {
  const members = outlines.filter((m) => m.folder === folder).map((m) => surface(m, codecs));
  return hash(["barrel", { enumStyle: options.enumStyle }, folder, members]);
}

/**
 * @param modelKeys per model id, a key that changes whenever the resolved
 *   model can change (the CLI: its doc's hash and the directory it was
 *   resolved under, see ir/resolve.ts); spares serialising every model.
 *   Models without one are hashed.
 */
export function planUnits(spec: Spec, options: EmitOptions, modelKeys?: ReadonlyMap<string, string>): Unit[] {
  const byId = new Map(spec.models.map((m) => [m.id, m]));
  const outlines = spec.models.map((m) => outlineModel(m, options));
  const planned = planOutlines(outlines, spec.folders, options, (id) => modelKeys?.get(id) ?? modelHash(byId.get(id)!));
  return planned.map((unit) => (unit.kind === "model" ? { kind: "model", key: unit.key, model: byId.get(unit.id)! } : unit));
}
