/**
 * Rebuilding after an edit without loading the models that did not change.
 *
 * A full build (pipeline.ts) leaves a BuildRecord: the directory its models
 * were resolved under (ir/resolve.ts) and, per model, its outline (all that
 * planning units reads of it, emit/units.ts), what resolving it reported
 * and its facts (ir/changes.ts). What one model resolves to depends only on
 * its doc and the directory. So when the edited docs keep the directory (id,
 * folder, title and kind of every model) and their enum forms, nothing that
 * resolving another model, naming checks or another unit's key reads has
 * changed: the edited models are resolved alone under the recorded
 * directory, every unit is planned from the outlines, and only the units the
 * cache misses are printed. The result is the full build's, byte for byte
 * (test/cli/rebuild.test.ts checks it against one).
 *
 * Anything else returns undefined, and the caller runs the full build: a doc
 * added, removed or retitled, an error anywhere (the full build reports it),
 * or a miss outside the edited models' own modules (a changed codec need).
 */
import { createHash } from "node:crypto";
import { diffFacts, modelFacts, type Change, type ModelFacts } from "./ir/changes.ts";
import { codecClosure } from "./ir/codec-needs.ts";
import type { EnumStyle } from "./ir/naming.ts";
import { directoryEntry, directoryFromKey, resolveModel, type Directory } from "./ir/resolve.ts";
import type { Diagnostic, Model, ModelKind, Spec } from "./ir/types.ts";
import { assembleUnits, outlineModel, planOutlines, type EmitCache, type EmitOptions, type EmitResult, type ModelOutline, type PlannedUnit, type RuntimeSources, type SkeletonMemo } from "./emit/index.ts";
import { compareDiagnostics } from "./pipeline.ts";

/** What the next run needs of a successful build to rebuild an edit (see above). Plain data. */
export interface BuildRecord {
  /** The options the record holds for (`recordSetup`). */
  setup: string;
  /** The key of the directory the models were resolved under (ir/resolve.ts). */
  directory: string;
  /** Per model, sorted by id. */
  models: ModelRecord[];
}

export interface ModelRecord {
  /** The doc's spec path. */
  file: string;
  outline: ModelOutline;
  /** What resolving the model reported. */
  diagnostics: Diagnostic[];
  /** ir/changes.ts facts as JSON: a string loads at a fraction of the cost of the objects, and most are never read. */
  facts: string;
}

/** The options a record depends on besides the docs: unit keys and outlines read the enum style. */
export function recordSetup(options: { enumStyle: EnumStyle }): string {
  return JSON.stringify([options.enumStyle]);
}

function modelRecord(model: Model, diagnostics: Diagnostic[], options: { enumStyle: EnumStyle }): ModelRecord {
  return { file: model.position.file, outline: outlineModel(model, options), diagnostics, facts: JSON.stringify(modelFacts(model)) };
}

/** The record of a full build: `modelDiagnostics` aligned with `spec.models` (BuildResult). */
export function recordBuild(spec: Spec, modelDiagnostics: readonly Diagnostic[][], directory: string, options: { enumStyle: EnumStyle }): BuildRecord {
  return { setup: recordSetup(options), directory, models: spec.models.map((model, i) => modelRecord(model, modelDiagnostics[i]!, options)) };
}

/** The previous build's facts, for the change summary. */
export function recordedFacts(record: BuildRecord): Array<[string, ModelFacts]> {
  return record.models.map((m) => [m.outline.id, JSON.parse(m.facts) as ModelFacts]);
}

export function countOutlineKinds(record: BuildRecord): Record<ModelKind, number> {
  const counts: Record<ModelKind, number> = { object: 0, enum: 0, union: 0 };
  for (const { outline } of record.models) counts[outline.kind]++;
  return counts;
}

const sha = (text: string) => createHash("sha512").update(text).digest("hex").slice(0, 32);

/**
 * Per model, what its resolved form depends on: its doc's path and bytes,
 * and the directory it was resolved under. emit/units.ts keys the model's
 * module by it rather than by hashing the model.
 */
export function modelKeys(models: ReadonlyArray<{ id: string; file: string }>, docHashes: ReadonlyMap<string, string>, directory: string): Map<string, string> {
  const directoryHash = sha(directory);
  const keys = new Map<string, string>();
  for (const { id, file } of models) {
    const docHash = docHashes.get(file);
    if (docHash !== undefined) keys.set(id, JSON.stringify([file, docHash, directoryHash]));
  }
  return keys;
}

/** A doc's parse result; `model` may load on first access (the CLI's cache). */
export interface ParsedDoc {
  model?: Model;
  diagnostics: Diagnostic[];
}

export interface EditInput {
  record: BuildRecord;
  /** Every doc of the spec, in reading order. */
  docs: ReadonlyArray<{ path: string }>;
  /** Every doc's parse result. Only edited docs' models and those they reference are read. */
  parsed: ReadonlyMap<string, ParsedDoc>;
  /** The docs parsed again this run. */
  edited: ReadonlySet<string>;
  docHashes: ReadonlyMap<string, string>;
  options: EmitOptions;
  runtime: RuntimeSources;
  cache?: EmitCache;
  memo?: SkeletonMemo;
}

export interface EditResult {
  diagnostics: Diagnostic[];
  emitted: EmitResult;
  record: BuildRecord;
  kinds: Record<ModelKind, number>;
  /** From the previous build (the record) to this one. */
  changes: Change[];
}

/** The build after an edit, from the record of the build before it; undefined when only a full build can tell (see above). */
export async function rebuildEdited(input: EditInput): Promise<EditResult | undefined> {
  const { record, options } = input;
  if (record.setup !== recordSetup(options) || record.models.length !== input.docs.length) return undefined;
  const byFile = new Map(record.models.map((m, index) => [m.file, index]));
  if (!input.docs.every((doc) => byFile.has(doc.path))) return undefined;
  const directory = directoryFromKey(record.directory);
  const models = [...record.models];
  const edited = new Map<string, Model>();
  for (const path of input.edited) {
    const index = byFile.get(path)!;
    const parsed = input.parsed.get(path)?.model;
    const before = record.models[index]!.outline;
    if (!parsed || parsed.id !== before.id || !sameEntry(directory, parsed)) return undefined;
    const resolved = resolveModel(parsed, directory);
    const now = modelRecord(resolved.model, resolved.diagnostics, options);
    // The name checks and other modules see an enum's form and openness (ir/naming.ts).
    if (now.outline.form !== before.form || now.outline.open !== before.open) return undefined;
    models[index] = now;
    edited.set(resolved.model.id, resolved.model);
  }

  // As buildSpec orders them: each doc's parse, then each model's resolve, sorted.
  const diagnostics: Diagnostic[] = [];
  for (const doc of input.docs) diagnostics.push(...input.parsed.get(doc.path)!.diagnostics);
  for (const model of models) diagnostics.push(...model.diagnostics);
  if (diagnostics.some((d) => d.severity === "error")) return undefined;
  diagnostics.sort(compareDiagnostics);

  const outlines = models.map((m) => m.outline);
  const folders = [...new Set(outlines.map((m) => m.folder))].sort();
  const codecs = codecClosure(outlines);
  const keys = modelKeys(
    models.map((m) => ({ id: m.outline.id, file: m.file })),
    input.docHashes,
    record.directory,
  );
  const units = planOutlines(outlines, folders, options, (id) => keys.get(id)!, codecs);
  const misses = units.filter((u) => !input.cache?.has(u.key));
  if (misses.some((u) => u.kind !== "model" || !edited.has(u.id))) return undefined;

  const print = misses.length ? (await import("./emit/print-units.ts")).printUnits : undefined;
  const emitted = assembleUnits(
    folders,
    options,
    input.runtime,
    units,
    (missed) => {
      const printing = printedModels(missed as Array<Extract<PlannedUnit, { kind: "model" }>>, edited, directory, models, input.parsed);
      const spec: Spec = { models: printing, folders };
      return print!(spec, options, missed.map((u) => ({ kind: "model", key: u.key, model: edited.get((u as { id: string }).id)! })), input.memo, codecs);
    },
    input.cache,
    input.memo,
  );

  const next: BuildRecord = { setup: record.setup, directory: record.directory, models };
  const changed = [...edited.keys()];
  const before = record.models.filter((m) => edited.has(m.outline.id));
  const after = models.filter((m) => edited.has(m.outline.id));
  const changes = changed.length ? diffFacts(factsOf(before), factsOf(after)) : [];
  return { diagnostics, emitted, record: next, kinds: countOutlineKinds(next), changes };
}

function factsOf(models: readonly ModelRecord[]): Array<[string, ModelFacts]> {
  return models.map((m) => [m.outline.id, JSON.parse(m.facts) as ModelFacts]);
}

/** The edited model's directory entry is the one it was resolved under before. */
function sameEntry(directory: Directory, model: Model): boolean {
  const entry = directoryEntry(model);
  const known = directory.byId.get(entry.id);
  return known !== undefined && known.folder === entry.folder && known.name === entry.name && known.kind === entry.kind;
}

/**
 * The models printing the edited modules looks at: themselves and those they
 * reference (names, kinds, enum forms), each resolved under the directory.
 */
function printedModels(
  units: ReadonlyArray<Extract<PlannedUnit, { kind: "model" }>>,
  edited: ReadonlyMap<string, Model>,
  directory: Directory,
  records: readonly ModelRecord[],
  parsed: ReadonlyMap<string, ParsedDoc>,
): Model[] {
  const fileOf = new Map(records.map((m) => [m.outline.id, m.file]));
  const outlineOf = new Map(records.map((m) => [m.outline.id, m.outline]));
  const models = new Map<string, Model>();
  for (const unit of units) {
    models.set(unit.id, edited.get(unit.id)!);
    for (const target of outlineOf.get(unit.id)!.targets) {
      if (models.has(target)) continue;
      const model = edited.get(target) ?? resolveModel(parsed.get(fileOf.get(target)!)!.model!, directory).model;
      models.set(target, model);
    }
  }
  return [...models.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
