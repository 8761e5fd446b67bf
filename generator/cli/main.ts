#!/usr/bin/env node
/**
 * The command line: the only place, with the output writer, that touches the
 * file system. Everything between reading docs and writing files is the
 * pure pipeline (parse → ir → emit).
 */
import { relative, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { buildSpec, countKinds } from "../pipeline.ts";
import { collectStats, formatStats } from "../ir/stats.ts";
import { HELP, parseCliArgs, UsageError, type CliArgs } from "./args.ts";
import { loadConfig, type ResolvedConfig } from "./config.ts";
import { checkTarget, compareOutput, MANIFEST, manifestText, OutputError, writeOutput } from "./output.ts";
import { readSpec } from "./read-spec.ts";
import { formatDiagnostics, plural } from "./report.ts";
import { loadRuntimeSources } from "./runtime-sources.ts";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { emitPackage } from "../emit/index.ts";
import { diffSpecs, formatChanges } from "../ir/changes.ts";
import { parseDocs } from "./parse-pool.ts";
import type { SourceDoc } from "../pipeline.ts";
import { cachePath, contentHash, currentGeneratorVersion, loadCache, saveCache, type CacheData, type ParsedEntry } from "./cache.ts";

export interface RunIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** Kept between runs in one process (watch mode), so the cache file is not re-read. */
export interface RunState {
  cache?: CacheData;
  /** The files this process last wrote to the output folder, by package path. */
  written?: Map<string, string>;
}

/** Parse the docs, reusing cached results for docs whose bytes did not change. */
async function parseWithCache(docs: readonly SourceDoc[], cache: CacheData | undefined): Promise<{ parsed: Map<string, ParsedEntry>; reparsed: number }> {
  const hashes = new Map(docs.map((doc) => [doc.path, contentHash(doc.text)]));
  const stale = docs.filter((doc) => cache?.parsed[doc.path]?.hash !== hashes.get(doc.path));
  const fresh = new Map((await parseDocs(stale)).map((r) => [r.path, r]));
  const parsed = new Map<string, ParsedEntry>();
  for (const doc of docs) {
    const outcome = fresh.get(doc.path);
    const hash = hashes.get(doc.path)!;
    parsed.set(doc.path, outcome ? { hash, ...(outcome.model ? { model: outcome.model } : {}), diagnostics: outcome.diagnostics } : cache!.parsed[doc.path]!);
  }
  return { parsed, reparsed: stale.length };
}

/** One generate (or check) run. Returns the exit code; never calls process.exit. */
export async function runOnce(args: CliArgs, config: ResolvedConfig, io: RunIo, state: RunState = {}): Promise<number> {
  const started = performance.now();
  const specRoot = resolve(io.cwd, config.spec);
  const outDir = resolve(io.cwd, config.out);
  if (!existsSync(specRoot) || !statSync(specRoot).isDirectory()) {
    io.stderr(`error: spec folder ${config.spec} does not exist\n`);
    return 2;
  }
  if (!args.check) checkTarget(config.out, config.spec, io.cwd);

  const read = readSpec(specRoot);
  const cacheFile = cachePath(io.cwd, specRoot, outDir);
  const cache = state.cache ?? loadCache(cacheFile);
  // A cold run will print: load ts-morph while the docs are parsed (in workers for large specs).
  if (!cache) void import("../emit/print-units.ts").catch(() => undefined);
  const { parsed, reparsed } = await parseWithCache(read.docs, cache);
  const built = buildSpec(read.docs, { rootPath: specRoot, enumStyle: config.enumStyle }, parsed);
  const diagnostics = [...read.diagnostics, ...built.diagnostics];
  const specLabel = relative(io.cwd, specRoot) || ".";
  if (diagnostics.length) io.stderr(formatDiagnostics(diagnostics, args.reporter, specLabel));
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  if (!built.spec || errors > 0) {
    io.stderr(`${plural(errors, "error")}, ${plural(warnings, "warning")}: nothing written\n`);
    return 1;
  }
  if (config.maxWarnings !== undefined && warnings > config.maxWarnings) {
    io.stderr(`${plural(warnings, "warning")} (more than --max-warnings ${config.maxWarnings}): nothing written\n`);
    return 1;
  }
  if (args.stats) io.stdout(formatStats(collectStats(built.spec)));

  const emitOptions = { packageName: config.packageName, enumStyle: config.enumStyle, ...(config.packageVersion ? { packageVersion: config.packageVersion } : {}) };
  const emitted = await emitPackage(built.spec, emitOptions, loadRuntimeSources(), cache ? new Map(cache.units) : undefined);
  const files = emitted.files;
  const kinds = countKinds(built.spec);
  const what = `${plural(read.docs.length, "doc")} (${plural(kinds.object, "object")}, ${plural(kinds.enum, "enum")}, ${plural(kinds.union, "union")})`;
  const changes = cache?.spec ? diffSpecs(cache.spec, built.spec) : undefined;
  if (args.changes) writeFileSync(resolve(io.cwd, args.changes), `${JSON.stringify(changes ?? [], null, 2)}\n`);
  const nextCache: CacheData = { version: currentGeneratorVersion(), parsed: Object.fromEntries(parsed), units: [...emitted.cache], spec: built.spec };
  const work = `parsed ${reparsed}/${read.docs.length}, printed ${emitted.printed} units`;

  if (args.check) {
    const result = compareOutput(outDir, files);
    const problems = [...result.stale.map((f) => `stale:   ${f}`), ...result.missing.map((f) => `missing: ${f}`), ...result.extra.map((f) => `extra:   ${f}`)];
    if (problems.length) {
      io.stderr(`${config.out} is out of date with ${config.spec}:\n${problems.map((p) => `  ${p}\n`).join("")}run \`npm run generate\` and commit the result\n`);
      return 1;
    }
    io.stdout(`${config.out} is up to date: ${what}, ${plural(files.size, "file")} checked in ${Math.round(performance.now() - started)} ms\n`);
    return 0;
  }

  const summary = writeOutput(outDir, files, state.written);
  state.written = new Map([...files, [MANIFEST, manifestText(files.keys())]]);
  state.cache = nextCache;
  saveCache(cacheFile, nextCache);
  if (changes && changes.length > 0) io.stdout(formatChanges(changes));
  io.stdout(
    `generated ${config.out} from ${what}: ${plural(summary.written, "file")} written, ${summary.unchanged} unchanged, ${summary.removed} removed, ${plural(warnings, "warning")} (${work}) in ${Math.round(performance.now() - started)} ms\n`,
  );
  return 0;
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

const invokedDirectly = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) {
  const code = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
  process.exitCode = code;
}
