/**
 * Rebuilding after an edit without loading the models that did not change.
 *
 * A full build (pipeline.ts) leaves a BuildRecord: the directory its models
 * were resolved under (ir/resolve.ts), each folder barrel's unit key and,
 * per model, its outline (what planning units reads of it, emit/units.ts),
 * its module's key, whether it needs a JSON codec, what resolving it
 * reported and its facts (ir/changes.ts).
 *
 * What one model resolves to depends only on its doc and the directory. What
 * other modules, the barrels and the name checks see of a model is its
 * name, kind, enum form and openness, and its codec need. So when the edited
 * docs keep the directory (id, folder, title and kind of every model), their
 * enum forms and openness and every model's codec need, only the edited
 * models' own modules can change: they are resolved alone under the recorded
 * directory and keyed again; every other key comes from the record, and the
 * units the cache misses are printed. The result is the full build's, byte
 * for byte (test/cli/rebuild.test.ts checks it against one).
 *
 * Anything else returns undefined, and the caller runs the full build: a doc
 * added, removed or retitled, a changed codec need, an error anywhere (the
 * full build reports it).
 */
import { diffFacts, modelFacts, type Change, type ModelFacts } from "./ir/changes.ts";
import { codecClosure } from "./ir/codec-needs.ts";
import type { EnumStyle } from "./ir/naming.ts";
import { directoryEntry, directoryFromKey, resolveModel, type Directory } from "./ir/resolve.ts";
import type { Diagnostic, Model, ModelKind, Spec } from "./ir/types.ts";
import { assembleUnits, modelUnitKey, outlineModel, type EmitCache, type EmitOptions, type EmitResult, type ModelOutline, type PlannedUnit, type RuntimeSources, type SkeletonMemo } from "./emit/index.ts";
import { compareDiagnostics } from "./pipeline.ts";

/** What the next run needs of a successful build to rebuild an edit (see above). Plain data. */
export interface BuildRecord {
  /** The options the record holds for (`recordSetup`). */
  setup: string;
  /** The key of the directory the models were resolved under (ir/resolve.ts). */
  directory: string;
  /** Per model, sorted by id. */
  models: ModelRecord[];
  /** Each folder's barrel and its unit key, in emit order (after the models). */
  barrels: Array<[folder: string, key: string]>;
}

export interface ModelRecord {
  /** The doc's spec path. */
  file: string;
  outline: ModelOutline;
  /** What resolving the model reported. */
  diagnostics: Diagnostic[];
  /** ir/changes.ts facts as JSON: a string loads at a fraction of the cost of the objects, and most are never read. */
  facts: string;
  /** The key of the model's module (emit/units.ts). */
  key: string;
  /** Whether the model needs a JSON codec (ir/codec-needs.ts): modules referencing it and its barrel see that. */
  codec: boolean;
}

/** The options a record depends on besides the docs: unit keys and outlines read the enum style. */
export function recordSetup(options: { enumStyle: EnumStyle }): string {
  return JSON.stringify([options.enumStyle]);
}

function modelRecord(model: Model, diagnostics: Diagnostic[], outline: ModelOutline, key: string, codec: boolean): ModelRecord {
  return { file: model.position.file, outline, diagnostics, facts: JSON.stringify(modelFacts(model)), key, codec };
}

/**
 * The record of a full build: `modelDiagnostics` aligned with `spec.models`
 * (BuildResult), `units` as emitted (EmitResult.planned: the models' modules in
 * the same order, then the barrels).
 */
export function recordBuild(spec: Spec, modelDiagnostics: readonly Diagnostic[][], directory: string, options: { enumStyle: EnumStyle }, units: readonly PlannedUnit[]): BuildRecord {
  const outlines = spec.models.map((model) => outlineModel(model, options));
  const codecs = codecClosure(outlines);
  const models = spec.models.map((model, i) => {
    const unit = units[i]!;
    if (unit.kind !== "model" || unit.id !== model.id) throw new Error(`internal: unit ${i} is not ${model.id}'s module`);
    return modelRecord(model, modelDiagnostics[i]!, outlines[i]!, unit.key, codecs.has(model.id));
  });
  const barrels = units.slice(spec.models.length).map((unit): [string, string] => {
    if (unit.kind !== "barrel") throw new Error("internal: a model's module after the barrels");
    return [unit.folder, unit.key];
  });
  return { setup: recordSetup(options), directory, models, barrels };
}

/** The facts of recorded models (all of a build's: the previous spec, for the change summary). */
export function recordedFacts(models: readonly ModelRecord[]): Array<[string, ModelFacts]> {
  return models.map((m) => [m.outline.id, JSON.parse(m.facts) as ModelFacts]);
}

export function countOutlineKinds(record: BuildRecord): Record<ModelKind, number> {
  const counts: Record<ModelKind, number> = { object: 0, enum: 0, union: 0 };
  for (const { outline } of record.models) counts[outline.kind]++;
  return counts;
}

/** A doc's parse result; `model` may load on first access (the CLI's cache). */
export interface ParsedDoc {
  model?: Model;
  diagnostics: Diagnostic[];
}

export interface EditInput<T = string> {
  record: BuildRecord;
  /** Every doc of the spec, in reading order. */
  docs: ReadonlyArray<{ path: string }>;
  /** Every doc's parse result. Only edited docs' models and those they reference are read. */
  parsed: ReadonlyMap<string, ParsedDoc>;
  /** The docs parsed again this run. */
  edited: ReadonlySet<string>;
  /**
   * Per model (id and doc path), the key of what its resolved form depends
   * on under the directory with this key: the CLI's doc hash and directory
   * hash (cli/build.ts `modelKeys`).
   */
  modelKeys: (models: ReadonlyArray<{ id: string; file: string }>, directory: string) => ReadonlyMap<string, string>;
  options: EmitOptions;
  runtime: RuntimeSources;
  cache?: EmitCache<T>;
  memo?: SkeletonMemo;
}

export interface EditResult<T = string> {
  diagnostics: Diagnostic[];
  emitted: EmitResult<T>;
  record: BuildRecord;
  kinds: Record<ModelKind, number>;
  /** From the previous build (the record) to this one. */
  changes: Change[];
}

/** The build after an edit, from the record of the build before it; undefined when only a full build can tell (see above). */
export async function rebuildEdited<T = string>(input: EditInput<T>): Promise<EditResult<T> | undefined> {
  const { record, options } = input;
  if (record.setup !== recordSetup(options) || record.models.length !== input.docs.length) return undefined;
  const byFile = new Map(record.models.map((m, index) => [m.file, index]));
  if (!input.docs.every((doc) => byFile.has(doc.path))) return undefined;
  const directory = directoryFromKey(record.directory);
  const models = [...record.models];
  const edited = new Map<string, { model: Model; diagnostics: Diagnostic[]; index: number; outline: ModelOutline }>();
  for (const path of input.edited) {
    const index = byFile.get(path)!;
    const parsed = input.parsed.get(path)?.model;
    const before = record.models[index]!.outline;
    if (!parsed || parsed.id !== before.id || !sameEntry(directory, parsed)) return undefined;
    const { model, diagnostics } = resolveModel(parsed, directory);
    const outline = outlineModel(model, options);
    // The name checks and other modules see an enum's form and openness (ir/naming.ts).
    if (outline.form !== before.form || outline.open !== before.open) return undefined;
    edited.set(model.id, { model, diagnostics, index, outline });
  }

  // What other modules and the barrels see of a model is its name, kind, enum form and openness, and whether it needs
  // a codec. The first four held; when codec needs hold too, only the edited models' own modules get new keys.
  const editedAt = new Map([...edited.values()].map((e) => [e.index, e.outline]));
  const outlines = models.map((m, i) => editedAt.get(i) ?? m.outline);
  const codecs = codecClosure(outlines);
  if (models.some((m) => codecs.has(m.outline.id) !== m.codec)) return undefined;
  const byId = new Map(outlines.map((m) => [m.id, m]));
  const ownKeys = input.modelKeys(
    [...edited.values()].map(({ model }) => ({ id: model.id, file: model.position.file })),
    record.directory,
  );
  for (const [id, { model, diagnostics, index, outline }] of edited) {
    models[index] = modelRecord(model, diagnostics, outline, modelUnitKey(outline, byId, codecs, options, ownKeys.get(id)!), codecs.has(id));
  }

  // As buildSpec orders them: each doc's parse, then each model's resolve, sorted.
  const diagnostics: Diagnostic[] = [];
  for (const doc of input.docs) diagnostics.push(...input.parsed.get(doc.path)!.diagnostics);
  for (const model of models) diagnostics.push(...model.diagnostics);
  if (diagnostics.some((d) => d.severity === "error")) return undefined;
  diagnostics.sort(compareDiagnostics);

  const units: PlannedUnit[] = [...models.map((m): PlannedUnit => ({ kind: "model", key: m.key, id: m.outline.id })), ...record.barrels.map(([folder, key]): PlannedUnit => ({ kind: "barrel", key, folder }))];
  const misses = units.filter((u) => !input.cache?.has(u.key));
  if (misses.some((u) => u.kind !== "model" || !edited.has(u.id))) return undefined;
  const folders = [...new Set(outlines.map((m) => m.folder))].sort();
  const print = misses.length ? (await import("./emit/print-units.ts")).printUnits : undefined;
  const emitted = assembleUnits(
    folders,
    options,
    input.runtime,
    units,
    // The misses are edited models' modules (checked above).
    (missed) => {
      const printing = printedModels(missed as Array<Extract<PlannedUnit, { kind: "model" }>>, edited, directory, models, input.parsed);
      const spec: Spec = { models: printing, folders };
      return print!(spec, options, missed.map((u) => ({ kind: "model", key: u.key, model: edited.get((u as { id: string }).id)!.model })), input.memo, codecs);
    },
    input.cache,
    input.memo,
  );

  const next: BuildRecord = { setup: record.setup, directory: record.directory, models, barrels: record.barrels };
  const before = record.models.filter((m) => edited.has(m.outline.id));
  const after = models.filter((m) => edited.has(m.outline.id));
  const changes = edited.size ? diffFacts(recordedFacts(before), recordedFacts(after)) : [];
  return { diagnostics, emitted, record: next, kinds: countOutlineKinds(next), changes };
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
  edited: ReadonlyMap<string, { model: Model; outline: ModelOutline }>,
  directory: Directory,
  records: readonly ModelRecord[],
  parsed: ReadonlyMap<string, ParsedDoc>,
): Model[] {
  const fileOf = new Map(records.map((m) => [m.outline.id, m.file]));
  const models = new Map<string, Model>();
  for (const unit of units) {
    const { model, outline } = edited.get(unit.id)!;
    models.set(unit.id, model);
    for (const target of outline.targets) {
      if (models.has(target)) continue;
      models.set(target, edited.get(target)?.model ?? resolveModel(parsed.get(fileOf.get(target)!)!.model!, directory).model);
    }
  }
  return [...models.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
