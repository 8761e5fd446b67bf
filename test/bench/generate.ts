/**
 * Generate speed and memory (`npm run bench`): on authlete-bc9fa09 and the
 * largest shared corpus, a cold full generate (wall time, peak RSS), a run
 * with no change, one small doc edited, the largest doc edited, and watch
 * mode per edit. Whole runs are separate `npm run generate`-style processes;
 * watch is measured in-process, as it runs. Corpora are copied to a temp
 * folder (never into the project) so edits do not touch ../shared.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../generator/cli/config.ts";
import { parseCliArgs } from "../../generator/cli/args.ts";
import { runOnce, type RunState } from "../../generator/cli/main.ts";
import { listSpecFiles } from "../../generator/cli/read-spec.ts";
import { tempDir } from "../support/generate.ts";
import { CORPORA, HAS_SHARED, PROJECT_ROOT } from "../support/shared.ts";

/** The compiled CLI (`npm run build`), what an SDK build runs through the package's bin. */
const CLI = join(PROJECT_ROOT, "dist/cli/bin.js");

interface Run {
  ms: number;
  rssMb: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeCli(cwd: string, args: string[]): Run {
  const started = performance.now();
  const result = execFileSync("bash", ["-c", `/usr/bin/time -f 'peak-rss-kb=%M' "$@" 2>&1 >/dev/null | tail -1`, "time", process.execPath, CLI, ...args], { cwd, encoding: "utf8" });
  const ms = performance.now() - started;
  const rss = /peak-rss-kb=(\d+)/.exec(result);
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN };
}

function largestDoc(specRoot: string): string {
  return listSpecFiles(specRoot).reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
}

function smallDoc(specRoot: string): string {
  return listSpecFiles(specRoot).filter((f) => readFileSync(f, "utf8").includes("## Fields")).reduce((a, b) => (statSync(a).size <= statSync(b).size ? a : b));
}

/** A harmless edit: a description sentence appended to the first field row. */
function editDoc(file: string, n: number): void {
  const text = readFileSync(file, "utf8");
  const edited = text.replace(/(\| :heavy_(?:check_mark|minus_sign): \|[^|\n]*)/, `$1 Edited ${n}.`);
  writeFileSync(file, edited === text ? `${text}\n` : edited);
}

export interface GenerateBenchRow {
  corpus: string;
  docs: number;
  coldMs: number;
  coldRssMb: number;
  noChangeMs: number;
  smallEditMs: number;
  largeEditMs: number;
  watchEditMs: number;
}

async function watchEditMs(cwd: string, spec: string, out: string, file: string, rounds: number): Promise<number> {
  const args = parseCliArgs(["--spec", spec, "--out", out, "--package-name", "bench-models"]);
  const config = loadConfig(args, cwd);
  const state: RunState = {};
  const io = { cwd, stdout: () => {}, stderr: () => {} };
  await runOnce(args, config, io, state);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    editDoc(file, 1000 + i);
    const started = performance.now();
    await runOnce(args, config, io, state);
    times.push(performance.now() - started);
  }
  return median(times);
}

export async function benchGenerate(corpusNames: string[]): Promise<GenerateBenchRow[]> {
  const rows: GenerateBenchRow[] = [];
  for (const name of corpusNames) {
    const corpus = CORPORA.find((c) => c.name === name)!;
    const work = tempDir(`bench-${name}`);
    const relativeRoot = corpus.specRoot.slice(join(corpus.specRoot, "../..").length + 1);
    const copyRoot = join(work, "docs-copy");
    cpSync(join(corpus.specRoot, "../.."), copyRoot, { recursive: true });
    const spec = join(copyRoot, relativeRoot);
    const out = join(work, "out");
    const args = ["--spec", spec, "--out", out, "--package-name", "bench-models"];
    const docs = listSpecFiles(spec).length;

    const colds: Run[] = [];
    for (let i = 0; i < 3; i++) {
      rmSync(join(work, "node_modules"), { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
      colds.push(timeCli(work, args));
    }
    const noChange = median([0, 1, 2].map(() => timeCli(work, args).ms));
    const small = smallDoc(spec);
    const large = largestDoc(spec);
    const smallEdit = median([0, 1, 2].map((i) => (editDoc(small, i), timeCli(work, args).ms)));
    const largeEdit = median([0, 1, 2].map((i) => (editDoc(large, 10 + i), timeCli(work, args).ms)));
    const watch = await watchEditMs(work, spec, join(work, "out-watch"), small, 5);
    rows.push({
      corpus: name,
      docs,
      coldMs: median(colds.map((r) => r.ms)),
      coldRssMb: median(colds.map((r) => r.rssMb)),
      noChangeMs: noChange,
      smallEditMs: smallEdit,
      largeEditMs: largeEdit,
      watchEditMs: watch,
    });
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

export function formatGenerateTable(rows: GenerateBenchRow[]): string {
  const head = "| corpus | docs | cold full (ms) | cold peak RSS (MB) | ms/doc cold | no change (ms) | small doc edited (ms) | largest doc edited (ms) | watch per edit (ms) |";
  const sep = "|---|---:|---:|---:|---:|---:|---:|---:|---:|";
  const lines = rows.map((r) =>
    `| ${r.corpus} | ${r.docs} | ${r.coldMs.toFixed(0)} | ${r.coldRssMb.toFixed(0)} | ${(r.coldMs / r.docs).toFixed(2)} | ${r.noChangeMs.toFixed(0)} | ${r.smallEditMs.toFixed(0)} | ${r.largeEditMs.toFixed(0)} | ${r.watchEditMs.toFixed(1)} |`,
  );
  return [head, sep, ...lines].join("\n");
}

export async function main(): Promise<void> {
  if (!HAS_SHARED) {
    console.log("generate bench: skipped (../shared/corpora not found)");
    return;
  }
  if (!existsSync(CLI)) execFileSync("npm", ["run", "-s", "build"], { cwd: PROJECT_ROOT, stdio: "inherit" });
  console.log("generate bench: whole processes of the compiled CLI (dist/), median of 3; watch: median of 5 in-process edits");
  const rows = await benchGenerate(["authlete-bc9fa09", "apideck-6e1795e"]);
  console.log(formatGenerateTable(rows));
  const ratio = rows[1]!.coldMs / rows[1]!.docs / (rows[0]!.coldMs / rows[0]!.docs);
  console.log(`linearity: cold ms/doc on ${rows[1]!.corpus} is ${ratio.toFixed(2)}× that of ${rows[0]!.corpus} (1.0 = linear)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
