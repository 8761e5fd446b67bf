/**
 * Generate speed and memory (`npm run bench`): on authlete-bc9fa09 and the
 * largest shared corpus, a cold full generate (wall time, peak RSS), a run
 * with no change, one small doc edited, the largest doc edited, and watch
 * mode per edit. Whole runs are separate `npm run generate`-style processes;
 * watch is measured in-process, as it runs. Corpora are copied to a temp
 * folder (never into the project) so edits do not touch ../shared.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../generator/cli/config.ts";
import { parseCliArgs } from "../../generator/cli/args.ts";
import { runOnce } from "../../generator/cli/main.ts";
import { watchState } from "../../generator/cli/watch.ts";
import { listSpecFiles } from "../../generator/cli/read-spec.ts";
import { tempDir } from "../support/generate.ts";
import { CORPORA, HAS_SHARED, PROJECT_ROOT } from "../support/shared.ts";

/** The compiled CLI (`npm run build`), what an SDK build runs through the package's bin. */
const CLI = join(PROJECT_ROOT, "dist/cli/bin.cjs");

interface Run {
  ms: number;
  rssMb: number;
  /** The CLI's own `--timings` line: where the run's time went. */
  timings: string;
}

/** Whole-process runs per column: this machine's timings wander by ±10%, a median of 5 less than one of 3. */
const RUNS = 5;

function times<T>(run: (i: number) => T): T[] {
  return Array.from({ length: RUNS }, (_, i) => run(i));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function medianRun(runs: Run[]): Run {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
}

/**
 * One CLI process, timed from the parent. Only runs that report memory go
 * through /usr/bin/time (bash and time add ~50 ms of their own start-up).
 */
function timeCli(cwd: string, args: string[], withRss = false): Run {
  const started = performance.now();
  const result = withRss
    ? execFileSync("bash", ["-c", `/usr/bin/time -f 'peak-rss-kb=%M' "$@" 2>&1 >/dev/null`, "time", process.execPath, CLI, ...args, "--timings"], { cwd, encoding: "utf8" })
    : (spawnSync(process.execPath, [CLI, ...args, "--timings"], { cwd, encoding: "utf8" }).stderr ?? "");
  const ms = performance.now() - started;
  const rss = /peak-rss-kb=(\d+)/.exec(result);
  return { ms, rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN, timings: /^timings: (.*)$/m.exec(result)?.[1] ?? "" };
}

function largestDoc(specRoot: string): string {
  return listSpecFiles(specRoot).reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
}

/** The edit: a sentence put in front of the first field's description (cells may be padded), so that the doc's module really changes. */
const FIRST_ROW_DESCRIPTION = /(\| *:heavy_(?:check_mark|minus_sign): *\| *)/;

/** The smallest doc that has a field row to edit (an empty table's edit would change no output). */
function smallDoc(specRoot: string): string {
  return listSpecFiles(specRoot)
    .filter((f) => FIRST_ROW_DESCRIPTION.test(readFileSync(f, "utf8")))
    .reduce((a, b) => (statSync(a).size <= statSync(b).size ? a : b));
}

function editDoc(file: string, n: number): void {
  const text = readFileSync(file, "utf8");
  const edited = text.replace(FIRST_ROW_DESCRIPTION, `$1Edited ${n}. `);
  if (edited === text) throw new Error(`bench: nothing to edit in ${file}`);
  writeFileSync(file, edited);
}

export interface GenerateBenchRow {
  corpus: string;
  docs: number;
  coldMs: number;
  coldRssMb: number;
  noChangeMs: number;
  smallEditMs: number;
  largeEditMs: number;
  /** Median of the first 11 edits of a watch session, and of the 11 after them. */
  watchEditMs: number;
  watchWarmEditMs: number;
  /** `--timings` of the median run of some columns. */
  timings: Record<string, string>;
}

/** Watch edits in one process: the median of the first `rounds` (JIT still warming) and of the `rounds` after them. */
async function watchEditMs(cwd: string, spec: string, out: string, file: string, rounds: number): Promise<{ first: number; warm: number }> {
  const args = parseCliArgs(["--spec", spec, "--out", out, "--package-name", "bench-models"]);
  const config = loadConfig(args, cwd);
  const state = watchState();
  const io = { cwd, stdout: () => {}, stderr: () => {} };
  await runOnce(args, config, io, state);
  const times: number[] = [];
  for (let i = 0; i < 2 * rounds; i++) {
    editDoc(file, 1000 + i);
    const started = performance.now();
    await runOnce(args, config, io, state);
    times.push(performance.now() - started);
  }
  return { first: median(times.slice(0, rounds)), warm: median(times.slice(rounds)) };
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

    // One untimed cold run first: the first process after the code cache was reset writes it (see main).
    timeCli(work, args);
    const colds: Run[] = [];
    for (let i = 0; i < RUNS; i++) {
      rmSync(join(work, "node_modules"), { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
      colds.push(timeCli(work, args, true));
    }
    const noChange = medianRun(times(() => timeCli(work, args)));
    const small = smallDoc(spec);
    const large = largestDoc(spec);
    const smallEdit = medianRun(times((i) => (editDoc(small, i), timeCli(work, args))));
    const largeEdit = medianRun(times((i) => (editDoc(large, 10 + i), timeCli(work, args))));
    const watch = await watchEditMs(work, spec, join(work, "out-watch"), small, 11);
    rows.push({
      corpus: name,
      docs,
      coldMs: median(colds.map((r) => r.ms)),
      coldRssMb: median(colds.map((r) => r.rssMb)),
      noChangeMs: noChange.ms,
      smallEditMs: smallEdit.ms,
      largeEditMs: largeEdit.ms,
      watchEditMs: watch.first,
      watchWarmEditMs: watch.warm,
      timings: { cold: medianRun(colds).timings, "no change": noChange.timings, "small doc edited": smallEdit.timings },
    });
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

export function formatGenerateTable(rows: GenerateBenchRow[]): string {
  const head = "| corpus | docs | cold full (ms) | cold peak RSS (MB) | ms/doc cold | no change (ms) | small doc edited (ms) | largest doc edited (ms) | watch per edit (ms) | watch, edits 12-22 (ms) |";
  const sep = "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
  const lines = rows.map((r) =>
    `| ${r.corpus} | ${r.docs} | ${r.coldMs.toFixed(0)} | ${r.coldRssMb.toFixed(0)} | ${(r.coldMs / r.docs).toFixed(2)} | ${r.noChangeMs.toFixed(0)} | ${r.smallEditMs.toFixed(0)} | ${r.largeEditMs.toFixed(0)} | ${r.watchEditMs.toFixed(1)} | ${r.watchWarmEditMs.toFixed(1)} |`,
  );
  return [head, sep, ...lines].join("\n");
}

/** Issue 5's goals for authlete-bc9fa09, each with the measured value. */
export function formatGoals(row: GenerateBenchRow): string {
  const goals: Array<[string, number, number, string]> = [
    ["cold full generate", row.coldMs, 1200, "ms"],
    ["cold peak RSS", row.coldRssMb, 200, "MB"],
    ["no-change run", row.noChangeMs, 150, "ms"],
    ["one small doc edited", row.smallEditMs, 300, "ms"],
    ["watch per edit (first 11 edits)", row.watchEditMs, 50, "ms"],
    ["watch per edit (edits 12-22)", row.watchWarmEditMs, 50, "ms"],
  ];
  return goals.map(([what, value, goal, unit]) => `goal ${value <= goal ? "met" : "NOT met"}: ${what} ${value.toFixed(0)} ${unit} (goal ≤ ${goal} ${unit})`).join("\n");
}

export async function main(): Promise<void> {
  if (!HAS_SHARED) {
    console.log("generate bench: skipped (../shared/corpora not found)");
    return;
  }
  // Always rebuild (~2 s): a dist/ left from older sources would time old code.
  execFileSync("npm", ["run", "-s", "build"], { cwd: PROJECT_ROOT, stdio: "inherit" });
  // The V8 code cache of the CLI and ts-morph (generator/code-cache.ts) is written by the first process that loads
  // them, as after an install. One written by a long-lived process is thin (V8 had flushed the bytecode of functions
  // it no longer ran): the test suite runs the generator in-process, and its cache made cold runs ~0.2 s slower.
  // So the bench starts from none, and its first, untimed, run writes it.
  rmSync(join(PROJECT_ROOT, "node_modules/.cache/md-model-codegen/v8"), { recursive: true, force: true });
  console.log(`generate bench: whole processes of the compiled CLI (dist/), median of ${RUNS}; watch: median of the first 11 in-process edits, and of the 11 after them`);
  const rows = await benchGenerate(["authlete-bc9fa09", "apideck-6e1795e"]);
  console.log(formatGenerateTable(rows));
  const ratio = rows[1]!.coldMs / rows[1]!.docs / (rows[0]!.coldMs / rows[0]!.docs);
  console.log(`linearity: cold ms/doc on ${rows[1]!.corpus} is ${ratio.toFixed(2)}× that of ${rows[0]!.corpus} (1.0 = linear)`);
  console.log("\nwhere the time went (the CLI's --timings, median runs; wall time adds Node's own start-up):");
  for (const row of rows) for (const [what, line] of Object.entries(row.timings)) console.log(`  ${row.corpus}, ${what}: ${line}`);
  console.log(`\n${nodeStartUp()}`);
  console.log(`\n${formatGoals(rows[0]!)}`);
}

/**
 * What every CLI process pays before our code runs: `node -e 0`, median of
 * 5. NODE_EXTRA_CA_CERTS (set on some machines for a proxy) makes Node read
 * those certificates at every start; when set, the figure without it is
 * printed too (the runs above keep the environment as it is).
 */
function nodeStartUp(): string {
  const time = (env: NodeJS.ProcessEnv) =>
    median(
      [0, 1, 2, 3, 4].map(() => {
        const started = performance.now();
        spawnSync(process.execPath, ["-e", "0"], { env });
        return performance.now() - started;
      }),
    );
  const line = `Node start-up (node -e 0, in every run above): ${time(process.env).toFixed(0)} ms`;
  if (process.env.NODE_EXTRA_CA_CERTS === undefined) return line;
  const { NODE_EXTRA_CA_CERTS: _, ...rest } = process.env;
  return `${line}; ${time(rest).toFixed(0)} ms without NODE_EXTRA_CA_CERTS, which is set here`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
