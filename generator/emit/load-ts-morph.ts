/**
 * ts-morph, loaded through the V8 code cache (../code-cache.ts): it is
 * CommonJS around a bundled TypeScript, and `require` loads it ~0.4 s
 * faster than `import`, which first scans the whole bundle for named
 * exports; the code cache halves what is left.
 */
import { requireCached } from "../code-cache.ts";

export function loadTsMorph(): typeof import("ts-morph") {
  return requireCached("ts-morph", import.meta.url) as typeof import("ts-morph");
}
