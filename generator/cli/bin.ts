#!/usr/bin/env node
/** The installed `md-model-codegen` command (dist/cli/bin.js). */
import { runCommand } from "./main.ts";

await runCommand();
