/**
 * "The docs changed": authlete-ebd5607 → 173bed4 → bc9fa09 generated one
 * after another into the same output, incrementally (cache on), must give
 * byte-identical output to a full run of each version, re-parse only the
 * docs that changed, and report the model changes. Once as separate runs
 * (the cache file), once as one watch session (in-memory cache, resolved
 * models reused, output updated in place).
 */
import { cpSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../generator/cli/args.ts";
import { loadConfig } from "../../generator/cli/config.ts";
import { runOnce, type RunState } from "../../generator/cli/main.ts";
import { watchState } from "../../generator/cli/watch.ts";
import { listSpecFiles, toSpecPath } from "../../generator/cli/read-spec.ts";
import { diffSpecs } from "../../generator/ir/changes.ts";
import type { Spec } from "../../generator/ir/types.ts";
import { generateFolder, tempDir } from "../support/generate.ts";
import { AUTHLETE, HAS_SHARED, SKIP_NOTE } from "../support/shared.ts";

describe.skipIf(!HAS_SHARED)(`incremental generate over three authlete versions${SKIP_NOTE}`, () => {
  it.each([
    ["separate runs", () => undefined],
    ["one watch session", () => watchState()],
  ] as Array<[string, () => RunState | undefined]>)("%s: match a full run after each version and rebuild only what changed", async (_mode, makeState) => {
    const state = makeState();
    const cwd = tempDir("incremental");
    const spec = join(cwd, "docs/models");
    const args = parseCliArgs(["--spec", "docs/models", "--out", "out", "--package-name", "authlete-models", "--changes", "changes.json", "--timings"]);
    const config = loadConfig(args, cwd);
    let stdout = "";
    const io = { cwd, stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stdout += t) };

    let previous = new Map<string, string>();
    let previousSpec: Spec | undefined;
    for (const [index, corpus] of AUTHLETE.entries()) {
      const texts = new Map(listSpecFiles(corpus.specRoot).map((f) => [toSpecPath(corpus.specRoot, f), readFileSync(f, "utf8")]));
      const changedDocs = [...texts].filter(([path, text]) => previous.get(path) !== text).length;
      previous = texts;
      // The SDK repository checks out the next version of its docs.
      rmSync(join(cwd, "docs"), { recursive: true, force: true });
      mkdirSync(spec, { recursive: true });
      cpSync(corpus.specRoot, spec, { recursive: true });
      stdout = "";
      expect(await runOnce(args, config, io, state)).toBe(0);

      const full = generateFolder(spec, { packageName: "authlete-models" });
      const onDisk = new Map(listSpecFiles(join(cwd, "out")).map((f) => [toSpecPath(join(cwd, "out"), f), readFileSync(f, "utf8")]));
      expect([...onDisk.keys()].sort()).toEqual([...full.files!.keys()].sort());
      for (const [path, text] of full.files!) expect(onDisk.get(path), path).toBe(text);

      const work = /parsed (\d+)\/(\d+), printed (\d+) units/.exec(stdout);
      expect(work, stdout).not.toBeNull();
      const [reparsed, docs] = [Number(work![1]), Number(work![2])];
      const changes = JSON.parse(readFileSync(join(cwd, "changes.json"), "utf8")) as unknown[];
      const byTsMorph = Number(/emit \d+ units \((\d+) files? by ts-morph\)/.exec(stdout)![1]);
      console.log(`${corpus.name}: ${reparsed}/${docs} docs parsed, ${work![3]} units printed, ${byTsMorph} files by ts-morph, ${changes.length} model changes`);
      if (index === 0) expect(reparsed).toBe(docs);
      else {
        // Most changed modules keep their frame (only types, bodies, descriptions change): the skeleton memo prints them without ts-morph.
        expect(byTsMorph).toBeLessThan(Number(work![3]));
        // Exactly the docs whose bytes changed are parsed again, and the summary says what changed.
        expect(reparsed).toBe(changedDocs);
        expect(changes.length).toBeGreaterThan(0);
        // From the facts the cache kept, the same summary as comparing the two full specs.
        expect(changes).toEqual(diffSpecs(previousSpec!, full.spec!));
        expect(stdout).toMatch(/\d+ model changes?:/);
      }
      previousSpec = full.spec;
    }
  });
});
