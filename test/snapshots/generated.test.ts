/**
 * The generated package for the project's own spec/, one file snapshot per
 * generated file: a doc or generator change shows up as a reviewable diff
 * of exactly the files it touches (`npx vitest run test/snapshots -u`
 * accepts it). And a drift test: the committed generated/ folder is what
 * generating spec/ gives today, byte for byte.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { MANIFEST, manifestText } from "../../generator/cli/output.ts";
import { readSpec } from "../../generator/cli/read-spec.ts";
import type { EnumStyle } from "../../generator/ir/naming.ts";
import { generateDocs } from "../support/generate.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

const config = JSON.parse(readFileSync(join(PROJECT_ROOT, "md-model-codegen.config.json"), "utf8")) as { spec: string; out: string; packageName: string; enumStyle?: EnumStyle };
const SPEC_ROOT = join(PROJECT_ROOT, config.spec);
const OUT = join(PROJECT_ROOT, config.out);
const SNAPSHOT_DIR = join(fileURLToPath(new URL(".", import.meta.url)), "__snapshots__", "generated");

const read = readSpec(SPEC_ROOT);
const generated = generateDocs(read.docs, { rootPath: SPEC_ROOT, packageName: config.packageName, enumStyle: config.enumStyle ?? "auto" });
const files = generated.files ?? new Map<string, string>();

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

const toPosix = (root: string, file: string) => relative(root, file).split(sep).join("/");

describe("spec/ generates cleanly", () => {
  it("without errors or warnings", () => {
    expect([...read.diagnostics, ...generated.diagnostics]).toEqual([]);
    expect(files.size).toBeGreaterThan(0);
  });
});

describe("file snapshots of the generated package", () => {
  it.each([...files.keys()])("%s", async (path) => {
    await expect(files.get(path)).toMatchFileSnapshot(`./__snapshots__/generated/${path}.snap`);
  });

  it("no snapshot is left over from a file that is no longer generated", () => {
    const orphans = walk(SNAPSHOT_DIR)
      .map((f) => toPosix(SNAPSHOT_DIR, f).replace(/\.snap$/, ""))
      .filter((path) => !files.has(path));
    expect(orphans, `delete the snapshots of files no longer generated:\n${orphans.map((o) => `  test/snapshots/__snapshots__/generated/${o}.snap`).join("\n")}`).toEqual([]);
  });
});

describe("generated/ is up to date", () => {
  it("equals a fresh generate of spec/, byte for byte", () => {
    const expected = new Map(files);
    expected.set(MANIFEST, manifestText(files.keys()));
    const present = walk(OUT)
      .map((f) => toPosix(OUT, f))
      .filter((p) => !p.startsWith("node_modules/"));
    const stale = present.filter((p) => expected.has(p) && readFileSync(join(OUT, p), "utf8") !== expected.get(p));
    const missing = [...expected.keys()].filter((p) => !present.includes(p)).sort();
    const extra = present.filter((p) => !expected.has(p));
    const report = [...stale.map((p) => `  stale:   ${p}`), ...missing.map((p) => `  missing: ${p}`), ...extra.map((p) => `  extra:   ${p}`)].join("\n");
    expect({ stale, missing, extra }, `${config.out}/ differs from a fresh generate of ${config.spec}/ (run \`npm run generate\`):\n${report}`).toEqual({ stale: [], missing: [], extra: [] });
  });
});
