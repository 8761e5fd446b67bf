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
import { modelRefs } from "../ir/walk.ts";
import { modelsNeedingCodec } from "../ir/codec-needs.ts";
import type { EmitOptions } from "./context.ts";

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

/** What a referencing module sees of a model. */
function surface(model: Model, options: EmitOptions, codecs: Set<string>) {
  return {
    id: model.id,
    name: model.name,
    kind: model.kind,
    ...(model.kind === "enum" ? { form: enumForm(model, options.enumStyle), open: model.open } : {}),
    codec: codecs.has(model.id),
  };
}

/**
 * @param modelKeys per model id, a key that changes whenever the resolved
 *   model can change (the CLI: its doc's hash and the directory it was
 *   resolved under, see ir/resolve.ts); spares serialising every model.
 *   Models without one are hashed.
 */
export function planUnits(spec: Spec, options: EmitOptions, modelKeys?: ReadonlyMap<string, string>): Unit[] {
  const codecs = modelsNeedingCodec(spec.models);
  const byId = new Map(spec.models.map((m) => [m.id, m]));
  const settings = { enumStyle: options.enumStyle };
  const units: Unit[] = spec.models.map((model) => {
    const targets = [...new Set(modelRefs(model).map((r) => r.target!))].sort();
    const seen = targets.map((id) => surface(byId.get(id)!, options, codecs));
    return { kind: "model", key: hash(["model", settings, modelKeys?.get(model.id) ?? modelHash(model), seen, codecs.has(model.id)]), model };
  });
  for (const folder of [...new Set(["", ...spec.folders])].sort()) {
    const members = spec.models.filter((m) => m.folder === folder).map((m) => surface(m, options, codecs));
    units.push({ kind: "barrel", key: hash(["barrel", settings, folder, members]), folder });
  }
  return units;
}
