#!/usr/bin/env node
/**
 * The installed `md-model-codegen` command (dist/cli/bin.js). The CLI is
 * built as CommonJS files (scripts/build.mjs): main.cjs, small, required
 * here as is, and work.cjs (parser, resolver, emitter), which main.cjs
 * loads through the V8 code cache only when a run has work to do.
 */
import { createRequire } from "node:module";

const { runCommand, finishCommand } = createRequire(import.meta.url)("./main.cjs") as typeof import("./main.ts");
await runCommand();
await finishCommand();
