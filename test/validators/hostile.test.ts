/**
 * Hostile inputs never make a generated validator throw (except
 * `assertX`'s ValidationError), never count inherited properties, never
 * modify their input; JSON helpers round-trip; JSON Schema agrees.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import type { TypeExpr } from "../../generator/ir/types.ts";
import {
  accepts,
  editAt,
  loadGenerated,
  mutation,
  reachesCodec,
  reachesWeb,
  refTo,
  validValue,
  type LoadedPackage,
  type ModelApi,
  type SpecIndex,
} from "../support/arbitraries.ts";
import { generateDocs, tempDir, writeFiles } from "../support/generate.ts";
import { AUTHLETE, HAS_SHARED, PROJECT_ROOT, SKIP_NOTE } from "../support/shared.ts";

const SPEC = await loadGenerated(join(PROJECT_ROOT, "spec"), "hostile-spec");
const AUTH = HAS_SHARED ? await loadGenerated(AUTHLETE.find((c) => c.name === "authlete-bc9fa09")!.specRoot, "hostile-authlete") : undefined;
const RFCDate = SPEC.runtime.RFCDate as new (value: string) => Date;

/** Models hostile inputs are thrown at. */
const SPEC_MODELS = ["category", "playlist", "usagesnapshot", "invoicepaidevent", "subscriptionperiod", "paymentreference", "attributevalue", "customer", "media/mediaasset", "errors/billingerror", "pair", "catalogproduct"];
const AUTH_MODELS = ["service", "client"];
const TARGETS: Array<{ pkg: LoadedPackage; id: string }> = [...SPEC_MODELS.map((id) => ({ pkg: SPEC, id })), ...(AUTH ? AUTH_MODELS.map((id) => ({ pkg: AUTH, id })) : [])];

const counts = { anything: 0, nearValid: 0, fromJSON: 0, roundTrip: 0, schema: 0 };

/** Run every entry point; none may throw (assert only ValidationError). Returns validate's result. */
function survive(api: ModelApi, value: unknown) {
  const ValidationError = api.runtime.ValidationError as new (...args: never[]) => Error;
  const results: boolean[] = [];
  for (const strict of [false, true]) {
    const options = { strict };
    const is = api.is(value, options);
    expect(typeof is).toBe("boolean");
    const result = api.validate(value, options);
    expect(result.ok).toBe(is);
    if (!result.ok) {
      expect(result.issues.length).toBeGreaterThan(0);
      for (const issue of result.issues) {
        expect(Array.isArray(issue.path)).toBe(true);
        expect(typeof issue.pointer).toBe("string");
        expect(typeof issue.message).toBe("string");
      }
    }
    try {
      api.assert(value, options);
      expect(is).toBe(true);
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect(is).toBe(false);
    }
    results.push(is);
  }
  const standard = api.schema["~standard"].validate(value) as { value?: unknown; issues?: unknown[] };
  expect(standard.issues === undefined).toBe(results[0]);
  return { loose: results[0]!, strict: results[1]! };
}

/** A structural copy to compare against after validation: plain objects, arrays and dates are copied, the rest kept. */
function snapshot(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const v of value) copy.push(snapshot(v, seen));
    return copy;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const copy = Object.create(proto);
  seen.set(value, copy);
  for (const key of Reflect.ownKeys(value)) {
    Object.defineProperty(copy, key, { value: snapshot((value as Record<PropertyKey, unknown>)[key], seen), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/**
 * Whether a value still looks like its snapshot: same prototypes, own keys,
 * property values (Object.is) and dates. (vitest's equality treats an own
 * `constructor` key specially, so it cannot compare records holding one.)
 */
function unchanged(value: unknown, before: unknown, seen = new Map<object, unknown>()): boolean {
  if (typeof value !== "object" || value === null || typeof before !== "object" || before === null) return Object.is(value, before);
  if (seen.has(value)) return seen.get(value) === before;
  seen.set(value, before);
  if (value instanceof Date) return before instanceof Date && Object.is(value.getTime(), before.getTime());
  if (!Array.isArray(value) && value === before) return true;
  if (Object.getPrototypeOf(value) !== Object.getPrototypeOf(before)) return false;
  const keys = Reflect.ownKeys(value);
  const beforeKeys = Reflect.ownKeys(before);
  if (keys.length !== beforeKeys.length || keys.some((k, i) => k !== beforeKeys[i])) return false;
  return keys.every((k) => unchanged((value as Record<PropertyKey, unknown>)[k], (before as Record<PropertyKey, unknown>)[k], seen));
}

function deepFreeze<T>(value: T, seen = new Set<object>()): T {
  if (typeof value === "object" && value !== null && !seen.has(value)) {
    seen.add(value);
    if (ArrayBuffer.isView(value)) return value;
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  }
  return value;
}

function toNullPrototype(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toNullPrototype);
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out = Object.create(null);
  for (const key of Object.keys(value)) out[key] = toNullPrototype((value as Record<string, unknown>)[key]);
  return out;
}

function nest(depth: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = wrap(value);
  return value;
}

function thrower(): never {
  throw new Error("getter says no");
}

/** A proxy whose every trap throws. */
function trappedProxy(target: object = {}): object {
  const handler: ProxyHandler<object> = {};
  for (const trap of ["get", "has", "ownKeys", "getPrototypeOf", "getOwnPropertyDescriptor", "defineProperty", "set", "deleteProperty", "isExtensible", "preventExtensions", "setPrototypeOf", "apply", "construct"] as const) {
    (handler as Record<string, unknown>)[trap] = () => {
      throw new Error(`trap ${trap}`);
    };
  }
  return new Proxy(target, handler);
}

function revoked(target: object = {}): object {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}

/** Hostile values at the root and in place of each field of a valid value. */
function hostileValues(): unknown[] {
  const getterObject = Object.defineProperty({}, "id", { get: thrower, enumerable: true });
  const arrayProxy = new Proxy([1, 2, 3], {
    get(target, key) {
      if (key === "length") return 3;
      throw new Error(`read ${String(key)}`);
    },
  });
  return [
    revoked(),
    revoked([]),
    trappedProxy(),
    trappedProxy([]),
    arrayProxy,
    getterObject,
    Object.create(null),
    Object.create(trappedProxy()),
    new Proxy({}, { getPrototypeOf: () => null, get: thrower }),
    Object.defineProperty([], "0", { get: thrower }),
    { toString: thrower, valueOf: thrower },
    Object.assign(() => 1, { id: "x" }),
    Symbol("s"),
    10n,
    new Date(Number.NaN),
    new (class Weird {
      get id() {
        return thrower();
      }
    })(),
    new Map([["id", "x"]]),
    new Uint8Array(3),
    new String("abc"),
    new Error("boom"),
    Promise.resolve(1),
    new WeakMap(),
  ];
}

type LoadedModule = Record<string, (...args: unknown[]) => unknown>;

/** Generate docs written in a test into a temp package (removed after the test); `load` imports one of its modules. */
function writePackage(docs: Array<{ path: string; text: string }>, prefix: string): { load: (module: string) => Promise<LoadedModule> } {
  const generated = generateDocs(docs);
  expect(generated.diagnostics).toEqual([]);
  const dir = tempDir(prefix);
  writeFiles(dir, generated.files!);
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return { load: async (module: string) => (await import(pathToFileURL(join(dir, `${module}.js`)).href)) as LoadedModule };
}

describe("hostile inputs never throw", () => {
  it("cyclic objects (recursive models, and cycles through unknown and any keys)", () => {
    const category: Record<string, unknown> = { id: "c", name: "root" };
    category.parent = category;
    category.children = [category, { id: "d", name: "leaf", parent: category }];
    const r = survive(SPEC.api("category"), category);
    expect(r.loose).toBe(false);
    const issues = SPEC.api("category").validate(category);
    expect(!issues.ok && issues.issues[0]!.message).toMatch(/nested too deeply or cyclic/);

    const playlist: Record<string, unknown> = { id: "p", title: "t" };
    playlist.entries = [{ position: 1, nested: playlist }];
    expect(survive(SPEC.api("playlist"), playlist).loose).toBe(false);

    // Cycles the walk never follows: an unknown key, an `any` field, a record of any.
    const pair: Record<string, unknown> = { key: "k" };
    pair.self = pair;
    expect(survive(SPEC.api("pair"), pair)).toEqual({ loose: true, strict: false });
    const error: Record<string, unknown> = { message: "m", code: "c" };
    error.details = { again: error };
    expect(survive(SPEC.api("errors/billingerror"), error)).toEqual({ loose: true, strict: true });

    for (const { pkg, id } of TARGETS) {
      const cyclic: Record<string, unknown> = {};
      cyclic.a = cyclic;
      cyclic.b = [cyclic];
      survive(pkg.api(id), cyclic);
      survive(pkg.api(id), [cyclic]);
    }
  });

  it("throwing getters, revoked proxies and proxies whose traps throw, at the root and in every field", () => {
    for (const { pkg, id } of TARGETS) {
      const api = pkg.api(id);
      for (const hostile of hostileValues()) survive(api, hostile);
      if (api.model.kind !== "object") continue;
      const [valid] = fc.sample(validValue(pkg.index, id, { maxDepth: 2 }), { numRuns: 1, seed: 11 });
      for (const field of api.model.fields) {
        for (const hostile of hostileValues()) {
          survive(api, { ...(valid as object), [field.name]: hostile });
          // The same field as a throwing own getter.
          const withGetter = { ...(valid as object) };
          Object.defineProperty(withGetter, field.name, { get: thrower, enumerable: true, configurable: true });
          expect(survive(api, withGetter).loose).toBe(false);
        }
      }
      // A throwing getter on an unknown key: never read unless strict.
      const unknownGetter = Object.defineProperty({ ...(valid as object) }, "zzUnknown", { get: thrower, enumerable: true });
      expect(survive(api, unknownGetter)).toEqual({ loose: true, strict: false });
      // A passthrough proxy of a valid value is valid.
      expect(survive(api, new Proxy(valid as object, {})).loose).toBe(true);
    }
  });

  it("100,000-deep nesting: recursive models, arrays, records and `any` fields", () => {
    const deepCategory = nest(100_000, { id: "leaf", name: "leaf" }, (inner) => ({ id: "n", name: "n", parent: inner }));
    const r = survive(SPEC.api("category"), deepCategory);
    expect(r.loose).toBe(false);
    const result = SPEC.api("category").validate(deepCategory);
    expect(!result.ok && result.issues[0]!.message).toMatch(/nested too deeply/);
    // Shallower but still deep nesting is fine.
    expect(survive(SPEC.api("category"), nest(1_000, { id: "leaf", name: "leaf" }, (inner) => ({ id: "n", name: "n", parent: inner }))).loose).toBe(true);

    const deepPlaylist = nest(100_000, { id: "p", title: "t", entries: [] }, (inner) => ({ id: "p", title: "t", entries: [{ position: 0, nested: inner }] }));
    expect(survive(SPEC.api("playlist"), deepPlaylist).loose).toBe(false);
    const deepChildren = nest(100_000, { id: "leaf", name: "leaf" }, (inner) => ({ id: "n", name: "n", children: [inner] }));
    survive(SPEC.api("category"), deepChildren);

    // `any` and records of any are not walked: deep values inside are fine.
    const deepArray = nest(100_000, 1, (inner) => [inner]);
    expect(survive(SPEC.api("errors/billingerror"), { message: "m", code: "c", details: { deep: deepArray } }).loose).toBe(true);
    expect(survive(SPEC.api("invoicepaidevent"), { object: "event", type: "invoice.paid", settled: true, invoice: deepArray, occurredAt: new Date() }).loose).toBe(false);
    // Deep wrong nesting in a typed array field.
    survive(SPEC.api("catalogproduct"), { id: "x", name: "n", labels: deepArray, prices: [] });
    survive(SPEC.api("usagesnapshot"), { customerId: "c", meters: nest(100_000, {}, (inner) => ({ k: inner })) });

    for (const { pkg, id } of TARGETS) {
      const api = pkg.api(id);
      survive(api, deepArray);
      survive(api, nest(100_000, {}, (inner) => ({ a: inner })));
      // JSON text nested 100k deep.
      const text = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
      expect(api.fromJSON(text).ok).toBe(false);
      const objectText = `${'{"parent":'.repeat(100_000)}{}${"}".repeat(100_000)}`;
      expect(typeof api.fromJSON(objectText).ok).toBe("boolean");
    }
    const categoryText = `${'{"id":"n","name":"n","parent":'.repeat(100_000)}{"id":"l","name":"l"}${"}".repeat(100_000)}`;
    const fromJSON = SPEC.api("category").fromJSON(categoryText);
    expect(!fromJSON.ok && fromJSON.issues[0]!.message).toMatch(/nested too deeply/);
  });

  it("null-prototype objects are read like plain ones", () => {
    for (const { pkg, id } of TARGETS) {
      const api = pkg.api(id);
      fc.assert(
        fc.property(validValue(pkg.index, id, { exotic: false }), (valid) => {
          expect(survive(api, toNullPrototype(valid))).toEqual({ loose: true, strict: true });
        }),
        { numRuns: 30 },
      );
      fc.assert(
        fc.property(mutation(pkg.index, id, { exotic: false }), (m) => {
          const damaged = toNullPrototype(m.value);
          expect(survive(api, damaged).loose).toBe(false);
          const result = api.validate(damaged);
          expect(!result.ok && result.issues.map((i) => i.path)).toEqual([m.path]);
        }),
        { numRuns: 30 },
      );
    }
  });

  it("`__proto__`, `constructor` and `hasOwnProperty` keys (as JSON.parse makes them)", () => {
    const category = SPEC.api("category");
    const withKeys = JSON.parse('{"id":"a","name":"b","__proto__":{"x":1},"constructor":1,"hasOwnProperty":2}');
    expect(Object.getPrototypeOf(withKeys)).toBe(Object.prototype);
    expect(survive(category, withKeys)).toEqual({ loose: true, strict: false });
    const strict = category.validate(withKeys, { strict: true });
    expect(!strict.ok && strict.issues.map((i) => i.path)).toEqual([["__proto__"], ["constructor"], ["hasOwnProperty"]]);
    for (const text of ['{"__proto__":{"id":"a","name":"b"}}', '{"constructor":{"id":"a","name":"b"}}']) {
      const result = category.validate(JSON.parse(text));
      expect(!result.ok && result.issues.map((i) => i.path)).toEqual([["id"], ["name"]]);
      const parsed = category.fromJSON(text);
      expect(!parsed.ok && parsed.issues.map((i) => i.path)).toEqual([["id"], ["name"]]);
    }
    // In records, they are ordinary keys.
    const snapshotText = '{"customerId":"c","meters":{"__proto__":{"name":"n","unit":"u","quantity":1},"hasOwnProperty":{"name":"n","unit":"u","quantity":"x"}}}';
    const usage = SPEC.api("usagesnapshot");
    const result = usage.validate(JSON.parse(snapshotText));
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual([["meters", "hasOwnProperty", "quantity"]]);
    const revived = usage.fromJSON(snapshotText);
    expect(!revived.ok && revived.issues.map((i) => i.path)).toEqual([["meters", "hasOwnProperty", "quantity"]]);
    const good = usage.fromJSON(snapshotText.replace('"x"', "2"));
    expect(good.ok).toBe(true);
    expect(Object.keys((good as { value: { meters: object } }).value.meters)).toEqual(["__proto__", "hasOwnProperty"]);
    // Every target: those keys at the root and in nested objects.
    for (const { pkg, id } of TARGETS) {
      const api = pkg.api(id);
      survive(api, JSON.parse('{"__proto__":null,"constructor":null,"hasOwnProperty":null,"toString":null,"valueOf":1}'));
      api.fromJSON('{"__proto__":{"__proto__":{}},"constructor":{"prototype":{}}}');
    }
  });

  it("inherited properties never count as present", () => {
    const category = SPEC.api("category");
    const inherits = Object.create({ id: "a", name: "b" });
    expect(survive(category, inherits).loose).toBe(false);
    const result = category.validate(inherits);
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual([["id"], ["name"]]);
    class WithGetters {
      get id() {
        return "a";
      }
      get name() {
        return "b";
      }
    }
    expect(survive(category, new WithGetters()).loose).toBe(false);
    class WithFields {
      id = "a";
      name = "b";
    }
    expect(survive(category, new WithFields())).toEqual({ loose: true, strict: true });
    // An inherited wrong value is not read: the own one (or its absence) decides.
    const pair = SPEC.api("pair");
    expect(survive(pair, Object.create({ key: 42 })).loose).toBe(true);
    expect(survive(pair, Object.assign(Object.create({ key: 42 }), { key: "own" })).loose).toBe(true);
    // Every target with required fields: a prototype holding a valid value is not a value.
    for (const { pkg, id } of TARGETS) {
      const api = pkg.api(id);
      if (api.model.kind !== "object") continue;
      const [valid] = fc.sample(validValue(pkg.index, id, { exotic: false }), { numRuns: 1, seed: 5 });
      const child = Object.create(valid as object);
      const required = api.model.fields.filter((f) => f.required);
      const r = api.validate(child);
      if (required.length === 0) expect(r.ok).toBe(true);
      else expect(!r.ok && r.issues.map((i) => i.path)).toEqual(required.map((f) => [f.name]));
    }
  });

  it("frozen inputs validate the same, and no input is ever modified", () => {
    for (const { pkg, id } of TARGETS) {
      const api = pkg.api(id);
      fc.assert(
        fc.property(validValue(pkg.index, id), (valid) => {
          const before = snapshot(valid);
          expect(survive(api, valid).loose).toBe(true);
          api.toJSON(valid);
          expect(unchanged(valid, before)).toBe(true);
          expect(survive(api, deepFreeze(valid)).loose).toBe(true);
        }),
        { numRuns: 25 },
      );
      fc.assert(
        fc.property(mutation(pkg.index, id), (m) => {
          const before = snapshot(m.value);
          const issues = api.validate(m.value);
          expect(survive(api, m.value).loose).toBe(false);
          expect(unchanged(m.value, before)).toBe(true);
          expect(api.validate(deepFreeze(m.value))).toEqual(issues);
        }),
        { numRuns: 25 },
      );
    }
  });
});

describe("field names that Object.prototype has, models named like globals", () => {
  const DATE = "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)";
  const docs = [
    {
      path: "weird.md",
      text: [
        "# Weird",
        "",
        "## Fields",
        "",
        "| Field | Type | Required | Description |",
        "| --- | --- | --- | --- |",
        "| `constructor` | *string* | :heavy_check_mark: | c |",
        "| `__proto__` | *number* | :heavy_check_mark: | p |",
        "| `hasOwnProperty` | *boolean* | :heavy_minus_sign: | h |",
        `| \`toString\` | ${DATE} | :heavy_minus_sign: | t |`,
        "| `valueOf` | [models.Number](number.md) | :heavy_minus_sign: | v |",
        "| `s` | *BigInt* | :heavy_minus_sign: | a local name of the generated code |",
        "| `o` | Record<string, *string*> | :heavy_minus_sign: | another |",
        "| `path` | [models.Array](array.md)[] | :heavy_minus_sign: | another |",
      ].join("\n"),
    },
    { path: "number.md", text: "# Number\n\n## Values\n\n```typescript\n0 | 1 | 2 | Unrecognized<number>\n```" },
    { path: "array.md", text: '# Array\n\n## Values\n\n```typescript\n"a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i" | "j"\n```' },
  ];

  it("validate, strict mode, JSON round trip and JSON Schema", async () => {
    const pkg = writePackage(docs, "weird-names");
    const load = (id: string) => pkg.load(`models/${id}`);
    const weird = await load("weird");
    const number = await load("number");
    const array = await load("array");
    expect([number.isNumber!(1), number.isNumber!(5), number.isNumber!("1"), number.isNumber!(Number.NaN)]).toEqual([true, true, false, false]);
    expect([array.isArray!("a"), array.isArray!("z"), array.isArray!([])]).toEqual([true, false, false]);

    const text = '{"constructor":"c","__proto__":1,"hasOwnProperty":true,"toString":"2020-01-02T03:04:05.000Z","valueOf":7,"s":"12345678901234567890","o":{"__proto__":"x"},"path":["a","j"]}';
    const parsed = JSON.parse(text);
    // Dates and bigints are not revived by JSON.parse: two issues, at those keys.
    const plain = weird.validateWeird!(parsed) as { ok: boolean; issues: Array<{ path: unknown }> };
    expect(plain.issues.map((i) => i.path)).toEqual([["toString"], ["s"]]);
    const revived = weird.weirdFromJSON!(text) as { ok: true; value: Record<string, unknown> };
    expect(revived.ok).toBe(true);
    expect(Object.getPrototypeOf(revived.value)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(revived.value, "__proto__")?.value).toBe(1);
    expect(revived.value.s).toBe(12345678901234567890n);
    expect((revived.value.toString as unknown as Date).getTime()).toBe(Date.UTC(2020, 0, 2, 3, 4, 5));
    expect(weird.isWeird!(revived.value, { strict: true })).toBe(true);
    expect(weird.weirdToJSON!(revived.value)).toBe(text);

    // Inherited `constructor` and `__proto__` are not the fields.
    const empty = weird.validateWeird!({}) as { issues: Array<{ path: unknown }> };
    expect(empty.issues.map((i) => i.path)).toEqual([["constructor"], ["__proto__"]]);
    expect(weird.isWeird!(Object.create({ constructor: "c", ["__proto__"]: 1 }))).toBe(false);
    const wrong = weird.validateWeird!(JSON.parse('{"constructor":1,"__proto__":"1","hasOwnProperty":"yes","valueOf":1.5,"path":["z"]}')) as { issues: Array<{ path: unknown }> };
    expect(wrong.issues.map((i) => i.path)).toEqual([["constructor"], ["__proto__"], ["hasOwnProperty"], ["path", 0]]);

    const ajv = new Ajv2020({ strict: false });
    ajv.addFormat("date-time", true);
    const validate = ajv.compile(weird.weirdJSONSchema!() as object);
    expect(validate(parsed)).toBe(true);
    expect(validate(JSON.parse('{"constructor":"c"}'))).toBe(false);
  });
});

describe("fuzzing: arbitrary values never throw and is/validate/the oracle agree", () => {
  const anything = fc.anything({
    maxDepth: 3,
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withSparseArray: true,
    withTypedArray: true,
    withUnicodeString: true,
  });

  for (const { pkg, id } of TARGETS) {
    it(`${pkg === SPEC ? "spec" : "authlete-bc9fa09"} ${id}`, () => {
      const api = pkg.api(id);
      const type = refTo(id);
      fc.assert(
        fc.property(anything, (value) => {
          counts.anything++;
          const r = survive(api, value);
          expect(r.loose).toBe(accepts(pkg.index, type, value));
          expect(r.strict).toBe(accepts(pkg.index, type, value, true));
        }),
        { numRuns: 300 },
      );
      // Valid values with an arbitrary value dropped in somewhere: near misses and near hits.
      fc.assert(
        fc.property(validValue(pkg.index, id), anything, fc.nat(), (valid, replacement, pick) => {
          counts.nearValid++;
          const paths = placesIn(pkg.index, type, valid);
          const path = paths[pick % paths.length]!;
          const value = path.length === 0 ? replacement : editAt(valid, path, (container, key) => void Object.defineProperty(container, key, { value: replacement, enumerable: true, writable: true, configurable: true }));
          const r = survive(api, value);
          expect(r.loose).toBe(accepts(pkg.index, type, value));
          expect(r.strict).toBe(accepts(pkg.index, type, value, true));
        }),
        { numRuns: 300 },
      );
    });
  }

  it("xFromJSON never throws, whatever the text", () => {
    const texts = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.json(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.tuple(fc.json(), fc.nat(), fc.string({ maxLength: 3 })).map(([json, at, insert]) => json.slice(0, at % (json.length + 1)) + insert + json.slice(at % (json.length + 1))),
    );
    for (const { pkg, id } of TARGETS) {
      const api = pkg.api(id);
      fc.assert(
        fc.property(texts, (text) => {
          counts.fromJSON++;
          const result = api.fromJSON(text);
          expect(typeof result.ok).toBe("boolean");
        }),
        { numRuns: 300 },
      );
      // JSON texts of valid values, cut short or spliced.
      fc.assert(
        fc.property(validValue(pkg.index, id, { json: !reachesWeb(pkg.index, id) }), fc.nat(), fc.string({ maxLength: 2 }), (valid, at, insert) => {
          counts.fromJSON++;
          let text: string;
          try {
            text = api.toJSON(valid);
          } catch {
            return;
          }
          const cut = at % (text.length + 1);
          expect(typeof api.fromJSON(text.slice(0, cut) + insert + text.slice(cut)).ok).toBe("boolean");
        }),
        { numRuns: 100 },
      );
      // Not even text.
      const weird: unknown[] = [undefined, null, 42, Symbol("s"), {}, { toString: thrower }, { toString: () => ({}) }, revoked(), trappedProxy()];
      for (const text of weird) expect(typeof api.fromJSON(text as string).ok).toBe("boolean");
    }
  });
});

/** Every path in a valid value where a value of some type stands (root, fields, elements, record values). */
function placesIn(index: SpecIndex, type: TypeExpr, value: unknown, path: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(path);
  if (type.kind === "array" && Array.isArray(value)) value.forEach((e, i) => placesIn(index, type.element, e, [...path, i], out));
  else if (type.kind === "record" && typeof value === "object" && value !== null) for (const k of Object.keys(value)) placesIn(index, type.value, (value as Record<string, unknown>)[k], [...path, k], out);
  else if (type.kind === "ref") {
    const model = index.model(type.target!);
    if (model.kind === "object" && typeof value === "object" && value !== null && !Array.isArray(value)) {
      for (const field of model.fields) {
        if (Object.prototype.hasOwnProperty.call(value, field.name)) placesIn(index, field.type, (value as Record<string, unknown>)[field.name], [...path, field.name], out);
        else out.push([...path, field.name]);
      }
    }
  }
  return out;
}

describe("JSON helpers and JSON Schema", () => {
  /** A value with dates as their time (date-only fields as YYYY-MM-DD) and bigints as text, for comparing. */
  function comparable(index: SpecIndex, type: TypeExpr, value: unknown): unknown {
    if (value instanceof Date) return type.kind === "date" && type.dateOnly ? value.toISOString().slice(0, 10) : value.getTime();
    if (typeof value === "bigint") return `${value}n`;
    // JSON has no -0.
    if (Object.is(value, -0)) return 0;
    if (Array.isArray(value)) return value.map((e) => comparable(index, type.kind === "array" ? type.element : { kind: "primitive", name: "any" }, e));
    if (typeof value !== "object" || value === null) return value;
    const model = type.kind === "ref" ? index.model(type.target!) : undefined;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const field = model?.kind === "object" ? model.fields.find((f) => f.name === key) : undefined;
      const inner: TypeExpr = field ? field.type : type.kind === "record" ? type.value : { kind: "primitive", name: "any" };
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) Object.defineProperty(out, key, { value: comparable(index, inner, v), enumerable: true });
    }
    return out;
  }

  const jsonModels = SPEC.spec.models.filter((m) => !reachesWeb(SPEC.index, m.id));

  it("toJSON then fromJSON gives an equal value (dates by time, date-only by day, bigints exact)", () => {
    const withCodecs = jsonModels.filter((m) => reachesCodec(SPEC.index, m.id)).map((m) => m.id);
    expect(withCodecs).toEqual(expect.arrayContaining(["subscriptionperiod", "customer", "invoicepaidevent", "usagesnapshot"]));
    for (const model of jsonModels) {
      const api = SPEC.api(model.id);
      const type = refTo(model.id);
      fc.assert(
        fc.property(validValue(SPEC.index, model.id, { json: true }), (valid) => {
          counts.roundTrip++;
          const text = api.toJSON(valid);
          const back = api.fromJSON(text);
          if (!back.ok) expect.fail(`${text} did not read back: ${JSON.stringify(back.issues)}`);
          expect(comparable(SPEC.index, type, back.value)).toEqual(comparable(SPEC.index, type, valid));
          expect(api.toJSON(back.value)).toBe(text);
        }),
        { numRuns: 100 },
      );
    }
    // Date-only values come back as RFCDate, written as YYYY-MM-DD.
    const period = SPEC.api("subscriptionperiod");
    const value = { startsAt: new Date("2024-02-29T12:34:56.789Z"), billingAnchor: new Date("2024-03-01T23:00:00Z"), skippedDays: [new Date("2024-03-05T00:00:00Z")], amountMicros: 12345678901234567890n };
    const text = period.toJSON(value);
    expect(JSON.parse(text)).toEqual({ startsAt: "2024-02-29T12:34:56.789Z", billingAnchor: "2024-03-01", skippedDays: ["2024-03-05"], amountMicros: "12345678901234567890" });
    const back = period.fromJSON(text) as { ok: true; value: typeof value };
    expect(back.ok).toBe(true);
    expect(back.value.billingAnchor).toBeInstanceOf(RFCDate);
    expect(back.value.skippedDays[0]).toBeInstanceOf(RFCDate);
    expect(back.value.amountMicros).toBe(12345678901234567890n);
    expect(back.value.startsAt.getTime()).toBe(value.startsAt.getTime());
    // Only the JSON forms the JSON Schema names are revived: no rolled-over days, no local times.
    const base = { startsAt: "2024-02-29T12:34:56Z", billingAnchor: "2024-03-01", amountMicros: "1" };
    expect(period.fromJSON(JSON.stringify(base)).ok).toBe(true);
    expect(period.fromJSON(JSON.stringify({ ...base, startsAt: "2024-02-29T12:34:56.5+05:30" })).ok).toBe(true);
    for (const wrong of [{ billingAnchor: "2021-02-29" }, { billingAnchor: "2024-03-01T00:00:00Z" }, { startsAt: "2024-02-29T12:34:56" }, { startsAt: "2024-02-29" }, { startsAt: "2023-02-29T00:00:00Z" }, { startsAt: "2024-01-01T24:00:00Z" }]) {
      const result = period.fromJSON(JSON.stringify({ ...base, ...wrong }));
      expect(!result.ok && result.issues.map((i) => i.path)).toEqual([Object.keys(wrong)]);
    }
  });

  it("a union whose earlier member takes Dates as records, deeper down, still writes what its date member revives", async () => {
    // Found by the grammar fuzzer (seed 1000132645): `[Date]` is also an array of (empty) records.
    const RFCDATE = "[RFCDate](../../types/rfcdate.md)";
    const pkg = writePackage(
      [
        {
          path: "slots.md",
          text: ["# Slots", "", "## Fields", "", "| Field | Type | Required | Description |", "| --- | --- | --- | --- |", `| \`days\` | Record<string, *number*[]>[] \\| ${RFCDATE}[] | :heavy_check_mark: | d |`].join("\n"),
        },
      ],
      "union-dates",
    );
    const slots = await pkg.load("models/slots");
    const runtime = (await pkg.load("runtime/index")) as unknown as { RFCDate: typeof RFCDate };
    const text = slots.slotsToJSON!({ days: [new Date("1970-01-01T00:00:00Z")] }) as string;
    expect(JSON.parse(text)).toEqual({ days: ["1970-01-01"] });
    const back = slots.slotsFromJSON!(text) as { ok: boolean; value: { days: unknown[] } };
    expect(back.ok).toBe(true);
    expect(back.value.days[0]).toBeInstanceOf(runtime.RFCDate);
    // Values of the first member are written and read as they are.
    const records = JSON.stringify({ days: [{ a: [1, 2] }] });
    expect(slots.slotsToJSON!(JSON.parse(records))).toBe(records);
    expect((slots.slotsFromJSON!(records) as { ok: boolean }).ok).toBe(true);
  });

  it("a Date is no object of fields: object and record members do not take it, so a date member writes it", async () => {
    // Found by the grammar fuzzer (seed 106489032): an object model whose fields are all optional
    // took a Date (it has no own fields) and wrote it as a full ISO string, which the
    // date-only member rightly refuses to revive.
    const DATE = "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)";
    const pkg = writePackage(
      [
        { path: "window.md", text: ["# Window", "", "## Fields", "", "| Field | Type | Required | Description |", "| --- | --- | --- | --- |", `| \`from\` | ${DATE} | :heavy_minus_sign: | f |`].join("\n") },
        { path: "when.md", text: ["# When", "", "## Supported Types", "", "### `models.Window`", "", "### `Record<string, any>`", "", "### `RFCDate`", ""].join("\n") },
      ],
      "date-not-object",
    );
    const load = (id: string) => pkg.load(`models/${id}`);
    const window = await load("window");
    const when = await load("when");
    const day = new Date("1970-01-01T00:00:00Z");
    expect(window.isWindow!(day)).toBe(false);
    expect(window.validateWindow!(day)).toMatchObject({ ok: false, issues: [{ path: [], expected: "Window object", received: "Date" }] });
    expect(window.isWindow!({ from: day })).toBe(true);
    const text = when.whenToJSON!(day) as string;
    expect(text).toBe('"1970-01-01"');
    const back = when.whenFromJSON!(text) as { ok: boolean; value: unknown };
    expect(back.ok).toBe(true);
    expect(back.value).toBeInstanceOf(Date);
  });

  function ajvFor(pkg: LoadedPackage) {
    const ajv = new Ajv2020({ strict: false, allErrors: false });
    // RFC 3339, as ajv-formats checks them (not installed here): real calendar days, times with seconds and an offset.
    const day = (y: string, m: string, d: string) => {
      const days = [31, Number(y) % 4 === 0 && (Number(y) % 100 !== 0 || Number(y) % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
      return Number(m) >= 1 && Number(m) <= 12 && Number(d) >= 1 && Number(d) <= days[Number(m) - 1]!;
    };
    ajv.addFormat("date", { type: "string", validate: (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && day(s.slice(0, 4), s.slice(5, 7), s.slice(8, 10)) });
    ajv.addFormat("date-time", {
      type: "string",
      validate: (s: string) => /^\d{4}-\d{2}-\d{2}[Tt ]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$/.test(s) && day(s.slice(0, 4), s.slice(5, 7), s.slice(8, 10)),
    });
    return (id: string) => ajv.compile(pkg.api(id).jsonSchema() as object);
  }

  function schemaAgrees(pkg: LoadedPackage, ids: string[], runs: number) {
    const compile = ajvFor(pkg);
    for (const id of ids) {
      const api = pkg.api(id);
      const validate = compile(id);
      fc.assert(
        fc.property(validValue(pkg.index, id, { json: true }), (valid) => {
          counts.schema++;
          const json = JSON.parse(api.toJSON(valid));
          if (!validate(json)) expect.fail(`${id}: schema rejects ${JSON.stringify(json)}: ${JSON.stringify(validate.errors)}`);
        }),
        { numRuns: runs },
      );
      // A dropped required key, a bad enum value or a null is wrong in JSON too.
      fc.assert(
        fc.property(mutation(pkg.index, id, { json: true, kinds: ["drop-required", "bad-enum", "null"] }), (m) => {
          counts.schema++;
          expect(validate(JSON.parse(api.toJSON(m.value)))).toBe(false);
        }),
        { numRuns: Math.ceil(runs / 2) },
      );
    }
  }

  it("JSON Schema and xFromJSON agree on the JSON form of damaged values (spec/ models)", () => {
    const compile = ajvFor(SPEC);
    for (const model of jsonModels) {
      const api = SPEC.api(model.id);
      const validate = compile(model.id);
      fc.assert(
        fc.property(mutation(SPEC.index, model.id, { json: true }), (m) => {
          counts.schema++;
          const text = api.toJSON(m.value);
          if (text === undefined) return;
          const read = api.fromJSON(text);
          expect(validate(JSON.parse(text)), `${text}: fromJSON says ${read.ok}`).toBe(read.ok);
        }),
        { numRuns: 150 },
      );
    }
  });

  it("JSON Schema (ajv, draft 2020-12) accepts the JSON form of valid values of every spec/ model", () => {
    schemaAgrees(
      SPEC,
      jsonModels.map((m) => m.id),
      100,
    );
  });

  it.skipIf(!AUTH)(`JSON Schema accepts the JSON form of valid values of every authlete-bc9fa09 model${SKIP_NOTE}`, () => {
    schemaAgrees(
      AUTH!,
      AUTH!.spec.models.map((m) => m.id),
      5,
    );
  });
});

afterAll(() => {
  for (const pkg of [SPEC, AUTH]) if (pkg) rmSync(pkg.dir, { recursive: true, force: true });
  console.info(`hostile fuzzing: ${counts.anything} arbitrary values, ${counts.nearValid} near-valid values, ${counts.fromJSON} fromJSON texts, ${counts.roundTrip} JSON round trips, ${counts.schema} JSON Schema checks`);
});
