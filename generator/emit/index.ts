/**
 * IR → the files of the generated package (path → text). Pure: no file
 * system; the CLI writes the result. The same spec always gives the same
 * bytes: models arrive sorted and every list is built in that order.
 *
 * Incremental: each unit (model module, barrel) has a key; units whose key
 * is in the given cache are reused, and ts-morph is loaded only when some
 * unit must be printed.
 */
import type { Spec } from "../ir/types.ts";
import { RUNTIME_PATH, type EmitOptions } from "./context.ts";
import { packageJson } from "./package-manifest.ts";
import { planUnits, type Unit } from "./units.ts";

export type { EmitOptions } from "./context.ts";

/** The runtime module's two files, shipped unchanged in every package. */
export interface RuntimeSources {
  js: string;
  dts: string;
}

/** Unit key → the files that unit produced. */
export type EmitCache = ReadonlyMap<string, Record<string, string>>;

export interface EmitResult {
  files: Map<string, string>;
  /** The cache for the next run: exactly this run's units. */
  cache: Map<string, Record<string, string>>;
  /** How many units were printed (the rest came from the cache). */
  printed: number;
}

export type PrintUnits = (spec: Spec, options: EmitOptions, units: readonly Unit[]) => Map<string, Record<string, string>>;

/** Emit, loading ts-morph (through print-units) only when a unit misses the cache. */
export async function emitPackage(spec: Spec, options: EmitOptions, runtime: RuntimeSources, cache?: EmitCache): Promise<EmitResult> {
  const units = planUnits(spec, options);
  const print: PrintUnits = units.some((u) => !cache?.has(u.key)) ? (await import("./print-units.ts")).printUnits : () => new Map();
  return assemble(spec, options, runtime, units, print, cache);
}

/** The same, synchronously, for callers that have ts-morph loaded anyway (tests, benchmarks). */
export function emitPackageWith(print: PrintUnits, spec: Spec, options: EmitOptions, runtime: RuntimeSources, cache?: EmitCache): EmitResult {
  return assemble(spec, options, runtime, planUnits(spec, options), print, cache);
}

function assemble(spec: Spec, options: EmitOptions, runtime: RuntimeSources, units: Unit[], print: PrintUnits, cache?: EmitCache): EmitResult {
  const misses = units.filter((u) => !cache?.has(u.key));
  const printed = misses.length ? print(spec, options, misses) : new Map<string, Record<string, string>>();
  const next = new Map<string, Record<string, string>>();
  const files = new Map<string, string>();
  for (const unit of units) {
    const texts = printed.get(unit.key) ?? cache!.get(unit.key)!;
    next.set(unit.key, texts);
    for (const [path, text] of Object.entries(texts)) files.set(path, text);
  }
  files.set(`${RUNTIME_PATH}.js`, runtime.js);
  files.set(`${RUNTIME_PATH}.d.ts`, runtime.dts);
  files.set("package.json", packageJson(spec, options));
  return { files: new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), cache: next, printed: misses.length };
}
