/**
 * Parsing many docs across the machine's cores. remark dominates a cold run,
 * and docs are independent, so large specs are split between worker
 * threads while the main thread loads the emitter. Small specs are parsed
 * in place: starting workers costs more than it saves.
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

function parseInline(docs: readonly SourceDoc[]): ParseOutcome[] {
  return docs.map((doc) => ({ path: doc.path, ...parseDoc(doc.text, doc.path) }));
}

/** Workers load the same kind of file as this module: `.ts` under tsx, `.js` from dist/. */
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

/** Parse docs, in worker threads when there is enough work; results keep the input order. */
export async function parseDocs(docs: readonly SourceDoc[], threads = Math.min(availableParallelism(), 4)): Promise<ParseOutcome[]> {
  const bytes = docs.reduce((sum, d) => sum + d.text.length, 0);
  if (threads < 2 || bytes < PARALLEL_THRESHOLD_BYTES) return parseInline(docs);
  // Deal docs out by size so that every worker gets a similar share.
  const buckets: SourceDoc[][] = Array.from({ length: threads }, () => []);
  const loads = new Array<number>(threads).fill(0);
  for (const doc of [...docs].sort((a, b) => b.text.length - a.text.length)) {
    const least = loads.indexOf(Math.min(...loads));
    buckets[least]!.push(doc);
    loads[least]! += doc.text.length;
  }
  try {
    const results = (await Promise.all(buckets.filter((b) => b.length).map(runWorker))).flat();
    const byPath = new Map(results.map((r) => [r.path, r]));
    return docs.map((d) => byPath.get(d.path)!);
  } catch {
    // Workers unavailable (e.g. no TypeScript loader in the worker): parse here.
    return parseInline(docs);
  }
}
