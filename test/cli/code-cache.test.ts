/**
 * The V8 code cache (generator/code-cache.ts): a module loaded through it
 * runs as under `require`; its cached data is saved once and used by the
 * next load; a damaged file is ignored and replaced; only its own stale
 * files are removed. Each load here is a fresh process, as in real use.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { codeCacheDir } from "../../generator/code-cache.ts";
import { tempDir } from "../support/generate.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

const CODE_CACHE = pathToFileURL(join(PROJECT_ROOT, "generator/code-cache.ts")).href;

/** A project with node_modules and a CommonJS module that requires a second one. */
function project(): { root: string; cacheDir: string } {
  const root = tempDir("code-cache");
  mkdirSync(join(root, "node_modules"), { recursive: true });
  mkdirSync(join(root, "lib"), { recursive: true });
  writeFileSync(join(root, "lib/helper.cjs"), "exports.twice = (n) => 2 * n;\n");
  writeFileSync(join(root, "lib/main.cjs"), 'const { twice } = require("./helper.cjs");\nexports.answer = () => twice(21) + (typeof __filename === "string" ? 0 : 1);\n');
  return { root, cacheDir: join(root, "node_modules/.cache/md-model-codegen/v8") };
}

/** Load lib/main.cjs through the code cache in a new process; how many scripts had no usable cache, and the answer. */
function load(root: string): { answer: number; unsaved: number } {
  const script = `
    const { requireCached, saveCodeCache } = await import(${JSON.stringify(CODE_CACHE)});
    const mod = requireCached("./lib/main.cjs", ${JSON.stringify(pathToFileURL(join(root, "entry.js")).href)});
    const unsaved = globalThis[Symbol.for("md-model-codegen.code-cache")].unsaved.length;
    saveCodeCache();
    console.log(JSON.stringify({ answer: mod.answer(), unsaved }));`;
  const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: PROJECT_ROOT, encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as { answer: number; unsaved: number };
}

describe("the V8 code cache", () => {
  it("finds the node_modules of the project that holds a file", () => {
    expect(codeCacheDir("/p/node_modules/ts-morph/dist/ts-morph.js")).toBe("/p/node_modules/.cache/md-model-codegen/v8");
    expect(codeCacheDir(join(PROJECT_ROOT, "dist/cli/main.cjs"))).toBe(join(PROJECT_ROOT, "node_modules/.cache/md-model-codegen/v8"));
  });

  it("runs the module, saves its data once, and the next process uses it", () => {
    const { root, cacheDir } = project();
    expect(load(root)).toEqual({ answer: 42, unsaved: 2 });
    const files = readdirSync(cacheDir).sort();
    expect(files).toHaveLength(2);
    const mtimes = files.map((f) => statSync(join(cacheDir, f)).mtimeMs);
    expect(load(root)).toEqual({ answer: 42, unsaved: 0 });
    expect(readdirSync(cacheDir).sort()).toEqual(files);
    expect(files.map((f) => statSync(join(cacheDir, f)).mtimeMs)).toEqual(mtimes);
  });

  it("ignores a damaged file and writes it again", () => {
    const { root, cacheDir } = project();
    load(root);
    const file = join(cacheDir, readdirSync(cacheDir)[0]!);
    const bytes = readFileSync(file);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    writeFileSync(file, bytes);
    expect(load(root)).toEqual({ answer: 42, unsaved: 1 });
    expect(readFileSync(file).equals(bytes)).toBe(false);
    expect(load(root)).toEqual({ answer: 42, unsaved: 0 });
  });

  it("a changed module gets a new file; the old one goes, other modules' files stay", () => {
    const { root, cacheDir } = project();
    load(root);
    const before = readdirSync(cacheDir);
    const other = join(cacheDir, "0123456789abcdef-0123456789abcdef.bin");
    const oldStyle = join(cacheDir, `${"a".repeat(40)}.bin`);
    writeFileSync(other, "another module's cache");
    writeFileSync(oldStyle, "an old-style name");
    writeFileSync(join(root, "lib/helper.cjs"), "exports.twice = (n) => n + n;\n");
    expect(load(root)).toEqual({ answer: 42, unsaved: 1 });
    const after = readdirSync(cacheDir);
    expect(after).toHaveLength(before.length + 1);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(oldStyle)).toBe(false);
    expect(after.filter((f) => !before.includes(f))).toHaveLength(2);
  });
});
