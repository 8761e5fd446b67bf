/**
 * The cache file and its delta (cli/cache.ts): a run that changes a few
 * entries writes only what differs from the base; loading applies it; past
 * DELTA_LIMIT changes the base is written whole again; a delta written for
 * another base is ignored.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { currentGeneratorVersion, DELTA_LIMIT, loadCache, saveCache, type CacheData } from "../../generator/cli/cache.ts";
import type { Model } from "../../generator/ir/types.ts";
import type { BuildRecord } from "../../generator/rebuild.ts";
import { tempDir } from "../support/generate.ts";

function cacheOf(docs: number, id: string): CacheData {
  const parsed: CacheData["parsed"] = {};
  const units: CacheData["units"] = [];
  for (let i = 0; i < docs; i++) {
    parsed[`d${i}.md`] = { hash: `h${i}`, diagnostics: [], ...(i % 2 ? { model: model(`d${i}`) } : {}) };
    units.push([`u${i}`, { [`m/d${i}.js`]: `export const d${i} = "é ${i}";\n`, [`m/d${i}.d.ts`]: `export declare const d${i}: string;\n` }]);
  }
  return { version: currentGeneratorVersion(), id, parsed, units, skeletons: [["s1", "shape one"]], build: { setup: "[]", directory: "[]", models: [], barrels: [] } };
}

function model(id: string): Model {
  return { kind: "object", id, name: id.toUpperCase(), folder: "", fields: [], position: { file: `${id}.md`, line: 1, column: 1 } };
}

/** The same cache with `n` docs changed: new parse results and units (new objects), the rest the very same objects. */
function edited(data: CacheData, n: number, id: string): CacheData {
  const parsed = { ...data.parsed };
  const units = [...data.units];
  for (let i = 0; i < n; i++) {
    parsed[`d${i}.md`] = { hash: `h${i}-${id}`, diagnostics: [], model: model(`d${i}-${id}`) };
    units[i] = [`u${i}-${id}`, { [`m/d${i}.js`]: `export const d${i} = "${id}";\n` }];
  }
  return { ...data, id, parsed, units, skeletons: [...(data.skeletons ?? []), [`s-${id}`, `shape ${id}`]] };
}

/** Loaded texts stay UTF-8 bytes (cli/cache.ts): compared as text. */
const text = (t: string | Uint8Array) => (typeof t === "string" ? t : Buffer.from(t).toString("utf8"));
const normal = (data: CacheData | undefined) =>
  data && {
    ...data,
    units: [...data.units].map(([key, files]) => [key, Object.fromEntries(Object.entries(files).map(([path, t]) => [path, text(t)]))]).sort(([a], [b]) => (a! < b! ? -1 : 1)),
    skeletons: [...(data.skeletons ?? [])].sort(),
  };

describe("the cache's delta file", () => {
  it("a small change writes only a delta; loading gives the whole cache", () => {
    const file = join(tempDir("cache-delta"), "c.v8");
    const base = cacheOf(100, "a");
    saveCache(file, base);
    const baseBytes = readFileSync(file);
    const next = edited(base, 2, "b");
    delete next.parsed["d99.md"];
    saveCache(file, next);
    expect(readFileSync(file).equals(baseBytes)).toBe(true);
    expect(statSync(`${file}.delta`).size).toBeLessThan(baseBytes.length / 10);
    expect(normal(loadCache(file))).toEqual(normal(next));
    // Loaded texts are the stored bytes, never decoded.
    expect(Object.values(loadCache(file)!.units.at(-1)![1])[0]).toBeInstanceOf(Uint8Array);
    // Another small change, made from the loaded cache: the delta still holds all since the base.
    const loaded = loadCache(file)!;
    const third = edited(loaded, 1, "c");
    saveCache(file, third);
    expect(readFileSync(file).equals(baseBytes)).toBe(true);
    expect(normal(loadCache(file))).toEqual(normal(third));
  });

  it(`past ${DELTA_LIMIT} changed entries the base is written again and the delta goes`, () => {
    const file = join(tempDir("cache-delta"), "c.v8");
    const base = cacheOf(100, "a");
    saveCache(file, base);
    saveCache(file, edited(base, 2, "b"));
    expect(existsSync(`${file}.delta`)).toBe(true);
    const big = edited(base, DELTA_LIMIT, "c");
    saveCache(file, big);
    expect(existsSync(`${file}.delta`)).toBe(false);
    expect(normal(loadCache(file))).toEqual(normal(big));
  });

  it("writing a cache whole removes caches and stamps of the old naming (32 hex digits), nothing else", () => {
    const dir = tempDir("cache-delta");
    const old = ["0123456789abcdef0123456789abcdef.v8", "0123456789abcdef0123456789abcdef.stamp.json"];
    const kept = ["0123456789abcd.v8", "0123456789abcd.stamp.json", "notes.txt"];
    for (const name of [...old, ...kept]) writeFileSync(join(dir, name), "x");
    saveCache(join(dir, "c.v8"), cacheOf(3, "a"));
    expect(readdirSync(dir).sort()).toEqual([...kept, "c.v8"].sort());
  });

  it("a delta written for another base is ignored", () => {
    const dir = tempDir("cache-delta");
    const file = join(dir, "c.v8");
    const other = join(dir, "other.v8");
    saveCache(other, cacheOf(10, "other"));
    const base = cacheOf(10, "a");
    saveCache(file, base);
    saveCache(file, edited(base, 1, "b"));
    // Another process replaced the base (say a run of another version of the generator was interrupted).
    copyFileSync(other, file);
    expect(normal(loadCache(file))).toEqual(normal(cacheOf(10, "other")));
  });

  it("a loaded doc's model is deserialised when first read, and saved again from its bytes", () => {
    const dir = tempDir("cache-delta");
    const file = join(dir, "c.v8");
    const base = cacheOf(10, "a");
    saveCache(file, base);
    const loaded = loadCache(file)!;
    const entry = loaded.parsed["d1.md"]!;
    expect(Object.getOwnPropertyDescriptor(entry, "model")?.get).toBeTypeOf("function");
    expect(entry.model).toEqual(model("d1"));
    expect(Object.getOwnPropertyDescriptor(entry, "model")?.value).toEqual(model("d1"));
    expect("model" in loaded.parsed["d0.md"]!).toBe(false);
    const copy = join(dir, "copy.v8");
    saveCache(copy, loaded);
    expect(normal(loadCache(copy))).toEqual(normal(base));
  });

  it("the build record goes in the delta as the models that changed, or whole when its directory changed", () => {
    const file = join(tempDir("cache-delta"), "c.v8");
    const record = (n: number, tag: string): BuildRecord => ({
      setup: "[]",
      directory: "[dir]",
      barrels: [["", "barrel-key"]],
      models: Array.from({ length: n }, (_, i) => ({
        file: `d${i}.md`,
        outline: { id: `d${i}`, folder: "", name: `D${i}`, kind: "object", targets: [], direct: false },
        diagnostics: [],
        facts: JSON.stringify({ kind: "object", fields: [["f", tag, true]] }),
        key: `k${i}-${tag}`,
        codec: false,
      })),
    });
    const base = { ...cacheOf(10, "a"), build: record(300, "a") };
    saveCache(file, base);
    const size = statSync(file).size;
    // As a rebuild leaves it: the base's record with two models replaced.
    const models = [...base.build.models];
    models[3] = record(300, "b").models[3]!;
    models[200] = record(300, "b").models[200]!;
    const next = { ...edited(base, 1, "b"), build: { ...base.build, models } };
    saveCache(file, next);
    expect(statSync(`${file}.delta`).size).toBeLessThan(size / 20);
    expect(loadCache(file)!.build).toEqual(next.build);
    // A new directory (a full build): the whole record.
    const moved = { ...edited(base, 1, "c"), build: { ...record(300, "c"), directory: "[other]" } };
    saveCache(file, moved);
    expect(statSync(`${file}.delta`).size).toBeGreaterThan(size / 4);
    expect(loadCache(file)!.build).toEqual(moved.build);
  });
});
