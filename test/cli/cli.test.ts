/**
 * The command line, in process (`main(argv, io)` with captured output and a
 * temporary project as cwd), and once as a real child process.
 */
import { spawnSync } from "node:child_process";
import v8 from "node:v8";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { HELP } from "../../generator/cli/args.ts";
import { main } from "../../generator/cli/main.ts";
import { MANIFEST, SMALL_UPDATE, writeOutput } from "../../generator/cli/output.ts";
import { dependencyVersions, loadCache } from "../../generator/cli/cache.ts";
import { loadStamp, previousOutput } from "../../generator/cli/stamp.ts";
import { decodeSpec, readSpecFiles } from "../../generator/cli/read-spec.ts";
import { tempDir } from "../support/generate.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

const FIELDS = ["| Field | Type | Required | Description |", "| ----- | ---- | -------- | ----------- |"];

const DOCS: Record<string, string> = {
  "pair.md": ["# Pair", "", "A key and a value.", "", "## Fields", "", ...FIELDS, "| `key` | *string* | :heavy_check_mark: | The key. |", "| `value` | *string* | :heavy_minus_sign: | The value. |"].join("\n"),
  "status.md": ["# Status", "", "## Values", "", "```typescript", '"open" | "closed" | Unrecognized<string>', "```"].join("\n"),
  "ops/lookup.md": ["# Lookup", "", "## Fields", "", ...FIELDS, "| `pair` | [models.Pair](../pair.md) | :heavy_check_mark: | N/A |", "| `status` | [models.Status](../status.md)[] | :heavy_minus_sign: | N/A |"].join(
    "\n",
  ),
  "ops/answer.md": ["# Answer", "", "", "## Supported Types", "", "### `models.Pair`", "", "### `string`", ""].join("\n"),
};

/** A bad doc: line 7 has an unknown Required marker at column 22. */
const BAD_PAIR = ["# Pair", "", "## Fields", "", ...FIELDS, "| `key` | *string* | yes | The key. |"].join("\n");

/** A doc with one warning (a title that is not an identifier). */
const WARNING_DOC = ["# My Thing", "", "## Fields", "", ...FIELDS, "| `a` | *string* | :heavy_check_mark: | N/A |"].join("\n");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(cwd: string, ...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const projects: string[] = [];
afterAll(() => {
  for (const dir of projects) rmSync(dir, { recursive: true, force: true });
});

/** A temporary project: `spec/` with the docs above (or others), nothing else. */
function project(docs: Record<string, string> = DOCS, specDir = "spec"): string {
  const cwd = tempDir("cli");
  projects.push(cwd);
  for (const [path, text] of Object.entries(docs)) writeDoc(cwd, join(specDir, path), text);
  return cwd;
}

function writeDoc(cwd: string, path: string, text: string): void {
  mkdirSync(dirname(join(cwd, path)), { recursive: true });
  writeFileSync(join(cwd, path), text);
}

/** Every file below a folder (dotfiles included), as posix path → bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.set(relative(dir, path).split(sep).join("/"), readFileSync(path, "latin1"));
    }
  };
  walk(dir);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

function manifestFiles(out: string): string[] {
  return (JSON.parse(readFileSync(join(out, MANIFEST), "utf8")) as { files: string[] }).files;
}

describe("usage", () => {
  it("--help and -h print the help and exit 0", async () => {
    const cwd = project();
    for (const flag of ["--help", "-h"]) {
      const result = await run(cwd, flag);
      expect(result).toEqual({ code: 0, stdout: `${HELP}\n`, stderr: "" });
    }
    expect(existsSync(join(cwd, "generated"))).toBe(false);
  });

  it("an unknown flag exits 2 with the help", async () => {
    const cwd = project();
    const result = await run(cwd, "--bogus");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: .*--bogus/);
    expect(result.stderr).toContain(HELP);
    expect(existsSync(join(cwd, "generated"))).toBe(false);
  });

  it("a positional argument, a bad option value or a missing spec folder exit 2", async () => {
    const cwd = project();
    expect((await run(cwd, "spec")).code).toBe(2);
    expect((await run(cwd, "--enum-style", "weird")).stderr).toMatch(/^error: --enum-style must be one of auto, const-object, ts-enum, string-union/);
    expect((await run(cwd, "--max-warnings", "-1")).code).toBe(2);
    expect((await run(cwd, "--reporter", "xml")).code).toBe(2);
    const missing = await run(cwd, "--spec", "nope");
    expect(missing).toMatchObject({ code: 2, stderr: "error: spec folder nope does not exist\n" });
  });
});

describe("generate", () => {
  it("writes the package and a manifest listing every file", async () => {
    const cwd = project();
    const result = await run(cwd);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^generated generated from 4 docs \(2 objects, 1 enum, 1 union\): \d+ files written, 0 unchanged, 0 removed, 0 warnings/);
    const files = snapshot(join(cwd, "generated"));
    const listed = manifestFiles(join(cwd, "generated"));
    expect(listed).toEqual([...files.keys()].filter((f) => f !== MANIFEST));
    expect(listed).toEqual(expect.arrayContaining(["package.json", "models/index.js", "models/index.d.ts", "models/pair.js", "models/pair.d.ts", "models/ops/lookup.js", "models/ops/index.d.ts", "runtime/index.js"]));
  });

  it("a second run with nothing changed writes nothing new", async () => {
    const cwd = project();
    await run(cwd);
    const before = snapshot(join(cwd, "generated"));
    const mtime = statSync(join(cwd, "generated/models/pair.js")).mtimeMs;
    const again = await run(cwd);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/: 0 files written, \d+ unchanged, 0 removed/);
    expect(snapshot(join(cwd, "generated"))).toEqual(before);
    expect(statSync(join(cwd, "generated/models/pair.js")).mtimeMs).toBe(mtime);
  });

  it("removing a doc deletes exactly that doc's files", async () => {
    const cwd = project();
    await run(cwd);
    const before = snapshot(join(cwd, "generated"));
    rmSync(join(cwd, "spec/ops/answer.md"));
    const result = await run(cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/, 2 removed,/);
    const after = snapshot(join(cwd, "generated"));
    const gone = [...before.keys()].filter((f) => !after.has(f));
    expect(gone).toEqual(["models/ops/answer.d.ts", "models/ops/answer.js"]);
    expect([...after.keys()].filter((f) => !before.has(f))).toEqual([]);
    expect(manifestFiles(join(cwd, "generated"))).not.toContain("models/ops/answer.js");
    // Only the barrel of the doc's folder and the manifest change.
    const changed = [...after.keys()].filter((f) => after.get(f) !== before.get(f));
    expect(changed).toEqual([MANIFEST, "models/ops/index.d.ts", "models/ops/index.js"]);
  });

  it("two docs with the same bytes in different folders each keep their own module on a cached run", async () => {
    const docs = { ...DOCS, "copy/pair.md": DOCS["pair.md"]! };
    const cwd = project(docs);
    expect((await run(cwd)).code).toBe(0);
    // A real run from the cache: another doc changed.
    writeDoc(cwd, "spec/status.md", DOCS["status.md"]!.replace('"closed"', '"closed" | "held"'));
    const cached = await run(cwd);
    expect(cached.stdout).toMatch(/parsed 1\/5/);
    const fresh = project({ ...docs, "status.md": DOCS["status.md"]!.replace('"closed"', '"closed" | "held"') });
    await run(fresh);
    expect(snapshot(join(cwd, "generated"))).toEqual(snapshot(join(fresh, "generated")));
    expect(readFileSync(join(cwd, "generated/models/copy/pair.js"), "utf8")).toContain('from "copy/pair.md"');
  });

  it("keeps node_modules inside the output folder", async () => {
    const cwd = project();
    await run(cwd);
    writeDoc(cwd, "generated/node_modules/dep/index.js", "export {};");
    expect((await run(cwd)).code).toBe(0);
    expect(readFileSync(join(cwd, "generated/node_modules/dep/index.js"), "utf8")).toBe("export {};");
  });
});

describe("writing in place (watch mode, and small updates)", () => {
  const files = (entries: Record<string, string>) => new Map(Object.entries(entries));

  it("a few changed files are replaced in place; many go through a staged copy swapped in", () => {
    const out = join(project(), "out");
    const many = (version: string, n = SMALL_UPDATE + 8) => files(Object.fromEntries(Array.from({ length: n }, (_, i) => [`m/f${i}.js`, i < 2 ? version : `same ${i}`])));
    writeOutput(out, many("v1"));
    const folder = statSync(out).ino;
    const untouched = statSync(join(out, "m/f5.js")).mtimeMs;
    expect(writeOutput(out, many("v2"))).toEqual({ written: 2, unchanged: SMALL_UPDATE + 7, removed: 0 });
    expect(statSync(out).ino).toBe(folder);
    expect(statSync(join(out, "m/f5.js")).mtimeMs).toBe(untouched);
    expect(readFileSync(join(out, "m/f1.js"), "utf8")).toBe("v2");
    // Every file changes: staged and swapped in, a new folder.
    const all = files(Object.fromEntries([...many("v3")].map(([path]) => [path, `${path} v3`])));
    writeOutput(out, all);
    expect(statSync(out).ino).not.toBe(folder);
    const written = snapshot(out);
    expect([...written.keys()]).toEqual([MANIFEST, ...all.keys()].sort());
    for (const [path, text] of all) expect(written.get(path)).toBe(text);
  });

  it("in place, files no longer generated go, and so do the folders they leave empty (not folders with other files)", () => {
    const out = join(project(), "out");
    writeOutput(out, files({ "a.js": "a", "gone/deep/b.js": "b", "kept/c.js": "c", "kept/d.js": "d" }));
    const folder = statSync(out).ino;
    const summary = writeOutput(out, files({ "a.js": "a", "kept/c.js": "c" }));
    expect(summary).toEqual({ written: 1, unchanged: 2, removed: 2 });
    expect(statSync(out).ino).toBe(folder);
    expect(existsSync(join(out, "gone"))).toBe(false);
    expect(readdirSync(join(out, "kept"))).toEqual(["c.js"]);
    expect([...snapshot(out).keys()]).toEqual([MANIFEST, "a.js", "kept/c.js"]);
  });

  it("replaces changed files, removes dropped ones and keeps the folder itself", () => {
    const out = join(project(), "out");
    writeOutput(out, files({ "a.js": "a1", "sub/b.js": "b1", "c.js": "c1" }));
    const folder = statSync(out).ino;
    const summary = writeOutput(out, files({ "a.js": "a2", "sub/b.js": "b1", "d.js": "d1" }), { inPlace: true });
    expect(summary).toEqual({ written: 3, unchanged: 1, removed: 1 });
    expect(statSync(out).ino).toBe(folder);
    expect(snapshot(out)).toEqual(snapshot((() => {
      const fresh = join(project(), "out");
      writeOutput(fresh, files({ "a.js": "a2", "sub/b.js": "b1", "d.js": "d1" }));
      return fresh;
    })()));
  });

  it("an update that fails midway leaves whole files, no temp files, and a manifest owning old and new", () => {
    const out = join(project(), "out");
    writeOutput(out, files({ "a.js": "a1", "z.js/x": "x" }));
    // z.js is a folder the generator wrote: a new file of that name cannot replace it, after a.js and b.js were written.
    expect(() => writeOutput(out, files({ "a.js": "a2", "b.js": "b1", "z.js/x": "x", "z.js": "z1" }), { inPlace: true })).toThrow();
    expect(readFileSync(join(out, "a.js"), "utf8")).toBe("a2");
    expect(readFileSync(join(out, "b.js"), "utf8")).toBe("b1");
    expect(readdirSync(out).filter((f) => f.includes(".tmp"))).toEqual([]);
    const owned = (JSON.parse(readFileSync(join(out, MANIFEST), "utf8")) as { files: string[] }).files;
    expect(owned).toEqual(["a.js", "b.js", "z.js", "z.js/x"]);
    // The next run still owns every file there, so it can replace the folder.
    writeOutput(out, files({ "a.js": "a3" }));
    expect([...snapshot(out).keys()]).toEqual([MANIFEST, "a.js"]);
  });
});

describe("up to date (nothing read, parsed or printed)", () => {
  const UP_TO_DATE = /\(up to date: parsed 0\/4, printed 0 units\)/;

  it("a run with the same docs, options and untouched output is up to date and touches nothing", async () => {
    const cwd = project();
    await run(cwd);
    const before = snapshot(join(cwd, "generated"));
    const again = await run(cwd);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(UP_TO_DATE);
    expect(again.stdout).toMatch(/from 4 docs \(2 objects, 1 enum, 1 union\): 0 files written, \d+ unchanged, 0 removed, 0 warnings/);
    expect(snapshot(join(cwd, "generated"))).toEqual(before);
  });

  it("a generated file edited, deleted or added by hand is noticed and repaired", async () => {
    const cwd = project();
    await run(cwd);
    const before = snapshot(join(cwd, "generated"));
    writeFileSync(join(cwd, "generated/models/pair.js"), "// edited by hand\n");
    rmSync(join(cwd, "generated/models/status.d.ts"));
    const repaired = await run(cwd);
    expect(repaired.stdout).not.toMatch(UP_TO_DATE);
    expect(repaired.stdout).toMatch(/: 2 files written/);
    expect(snapshot(join(cwd, "generated"))).toEqual(before);
    expect((await run(cwd)).stdout).toMatch(UP_TO_DATE);
    // A foreign file is not silently accepted: the full run refuses the folder.
    writeDoc(cwd, "generated/models/extra.js", "export {};");
    expect((await run(cwd)).code).toBe(2);
  });

  it("a changed doc, option or new doc means a real run", async () => {
    const cwd = project();
    await run(cwd);
    writeDoc(cwd, "spec/pair.md", DOCS["pair.md"]!.replace("The key.", "The key!"));
    const edited = await run(cwd);
    expect(edited.stdout).not.toMatch(UP_TO_DATE);
    expect(readFileSync(join(cwd, "generated/models/pair.d.ts"), "utf8")).toContain("The key!");
    // The stamp after that run (untouched files keep the stats verified before it) finds the folder as the run left it,
    // and still notices a hand edit of a file the run did not write.
    expect((await run(cwd)).stdout).toMatch(UP_TO_DATE);
    writeFileSync(join(cwd, "generated/models/status.js"), "// edited by hand\n");
    expect((await run(cwd)).stdout).not.toMatch(UP_TO_DATE);
    expect((await run(cwd)).stdout).toMatch(UP_TO_DATE);
    expect((await run(cwd, "--enum-style", "string-union")).stdout).not.toMatch(UP_TO_DATE);
    expect((await run(cwd, "--enum-style", "string-union")).stdout).toMatch(UP_TO_DATE);
    writeDoc(cwd, "spec/notes.txt", "not a doc");
    const withNote = await run(cwd, "--enum-style", "string-union");
    expect(withNote.stdout).not.toMatch(UP_TO_DATE);
    expect(withNote.stderr).toContain("not-markdown");
  });

  it("a doc moved or removed means a real run, even with every remaining doc's bytes unchanged", async () => {
    const cwd = project();
    await run(cwd);
    expect((await run(cwd)).stdout).toMatch(/\(up to date: parsed 0\/4/);
    renameSync(join(cwd, "spec/ops/answer.md"), join(cwd, "spec/ops/answer2.md"));
    const moved = await run(cwd);
    expect(moved.stdout).not.toMatch(/up to date/);
    rmSync(join(cwd, "spec/ops/answer2.md"));
    const removed = await run(cwd);
    expect(removed.stdout + removed.stderr).not.toMatch(/up to date/);
  });

  it("a doc's recorded hash is trusted only when its size and mtime match and the mtime is not racily close to the record", () => {
    const cwd = project();
    const root = join(cwd, "spec");
    const mtimeMs = statSync(join(root, "pair.md")).mtimeMs;
    const size = statSync(join(root, "pair.md")).size;
    const hashOf = (recordedAt: number, record: [number, number, string]) =>
      readSpecFiles(root, { files: { "pair.md": record }, recordedAt }).files.find((f) => f.path === "pair.md")!;
    const real = hashOf(0, [0, 0, ""]).hash;
    // Same size and mtime, recorded well after the mtime: trusted without reading (as make and git do).
    const trusted = hashOf(mtimeMs + 5000, [size, mtimeMs, "recorded"]);
    expect(trusted.hash).toBe("recorded");
    expect(trusted.bytes).toBeUndefined();
    // Recorded within a second of the mtime: an edit in that window could keep both, so it is hashed.
    expect(hashOf(mtimeMs + 500, [size, mtimeMs, "recorded"]).hash).toBe(real);
    // Any difference in size or mtime: hashed.
    expect(hashOf(mtimeMs + 5000, [size + 1, mtimeMs, "recorded"]).hash).toBe(real);
    expect(hashOf(mtimeMs + 5000, [size, mtimeMs - 1, "recorded"]).hash).toBe(real);
    // A trusted doc that is decoded later is hashed from the bytes actually read.
    const spec = readSpecFiles(root, { files: { "pair.md": [size, mtimeMs, "recorded"] }, recordedAt: mtimeMs + 5000 });
    decodeSpec(spec);
    expect(spec.files.find((f) => f.path === "pair.md")!.hash).toBe(real);
  });

  it("the previous output is known from the cache only while the stamp saved with it finds the folder untouched", async () => {
    const cwd = project();
    await run(cwd);
    const cacheDir = join(cwd, "node_modules/.cache/md-model-codegen");
    const name = readdirSync(cacheDir).find((f) => f.endsWith(".v8"))!;
    const cache = loadCache(join(cacheDir, name))!;
    const stamp = loadStamp(join(cacheDir, name.replace(/\.v8$/, ".stamp.json")))!;
    const out = join(cwd, "generated");
    const known = previousOutput(cache, stamp, out)!;
    const onDisk = snapshot(out);
    // Every module's files, as on disk (the runtime, package.json and manifest are read when needed).
    expect(known.texts.size).toBe(onDisk.size - 4);
    for (const [path, text] of known.texts) expect(Buffer.from(text).toString("latin1"), path).toBe(onDisk.get(path));
    // The files the folder holds, as its manifest lists them, and their stats as found.
    const manifest = JSON.parse(onDisk.get(MANIFEST)!) as { files: string[] };
    expect([...known.owned].sort()).toEqual(manifest.files);
    for (const path of onDisk.keys()) expect(known.stats[path], path).toEqual([statSync(join(out, path)).size, statSync(join(out, path)).mtimeMs]);
    expect(previousOutput({ ...cache, id: "another cache" }, stamp, out)).toBeUndefined();
    writeFileSync(join(out, "models/pair.js"), "// edited by hand\n");
    expect(previousOutput(cache, stamp, out)).toBeUndefined();
  });

  it("a cache older than the stamp (its save failed) is not taken for what is on disk", async () => {
    const cwd = project();
    await run(cwd);
    const first = snapshot(join(cwd, "generated"));
    const cacheDir = join(cwd, "node_modules/.cache/md-model-codegen");
    const cacheFile = join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith(".v8"))!);
    const oldCache = readFileSync(cacheFile);
    writeDoc(cwd, "spec/pair.md", DOCS["pair.md"]!.replace("The key.", "The key, changed."));
    expect((await run(cwd)).code).toBe(0);
    // The second run's stamp stays, its cache is lost: the old cache's texts match the docs again,
    // but the folder holds the second run's files, which must be rewritten.
    writeFileSync(cacheFile, oldCache);
    writeDoc(cwd, "spec/pair.md", DOCS["pair.md"]!);
    const third = await run(cwd);
    expect(third.code).toBe(0);
    expect(third.stdout).toMatch(/: 2 files written/);
    expect(snapshot(join(cwd, "generated"))).toEqual(first);
  });

  it("a corrupt cache or stamp is ignored: the run is a full one and the output is right", async () => {
    const cwd = project();
    await run(cwd);
    const before = snapshot(join(cwd, "generated"));
    const cacheDir = join(cwd, "node_modules/.cache/md-model-codegen");
    const files = readdirSync(cacheDir);
    expect(files.filter((f) => f.endsWith(".v8"))).toHaveLength(1);
    expect(files.filter((f) => f.endsWith(".stamp.json"))).toHaveLength(1);
    for (const file of files) writeFileSync(join(cacheDir, file), file.endsWith(".v8") ? "\xff\x0fnot a cache" : "{ not json");
    writeDoc(cwd, "spec/pair.md", DOCS["pair.md"]!.replace("The key.", "The key, again."));
    const full = await run(cwd);
    expect(full.code).toBe(0);
    expect(full.stdout).toMatch(/\(parsed 4\/4, printed \d+ units\)/);
    writeDoc(cwd, "spec/pair.md", DOCS["pair.md"]!);
    expect((await run(cwd)).code).toBe(0);
    expect(snapshot(join(cwd, "generated"))).toEqual(before);
  });

  it("a cached model that does not load (found only when read) makes the run start over without the cache", async () => {
    const cwd = project();
    await run(cwd);
    const cacheDir = join(cwd, "node_modules/.cache/md-model-codegen");
    const cacheFile = join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith(".v8"))!);
    // Whole and readable, but one doc's stored model is garbage (models are deserialised on first access).
    const stored = v8.deserialize(readFileSync(cacheFile)) as { parsed: Record<string, { model?: Uint8Array }> };
    stored.parsed["status.md"]!.model = Uint8Array.from([0xff, 0x0f, 0x6e, 0x6f]);
    writeFileSync(cacheFile, v8.serialize(stored));
    // A new doc changes the directory: the full build reads every model.
    writeDoc(cwd, "spec/extra.md", DOCS["pair.md"]!.replace("# Pair", "# Extra"));
    const result = await run(cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/\(parsed 5\/5, printed \d+ units\)/);
    expect(readFileSync(join(cwd, "generated/models/status.d.ts"), "utf8")).toContain("Status");
    // The cache was written anew: an edit is rebuilt from it.
    writeDoc(cwd, "spec/pair.md", DOCS["pair.md"]!.replace("The key.", "The key, again."));
    const edit = await run(cwd, "--timings");
    expect(edit.code).toBe(0);
    expect(edit.stderr).toMatch(/rebuild 1 edited doc/);
  });

  it("the generator version covers the installed ts-morph and remark versions (an upgrade can change output)", () => {
    const versionOf = (name: string) => (JSON.parse(readFileSync(join(PROJECT_ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
    expect(dependencyVersions()).toEqual(["ts-morph", "unified", "remark-parse", "remark-gfm"].map((name) => `${name}@${versionOf(name)}`));
  });

  it("a doc with a cached parse is neither read nor decoded unless its text is asked for", () => {
    const cwd = project();
    const root = join(cwd, "spec");
    const { size, mtimeMs } = statSync(join(root, "pair.md"));
    const spec = readSpecFiles(root, { files: { "pair.md": [size, mtimeMs, "cached"] }, recordedAt: mtimeMs + 5000 });
    const read = decodeSpec(spec, (file) => file.hash === "cached");
    const pair = spec.files.find((f) => f.path === "pair.md")!;
    expect(pair.bytes).toBeUndefined();
    expect(read.docs.map((d) => d.path)).toEqual(["ops/answer.md", "ops/lookup.md", "pair.md", "status.md"]);
    const doc = read.docs.find((d) => d.path === "pair.md")!;
    expect(doc.text).toBe(DOCS["pair.md"]);
  });

  it("warnings are reported again, and --max-warnings still applies", async () => {
    const cwd = project({ ...DOCS, "mything.md": WARNING_DOC });
    expect((await run(cwd)).code).toBe(0);
    const again = await run(cwd);
    expect(again.stdout).toMatch(/\(up to date: parsed 0\/5/);
    expect(again.stderr).toBe("spec/mything.md:1:1: warning: title `My Thing` is not a valid identifier; emitted as `My_Thing` [model-name]\n");
    const strict = await run(cwd, "--max-warnings", "0");
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain("1 warning (more than --max-warnings 0): nothing written");
  });

  it("--check and --stats never take the shortcut; --timings prints the phases", async () => {
    const cwd = project();
    await run(cwd);
    const check = await run(cwd, "--check");
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/is up to date: 4 docs/);
    expect((await run(cwd, "--stats")).stdout).not.toMatch(UP_TO_DATE);
    const timed = await run(cwd, "--timings");
    expect(timed.stderr).toMatch(/^timings: read \d+ ms, up-to-date check \d+ ms; total \d+ ms\n$/);
  });
});

describe("diagnostics", () => {
  it("a bad doc: file:line:column: error: message [rule], exit 1, previous output intact", async () => {
    const cwd = project();
    expect((await run(cwd)).code).toBe(0);
    const before = snapshot(join(cwd, "generated"));
    writeDoc(cwd, "spec/pair.md", BAD_PAIR);
    const result = await run(cwd);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "spec/pair.md:7:22: error: unknown Required marker `yes` [field-required-marker]\n  hint: use `:heavy_check_mark:` or `:heavy_minus_sign:`\n1 error, 0 warnings: nothing written\n",
    );
    expect(snapshot(join(cwd, "generated"))).toEqual(before);
    // No staging folders left behind.
    expect(readdirSync(cwd).sort()).toEqual(["generated", "node_modules", "spec"].filter((f) => existsSync(join(cwd, f))));
  });

  it("a broken doc is reported once, not again by every doc that refers to it", async () => {
    const cwd = project({ ...DOCS, "pair.md": BAD_PAIR });
    const result = await run(cwd);
    expect(result.stderr.split("\n").filter((l) => /: (error|warning): /.test(l))).toEqual(["spec/pair.md:7:22: error: unknown Required marker `yes` [field-required-marker]"]);
    // A reference to a doc that does not exist at all is still an error.
    const gone = project({ ...DOCS, "pair.md": BAD_PAIR, "ops/other.md": DOCS["ops/lookup.md"]!.replace("# Lookup", "# Other").replace("../pair.md", "../gone.md") });
    expect((await run(gone)).stderr).toContain("spec/ops/other.md:7:12: error: link `../gone.md` for `models.Pair` does not lead to a doc in the spec [dangling-link]");
  });

  it("a bad doc on a first run writes nothing at all", async () => {
    const cwd = project({ ...DOCS, "pair.md": BAD_PAIR });
    expect((await run(cwd)).code).toBe(1);
    expect(existsSync(join(cwd, "generated"))).toBe(false);
  });

  it("errors from resolving (a dangling link) are reported the same way", async () => {
    const cwd = project({ ...DOCS, "ops/lookup.md": DOCS["ops/lookup.md"]!.replace("../pair.md", "../missing.md") });
    const result = await run(cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^spec\/ops\/lookup\.md:7:12: error: link `\.\.\/missing\.md` for `models\.Pair` does not lead to a doc in the spec \[dangling-link\]\n/);
  });

  it("--reporter json prints the diagnostics as JSON", async () => {
    const cwd = project({ ...DOCS, "pair.md": BAD_PAIR, "mything.md": WARNING_DOC });
    const result = await run(cwd, "--reporter", "json");
    expect(result.code).toBe(1);
    const json = result.stderr.slice(0, result.stderr.lastIndexOf("]") + 1);
    expect(result.stderr.slice(json.length)).toBe("\n1 error, 1 warning: nothing written\n");
    expect(JSON.parse(json)).toEqual([
      { file: "spec/mything.md", line: 1, column: 1, severity: "warning", ruleId: "model-name", message: "title `My Thing` is not a valid identifier; emitted as `My_Thing`" },
      {
        file: "spec/pair.md",
        line: 7,
        column: 22,
        severity: "error",
        ruleId: "field-required-marker",
        message: "unknown Required marker `yes`",
        hint: "use `:heavy_check_mark:` or `:heavy_minus_sign:`",
      },
    ]);
  });

  it("--max-warnings: more warnings than allowed fail without writing", async () => {
    const cwd = project({ ...DOCS, "mything.md": WARNING_DOC });
    const strict = await run(cwd, "--max-warnings", "0");
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe("spec/mything.md:1:1: warning: title `My Thing` is not a valid identifier; emitted as `My_Thing` [model-name]\n1 warning (more than --max-warnings 0): nothing written\n");
    expect(existsSync(join(cwd, "generated"))).toBe(false);

    const lenient = await run(cwd, "--max-warnings", "1");
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/, 1 warning/);
    expect(existsSync(join(cwd, "generated/models/mything.js"))).toBe(true);

    // Without the flag, warnings never fail the run.
    expect((await run(cwd)).code).toBe(0);
  });
});

describe("--check", () => {
  async function generated(): Promise<string> {
    const cwd = project();
    expect((await run(cwd)).code).toBe(0);
    return cwd;
  }

  it("fresh output: exit 0, nothing written", async () => {
    const cwd = await generated();
    const before = snapshot(join(cwd, "generated"));
    const result = await run(cwd, "--check");
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toMatch(/^generated is up to date: 4 docs \(2 objects, 1 enum, 1 union\), \d+ files checked/);
    expect(snapshot(join(cwd, "generated"))).toEqual(before);
  });

  it("stale, missing and extra files: exit 1, each listed", async () => {
    const cwd = await generated();
    writeFileSync(join(cwd, "generated/models/pair.js"), "// edited by hand\n");
    rmSync(join(cwd, "generated/models/status.d.ts"));
    writeFileSync(join(cwd, "generated/models/extra.js"), "export {};\n");
    const before = snapshot(join(cwd, "generated"));
    const result = await run(cwd, "--check");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "generated is out of date with spec:\n  stale:   models/pair.js\n  missing: models/status.d.ts\n  extra:   models/extra.js\nrun `npm run generate` and commit the result\n",
    );
    expect(snapshot(join(cwd, "generated"))).toEqual(before);
  });

  it("a doc changed since the last generate makes its files stale", async () => {
    const cwd = await generated();
    writeDoc(cwd, "spec/pair.md", DOCS["pair.md"]!.replace("The key.", "The new key."));
    const result = await run(cwd, "--check");
    expect(result.code).toBe(1);
    // The description is in the type's JSDoc and in the JSON Schema of the module.
    expect(result.stderr).toBe("generated is out of date with spec:\n  stale:   models/pair.d.ts\n  stale:   models/pair.js\nrun `npm run generate` and commit the result\n");
  });

  it("no output yet: every file is missing", async () => {
    const cwd = project();
    const result = await run(cwd, "--check");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`  missing: ${MANIFEST}\n`);
    expect(result.stderr).toContain("  missing: models/pair.js\n");
    expect(existsSync(join(cwd, "generated"))).toBe(false);
  });

  it("a bad doc fails the check with the diagnostics", async () => {
    const cwd = await generated();
    writeDoc(cwd, "spec/pair.md", BAD_PAIR);
    const result = await run(cwd, "--check");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^spec\/pair\.md:7:22: error: /);
  });
});

describe("refusing dangerous targets", () => {
  async function refused(cwd: string, argv: string[], reason: string): Promise<void> {
    const before = snapshot(cwd);
    const result = await run(cwd, ...argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(reason);
    expect(snapshot(cwd)).toEqual(before);
  }

  it("the project root (out = cwd)", async () => {
    await refused(project(), ["--out", "."], "error: refusing to write to .: it is the project root\n");
  });

  it("the spec folder, a parent of it, or a folder inside it", async () => {
    const cwd = project(DOCS, "docs/models");
    await refused(cwd, ["--spec", "docs/models", "--out", "docs/models"], "refusing to write to docs/models: it is the spec folder or a parent of it");
    await refused(cwd, ["--spec", "docs/models", "--out", "docs"], "refusing to write to docs: it is the spec folder or a parent of it");
    await refused(cwd, ["--spec", "docs/models", "--out", "docs/models/out"], "refusing to write to docs/models/out: it is inside the spec folder");
  });

  it("a folder holding files the generator did not write", async () => {
    const cwd = project();
    writeDoc(cwd, "out/notes.txt", "mine");
    await refused(cwd, ["--out", "out"], `refusing to write to ${join(cwd, "out")}: it holds files the generator did not write (no .md-model-codegen-manifest.json), e.g. notes.txt`);
    expect(readFileSync(join(cwd, "out/notes.txt"), "utf8")).toBe("mine");
  });

  it("a generated folder with a foreign file added", async () => {
    const cwd = project();
    expect((await run(cwd)).code).toBe(0);
    writeDoc(cwd, "generated/models/mine.ts", "export const mine = 1;");
    await refused(cwd, [], `refusing to write to ${join(cwd, "generated")}: it holds files the generator did not write: models/mine.ts`);
  });

  it("a package the generator did not write, and a git repository", async () => {
    const cwd = project();
    writeDoc(cwd, "pkg/package.json", "{}");
    await refused(cwd, ["--out", "pkg"], "it is a package the generator did not write");
    mkdirSync(join(cwd, "repo/.git"), { recursive: true });
    await refused(cwd, ["--out", "repo"], "it is a git repository");
  });

  it("the file system root", async () => {
    await refused(project(), ["--out", "/"], "error: refusing to write to /: it is the file system root\n");
  });
});

describe("configuration", () => {
  it("the config file is read; CLI flags override it", async () => {
    const cwd = project(DOCS, "docs/models");
    writeFileSync(join(cwd, "md-model-codegen.config.json"), JSON.stringify({ spec: "docs/models", out: "pkg", packageName: "from-config", enumStyle: "ts-enum" }));
    const fromConfig = await run(cwd);
    expect(fromConfig.code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, "pkg/package.json"), "utf8")).name).toBe("from-config");
    expect(readFileSync(join(cwd, "pkg/models/status.d.ts"), "utf8")).toContain("export declare enum Status {");

    const overridden = await run(cwd, "--out", "other", "--package-name", "from-cli", "--enum-style", "string-union");
    expect(overridden.code).toBe(0);
    expect(JSON.parse(readFileSync(join(cwd, "other/package.json"), "utf8")).name).toBe("from-cli");
    expect(readFileSync(join(cwd, "other/models/status.d.ts"), "utf8")).toContain('export type Status = "open" | "closed" | Unrecognized<string>;');
    // The config's own output is untouched by the overridden run.
    expect(JSON.parse(readFileSync(join(cwd, "pkg/package.json"), "utf8")).name).toBe("from-config");
  });

  it("--config names another file; maxWarnings may come from it", async () => {
    const cwd = project({ ...DOCS, "mything.md": WARNING_DOC });
    writeFileSync(join(cwd, "strict.json"), JSON.stringify({ maxWarnings: 0 }));
    const result = await run(cwd, "--config", "strict.json");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("more than --max-warnings 0");
    expect((await run(cwd, "--config", "strict.json", "--max-warnings", "5")).code).toBe(0);
  });

  it("a bad config file is a usage error", async () => {
    const cwd = project();
    writeFileSync(join(cwd, "md-model-codegen.config.json"), JSON.stringify({ spec: "spec", outDir: "x" }));
    const unknown = await run(cwd);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: md-model-codegen\.config\.json: unknown config key "outDir"/);
    writeFileSync(join(cwd, "md-model-codegen.config.json"), "{ not json");
    expect((await run(cwd)).stderr).toMatch(/^error: md-model-codegen\.config\.json: cannot read config: /);
    expect((await run(cwd, "--config", "missing.json")).code).toBe(2);
  });
});

describe("--stats", () => {
  it("prints how often each construct occurs", async () => {
    const cwd = project();
    const result = await run(cwd, "--stats");
    expect(result.code).toBe(0);
    const stats = Object.fromEntries(
      result.stdout
        .split("\n")
        .filter((l) => /^ {2}\S/.test(l))
        .map((l) => {
          const match = /^ {2}(.+?)\s+(\d+)$/.exec(l)!;
          return [match[1], Number(match[2])];
        }),
    );
    expect(stats).toMatchObject({
      folders: 2,
      "model: object": 2,
      "model: enum": 1,
      "model: union": 1,
      fields: 4,
      "field: required": 2,
      "field: optional": 2,
      "enum: open": 1,
      "enum values": 2,
      "union members": 2,
      "ref: linked": 2,
      "type: array": 1,
    });
  });
});

describe("the real command", () => {
  it("`tsx generator/cli/main.ts --spec … --out …` works end to end as a child process", () => {
    const cwd = project();
    const spec = join(cwd, "spec");
    const out = join(cwd, "out");
    const tsx = join(PROJECT_ROOT, "node_modules/.bin/tsx");
    const generate = spawnSync(tsx, ["generator/cli/main.ts", "--spec", spec, "--out", out], { cwd: PROJECT_ROOT, encoding: "utf8" });
    expect(generate.stderr).toBe("");
    expect(generate.status).toBe(0);
    expect(generate.stdout).toMatch(/^generated .* from 4 docs/);
    expect(existsSync(join(out, "models/ops/lookup.js"))).toBe(true);

    const check = spawnSync(tsx, ["generator/cli/main.ts", "--spec", spec, "--out", out, "--check"], { cwd: PROJECT_ROOT, encoding: "utf8" });
    expect(check.status).toBe(0);

    // The package it wrote works.
    const use = spawnSync(
      process.execPath,
      ["--input-type=module", "-e", `const m = await import(${JSON.stringify(join(out, "models/index.js"))}); process.stdout.write(String(m.isPair({ key: "k" })) + " " + String(m.isPair({})));`],
      { encoding: "utf8" },
    );
    expect(use.stdout).toBe("true false");

    writeFileSync(join(spec, "pair.md"), BAD_PAIR);
    const bad = spawnSync(tsx, ["generator/cli/main.ts", "--spec", spec, "--out", out], { cwd: PROJECT_ROOT, encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("pair.md:7:22: error: unknown Required marker `yes` [field-required-marker]");
  });
});
