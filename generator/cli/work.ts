/**
 * What a run needs beyond the up-to-date check: the parser, resolver and
 * emitter, and what reports on their results. main.ts loads it only when a
 * run has work to do; the built CLI keeps it in its own file,
 * dist/cli/work.cjs, so that an up-to-date run neither loads nor compiles it.
 */
export { parseDocs, usesWorkers } from "./parse-pool.ts";
export { loadRuntimeSources } from "./runtime-sources.ts";
export { buildSpec, countKinds } from "../pipeline.ts";
export { createResolveMemo } from "../ir/resolve.ts";
export { diffFacts, formatChanges, specFacts } from "../ir/changes.ts";
export { collectStats, formatStats } from "../ir/stats.ts";
export { emitPackage } from "../emit/index.ts";
export { preloadTsMorph } from "../emit/printer.ts";
export { rebuildEdited, recordBuild, recordedFacts } from "../rebuild.ts";
