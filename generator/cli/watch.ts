/**
 * `--watch`: regenerate on every doc change (add, edit, delete, rename),
 * debounced. A doc that is broken for a moment prints its diagnostics and
 * the last good output stays in place (runOnce writes nothing on errors).
 */
import { watch as watchFolder } from "node:fs";
import { resolve } from "node:path";
import type { CliArgs } from "./args.ts";
import type { ResolvedConfig } from "./config.ts";
import { flushCache, runOnce, type RunIo, type RunState } from "./main.ts";

export const DEBOUNCE_MS = 50;
/** The cache file is written once edits pause this long, and on exit. */
export const CACHE_WRITE_IDLE_MS = 2000;

/**
 * What watch mode keeps between runs. The cache file is written when idle
 * (see below), the output folder is updated in place, file by file, so
 * that tools watching it keep seeing changes, and resolved models are
 * reused for docs that did not change.
 */
export function watchState(): RunState {
  return { deferCacheWrite: true, writeInPlace: true, memoizeResolve: true };
}

export async function watch(args: CliArgs, config: ResolvedConfig, io: RunIo, signal?: AbortSignal): Promise<number> {
  const specRoot = resolve(io.cwd, config.spec);
  const state = watchState();
  await runOnce(args, config, io, state);
  io.stdout(`watching ${config.spec} for changes (Ctrl-C to stop)\n`);
  let timer: NodeJS.Timeout | undefined;
  let cacheTimer: NodeJS.Timeout | undefined;
  const writeCacheWhenIdle = () => {
    clearTimeout(cacheTimer);
    cacheTimer = setTimeout(() => flushCache(state), CACHE_WRITE_IDLE_MS);
    cacheTimer.unref();
  };
  writeCacheWhenIdle();
  let running = Promise.resolve();
  const changed = new Set<string>();
  const watcher = watchFolder(specRoot, { recursive: true }, (_event, file) => {
    if (file) changed.add(String(file));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed].sort();
      changed.clear();
      running = running.then(async () => {
        io.stdout(`changed: ${files.join(", ") || "(unknown)"}\n`);
        await runOnce(args, config, io, state);
        writeCacheWhenIdle();
      });
    }, DEBOUNCE_MS);
  });
  await new Promise<void>((done) => {
    const stop = () => {
      watcher.close();
      clearTimeout(timer);
      void running.then(() => {
        clearTimeout(cacheTimer);
        flushCache(state);
        done();
      });
    };
    if (signal) signal.addEventListener("abort", stop, { once: true });
    process.once("SIGINT", stop);
  });
  return 0;
}
