/**
 * The docs' own example values against the generated package: each Example
 * Usage value and each union member's example value must compile as the
 * generated type (strict tsc), and the generated validator must accept it
 * at run time under plain Node.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Spec } from "../../generator/ir/types.ts";
import { generateFolder, tempDir, writeFiles } from "../support/generate.ts";
import { CORPORA, HAS_SHARED, SKIP_NOTE } from "../support/shared.ts";
import { head, runNodeModule, runTsc, writeTsconfig } from "../support/typecheck.ts";
import { collectCases, writeExampleModules, type ExampleCase, type ExampleModule, type SkippedCase } from "./example-files.ts";

const KEEP = process.env.MMC_KEEP_TEMP === "1";

/** `let value: X =` / `const value: X =` lines in the raw docs: how many examples there are, read without the project's parser. */
function countRawExamples(specRoot: string): number {
  let count = 0;
  for (const entry of readdirSync(specRoot, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
    const text = readFileSync(join(entry.parentPath, entry.name), "utf8");
    count += (text.match(/^(?:let|const) value\s*:/gm) ?? []).length;
  }
  return count;
}

interface RunFailure {
  module: string;
  line?: number;
  label?: string;
  issues?: unknown;
  error?: string;
}

interface RunSummary {
  modules: number;
  /** Values the validator accepted as they are. */
  ok: number;
  /** Values accepted once issues the docs explain are set aside, by reason. */
  exempted: Record<string, number>;
  failures: RunFailure[];
}

/**
 * Imports every compiled example module under plain Node and validates every
 * value. A rejected value still passes when each issue is one the docs explain
 * (the same rules as at compile time, see example-files.ts):
 * - "null": the value has `null` there; the docs carry no nullability;
 * - "null-in-union": a union rejected a subtree holding such a `null`
 *   (union checks report one issue for the whole subtree);
 * - "NaN": the doc wrote `NaN`, which validators reject by design (finite numbers);
 * - "web-field-omitted": a required Response/Request field the example omits.
 */
const RUNNER = `
  import { readFileSync } from "node:fs";
  import { pathToFileURL } from "node:url";
  import { resolve } from "node:path";
  const at = (value, path) => path.reduce((v, k) => (v == null ? undefined : v[k]), value);
  const hasNull = (v) => v === null || (typeof v === "object" && !(v instanceof Date) && Object.values(v).some(hasNull));
  function reason(issue, r) {
    if (r.allow.nulls && issue.received === "null") return "null";
    if (r.allow.nulls && (issue.received === "object" || issue.received === "array") && hasNull(at(r.value, issue.path))) return "null-in-union";
    if (r.allow.nan && issue.received === "NaN") return "NaN";
    if (issue.path.length === 1 && issue.received === "undefined" && r.allow.missing.includes(issue.path[0])) return "web-field-omitted";
    return undefined;
  }
  const modules = JSON.parse(readFileSync("examples/modules.json", "utf8"));
  const summary = { modules: 0, ok: 0, exempted: {}, failures: [] };
  for (const path of modules) {
    try {
      const mod = await import(pathToFileURL(resolve(path.replace(/\\.ts$/, ".js"))).href);
      await mod.run();
      summary.modules++;
      for (const r of mod.results) {
        if (r.ok) { summary.ok++; continue; }
        const reasons = r.issues.map((issue) => reason(issue, r));
        if (reasons.every(Boolean)) {
          for (const why of new Set(reasons)) summary.exempted[why] = (summary.exempted[why] ?? 0) + 1;
        } else {
          summary.failures.push({ module: path, line: r.line, label: r.label, issues: r.issues.filter((_, i) => !reasons[i]) });
        }
      }
    } catch (error) {
      summary.failures.push({ module: path, error: String((error && error.stack) || error) });
    }
  }
  process.stdout.write(JSON.stringify(summary));
`;

describe.skipIf(!HAS_SHARED)(`corpus: doc examples compile and validate${SKIP_NOTE}`, () => {
  for (const corpus of CORPORA) {
    describe(`${corpus.name}${SKIP_NOTE}`, () => {
      let dir = "";
      let spec: Spec | undefined;
      let cases: ExampleCase[] = [];
      let skipped: SkippedCase[] = [];
      let modules: ExampleModule[] = [];
      let compiled = false;

      beforeAll(() => {
        const generated = generateFolder(corpus.specRoot, { packageName: `corpus-${corpus.name}` });
        spec = generated.spec;
        dir = tempDir(`examples-${corpus.name}`);
        if (!generated.files || !spec) return;
        writeFiles(dir, generated.files);
        ({ cases, skipped } = collectCases(spec));
        modules = writeExampleModules(dir, spec, cases);
        writeFileSync(join(dir, "examples", "modules.json"), JSON.stringify(modules.map((m) => m.path)));
      });
      afterAll(() => {
        if (dir && !KEEP) rmSync(dir, { recursive: true, force: true });
      });

      it("reads every example the docs hold", () => {
        expect(spec, "the corpus generates").toBeDefined();
        const raw = countRawExamples(corpus.specRoot);
        expect(raw).toBeGreaterThan(200);
        // Comment-only examples have no `value` line, so every such line is a case or a skipped case.
        expect(cases.length + skipped.length).toBe(raw);
        for (const s of skipped) console.info(`${corpus.name}: skipped ${s.doc}:${s.line} (${s.label}): ${s.why}`);
        expect(skipped.length).toBeLessThanOrEqual(10);
      });

      it("every example value compiles as the generated type (strict tsc)", () => {
        expect(modules.length).toBeGreaterThan(0);
        const config = writeTsconfig(dir, "tsconfig.examples.json", {
          include: ["examples/**/*.ts"],
          withNodeTypes: true,
          // The package's own .d.ts files are checked (skipLibCheck off) by generate.test.ts.
          compilerOptions: { noEmit: false, declaration: false, sourceMap: false, skipLibCheck: true },
        });
        const result = runTsc(config, dir);
        compiled = true;
        const usage = cases.filter((c) => c.member === undefined).length;
        const shims = modules.reduce((n, m) => n + m.shimmed.length, 0);
        const nulls = modules.reduce((n, m) => n + m.nulls, 0);
        console.info(
          `${corpus.name}: ${cases.length} example values (${usage} Example Usage, ${cases.length - usage} union members) in ${modules.length} modules compiled in ${result.ms} ms; ${shims} imports added for names the docs use without importing; ${nulls} nulls admitted`,
        );
        expect(result.status, `tsc failed on the examples of ${corpus.name}:\n${head(result.output, 80)}`).toBe(0);
      });

      it("the generated validator accepts every example value under plain Node", () => {
        expect(compiled, "the examples were compiled").toBe(true);
        const started = performance.now();
        const result = runNodeModule(RUNNER, dir);
        expect(result.status, `node failed:\n${head(result.stderr)}`).toBe(0);
        const summary = JSON.parse(result.stdout) as RunSummary;
        const report = summary.failures
          .slice(0, 40)
          .map((f) => (f.error ? `${f.module}: threw ${f.error}` : `${f.module.replace(/^examples\//, "").replace(/\.ts$/, ".md")}:${f.line} (${f.label}): ${JSON.stringify(f.issues)}`))
          .join("\n");
        expect(summary.failures.length, `${summary.failures.length} example values rejected:\n${report}`).toBe(0);
        expect(summary.modules).toBe(modules.length);
        const exemptedValues = Object.values(summary.exempted).length ? cases.length - summary.ok : 0;
        expect(summary.ok + exemptedValues).toBe(cases.length);
        // Most values must pass as they are: exemptions explain a minority.
        expect(summary.ok).toBeGreaterThan(cases.length * 0.75);
        console.info(
          `${corpus.name}: ${cases.length} example values validated in ${Math.round(performance.now() - started)} ms: ${summary.ok} accepted as written, ${exemptedValues} with issues the docs explain ${JSON.stringify(summary.exempted)}`,
        );
      });
    });
  }
});
