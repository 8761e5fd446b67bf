/**
 * The command line: the only place, with the output writer, that touches the
 * file system. Everything between reading docs and writing files is the
 * pure pipeline (parse → ir → emit).
 */
import { relative, resolve } from "node:path";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { requireCached, saveCodeCache } from "../code-cache.ts";
import type { EmitResult } from "../emit/index.ts";
import type { ResolveMemo } from "../ir/resolve.ts";
import type { SourceDoc } from "../pipeline.ts";
import { HELP, parseCliArgs, UsageError, type CliArgs } from "./args.ts";
import { emitFull, rebuild, type BuildInputs, type RunBuild } from "./build.ts";
import { BrokenCacheError, cachePath, currentGeneratorVersion, dropCache, loadCache, saveCache, stampPath, type CacheData, type ParsedEntry } from "./cache.ts";
import { loadConfig, type ResolvedConfig } from "./config.ts";
import { checkTarget, compareOutput, MANIFEST, manifestText, OutputError, writeOutput, type OutputText } from "./output.ts";
import { decodeSpec, readSpecFiles } from "./read-spec.ts";
import { newId } from "./hash.ts";
import { formatDiagnostics, plural } from "./report.ts";
import { docRecords, inputsUnchanged, knownFiles, loadStamp, outputsIntact, outputStatsAfter, previousOutput, runSetup, saveStamp, type Stamp } from "./stamp.ts";
import { RunTimings } from "./timings.ts";
import { writeToFd } from "./write-fd.ts";

// Parsing (remark), resolving and emitting are imported when a run needs them:
// an up-to-date run never loads them, which is most of its start-up time.

export interface RunIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Kept between runs in one process (watch mode), so the cache file is not re-read. */
export interface RunState {
  cache?: CacheData;
  /** The files this process last wrote to the output folder, by package path. */
  written?: Map<string, OutputText>;
  /**
   * Watch mode keeps the cache (and the stamp, taken after each write) in
   * memory and writes them when idle (`flushCache`): serialising megabytes
   * after every edit would cost more than the edit.
   */
  deferCacheWrite?: boolean;
  unsavedCache?: { file: string; data: CacheData };
  unsavedStamp?: { file: string; stamp: Stamp };
  /** Update the output folder in place (watch mode; see output.ts WriteOptions). */
  writeInPlace?: boolean;
  /** Keep resolved models from run to run (watch mode): only changed docs are resolved again. */
  memoizeResolve?: boolean;
  /** Those resolved models (ir/resolve.ts), made on the first run that resolves. */
  resolveMemo?: ResolveMemo;
}

/** Set by the bundled build (scripts/build.mjs). */
declare const __MD_MODEL_CODEGEN_BUILD__: string | undefined;

/**
 * The parser, resolver and emitter (work.ts). The built CLI keeps them in
 * dist/cli/work.cjs and loads that through the V8 code cache; from sources,
 * a plain import.
 */
function loadWork(): Promise<typeof import("./work.ts")> {
  workModule ??= typeof __MD_MODEL_CODEGEN_BUILD__ === "string" ? Promise.resolve(requireCached("./work.cjs", import.meta.url) as typeof import("./work.ts")) : import("./work.ts");
  return workModule;
}
let workModule: Promise<typeof import("./work.ts")> | undefined;

/** Write the cache and stamp that watch mode kept back. */
export function flushCache(state: RunState): void {
  if (state.unsavedCache) saveCache(state.unsavedCache.file, state.unsavedCache.data);
  if (state.unsavedStamp) saveStamp(state.unsavedStamp.file, state.unsavedStamp.stamp);
  delete state.unsavedCache;
  delete state.unsavedStamp;
}

/** Parse the docs, reusing cached results for docs whose bytes did not change. */
async function parseWithCache(docs: readonly SourceDoc[], hashes: ReadonlyMap<string, string>, cache: CacheData | undefined): Promise<{ parsed: Map<string, ParsedEntry>; edited: Set<string>; workers: number }> {
  const stale = docs.filter((doc) => cache?.parsed[doc.path]?.hash !== hashes.get(doc.path));
  const { parseDocs, usesWorkers, preloadTsMorph } = await loadWork();
  // A cold run will print: while workers parse, this thread can load ts-morph. Parsing here,
  // loading it first would only hold TypeScript in memory through the parse (~50 MB more peak RSS).
  if (!cache && usesWorkers(stale))
    setImmediate(() => {
      try {
        preloadTsMorph();
      } catch {
        // Printing loads it again, and reports what is wrong then.
      }
    });
  const { outcomes, workers } = stale.length ? await parseDocs(stale) : { outcomes: [], workers: 0 };
  const fresh = new Map(outcomes.map((r) => [r.path, r]));
  const parsed = new Map<string, ParsedEntry>();
  for (const doc of docs) {
    const outcome = fresh.get(doc.path);
    const hash = hashes.get(doc.path)!;
    parsed.set(doc.path, outcome ? { hash, ...(outcome.model ? { model: outcome.model } : {}), diagnostics: outcome.diagnostics } : cache!.parsed[doc.path]!);
  }
  return { parsed, edited: new Set(stale.map((doc) => doc.path)), workers };
}

function describe(docs: number, kinds: Stamp["kinds"]): string {
  return `${plural(docs, "doc")} (${plural(kinds.object, "object")}, ${plural(kinds.enum, "enum")}, ${plural(kinds.union, "union")})`;
}

/** One generate (or check) run. Returns the exit code; never calls process.exit. */
export async function runOnce(args: CliArgs, config: ResolvedConfig, io: RunIo, state: RunState = {}): Promise<number> {
  try {
    return await run(args, config, io, state, true);
  } catch (error) {
    if (!(error instanceof BrokenCacheError)) throw error;
    // Nothing is printed or written before models are read: the run starts over without the cache, and saves a new one.
    dropCache(cachePath(io.cwd, resolve(io.cwd, config.spec), resolve(io.cwd, config.out)));
    delete state.cache;
    return await run(args, config, io, state, false);
  }
}

/** One run, with the cache or (after a BrokenCacheError) without it. */
async function run(args: CliArgs, config: ResolvedConfig, io: RunIo, state: RunState, useCache: boolean): Promise<number> {
  const timings = new RunTimings();
  const specRoot = resolve(io.cwd, config.spec);
  const outDir = resolve(io.cwd, config.out);
  if (!existsSync(specRoot) || !statSync(specRoot).isDirectory()) {
    io.stderr(`error: spec folder ${config.spec} does not exist\n`);
    return 2;
  }
  if (!args.check) checkTarget(config.out, config.spec, io.cwd);
  const specLabel = relative(io.cwd, specRoot) || ".";
  const emitOptions = { packageName: config.packageName, enumStyle: config.enumStyle, ...(config.packageVersion ? { packageVersion: config.packageVersion } : {}) };
  const finish = (code: number) => {
    if (args.timings) io.stderr(timings.format());
    return code;
  };
  const tooManyWarnings = (warnings: number) => {
    if (config.maxWarnings === undefined || warnings <= config.maxWarnings) return false;
    io.stderr(`${plural(warnings, "warning")} (more than --max-warnings ${config.maxWarnings}): nothing written\n`);
    return true;
  };

  // An up-to-date run reads only stats and the stamp: no doc is read, decoded or parsed.
  const stampFile = stampPath(io.cwd, specRoot, outDir);
  const stamp = args.check || args.stats ? undefined : (state.unsavedStamp?.stamp ?? loadStamp(stampFile));
  const specFiles = readSpecFiles(specRoot, knownFiles(stamp));
  const generatorVersion = currentGeneratorVersion();
  const setupOptions = { ...emitOptions, specRoot };
  timings.lap("read");
  const setup = runSetup(generatorVersion, setupOptions, specFiles);
  if (stamp && inputsUnchanged(stamp, setup, specFiles) && outputsIntact(outDir, stamp.outputs)) {
    timings.lap("up-to-date check");
    if (stamp.warnings.length) io.stderr(formatDiagnostics(stamp.warnings, args.reporter, specLabel));
    if (tooManyWarnings(stamp.warnings.length)) return finish(1);
    if (args.changes) writeFileSync(resolve(io.cwd, args.changes), "[]\n");
    const docs = specFiles.files.length;
    io.stdout(`generated ${config.out} from ${describe(docs, stamp.kinds)}: 0 files written, ${Object.keys(stamp.outputs).length} unchanged, 0 removed, ${plural(stamp.warnings.length, "warning")} (up to date: parsed 0/${docs}, printed 0 units) in ${Math.round(timings.elapsed())} ms\n`);
    return finish(0);
  }

  const cacheFile = cachePath(io.cwd, specRoot, outDir);
  const cache = useCache ? (state.cache ?? loadCache(cacheFile)) : undefined;
  // Docs whose bytes have a cached parse are not even decoded: a one-doc edit reads one doc.
  const read = decodeSpec(specFiles, (file) => cache?.parsed[file.path]?.hash === file.hash);
  const hashes = new Map(specFiles.files.map((file) => [file.path, file.hash]));
  timings.lap("load cache");
  const { parsed, edited, workers } = await parseWithCache(read.docs, hashes, cache);
  const reparsed = edited.size;
  timings.lap(`parse ${reparsed} docs${workers ? ` in ${workers} workers` : ""}`);
  const work = await loadWork();
  const inputs: BuildInputs = {
    work,
    read,
    parsed,
    edited,
    hashes,
    emitOptions,
    runtime: work.loadRuntimeSources(),
    unitCache: cache ? new Map(cache.units) : undefined,
    memo: cache?.skeletons ? new Map(cache.skeletons) : undefined,
  };
  const emitLap = (emitted: EmitResult<OutputText>) => `emit ${emitted.printed} units (${plural(emitted.printedByTsMorph, "file")} by ts-morph)`;

  // An edit that keeps the spec's directory is rebuilt from the last build's record, without loading the other docs' models.
  const rebuilt = cache?.build && !args.stats && !read.diagnostics.some((d) => d.severity === "error") ? await rebuild(inputs, cache.build) : undefined;
  let build: RunBuild;
  if (rebuilt) {
    build = rebuilt;
    timings.lap(`rebuild ${plural(edited.size, "edited doc")}, ${emitLap(rebuilt.emitted)}`);
    if (rebuilt.diagnostics.length || read.diagnostics.length) io.stderr(formatDiagnostics([...read.diagnostics, ...rebuilt.diagnostics], args.reporter, specLabel));
  } else {
    if (state.memoizeResolve) state.resolveMemo ??= work.createResolveMemo();
    const built = work.buildSpec(read.docs, { rootPath: specRoot, enumStyle: config.enumStyle }, parsed, state.resolveMemo);
    const diagnostics = [...read.diagnostics, ...built.diagnostics];
    timings.lap("resolve");
    if (diagnostics.length) io.stderr(formatDiagnostics(diagnostics, args.reporter, specLabel));
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    if (!built.spec || errors > 0) {
      io.stderr(`${plural(errors, "error")}, ${plural(diagnostics.length - errors, "warning")}: nothing written\n`);
      return finish(1);
    }
    if (args.stats) io.stdout(work.formatStats(work.collectStats(built.spec)));
    build = await emitFull(inputs, built, cache?.build, config);
    timings.lap(emitLap(build.emitted));
  }
  const diagnostics = [...read.diagnostics, ...build.diagnostics];
  const warnings = diagnostics.length;
  if (tooManyWarnings(warnings)) return finish(1);
  const { emitted, kinds, changes } = build;
  const files = emitted.files;
  const what = describe(read.docs.length, kinds);
  if (args.changes) writeFileSync(resolve(io.cwd, args.changes), `${JSON.stringify(changes ?? [], null, 2)}\n`);
  const effort = `parsed ${reparsed}/${read.docs.length}, printed ${emitted.printed} units`;

  if (args.check) {
    const result = compareOutput(outDir, files);
    timings.lap("compare");
    const problems = [...result.stale.map((f) => `stale:   ${f}`), ...result.missing.map((f) => `missing: ${f}`), ...result.extra.map((f) => `extra:   ${f}`)];
    if (problems.length) {
      io.stderr(`${config.out} is out of date with ${config.spec}:\n${problems.map((p) => `  ${p}\n`).join("")}run \`npm run generate\` and commit the result\n`);
      return finish(1);
    }
    io.stdout(`${config.out} is up to date: ${what}, ${plural(files.size, "file")} checked in ${Math.round(timings.elapsed())} ms\n`);
    return finish(0);
  }

  // Watch mode knows what it wrote; otherwise the stamp may vouch for the cache's texts.
  const previous = state.written ? undefined : previousOutput(cache, stamp, outDir);
  const touched = new Set<string>();
  const summary = writeOutput(outDir, files, {
    onDisk: state.written ?? previous?.texts,
    inPlace: state.writeInPlace === true,
    ...(previous ? { owned: previous.owned } : {}),
    touched: (path) => touched.add(path),
  });
  state.written = new Map([...files, [MANIFEST, manifestText(files.keys())]]);
  timings.lap("write");
  // Nothing changed since the cache was written: no need to write it again.
  if (summary.written > 0 || summary.removed > 0 || reparsed > 0 || emitted.printed > 0 || !cache) {
    state.cache = { version: generatorVersion, id: newId(), parsed: Object.fromEntries(parsed), units: [...emitted.cache], skeletons: [...emitted.skeletons], build: build.record };
    state.unsavedCache = { file: cacheFile, data: state.cache };
  } else state.cache = cache;
  // Output stats are taken now, right after writing: an edit made later must not look intact.
  const nextStamp: Stamp = {
    inputs: setup,
    outputs: outputStatsAfter(outDir, [...state.written.keys()], touched, previous),
    docs: docRecords(specFiles),
    recordedAt: Date.now(),
    warnings: diagnostics,
    kinds,
    ...(state.cache.id ? { cache: state.cache.id } : {}),
  };
  state.unsavedStamp = { file: stampFile, stamp: nextStamp };
  if (!state.deferCacheWrite) flushCache(state);
  timings.lap("save cache");
  if (changes && changes.length > 0) io.stdout(work.formatChanges(changes));
  io.stdout(
    `generated ${config.out} from ${what}: ${plural(summary.written, "file")} written, ${summary.unchanged} unchanged, ${summary.removed} removed, ${plural(warnings, "warning")} (${effort}) in ${Math.round(timings.elapsed())} ms\n`,
  );
  return finish(0);
}

export async function main(argv: string[], io: RunIo): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    if (args.help) {
      io.stdout(`${HELP}\n`);
      return 0;
    }
    const config = loadConfig(args, io.cwd);
    if (args.watch) {
      const { watch } = await import("./watch.ts");
      return await watch(args, config, io);
    }
    return await runOnce(args, config, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`error: ${error.message}\n\n${HELP}\n`);
      return 2;
    }
    if (error instanceof OutputError) {
      io.stderr(`error: ${error.message}\n`);
      return 2;
    }
    io.stderr(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}

/** Run as a command: the process's arguments, streams and exit code. */
export async function runCommand(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (t) => writeToFd(1, t),
    stderr: (t) => writeToFd(2, t),
  });
}

/**
 * After `runCommand`: save the code cache of what ran (if loaded), then exit
 * rather than let V8 spend ~15 ms on garbage collection tasks that an ending
 * process does not need. Every file and all output are written
 * (synchronously) by then.
 */
export function finishCommand(): void {
  saveCodeCache();
  process.exit();
}

// `tsx generator/cli/main.ts` (npm run generate); the built command starts from bin.ts.
const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
// Not awaited: the build is CommonJS (see bin.ts). `main` catches every error, and the pending work keeps the process alive.
if (invokedDirectly) void runCommand();
