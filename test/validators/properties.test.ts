/**
 * Property tests of the generated validators over every model of the three
 * authlete corpora and of the project's own spec/: valid values (built from
 * the IR) pass every entry point; a single mutation (dropped required key,
 * wrong primitive, bad enum value, null, wrong array element, at any depth)
 * fails with one issue at exactly the mutated path; several independent
 * mutations give one issue each; strict mode rejects one added unknown key.
 * The reference oracle (`accepts`) agrees on every value.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import {
  accepts,
  admitsSeveral,
  allMutations,
  extraKey,
  loadGenerated,
  multiMutation,
  mutation,
  refTo,
  validValue,
  type LoadedPackage,
  type ModelApi,
  type Mutation,
  type MutationKind,
  type SpecIndex,
} from "../support/arbitraries.ts";
import { AUTHLETE, HAS_SHARED, PROJECT_ROOT, SKIP_NOTE } from "../support/shared.ts";

/** Runs per model: modest for the ~900 corpus models, more for spec/'s 40. */
const CORPUS_RUNS = { valid: 6, mutation: 14, multi: 4, strict: 4 };
const SPEC_RUNS = { valid: 150, mutation: 300, multi: 100, strict: 60 };

const stats = { runs: 0, multi: 0, mutations: new Map<string, number>(), deepest: 0, models: 0 };

function countMutation(m: Mutation): void {
  const key = m.modelDepth >= 2 ? `${m.kind} (nested ≥2)` : m.kind;
  stats.mutations.set(key, (stats.mutations.get(key) ?? 0) + 1);
  stats.deepest = Math.max(stats.deepest, m.path.length);
}

function checkValid(api: ModelApi, index: SpecIndex, value: unknown): void {
  stats.runs++;
  expect(accepts(index, refTo(api.model.id), value), "the arbitrary made an invalid value").toBe(true);
  expect(api.is(value)).toBe(true);
  const result = api.validate(value);
  if (!result.ok) expect.fail(`valid value rejected: ${JSON.stringify(result.issues)}`);
  expect(result.value).toBe(value);
  api.assert(value);
  expect(api.schema["~standard"].validate(value)).toEqual({ value });
  if (api.model.kind !== "object") return;
  // Valid values never have unknown keys, so strict accepts them too.
  expect(api.is(value, { strict: true })).toBe(true);
  expect(api.validate(value, { strict: true }).ok).toBe(true);
}

function checkMutation(api: ModelApi, index: SpecIndex, m: Mutation, ValidationError: new (...args: never[]) => Error): void {
  stats.runs++;
  countMutation(m);
  expect(accepts(index, refTo(api.model.id), m.value), "the mutation left the value valid").toBe(false);
  expect(api.is(m.value)).toBe(false);
  expect(api.is(m.value, { strict: true })).toBe(false);
  const result = api.validate(m.value);
  if (result.ok) return expect.fail(`mutated value accepted (${m.kind} at ${JSON.stringify(m.path)})`);
  expect(result.issues.map((i) => i.path)).toEqual([m.path]);
  const [issue] = result.issues;
  expect(issue!.pointer).toBe(m.path.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join(""));
  expect(issue!.expected).not.toBe("");
  expect(issue!.received).not.toBe("");
  expect(issue!.message).not.toBe("");
  try {
    api.assert(m.value);
    expect.fail("assert did not throw");
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as unknown as { issues: unknown }).issues).toEqual(result.issues);
  }
  const standard = api.schema["~standard"].validate(m.value) as { issues?: Array<{ path: unknown; message: string }> };
  expect(standard.issues?.map((i) => i.path)).toEqual([m.path]);
}

function checkExtraKey(api: ModelApi, value: unknown, path: unknown[]): void {
  stats.runs++;
  expect(api.is(value)).toBe(true);
  expect(api.validate(value).ok).toBe(true);
  expect(api.is(value, { strict: true })).toBe(false);
  const result = api.validate(value, { strict: true });
  if (result.ok) return expect.fail("strict accepted an unknown key");
  expect(result.issues.map((i) => i.path)).toEqual([path]);
}

function propertiesFor(pkg: LoadedPackage, runs: typeof CORPUS_RUNS): void {
  const ValidationError = pkg.runtime.ValidationError as new (...args: never[]) => Error;
  for (const model of pkg.spec.models) {
    it(`${model.id} (${model.kind})`, () => {
      stats.models++;
      const api = pkg.api(model.id);
      fc.assert(
        fc.property(validValue(pkg.index, model.id), (value) => checkValid(api, pkg.index, value)),
        { numRuns: runs.valid },
      );
      fc.assert(
        fc.property(mutation(pkg.index, model.id), (m) => checkMutation(api, pkg.index, m, ValidationError)),
        { numRuns: runs.mutation },
      );
      if (model.kind === "object" && admitsSeveral(pkg.index, model.id)) {
        fc.assert(
          fc.property(multiMutation(pkg.index, model.id), (m) => {
            if (!m) return;
            stats.runs++;
            stats.multi++;
            expect(api.is(m.value)).toBe(false);
            const result = api.validate(m.value);
            if (result.ok) return expect.fail("damaged value accepted");
            const key = (p: unknown[]) => JSON.stringify(p);
            expect(result.issues.map((i) => key(i.path)).sort()).toEqual(m.paths.map(key).sort());
          }),
          { numRuns: runs.multi },
        );
      }
      if (model.kind === "object") {
        fc.assert(
          fc.property(extraKey(pkg.index, model.id), (e) => checkExtraKey(api, e.value, e.path)),
          { numRuns: runs.strict },
        );
      }
    });
  }
}

/** Every kind of mutation was made somewhere, and some deep inside nested models. */
function coverageTest(pkg: () => LoadedPackage | undefined, required: MutationKind[]): void {
  it("mutations of every kind, also deep inside nested models", () => {
    const loaded = pkg();
    if (!loaded) return;
    const kinds = new Set([...stats.mutations.keys()].map((k) => k.replace(/ \(nested ≥2\)$/, "")));
    for (const kind of required) expect(kinds, `no ${kind} mutation was made`).toContain(kind);
    expect([...stats.mutations.keys()].some((k) => k.endsWith("(nested ≥2)"))).toBe(true);
  });
}

const SPEC = await loadGenerated(join(PROJECT_ROOT, "spec"), "props-spec");
const CORPUS_PACKAGES = new Map<string, LoadedPackage>();
for (const corpus of AUTHLETE) if (HAS_SHARED) CORPUS_PACKAGES.set(corpus.name, await loadGenerated(corpus.specRoot, `props-${corpus.name}`));

describe("validators on spec/ (dates, bigints, records, unions, literals, enums, recursion)", () => {
  propertiesFor(SPEC, SPEC_RUNS);
  coverageTest(() => SPEC, ["drop-required", "wrong-primitive", "bad-enum", "null", "wrong-element"]);

  it("every single mutation of sample values of every model (exhaustive)", () => {
    const ValidationError = SPEC.runtime.ValidationError as new (...args: never[]) => Error;
    let count = 0;
    for (const model of SPEC.spec.models) {
      const api = SPEC.api(model.id);
      for (const value of fc.sample(validValue(SPEC.index, model.id), { numRuns: 3, seed: 2024 })) {
        for (const m of allMutations(SPEC.index, model.id, value)) {
          checkMutation(api, SPEC.index, m, ValidationError);
          count++;
        }
      }
    }
    expect(count).toBeGreaterThan(1000);
  });

  it("recursive models reach several levels", () => {
    const depths = fc.sample(validValue(SPEC.index, "category", { maxDepth: 4 }), { numRuns: 200, seed: 7 }).map(function depth(v: unknown): number {
      const c = v as { parent?: unknown; children?: unknown[] };
      return 1 + Math.max(c.parent ? depth(c.parent) : 0, ...(c.children ?? []).map(depth));
    });
    expect(Math.max(...depths)).toBeGreaterThanOrEqual(4);
    expect(depths.every((d) => d <= 6)).toBe(true);
  });
});

for (const corpus of AUTHLETE) {
  const pkg = CORPUS_PACKAGES.get(corpus.name);
  describe.skipIf(!pkg)(`validators on ${corpus.name}${SKIP_NOTE}`, () => {
    if (!pkg) return;
    propertiesFor(pkg, CORPUS_RUNS);
    coverageTest(() => pkg, ["drop-required", "wrong-primitive", "bad-enum", "null", "wrong-element"]);
  });
}

const LOADED: LoadedPackage[] = [SPEC, ...CORPUS_PACKAGES.values()];

afterAll(() => {
  for (const pkg of LOADED) rmSync(pkg.dir, { recursive: true, force: true });
  const kinds = [...stats.mutations.entries()].sort().map(([k, n]) => `${k}: ${n}`).join(", ");
  console.info(`validator properties: ${stats.models} models, ${stats.runs} property runs (${stats.multi} with several mutations); mutations ${kinds}; deepest mutated path ${stats.deepest} keys`);
});
