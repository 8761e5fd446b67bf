#!/usr/bin/env node
/**
 * The installed `md-model-codegen` command (dist/cli/bin.cjs). The CLI is
 * built as CommonJS files (scripts/build.mjs): this one, main.cjs, small,
 * required as is, and work.cjs (parser, resolver, emitter), which main.cjs
 * loads through the V8 code cache only when a run has work to do. All
 * CommonJS, so Node never starts its ES module loader (~7 ms).
 */
import { createRequire } from "node:module";

const { runCommand, finishCommand } = createRequire(import.meta.url)("./main.cjs") as typeof import("./main.ts");
void runCommand().then(finishCommand);
