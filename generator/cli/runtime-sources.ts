/** Reads the runtime module that every generated package ships. */
import { readFileSync } from "node:fs";
import type { RuntimeSources } from "../emit/index.ts";

export function loadRuntimeSources(): RuntimeSources {
  const dir = new URL("../runtime/", import.meta.url);
  return { js: readFileSync(new URL("index.js", dir), "utf8"), dts: readFileSync(new URL("index.d.ts", dir), "utf8") };
}
