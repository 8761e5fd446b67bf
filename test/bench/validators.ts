/**
 * Validator speed (`npm run bench`, or `npx tsx test/bench/validators.ts`):
 * authlete-bc9fa09 generated into a temp folder and imported in this process;
 * for `Pair`, `BackchannelAuthenticationCompleteResponse` and `Service`, on a
 * realistic valid value (most optional fields present, built from the IR and
 * passed through JSON like an API response) and an invalid one (one field in
 * the middle of the value has the wrong type), ops/s of:
 *
 * - ours: the generated `isX` (and `validateX`, which collects issues);
 * - ajv 8, compiled from our `xJSONSchema()` (draft 2020-12);
 * - zod 4, schemas of the same shapes built from the IR;
 * - hand-written `typeof` validators (validators-handwritten.ts), the
 *   practical limit.
 *
 * Each measurement: a warm-up of a second per contender on both samples (V8
 * takes that long to optimize the larger validators, by hand or generated),
 * then 15 rounds in which every contender runs for a short slice, in
 * rotating order, so that background load hits them alike; medians of the
 * rounds are reported, and ratios are medians of the per-round ratios.
 * Everything runs in this one process.
 */
import { rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as z from "zod";
import type { Model, TypeExpr } from "../../generator/ir/types.ts";
import { loadGenerated, SpecIndex, type ModelApi } from "../support/arbitraries.ts";
import { AUTHLETE, HAS_SHARED } from "../support/shared.ts";
import { HANDWRITTEN } from "./validators-handwritten.ts";

const CORPUS = "authlete-bc9fa09";
const MODELS = ["pair", "backchannelauthenticationcompleteresponse", "service"];

// --- realistic values from the IR ------------------------------------------------

/** A deterministic, realistic value: most optional fields present, short arrays, plausible strings and numbers. */
export function realisticValue(index: SpecIndex, id: string): unknown {
  let counter = 0;
  const value = (type: TypeExpr, name: string, depth: number): unknown => {
    counter++;
    switch (type.kind) {
      case "primitive":
        if (type.name === "string") return /(Endpoint|Uri|Url)$/i.test(name) ? `https://as.example.com/${name}` : `${name}-${counter}`;
        if (type.name === "number") return /Duration$/.test(name) ? 3600 : counter * 7;
        if (type.name === "boolean") return counter % 3 !== 0;
        return { note: name };
      case "bigint":
        return BigInt(counter);
      case "literal":
        return type.value;
      case "date":
        return new Date(Date.UTC(2024, 0, 1 + (counter % 28)));
      case "web":
        throw new Error("no web values in the bench");
      case "array":
        return [0, 1].map(() => value(type.element, name, depth));
      case "record":
        return { first: value(type.value, name, depth), second: value(type.value, name, depth) };
      case "union":
        return value(type.members[0]!, name, depth);
      case "ref":
        return model(index.model(type.target!), depth + 1);
    }
  };
  const model = (m: Model, depth: number): unknown => {
    if (m.kind === "enum") return m.members[counter % m.members.length]!.value;
    if (m.kind === "union") return value(m.members[0]!.type, m.name, depth);
    const out: Record<string, unknown> = {};
    m.fields.forEach((field, i) => {
      // Every eighth optional field is left out; nested models stop at depth 3.
      if (!field.required && (i % 8 === 7 || (depth >= 3 && JSON.stringify(field.type).includes('"ref"')))) return;
      out[field.name] = value(field.type, field.name, depth);
    });
    return out;
  };
  // Through JSON, like an API response: objects get the representation JSON.parse gives them.
  return JSON.parse(JSON.stringify(model(index.model(id), 0)));
}

/** The valid value with one top-level field near the middle given a wrong type. */
export function invalidValue(index: SpecIndex, id: string, valid: unknown): unknown {
  const model = index.model(id);
  if (model.kind !== "object") return 42;
  const present = model.fields.filter((f) => (valid as Record<string, unknown>)[f.name] !== undefined);
  const field = present[Math.floor(present.length / 2)]!;
  const current = (valid as Record<string, unknown>)[field.name];
  return JSON.parse(JSON.stringify({ ...(valid as object), [field.name]: typeof current === "string" ? 12345 : "not this type" }));
}

// --- zod 4 schemas from the IR -----------------------------------------------------

export function zodSchema(index: SpecIndex, id: string): z.ZodType {
  const memo = new Map<string, z.ZodType>();
  const type = (t: TypeExpr): z.ZodType => {
    switch (t.kind) {
      case "primitive":
        return t.name === "string" ? z.string() : t.name === "number" ? z.number() : t.name === "boolean" ? z.boolean() : z.any();
      case "bigint":
        return z.bigint();
      case "literal":
        return z.literal(t.value);
      case "date":
        return z.date();
      case "web":
        return z.any();
      case "array":
        return z.array(type(t.element));
      case "record":
        return z.record(z.string(), type(t.value));
      case "union":
        return z.union(t.members.map(type) as [z.ZodType, z.ZodType, ...z.ZodType[]]);
      case "ref":
        return model(t.target!);
    }
  };
  const model = (modelId: string): z.ZodType => {
    const known = memo.get(modelId);
    if (known) return known;
    const m = index.model(modelId);
    let schema: z.ZodType;
    if (m.kind === "enum") {
      const values = m.members.map((x) => x.value);
      if (m.open) schema = m.valueType === "number" ? z.number() : z.string();
      else if (m.valueType === "string") schema = z.enum(values as [string, ...string[]]);
      else schema = z.union(values.map((v) => z.literal(v)) as unknown as [z.ZodType, z.ZodType]);
    } else if (m.kind === "union") {
      schema = z.union(m.members.map((x) => type(x.type)) as [z.ZodType, z.ZodType, ...z.ZodType[]]);
    } else {
      memo.set(modelId, z.lazy(() => memo.get(`${modelId}#object`)!));
      const shape: Record<string, z.ZodType> = {};
      for (const f of m.fields) shape[f.name] = f.required ? type(f.type) : type(f.type).optional();
      const object = z.object(shape);
      memo.set(`${modelId}#object`, object);
      schema = object;
    }
    memo.set(modelId, schema);
    return schema;
  };
  return model(id);
}

// --- timing ------------------------------------------------------------------------

let sink = 0;

export type Contender = readonly [name: string, run: (value: unknown) => unknown];

export interface Measured {
  /** Median ops/s over the rounds. */
  ops: Map<string, number>;
  /** Ops/s of each round, per contender (rounds are paired: the same round ran every contender back to back). */
  rounds: Map<string, number[]>;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface MeasureOptions {
  /** Warm-up per contender, on all samples in turn: long enough for V8's optimizing compiler to finish with large models. */
  warmMs?: number;
  rounds?: number;
  sliceMs?: number;
}

/**
 * Ops/s of several contenders on each of several samples. Each contender is
 * first warmed up on all samples (so its optimized code has seen them all),
 * then every round runs each contender on each sample for a slice of
 * `sliceMs`, in a rotating order, so that background load hits them alike.
 * Medians over the rounds, per sample.
 */
export function measure(contenders: readonly Contender[], samples: readonly unknown[], options: MeasureOptions = {}): Measured[] {
  const { warmMs = 1000, rounds = 15, sliceMs = 40 } = options;
  // One loop for all contenders: its call is megamorphic, so no contender is
  // inlined into the loop (which would let V8 hoist work out of it); each
  // pays one real call, as validators called from application code do.
  const batch = (run: Contender[1], value: unknown, n: number) => {
    for (let i = 0; i < n; i++) if (run(value)) sink++;
  };
  // A batch size per contender and sample that takes about half a millisecond.
  const sizes = new Map<string, number>();
  for (const [name, run] of contenders) {
    const end = performance.now() + warmMs;
    const n = samples.map(() => 1);
    while (performance.now() < end) {
      samples.forEach((value, k) => {
        const t = performance.now();
        batch(run, value, n[k]!);
        if (performance.now() - t < 0.5) n[k]! *= 2;
      });
    }
    samples.forEach((_, k) => sizes.set(`${name}#${k}`, n[k]!));
  }
  return samples.map((value, k) => {
    const perRound = new Map<string, number[]>(contenders.map(([name]) => [name, []]));
    for (let r = 0; r < rounds; r++) {
      for (let c = 0; c < contenders.length; c++) {
        const [name, run] = contenders[(c + r) % contenders.length]!;
        const n = sizes.get(`${name}#${k}`)!;
        let ops = 0;
        const start = performance.now();
        let now = start;
        while (now - start < sliceMs) {
          batch(run, value, n);
          ops += n;
          now = performance.now();
        }
        perRound.get(name)!.push((ops * 1000) / (now - start));
      }
    }
    return { ops: new Map([...perRound].map(([name, xs]) => [name, median(xs)])), rounds: perRound };
  });
}

/** The median over rounds of a/b measured in the same round: steadier than a ratio of medians under load. */
export function pairedRatio(m: Measured, a: string, b: string): number {
  const xs = m.rounds.get(a)!;
  const ys = m.rounds.get(b)!;
  return median(xs.map((x, i) => x / ys[i]!));
}

export interface BenchRow {
  model: string;
  sample: "valid" | "invalid";
  ours: number;
  oursValidate: number;
  ajv: number;
  zod: number;
  handwritten: number;
  /** Paired ratios (see pairedRatio). */
  oursVsHand: number;
  oursVsAjv: number;
  ajvVsHand: number;
  zodVsHand: number;
}

function format(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(0)}k`;
  return n.toFixed(0);
}

export function formatTable(rows: BenchRow[]): string {
  const header = ["model", "sample", "ours isX", "ours validateX", "ajv", "zod", "hand-written", "isX/hand", "ajv/hand", "zod/hand", "isX/ajv"];
  const lines = rows.map((r) => [
    r.model,
    r.sample,
    format(r.ours),
    format(r.oursValidate),
    format(r.ajv),
    format(r.zod),
    format(r.handwritten),
    `${r.oursVsHand.toFixed(2)}×`,
    `${r.ajvVsHand.toFixed(2)}×`,
    `${r.zodVsHand.toFixed(3)}×`,
    `${r.oursVsAjv.toFixed(2)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [row(header), `|${widths.map((w, i) => (i < 2 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...lines.map(row)].join("\n");
}

export interface BenchOptions extends MeasureOptions {
  log?: (line: string) => void;
}

export async function benchValidators(options: BenchOptions = {}): Promise<BenchRow[] | undefined> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (!HAS_SHARED) {
    log(`validator bench skipped: ../shared/corpora not found (it needs ${CORPUS})`);
    return undefined;
  }
  const corpus = AUTHLETE.find((c) => c.name === CORPUS)!;
  const pkg = await loadGenerated(corpus.specRoot, "bench-validators");
  const index = new SpecIndex(pkg.spec);
  const ajv = new Ajv2020({ strict: false });
  const rows: BenchRow[] = [];
  for (const id of MODELS) {
    const api: ModelApi = pkg.api(id);
    const ajvValidate = ajv.compile(api.jsonSchema() as object);
    const zod = zodSchema(index, id);
    const handwritten = HANDWRITTEN[id]!;
    const valid = realisticValue(index, id);
    const invalid = invalidValue(index, id, valid);
    // Every contender must agree on both samples, or the numbers mean nothing.
    const verdicts = [api.is(valid), ajvValidate(valid), zod.safeParse(valid).success, handwritten(valid), api.is(invalid), ajvValidate(invalid), zod.safeParse(invalid).success, handwritten(invalid)];
    if (verdicts.join() !== "true,true,true,true,false,false,false,false") throw new Error(`${id}: validators disagree: ${verdicts.join()}`);
    const is = api.is;
    const validate = api.validate;
    const measured = measure(
      [
        ["ours", (v) => is(v)],
        ["oursValidate", (v) => validate(v).ok],
        ["ajv", (v) => ajvValidate(v)],
        ["zod", (v) => zod.safeParse(v).success],
        ["handwritten", (v) => handwritten(v)],
      ],
      [valid, invalid],
      options,
    );
    measured.forEach((m, k) => {
      rows.push({
        model: api.model.name,
        sample: k === 0 ? "valid" : "invalid",
        ours: m.ops.get("ours")!,
        oursValidate: m.ops.get("oursValidate")!,
        ajv: m.ops.get("ajv")!,
        zod: m.ops.get("zod")!,
        handwritten: m.ops.get("handwritten")!,
        oursVsHand: pairedRatio(m, "ours", "handwritten"),
        oursVsAjv: pairedRatio(m, "ours", "ajv"),
        ajvVsHand: pairedRatio(m, "ajv", "handwritten"),
        zodVsHand: pairedRatio(m, "zod", "handwritten"),
      });
    });
  }
  // The modules are loaded; their folder can go.
  rmSync(pkg.dir, { recursive: true, force: true });
  return rows;
}

/** The goals the bench checks: ≥0.9× hand-written on the larger models, faster than ajv, invalid no slower than valid. */
export function goals(rows: BenchRow[]): string[] {
  const misses: string[] = [];
  for (const r of rows) {
    if (r.model !== "Pair" && r.oursVsHand < 0.9) misses.push(`${r.model} ${r.sample}: isX at ${r.oursVsHand.toFixed(2)}× hand-written (goal ≥ 0.90×)`);
    if (r.oursVsAjv <= 1) misses.push(`${r.model} ${r.sample}: isX not faster than ajv (${r.oursVsAjv.toFixed(2)}×)`);
  }
  for (const r of rows.filter((x) => x.sample === "invalid")) {
    const valid = rows.find((x) => x.model === r.model && x.sample === "valid")!;
    if (r.ours < valid.ours * 0.95) misses.push(`${r.model}: isX slower on invalid than on valid`);
  }
  return misses;
}

export async function main(): Promise<void> {
  console.log(`\nValidators (${CORPUS}; ops/s, median of 15 interleaved rounds; node ${process.version})\n`);
  const rows = await benchValidators();
  if (!rows) return;
  console.log(formatTable(rows));
  const misses = goals(rows);
  console.log(misses.length ? `\ngoals missed:\n${misses.map((m) => `  - ${m}`).join("\n")}` : "\ngoals met: isX ≥ 0.9× hand-written on the larger models, faster than ajv on every model, invalid no slower than valid");
  if (sink < 0) console.log(sink);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
