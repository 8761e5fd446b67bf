/**
 * The up-to-date stamp: a small record of what the last successful run read
 * and wrote, checked before anything heavy is loaded. When the docs hash the
 * same, the options and the generator are the same, and every output file
 * still has the size and mtime it was left with, a run has nothing to do:
 * no cache to load, no parse, no ts-morph (tsc's build info works the same
 * way). Anything else falls through to a full, cache-assisted run.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic, ModelKind } from "../ir/types.ts";
import type { CacheData } from "./cache.ts";
import { MANIFEST, type OutputText } from "./output.ts";
import { listFiles, type KnownFiles, type SpecFiles } from "./read-spec.ts";
import { writeFileAtomic } from "./write-atomic.ts";

export interface Stamp {
  /** What the output depends on besides the docs (see `runSetup`). */
  inputs: string;
  /** Output file (package path) → [size, mtimeMs] as left by the run. */
  outputs: Record<string, [number, number]>;
  /** Each doc's [size, mtimeMs, hash], so an up-to-date run need not read them. */
  docs: KnownFiles["files"];
  /** When the stamp was taken (ms since the epoch). */
  recordedAt: number;
  /** The run's warnings: an up-to-date run reports them again. */
  warnings: Diagnostic[];
  kinds: Record<ModelKind, number>;
  /** The id of the cache saved with this stamp: its units are the files the stamp saw. */
  cache?: string;
}

/** What the output depends on besides the docs' content: the generator, the options that change bytes, the files that are not docs. */
export function runSetup(generatorVersion: string, options: Record<string, unknown>, spec: SpecFiles): string {
  return JSON.stringify([generatorVersion, options, spec.diagnostics]);
}

/** The same setup and the same docs (paths and content hashes) as when the stamp was taken. */
export function inputsUnchanged(stamp: Stamp, setup: string, spec: SpecFiles): boolean {
  if (stamp.inputs !== setup || spec.files.length !== Object.keys(stamp.docs).length) return false;
  return spec.files.every((file) => stamp.docs[file.path]?.[2] === file.hash);
}

export function knownFiles(stamp: Stamp | undefined): KnownFiles | undefined {
  return stamp ? { files: stamp.docs, recordedAt: stamp.recordedAt } : undefined;
}

export function docRecords(spec: SpecFiles): Stamp["docs"] {
  return Object.fromEntries(spec.files.map((f) => [f.path, [f.size, f.mtimeMs, f.hash]]));
}

/** Size and mtime of each output file; a file that cannot be read has none. */
export function outputStats(outDir: string, paths: Iterable<string>): Record<string, [number, number]> {
  const stats: Record<string, [number, number]> = {};
  for (const path of paths) {
    try {
      const stat = statSync(join(outDir, path));
      stats[path] = [stat.size, stat.mtimeMs];
    } catch {
      // Missing: left out, so the next run cannot take it for intact.
    }
  }
  return stats;
}

/**
 * The output folder holds exactly the recorded files (node_modules aside),
 * each with its recorded size and mtime: nothing edited, deleted or added
 * (a full run would refuse a folder with files it did not write).
 */
export function outputsIntact(outDir: string, recorded: Stamp["outputs"]): boolean {
  let present: Array<{ absolute: string; path: string }>;
  try {
    present = listFiles(outDir, true).filter((f) => !f.path.startsWith("node_modules/"));
  } catch {
    return false;
  }
  if (present.length !== Object.keys(recorded).length) return false;
  for (const { absolute, path } of present) {
    const record = recorded[path];
    if (!record) return false;
    const stat = statSync(absolute, { throwIfNoEntry: false });
    if (!stat || stat.size !== record[0] || stat.mtimeMs !== record[1]) return false;
  }
  return true;
}

export function loadStamp(path: string): Stamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(path, "utf8")) as Stamp;
    const valid = typeof stamp.inputs === "string" && typeof stamp.outputs === "object" && typeof stamp.docs === "object" && typeof stamp.recordedAt === "number" && Array.isArray(stamp.warnings);
    if (!valid) return undefined;
    return stamp;
  } catch {
    return undefined;
  }
}

/** Atomic like the cache; a stamp that cannot be written only costs speed next time. */
export function saveStamp(path: string, stamp: Stamp): void {
  try {
    writeFileAtomic(path, JSON.stringify(stamp), true);
  } catch {
    // ignored on purpose
  }
}

/** What the previous run left in the output folder, verified by its stamp (see `previousOutput`). */
export interface PreviousOutput {
  /** Each module's files, from the cache's units (the runtime, package.json and manifest are read when needed). */
  texts: Map<string, OutputText>;
  /** The files the folder holds (as the manifest lists them, the manifest aside). */
  owned: string[];
  /** Size and mtime of each file, as found: still right for the files a run leaves alone. */
  stats: Stamp["outputs"];
}

/**
 * What the previous run left in the output folder, known without reading
 * it: the files of the cache's units, when the stamp saved with that cache
 * finds the folder as it left it. Saves reading every file back to compare
 * (a tenth of a second for a 2,000-doc spec), listing the folder again and
 * stat-ing the files a run does not write; undefined when unsure.
 */
export function previousOutput(cache: CacheData | undefined, stamp: Stamp | undefined, outDir: string): PreviousOutput | undefined {
  if (!cache?.id || !stamp || stamp.cache !== cache.id || !outputsIntact(outDir, stamp.outputs)) return undefined;
  const texts = new Map<string, OutputText>();
  for (const [, unitFiles] of cache.units) for (const path in unitFiles) texts.set(path, unitFiles[path]!);
  return { texts, owned: Object.keys(stamp.outputs).filter((path) => path !== MANIFEST), stats: stamp.outputs };
}

/**
 * The stamp's record of the output after a write: files the write left
 * alone keep the stats `previous` verified (an edit made since would only
 * make the next run look closer), the rest are taken now.
 */
export function outputStatsAfter(outDir: string, paths: readonly string[], touched: ReadonlySet<string>, previous: PreviousOutput | undefined): Stamp["outputs"] {
  if (!previous) return outputStats(outDir, paths);
  const stats: Stamp["outputs"] = {};
  const fresh = outputStats(
    outDir,
    paths.filter((path) => touched.has(path) || !previous.stats[path]),
  );
  for (const path of paths) {
    const stat = fresh[path] ?? (touched.has(path) ? undefined : previous.stats[path]);
    if (stat) stats[path] = stat;
  }
  return stats;
}
