/**
 * IR → the files of the generated package (path → text). Pure: no file
 * system; the CLI writes the result. The same spec always gives the same
 * bytes: models arrive sorted and every list is built in that order.
 *
 * Incremental: each unit (model module, barrel) has a key; units whose key
 * is in the given cache are reused. The others are printed, and ts-morph is
 * loaded only when one of their files is not in the skeleton memo.
 */
import type { Spec } from "../ir/types.ts";
import { RUNTIME_PATH, type EmitOptions } from "./context.ts";
import { packageJson } from "./package-manifest.ts";
import type { PrintedUnits } from "./print-units.ts";
import { planUnits, type PlannedUnit, type Unit } from "./units.ts";

export { modelUnitKey, outlineModel, type ModelOutline, type PlannedUnit } from "./units.ts";

export type { EmitOptions } from "./context.ts";

/** The runtime module's two files, shipped unchanged in every package. */
export interface RuntimeSources {
  js: string;
  dts: string;
}

/**
 * Unit key → the files that unit produced. A cache may hold a file's text
 * as its UTF-8 bytes (`T`: the CLI's cache never decodes the files it only
 * passes on); printed files are strings.
 */
export type EmitCache<T = string> = ReadonlyMap<string, Record<string, T>>;

/** Shape key → skeleton, as printed before (printer.ts): files of a known shape need no ts-morph. */
export type SkeletonMemo = ReadonlyMap<string, string>;

/** Shapes are few (a handful per kind of module); a memo grown past this keeps only the last run's. */
const MAX_SKELETONS = 2000;

export interface EmitResult<T = string> {
  /** Package path → text, sorted by path (cached files as the cache held them). */
  files: Map<string, string | T>;
  /** The cache for the next run: exactly this run's units. */
  cache: Map<string, Record<string, string | T>>;
  /** The skeleton memo for the next run: the given one and this run's shapes. */
  skeletons: Map<string, string>;
  /** How many units were printed (the rest came from the cache). */
  printed: number;
  /** How many files ts-morph printed: one per new shape (the rest were filled from skeletons). */
  printedByTsMorph: number;
  /** The units, in order, with their keys. */
  planned: PlannedUnit[];
}

export type PrintUnits = (spec: Spec, options: EmitOptions, units: readonly Unit[], memo?: SkeletonMemo, codecs?: ReadonlySet<string>) => PrintedUnits;

/** What printing no unit gives. */
const nothingPrinted: PrintedUnits = { units: new Map(), skeletons: new Map(), printedByTsMorph: 0 };

/** The printer when every unit is cached: assembleUnits never calls it. */
const noPrinter: PrintUnits = () => {
  throw new Error("internal: a unit to print, though all were cached");
};

/** Emit, loading the printer only when a unit misses the cache (and ts-morph only when a file misses the skeleton memo). */
export async function emitPackage<T = string>(spec: Spec, options: EmitOptions, runtime: RuntimeSources, cache?: EmitCache<T>, memo?: SkeletonMemo, modelKeys?: ReadonlyMap<string, string>): Promise<EmitResult<T>> {
  const units = planUnits(spec, options, modelKeys);
  const print = units.some((u) => !cache?.has(u.key)) ? (await import("./print-units.ts")).printUnits : noPrinter;
  return assembleSpec(print, spec, options, runtime, units, cache, memo);
}

/** The same, synchronously, for callers that have the printer loaded anyway (tests, benchmarks). */
export function emitPackageWith(print: PrintUnits, spec: Spec, options: EmitOptions, runtime: RuntimeSources, cache?: EmitCache, memo?: SkeletonMemo): EmitResult {
  return assembleSpec(print, spec, options, runtime, planUnits(spec, options), cache, memo);
}

function assembleSpec<T>(print: PrintUnits, spec: Spec, options: EmitOptions, runtime: RuntimeSources, units: readonly Unit[], cache?: EmitCache<T>, memo?: SkeletonMemo): EmitResult<T> {
  const byKey = new Map(units.map((u) => [u.key, u]));
  const planned = units.map((u): PlannedUnit => (u.kind === "model" ? { kind: "model", key: u.key, id: u.model.id } : u));
  return assembleUnits(spec.folders, options, runtime, planned, (misses) => print(spec, options, misses.map((u) => byKey.get(u.key)!), memo), cache, memo);
}

/**
 * The package from planned units: each unit's files from the cache, or
 * from `print`, which is called once with the units the cache misses.
 */
export function assembleUnits<T = string>(
  folders: readonly string[],
  options: EmitOptions,
  runtime: RuntimeSources,
  units: readonly PlannedUnit[],
  print: (misses: PlannedUnit[]) => PrintedUnits,
  cache?: EmitCache<T>,
  memo?: SkeletonMemo,
): EmitResult<T> {
  const misses = units.filter((u) => !cache?.has(u.key));
  const printed = misses.length ? print(misses) : nothingPrinted;
  const next = new Map<string, Record<string, string | T>>();
  const files = new Map<string, string | T>();
  for (const unit of units) {
    const texts: Record<string, string | T> = printed.units.get(unit.key) ?? cache!.get(unit.key)!;
    next.set(unit.key, texts);
    for (const [path, text] of Object.entries(texts)) files.set(path, text);
  }
  const skeletons = new Map([...(memo ?? []), ...printed.skeletons]);
  files.set(`${RUNTIME_PATH}.js`, runtime.js);
  files.set(`${RUNTIME_PATH}.d.ts`, runtime.dts);
  files.set("package.json", packageJson(folders, options));
  const sorted = new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { files: sorted, cache: next, skeletons: skeletons.size > MAX_SKELETONS ? printed.skeletons : skeletons, printed: misses.length, printedByTsMorph: printed.printedByTsMorph, planned: [...units] };
}
