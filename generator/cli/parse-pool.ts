/**
 * Parsing many docs, in place or across worker threads. Each worker pays
 * remark's cold JIT again and a structured clone of its results, so workers
 * only pay off when cores are really free. Measured on 2 cores shared with
 * other work (fresh bundled CLI runs, interleaved, medians), after
 * parse/elide-unread.ts cut remark's input: authlete-bc9fa09 (5 MB) 3.9 s
 * wall, 3.7 s CPU in place vs 4.2 s, 5.0 s CPU with 2 workers;
 * apideck-6e1795e (13 MB) 15.3 s, 15 s CPU vs 22 s, 18 s CPU (11.6 s once,
 * when both cores happened to be free). So with fewer than 4 cores docs are
 * parsed in place; with 4 or more (unmeasured: each worker gets a quarter),
 * large specs still go to workers while the main thread loads the emitter.
 */
import { availableParallelism } from "node:os";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Diagnostic, Model } from "../ir/types.ts";
import { parseDoc } from "../parse/doc.ts";
import type { SourceDoc } from "../pipeline.ts";

export interface ParseOutcome {
  path: string;
  model?: Model;
  diagnostics: Diagnostic[];
}

/** Below this many bytes of docs, one thread is faster. */
export const PARALLEL_THRESHOLD_BYTES = 512 * 1024;
/** Fewer cores than this: parse in place (see above). */
export const MIN_PARALLEL_CORES = 4;

function parseInline(docs: readonly SourceDoc[]): ParseOutcome[] {
  return docs.map((doc) => ({ path: doc.path, ...parseDoc(doc.text, doc.path) }));
}

/** Workers load the same kind of file as this module: `.ts` under tsx, `.cjs` from dist/. */
function runWorker(docs: SourceDoc[]): Promise<ParseOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(`./parse-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url), { workerData: docs });
    worker.once("message", (result: ParseOutcome[]) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`parse worker exited with code ${code}`));
    });
  });
}

/** MD_MODEL_CODEGEN_THREADS (1-16) overrides the choice by core count, e.g. on a CI machine whose cores are shared. */
function defaultThreads(): number {
  const forced = Number(process.env.MD_MODEL_CODEGEN_THREADS);
  if (Number.isInteger(forced) && forced >= 1 && forced <= 16) return forced;
  const cores = availableParallelism();
  return cores < MIN_PARALLEL_CORES ? 1 : Math.min(cores, 4);
}

/** Whether parseDocs would hand these docs to worker threads. */
export function usesWorkers(docs: readonly SourceDoc[], threads = defaultThreads()): boolean {
  return threads >= 2 && docs.reduce((sum, d) => sum + d.text.length, 0) >= PARALLEL_THRESHOLD_BYTES;
}

/** Parse docs, in worker threads when there is enough work; results keep the input order, `workers` says how many parsed them (0: in place). */
export async function parseDocs(docs: readonly SourceDoc[], threads = defaultThreads()): Promise<{ outcomes: ParseOutcome[]; workers: number }> {
  if (!usesWorkers(docs, threads)) return { outcomes: parseInline(docs), workers: 0 };
  // Deal docs out by size so that every worker gets a similar share.
  const buckets: SourceDoc[][] = Array.from({ length: threads }, () => []);
  const loads = new Array<number>(threads).fill(0);
  for (const doc of [...docs].sort((a, b) => b.text.length - a.text.length)) {
    const least = loads.indexOf(Math.min(...loads));
    buckets[least]!.push(doc);
    loads[least]! += doc.text.length;
  }
  const used = buckets.filter((b) => b.length);
  try {
    const results = (await Promise.all(used.map(runWorker))).flat();
    const byPath = new Map(results.map((r) => [r.path, r]));
    return { outcomes: docs.map((d) => byPath.get(d.path)!), workers: used.length };
  } catch {
    // Workers unavailable (e.g. no TypeScript loader in the worker): parse here.
    return { outcomes: parseInline(docs), workers: 0 };
  }
}
