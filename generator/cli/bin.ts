#!/usr/bin/env node
/**
 * The installed `md-model-codegen` command (dist/cli/bin.js). The CLI is
 * built as one CommonJS file, dist/cli/main.cjs, loaded here through the V8
 * code cache (../code-cache.ts): a run then neither compiles the parser and
 * emitter nor pays the ESM loader per module. After the run, the code that
 * ran is saved for the next one.
 */
import { requireCached, saveCodeCache } from "../code-cache.ts";

const { runCommand } = requireCached("./main.cjs", import.meta.url) as typeof import("./main.ts");
await runCommand();
saveCodeCache();
