/**
 * Every real corpus generates cleanly, the package type-checks under strict
 * tsc (with skipLibCheck off, so every .d.ts is checked), and plain Node can
 * import every barrel the package.json exports, with the names its .d.ts
 * promises.
 */
import { readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic, Spec } from "../../generator/ir/types.ts";
import { generateFolder, tempDir, writeFiles } from "../support/generate.ts";
import { CORPORA, HAS_SHARED, SKIP_NOTE } from "../support/shared.ts";
import { head, runNodeModule, runTsc, writeTsconfig } from "../support/typecheck.ts";

/**
 * Warnings accepted per corpus, each with its reason. Empty: every corpus
 * currently generates without a single warning, and a new one should be looked at.
 */
const ACCEPTED_WARNINGS: Record<string, Array<{ ruleId: string; file: string; why: string }>> = {};

const KEEP = process.env.MMC_KEEP_TEMP === "1";

function describeDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]`;
}

/**
 * The value names a .d.ts module exports: its own `export declare const|function|class|enum`
 * and, for `export { a, b as c } from "./x.js"`, the names that are values in `x.d.ts`
 * (a .d.ts barrel may re-export types without `type`).
 */
function valueExportsOfDts(path: string): string[] {
  const dts = readFileSync(path, "utf8");
  const names: string[] = [];
  for (const match of dts.matchAll(/^export\s+declare\s+(?:abstract\s+)?(?:const|let|var|function|class|enum)\s+([\w$]+)/gm)) names.push(match[1]!);
  for (const match of dts.matchAll(/^export\s+(type\s+)?\{([^}]*)\}\s*from\s*"([^"]+)"/gm)) {
    if (match[1]) continue;
    const source = new Set(valueExportsOfDts(join(dirname(path), match[3]!.replace(/\.js$/, ".d.ts"))));
    for (const part of match[2]!.split(",")) {
      const spec = part.trim();
      if (!spec || spec.startsWith("type ")) continue;
      const [local, exported = local] = spec.split(/\s+as\s+/).map((s) => s.trim());
      if (source.has(local!)) names.push(exported!);
    }
  }
  return [...new Set(names)].sort();
}

interface ExportEntry {
  subpath: string;
  types: string;
  import: string;
}

function exportEntries(dir: string): ExportEntry[] {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { type?: string; exports: Record<string, string | { types: string; import: string }> };
  expect(pkg.type).toBe("module");
  const entries: ExportEntry[] = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === "string") continue; // "./package.json"
    entries.push({ subpath, types: target.types, import: target.import });
  }
  return entries;
}

describe.skipIf(!HAS_SHARED)(`corpus: generate, type-check, import${SKIP_NOTE}`, () => {
  for (const corpus of CORPORA) {
    describe(`${corpus.name}${SKIP_NOTE}`, () => {
      let dir = "";
      let spec: Spec | undefined;
      let files: Map<string, string> | undefined;
      let diagnostics: Diagnostic[] = [];
      let generateMs = 0;

      beforeAll(() => {
        const started = performance.now();
        const generated = generateFolder(corpus.specRoot, { packageName: `corpus-${corpus.name}` });
        generateMs = Math.round(performance.now() - started);
        ({ spec, files, diagnostics } = generated);
        dir = tempDir(`gen-${corpus.name}`);
        if (files) writeFiles(dir, files);
      });
      afterAll(() => {
        if (dir && !KEEP) rmSync(dir, { recursive: true, force: true });
      });

      it("generates with no errors and no unexplained warnings", () => {
        const errors = diagnostics.filter((d) => d.severity === "error");
        expect(errors.map(describeDiagnostic), "errors").toEqual([]);
        const accepted = ACCEPTED_WARNINGS[corpus.name] ?? [];
        const warnings = diagnostics.filter((d) => d.severity === "warning" && !accepted.some((a) => a.ruleId === d.ruleId && a.file === d.file));
        expect(warnings.map(describeDiagnostic), "warnings").toEqual([]);
        expect(spec, "a spec").toBeDefined();
        expect(files, "files").toBeDefined();
        expect(spec!.models.length).toBeGreaterThan(200);
        // One .js and one .d.ts per model, at least.
        const modules = [...files!.keys()].filter((f) => f.endsWith(".d.ts") && !f.endsWith("/index.d.ts"));
        expect(modules.length).toBeGreaterThanOrEqual(spec!.models.length);
        console.info(`${corpus.name}: ${spec!.models.length} docs → ${files!.size} files in ${generateMs} ms`);
      });

      it("type-checks under strict tsc (skipLibCheck off)", () => {
        expect(files, "generated files").toBeDefined();
        const config = writeTsconfig(dir, "tsconfig.json", { include: ["**/*.d.ts"] });
        const result = runTsc(config, dir);
        expect(result.status, `tsc failed on ${corpus.name}:\n${head(result.output)}`).toBe(0);
        expect(result.output.trim()).toBe("");
        console.info(`${corpus.name}: tsc ${result.ms} ms`);
      });

      it("imports every exported barrel under plain Node with the names the .d.ts declares", () => {
        expect(files && spec, "generated files").toBeTruthy();
        const entries = exportEntries(dir);
        // Every spec folder has a barrel, plus the runtime.
        const barrelFolders = entries.map((e) => e.import.replace(/^\.\/models\/?/, "").replace(/\/?index\.js$/, ""));
        for (const folder of spec!.folders) expect(barrelFolders, `a barrel for folder "${folder}"`).toContain(folder);
        expect(entries.some((e) => e.import === "./runtime/index.js")).toBe(true);

        const script = `
          import { readFileSync } from "node:fs";
          import { pathToFileURL } from "node:url";
          import { resolve } from "node:path";
          const pkg = JSON.parse(readFileSync("package.json", "utf8"));
          const out = {};
          for (const [subpath, target] of Object.entries(pkg.exports)) {
            if (typeof target === "string") continue;
            const mod = await import(pathToFileURL(resolve(target.import)).href);
            out[subpath] = Object.fromEntries(Object.keys(mod).map((k) => [k, typeof mod[k]]));
          }
          process.stdout.write(JSON.stringify(out));
        `;
        const result = runNodeModule(script, dir);
        expect(result.status, `node failed:\n${head(result.stderr)}`).toBe(0);
        const loaded = JSON.parse(result.stdout) as Record<string, Record<string, string>>;

        let checkedNames = 0;
        for (const entry of entries) {
          const runtime = loaded[entry.subpath];
          expect(runtime, `module for ${entry.subpath}`).toBeDefined();
          // What the types promise is what Node gives.
          const declared = valueExportsOfDts(join(dir, entry.types));
          expect(Object.keys(runtime!).sort(), `runtime exports of ${entry.subpath} vs its .d.ts`).toEqual(declared);
          checkedNames += declared.length;
        }

        // Each model's public functions are in its folder's barrel, and are functions.
        const byFolder = new Map(entries.map((e) => [e.import.replace(/^\.\/models\/?/, "").replace(/\/?index\.js$/, ""), loaded[e.subpath]!]));
        for (const model of spec!.models) {
          const names = byFolder.get(model.folder)!;
          const where = `${model.id} in barrel "${model.folder}"`;
          for (const fn of [`is${model.name}`, `validate${model.name}`, `assert${model.name}`]) expect(names[fn], `${fn}: ${where}`).toBe("function");
          expect(names[`${model.name}$schema`], `${model.name}$schema: ${where}`).toBe("object");
          if (model.kind === "enum") expect(names[model.name], `enum object ${model.name}: ${where}`).toBe("object");
        }
        const runtimeNames = loaded[entries.find((e) => e.import === "./runtime/index.js")!.subpath]!;
        expect(runtimeNames.ValidationError).toBe("function");
        expect(runtimeNames.RFCDate).toBe("function");
        expect(checkedNames).toBeGreaterThan(spec!.models.length * 4);
      });
    });
  }
});
