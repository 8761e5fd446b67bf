/**
 * Fuzzing the whole generator with specs drawn from the doc grammar
 * (test/support/doc-arbitraries.ts): every random spec generates with zero
 * errors, its IR says what the docs say, and the emitted packages type-check
 * under strict tsc and import under plain Node, where random and hostile
 * values never make a validator throw.
 *
 * To stay fast, the packages are batched: they are written to one temp
 * root, checked by ONE tsc run and imported by ONE Node child process.
 * The seed is random per run (printed on failure by fast-check, and in the
 * test output); set FUZZ_SEED to replay one.
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { modelNames, publicNames } from "../../generator/ir/naming.ts";
import type { Spec } from "../../generator/ir/types.ts";
import { parseDoc } from "../../generator/parse/doc.ts";
import { parseMarkdown } from "../../generator/parse/markdown.ts";
import { reachesWeb, SpecIndex, validValue } from "../support/arbitraries.ts";
import { expectedModel, normalizeModel, sourceDocs, specArbitrary, type SpecPlan } from "../support/doc-arbitraries.ts";
import { generateDocs, tempDir, writeFiles } from "../support/generate.ts";
import { PROJECT_ROOT } from "../support/shared.ts";
import { head, runNodeModule, runTsc, writeTsconfig } from "../support/typecheck.ts";

/** Specs generated and checked in memory (IR, diagnostics, determinism). */
const RUNS = Number(process.env.FUZZ_GRAMMAR_RUNS ?? 150);
/** Of those, how many are written out for tsc and Node. */
const PACKAGES = Math.min(RUNS, Number(process.env.FUZZ_GRAMMAR_PACKAGES ?? 40));
/** Random values (fast-check `anything`) thrown at every validator in the Node child, on top of the fixed hostile ones. */
const RANDOM_VALUES = 60;
/** Valid values per model (and as many JSON round trips). */
const VALID_RUNS = 12;
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;

/**
 * Warnings a valid spec may get: member names that are not identifiers
 * (union-block values deriving `NaN` or `Infinity`, Name cells like `a-b`).
 */
const ALLOWED_WARNINGS = new Set(["enum-member-name"]);

interface Written {
  dir: string;
  plan: SpecPlan;
  spec: Spec;
}

const stats = { specs: 0, docs: 0, fields: 0, packages: 0, tscMs: 0, nodeMs: 0, validatorCalls: 0, models: 0, validValues: 0, jsonValues: 0, unsatisfiable: 0 };

function describePlan(plan: SpecPlan): string {
  return `enumStyle ${plan.enumStyle}\n${plan.docs.map((d) => `--- ${d.path}\n${d.text}`).join("\n")}`;
}

describe(`fuzz: random specs from the grammar (seed ${SEED})`, { timeout: 300_000 }, () => {
  let root = "";
  const written: Written[] = [];

  let keep = false;

  beforeAll(() => {
    root = tempDir("fuzz-grammar");
  });

  afterEach((context) => {
    if (context.task.result?.state === "fail") keep = true;
  });

  afterAll(() => {
    // The packages (with their docs) stay for a look when something failed.
    if (keep) console.log(`[fuzz grammar] packages kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
    console.log(
      `[fuzz grammar] seed ${SEED}: ${stats.specs} specs (${stats.docs} docs, ${stats.fields} fields) generated in memory; ` +
        `${stats.packages} packages type-checked in ${stats.tscMs} ms and imported in ${stats.nodeMs} ms; ` +
        `${stats.validValues} valid values and ${stats.jsonValues} JSON round trips accepted (${stats.unsatisfiable} models without finite values); ` +
        `${stats.validatorCalls} validator calls with random and hostile values over ${stats.models} models`,
    );
  });

  it(`generates every random spec with zero errors and the IR the docs describe (${RUNS} specs)`, () => {
    fc.assert(
      fc.property(specArbitrary(), (plan) => {
        const docs = sourceDocs(plan);
        // Each doc reads as from remark's full parse (what spares remark work changes nothing).
        for (const doc of docs) if (!isDeepStrictEqual(parseDoc(doc.text, doc.path), parseDoc(doc.text, doc.path, parseMarkdown))) throw new Error(`${doc.path} reads otherwise from remark's full parse\n${doc.text}`);
        const generated = generateDocs(docs, { rootPath: plan.rootPath, enumStyle: plan.enumStyle });
        const unexpected = generated.diagnostics.filter((d) => d.severity === "error" || !ALLOWED_WARNINGS.has(d.ruleId));
        if (unexpected.length) throw new Error(`unexpected diagnostics:\n${JSON.stringify(unexpected, null, 2)}\n${describePlan(plan)}`);
        expect(generated.spec).toBeDefined();
        expect(generated.files).toBeDefined();
        const spec = generated.spec!;
        expect(spec.models.map((m) => m.id).sort()).toEqual(plan.docs.map((d) => d.id).sort());
        for (const doc of plan.docs) {
          const model = spec.models.find((m) => m.id === doc.id)!;
          const actual = normalizeModel(model);
          const expected = expectedModel(plan, doc);
          if (!isDeepStrictEqual(actual, expected))
            throw new Error(`IR of ${doc.path} differs from the plan\nactual:   ${JSON.stringify(actual)}\nexpected: ${JSON.stringify(expected)}\n${doc.text}`);
          // Union-block member names are derived: whatever they are, they are unique.
          if (model.kind === "enum") expect(new Set(model.members.map((m) => m.name)).size).toBe(model.members.length);
        }
        // Every model module and folder barrel is there, in both forms.
        const files = generated.files!;
        for (const model of spec.models) for (const ext of [".js", ".d.ts"]) expect(files.has(`models/${model.id}${ext}`)).toBe(true);
        for (const folder of spec.folders) for (const ext of [".js", ".d.ts"]) expect(files.has(`models/${folder === "" ? "" : `${folder}/`}index${ext}`)).toBe(true);

        stats.specs++;
        stats.docs += plan.docs.length;
        for (const d of plan.docs) if (d.body.kind === "object") stats.fields += d.body.fields.length;
        if (written.length < PACKAGES) {
          // Same docs, same bytes.
          const again = generateDocs(docs, { rootPath: plan.rootPath, enumStyle: plan.enumStyle });
          if (!isDeepStrictEqual([...again.files!], [...files])) throw new Error(`two runs over the same docs gave different files\n${describePlan(plan)}`);
          const dir = join(root, `pkg-${String(written.length).padStart(2, "0")}`);
          writeFiles(dir, files);
          // The docs beside the package, to reproduce a failure by hand.
          writeFiles(join(dir, "docs"), new Map(docs.map((d) => [d.path, d.text])));
          writeConsumer(dir, spec, plan);
          written.push({ dir, plan, spec });
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(written.length).toBe(PACKAGES);
  });

  it(`the generated packages type-check under strict tsc (${PACKAGES} packages, one tsc run)`, () => {
    expect(written.length, "the generate property did not run").toBe(PACKAGES);
    const project = writeTsconfig(root, "tsconfig.json", { include: ["pkg-*/models/**/*.d.ts", "pkg-*/runtime/*.d.ts", "pkg-*/consumer.ts"] });
    const result = runTsc(project, root);
    stats.tscMs = result.ms;
    if (result.status !== 0) {
      const failing = new Set([...result.output.matchAll(/^(pkg-\d+)\//gm)].map((m) => m[1]));
      const plans = written.filter((w) => failing.has(w.dir.split("/").pop())).slice(0, 2);
      expect.fail(`tsc failed (seed ${SEED}):\n${head(result.output, 40)}\n\n${plans.map((w) => `=== ${w.dir}\n${describePlan(w.plan)}`).join("\n")}`);
    }
    stats.packages = written.length;
  });

  it(`valid values built from the IR pass every generated validator, and survive a JSON round trip (${PACKAGES} packages)`, async () => {
    expect(written.length, "the generate property did not run").toBe(PACKAGES);
    for (const w of written) {
      const index = new SpecIndex(w.spec);
      for (const model of w.spec.models) {
        const module = (await import(pathToFileURL(join(w.dir, "models", `${model.id}.js`)).href)) as Record<string, (...args: unknown[]) => unknown>;
        const n = modelNames(model, w.plan.enumStyle);
        const is = module[n.is]!;
        const validate = module[n.validate] as (v: unknown, o?: object) => { ok: boolean; issues?: unknown };
        const fromJSON = module[n.fromJSON] as (text: string) => { ok: boolean; issues?: unknown };
        const toJSON = module[n.toJSON] as (v: unknown) => string;
        let values: fc.Arbitrary<unknown>;
        try {
          values = validValue(index, model.id, { maxDepth: 2, maxLength: 2 });
        } catch {
          // Required fields that recurse without end: the type has no finite values.
          stats.unsatisfiable++;
          continue;
        }
        fc.assert(
          fc.property(values, (value) => {
            stats.validValues++;
            const where = `${w.dir} ${model.id}`;
            if (is(value) !== true) throw new Error(`${where}: ${n.is} rejects a valid value`);
            const result = validate(value);
            if (!result.ok) throw new Error(`${where}: ${n.validate} rejects a valid value: ${JSON.stringify(result.issues)}`);
            if (model.kind === "object" && is(value, { strict: true }) !== true) throw new Error(`${where}: strict ${n.is} rejects a valid value`);
          }),
          { numRuns: VALID_RUNS, seed: SEED },
        );
        if (reachesWeb(index, model.id)) continue;
        fc.assert(
          fc.property(validValue(index, model.id, { maxDepth: 2, maxLength: 2, json: true }), (value) => {
            stats.jsonValues++;
            const text = toJSON(value);
            const back = fromJSON(text);
            if (!back.ok) throw new Error(`${w.dir} ${model.id}: ${n.fromJSON}(${n.toJSON}(value)) fails: ${JSON.stringify(back.issues)}\n${text}`);
          }),
          { numRuns: VALID_RUNS, seed: SEED },
        );
      }
    }
  });

  it(`the generated packages import under plain Node; random and hostile values never make a validator throw (${PACKAGES} packages, one Node process)`, () => {
    expect(written.length, "the generate property did not run").toBe(PACKAGES);
    const manifest = written.map((w) => ({
      dir: w.dir,
      folders: w.spec.folders,
      models: w.spec.models.map((m) => {
        const names = modelNames(m, w.plan.enumStyle);
        return {
          id: m.id,
          folder: m.folder,
          names: { is: names.is, validate: names.validate, assert: names.assert, schema: names.schema, fromJSON: names.fromJSON, toJSON: names.toJSON, jsonSchema: names.jsonSchema },
          exported: publicNames(names).filter((n) => n !== names.type && n !== names.open),
          fields: m.kind === "object" ? m.fields.map((f) => f.name) : [],
        };
      }),
    }));
    writeFileSync(join(root, "manifest.json"), JSON.stringify(manifest));
    const script = childScript();
    const result = runNodeModule(script, root);
    stats.nodeMs = result.ms;
    if (result.status !== 0) expect.fail(`the Node child failed (seed ${SEED}):\n${head(result.output, 60)}`);
    const summary = JSON.parse(result.stdout.trim().split("\n").pop()!) as { models: number; calls: number; failures: string[] };
    if (summary.failures.length) expect.fail(`validators misbehaved (seed ${SEED}):\n${summary.failures.slice(0, 20).join("\n")}`);
    stats.validatorCalls = summary.calls;
    stats.models = summary.models;
    expect(summary.models).toBe(manifest.reduce((n, p) => n + p.models.length, 0));
  });
});

/** A TypeScript file that uses every barrel the way a consumer would. */
function writeConsumer(dir: string, spec: Spec, plan: SpecPlan): void {
  const lines = ['import type { ValidationResult } from "./runtime/index.js";'];
  spec.folders.forEach((folder, i) => lines.push(`import * as f${i} from "./models/${folder === "" ? "" : `${folder}/`}index.js";`));
  spec.models.forEach((model, i) => {
    const f = `f${spec.folders.indexOf(model.folder)}`;
    const n = modelNames(model, plan.enumStyle);
    const type = n.open ?? n.type;
    lines.push(
      `export function use${i}(input: unknown, text: string): ${f}.${type} | undefined {`,
      `  const r: ValidationResult<${f}.${type}> = ${f}.${n.validate}(input);`,
      `  if (${f}.${n.is}(input, { strict: true })) return input;`,
      `  const j = ${f}.${n.fromJSON}(text);`,
      `  if (j.ok) return ${f}.${n.toJSON}(j.value) === text ? j.value : undefined;`,
      `  ${f}.${n.assert}(input);`,
      `  const schema: object = ${f}.${n.jsonSchema}();`,
      `  void ${f}.${n.schema}["~standard"].validate(input); void schema;`,
      `  return r.ok ? r.value : input;`,
      `}`,
    );
  });
  writeFileSync(join(dir, "consumer.ts"), `${lines.join("\n")}\n`);
}

/** The Node child: imports every barrel and calls every validator with random and hostile values. */
function childScript(): string {
  const fastCheck = pathToFileURL(join(PROJECT_ROOT, "node_modules", "fast-check", "lib", "fast-check.js")).href;
  return `
import fc from ${JSON.stringify(fastCheck)};
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { readFileSync } from "node:fs";
const manifest = JSON.parse(readFileSync("manifest.json", "utf8"));
const failures = [];
let calls = 0;
let models = 0;

function deep(n, wrap) { let v = 1; for (let i = 0; i < n; i++) v = wrap(v); return v; }
const revocable = Proxy.revocable({}, {}); revocable.revoke();
const thrower = () => { throw new Error("hostile"); };
const trapAll = new Proxy({}, { get: thrower, has: thrower, ownKeys: thrower, getPrototypeOf: thrower, getOwnPropertyDescriptor: thrower });
const trapArray = new Proxy([1, 2], { get: thrower, getPrototypeOf: thrower, ownKeys: thrower, has: thrower, getOwnPropertyDescriptor: thrower });
const cyclic = {}; cyclic.self = cyclic; cyclic.list = [cyclic];
const cyclicArray = []; cyclicArray.push(cyclicArray);
const protoKey = JSON.parse('{"__proto__": {"x": 1}, "constructor": 1}');
const sparse = [, , 1]; sparse.length = 5;
const primitiveHostile = { [Symbol.toPrimitive]: thrower, toString: thrower, valueOf: thrower, toJSON: thrower };
class Sub extends Date {}
const HOSTILE = [
  undefined, null, NaN, -0, Infinity, -Infinity, 0n, -1n, 2n ** 80n, "", "x".repeat(100000), "\\u2028", "\\ud800", Symbol("s"), () => 1, class {},
  new Date(NaN), new Date(0), new Sub(0), [], {}, Object.create(null), sparse, new Array(3), new Uint8Array(4), new Map([[1, 2]]), new Set([1]),
  new WeakMap(), Promise.resolve(1), new Proxy({}, {}), new Proxy([], {}), revocable.proxy, trapAll, trapArray, cyclic, cyclicArray, protoKey,
  primitiveHostile, Object.freeze({ a: 1 }), new String("s"), new Number(1), new Boolean(false), Object(1n), Object(Symbol("o")), /re/g, new Error("e"),
  deep(50000, (v) => [v]), deep(50000, (v) => ({ a: v })), globalThis, new Blob(["x"]), new Response("r"),
];

/** Objects of the model's shape whose fields are hostile: plain values, throwing getters, proxies. */
function shaped(fields, value) {
  const out = {};
  for (const name of fields) Object.defineProperty(out, name, { value, enumerable: true, configurable: true, writable: true });
  return out;
}
function getters(fields) {
  const out = {};
  for (const name of fields) Object.defineProperty(out, name, { get: thrower, enumerable: true, configurable: true });
  return out;
}

const random = fc.sample(
  fc.anything({ maxDepth: 3, withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true, withUnicodeString: true }),
  { numRuns: ${RANDOM_VALUES} },
);
const texts = ["", "null", "{", "[]", "{}", '{"__proto__": null}', "1e400", '"\\\\ud800"', "[".repeat(20000) + "]".repeat(20000), "true", '{"a": [1, {"b": "2020-01-01"}]}', "\\u0000"];

function check(label, fn) {
  calls++;
  try {
    return { ok: true, value: fn() };
  } catch (error) {
    return { ok: false, error };
  }
}

for (const pkg of manifest) {
  const barrels = new Map();
  for (const folder of pkg.folders) {
    const path = join(pkg.dir, "models", folder === "" ? "" : folder, "index.js");
    barrels.set(folder, await import(pathToFileURL(path).href));
  }
  const runtime = await import(pathToFileURL(join(pkg.dir, "runtime", "index.js")).href);
  for (const model of pkg.models) {
    models++;
    const barrel = barrels.get(model.folder);
    const where = pkg.dir + " " + model.id;
    for (const name of model.exported) if (!(name in barrel)) failures.push(where + ": the barrel does not export " + name);
    const n = model.names;
    const is = barrel[n.is], validate = barrel[n.validate], assert = barrel[n.assert], schema = barrel[n.schema], fromJSON = barrel[n.fromJSON], jsonSchema = barrel[n.jsonSchema];
    if (typeof is !== "function" || typeof validate !== "function" || typeof assert !== "function" || typeof fromJSON !== "function") {
      failures.push(where + ": missing validator functions");
      continue;
    }
    const values = [...HOSTILE, ...random];
    if (model.fields.length) for (const h of [...HOSTILE.slice(0, 40), ...random.slice(0, 10)]) values.push(shaped(model.fields, h));
    if (model.fields.length) values.push(getters(model.fields), new Proxy(shaped(model.fields, 1), { get: thrower }));
    for (const value of values) {
      for (const strict of [false, true]) {
        const options = { strict };
        const a = check("is", () => is(value, options));
        if (!a.ok) { failures.push(where + ": is threw " + a.error); continue; }
        if (typeof a.value !== "boolean") failures.push(where + ": is returned " + typeof a.value);
        const b = check("validate", () => validate(value, options));
        if (!b.ok) { failures.push(where + ": validate threw " + b.error); continue; }
        if (!b.value || typeof b.value.ok !== "boolean") { failures.push(where + ": validate returned no result"); continue; }
        if (b.value.ok !== a.value) failures.push(where + ": is says " + a.value + " but validate says " + b.value.ok + " (strict " + strict + ")");
        if (!b.value.ok && (!Array.isArray(b.value.issues) || b.value.issues.length === 0)) failures.push(where + ": a failed validation without issues");
        const c = check("assert", () => assert(value, options));
        if (!c.ok && !(c.error instanceof runtime.ValidationError)) failures.push(where + ": assert threw a non-ValidationError: " + c.error);
        if (c.ok !== b.value.ok) failures.push(where + ": assert and validate disagree");
      }
      const s = check("schema", () => schema["~standard"].validate(value));
      if (!s.ok) failures.push(where + ": Standard Schema validate threw " + s.error);
    }
    for (const text of [...texts, ...random.filter((v) => typeof v === "string")]) {
      const r = check("fromJSON", () => fromJSON(text));
      if (!r.ok) failures.push(where + ": fromJSON threw " + r.error);
      else if (typeof r.value?.ok !== "boolean") failures.push(where + ": fromJSON returned no result");
    }
    for (const value of [undefined, null, Symbol("x"), 42, {}]) {
      const r = check("fromJSON", () => fromJSON(value));
      if (!r.ok) failures.push(where + ": fromJSON threw on a non-string " + r.error);
    }
    const j = check("jsonSchema", () => JSON.stringify(jsonSchema()));
    if (!j.ok) failures.push(where + ": jsonSchema failed " + j.error);
  }
}
console.log(JSON.stringify({ models, calls, failures: failures.slice(0, 200) }));
`;
}
