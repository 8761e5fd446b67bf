/**
 * The built command (dist/cli/bin.cjs, what `npm ci` builds and SDK builds
 * run): CommonJS bundles (main.cjs, and work.cjs loaded through the V8 code
 * cache when there is work), and its parse worker. Parsing in worker threads is what machines with 4+ cores do, so
 * it is forced here (MD_MODEL_CODEGEN_THREADS) on a spec above the worker
 * threshold; the output must be a full in-process run's.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listSpecFiles, toSpecPath } from "../../generator/cli/read-spec.ts";
import { generateFolder, tempDir } from "../support/generate.ts";
import { CORPORA, HAS_SHARED, PROJECT_ROOT, SKIP_NOTE } from "../support/shared.ts";

const BIN = join(PROJECT_ROOT, "dist/cli/bin.cjs");

describe.skipIf(!HAS_SHARED)(`the built command${SKIP_NOTE}`, () => {
  it("parses in 2 worker threads when told to, and writes what an in-process run gives", () => {
    const corpus = CORPORA.find((c) => c.name === "authlete-bc9fa09")!;
    const cwd = tempDir("built-cli");
    const result = spawnSync(process.execPath, [BIN, "--spec", corpus.specRoot, "--out", "out", "--package-name", "authlete-models", "--timings"], {
      cwd,
      encoding: "utf8",
      env: { ...process.env, MD_MODEL_CODEGEN_THREADS: "2" },
    });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/from 304 docs/);
    // Not the silent fallback to parsing in place: the workers did it.
    expect(result.stderr).toMatch(/parse 304 docs in 2 workers/);
    const full = generateFolder(corpus.specRoot, { packageName: "authlete-models" });
    const out = join(cwd, "out");
    const written = new Map(listSpecFiles(out).map((f) => [toSpecPath(out, f), readFileSync(f, "utf8")]));
    for (const [path, text] of full.files!) expect(written.get(path), path).toBe(text);
    // Again: up to date, decided by main.cjs alone (work.cjs holds the parser and emitter).
    const again = spawnSync(process.execPath, [BIN, "--spec", corpus.specRoot, "--out", "out", "--package-name", "authlete-models"], { cwd, encoding: "utf8" });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/up to date: parsed 0\/304, printed 0 units/);
  });
});
