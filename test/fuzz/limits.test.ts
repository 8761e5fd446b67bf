/**
 * Limits: a doc with 20,000 fields, a 2 MB description line, a Type cell
 * nested 10,000 deep (Records and `[]`), and a spec of 10,000 tiny docs.
 * Each completes, stays linear in time (the doubled input takes less than
 * three times as long, measured in the same run: no wall-clock thresholds)
 * and bounded in memory (the heap the result keeps grows less than three
 * times when the input doubles). Hostile nesting ends in a diagnostic, not
 * a stack overflow.
 *
 * The numbers are printed; LIMITS_SCALE (default 1) scales every size, for
 * a quick run on a slow machine.
 */
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../generator/ir/types.ts";
import { MAX_NESTING } from "../../generator/parse/type-cell.ts";
import type { SourceDoc } from "../../generator/pipeline.ts";
import { generateDocs, type Generated } from "../support/generate.ts";

const SCALE = Number(process.env.LIMITS_SCALE ?? 1);
const size = (n: number) => Math.max(2, Math.round(n * SCALE));
/** Doubling the input may at most triple the time and the retained heap. */
const MAX_RATIO = 3;
/** Results smaller than this are "nothing": their growth is not compared. */
const HEAP_FLOOR = 1024 * 1024;
/** Runs faster than this are compared as if they took this long: one GC pause or timer tick is as long as the work (a 2 ms run measured ×3.3 at 2n). */
const TIME_FLOOR_MS = 20;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

interface Measure {
  n: number;
  ms: number;
  /** Heap growth right after the run, before collecting garbage: what the run allocated since the last collection. */
  peak: number;
  /** Heap the result keeps, after collecting garbage. */
  retained: number;
  /** The process's highest resident set size so far (it only grows). */
  maxRss: number;
}

const report: string[] = [];

function measure<T>(n: number, run: () => T, check: (result: T) => void): Measure {
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  const peak = process.memoryUsage().heapUsed - before;
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  check(result);
  return { n, ms, peak: Math.max(0, peak), retained: Math.max(0, retained), maxRss: process.resourceUsage().maxRSS * 1024 };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Time and memory at n and 2n, after a warm-up at n/10 (so that compiling
 * the code is not counted for n only). Short runs are measured three times;
 * when the ratio is over the limit both sizes are measured again (up to four
 * times); the fastest run of each size counts, so that a scheduling hiccup
 * on a shared machine is not taken for a quadratic algorithm.
 */
function linear<T>(label: string, n: number, make: (n: number) => () => T, check: (result: T, n: number) => void): void {
  const run = (k: number) => measure(k, make(k), (r) => check(r, k));
  const faster = (a: Measure, b: Measure) => (b.ms < a.ms ? b : a);
  run(Math.max(2, Math.round(n / 10)));
  let small = run(n);
  let large = run(2 * n);
  // Runs under a second are at the mercy of the scheduler: the best of three counts.
  if (small.ms < 1000) {
    for (let i = 0; i < 2; i++) {
      small = faster(small, run(n));
      large = faster(large, run(2 * n));
    }
  }
  const ratio = (l: Measure) => l.ms / Math.max(small.ms, TIME_FLOOR_MS);
  // Over the limit: measure both again, up to four more times. A quadratic algorithm stays over it
  // however often it is measured; a busy neighbour (the other test worker) rarely slows every run.
  for (let again = 0; again < 4 && ratio(large) >= MAX_RATIO; again++) {
    small = faster(small, run(n));
    large = faster(large, run(2 * n));
  }
  const timeRatio = ratio(large);
  const heapRatio = Math.max(large.retained, HEAP_FLOOR) / Math.max(small.retained, HEAP_FLOOR);
  report.push(
    `${label}: n=${small.n} ${Math.round(small.ms)} ms (heap +${mb(small.peak)} before GC, keeps ${mb(small.retained)}); ` +
      `2n=${large.n} ${Math.round(large.ms)} ms (heap +${mb(large.peak)} before GC, keeps ${mb(large.retained)}); ` +
      `time ×${timeRatio.toFixed(2)}, kept heap ×${heapRatio.toFixed(2)}; process max RSS ${mb(large.maxRss)}`,
  );
  expect(timeRatio, `${label}: doubling the input multiplied the time by ${timeRatio.toFixed(2)}`).toBeLessThan(MAX_RATIO);
  expect(heapRatio, `${label}: doubling the input multiplied the kept heap by ${heapRatio.toFixed(2)}`).toBeLessThan(MAX_RATIO);
}

function fieldsTable(rows: string[]): string {
  return ["## Fields", "", "| Field | Type | Required | Description |", "| ----- | ---- | -------- | ----------- |", ...rows].join("\n");
}

function expectGenerated(result: Generated, models: number): void {
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  expect(errors, JSON.stringify(errors.slice(0, 3))).toEqual([]);
  expect(result.spec?.models.length).toBe(models);
  expect(result.files).toBeDefined();
}

function expectNesting(result: Generated, file: string, text: string): Diagnostic {
  expect(result.spec).toBeUndefined();
  const nesting = result.diagnostics.filter((d) => d.message.includes(`type nests more than ${MAX_NESTING} levels deep`));
  expect(nesting.length, JSON.stringify(result.diagnostics.slice(0, 3))).toBe(1);
  const d = nesting[0]!;
  expect(d).toMatchObject({ file, severity: "error" });
  const lines = text.split("\n");
  expect(d.line).toBeGreaterThanOrEqual(1);
  expect(d.line).toBeLessThanOrEqual(lines.length);
  expect(d.column).toBeGreaterThanOrEqual(1);
  expect(d.column).toBeLessThanOrEqual(lines[d.line - 1]!.length + 1);
  return d;
}

/** Generous: the big cases take tens of seconds on a busy two-core machine, and a failed ratio measures again. */
const TIMEOUT = 300_000;

describe("limits: huge and hostile docs stay linear and bounded", () => {
  afterAll(() => {
    console.log(`[fuzz limits] scale ${SCALE}\n  ${report.join("\n  ")}`);
  });

  it(`a doc with ${size(20_000)} fields (and one with half as many)`, () => {
    const TYPES = ["*string*", "*number*", "Record<string, *boolean*[]>", "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)", "*\"lit\"* \\| *BigInt*"];
    linear(
      "fields",
      size(10_000),
      (n) => {
        const rows: string[] = [];
        for (let i = 0; i < n; i++) rows.push(`| \`field${i}\` | ${TYPES[i % TYPES.length]} | ${i % 2 ? ":heavy_check_mark:" : ":heavy_minus_sign:"} | Field ${i} of many. |`);
        const text = `# Wide\n\n${fieldsTable(rows)}`;
        return () => generateDocs([{ path: "wide.md", text }]);
      },
      (result, n) => {
        expectGenerated(result, 1);
        const model = result.spec!.models[0]!;
        expect(model.kind === "object" && model.fields.length).toBe(n);
        expect(result.files!.get("models/wide.d.ts")).toContain(`field${n - 1}`);
      },
    );
  }, TIMEOUT);

  it(`a description line of ${(size(2 * 1024 * 1024) / 1024 / 1024).toFixed(1)} MB, in a table cell and in prose`, () => {
    const line = (bytes: number) => {
      // Markup that micromark parses in quadratic time when one paragraph or cell has thousands of it.
      const words = ["lorem", "ipsum", "`code`", "&amp;", "<br/>", "*/", "\\|", "${x}", "dolor", "<!--", "[a](", "<?", "_x_"];
      let out = "";
      for (let i = 0; out.length < bytes; i++) out += `${words[i % words.length]} `;
      return out.slice(0, bytes).trimEnd();
    };
    linear(
      "long line",
      size(1024 * 1024),
      (bytes) => {
        const text = `# Long\n\n${line(bytes)}\n\n${fieldsTable([`| \`a\` | *string* | :heavy_check_mark: | ${line(bytes)} |`])}`;
        return () => generateDocs([{ path: "long.md", text }]);
      },
      (result, bytes) => {
        expectGenerated(result, 1);
        const model = result.spec!.models[0]!;
        expect(model.description!.length).toBeGreaterThan(bytes / 2);
        expect(model.kind === "object" && model.fields[0]!.description!.length).toBeGreaterThan(bytes / 2);
        // The text as written (the parser masks it for remark only).
        expect(model.description!.slice(0, 40)).toBe("lorem ipsum `code` &\n */ | ${x} dolor <!");
        expect(model.kind === "object" && model.fields[0]!.description!.includes("<!-- [a]( <? _x_ lorem")).toBe(true);
      },
    );
  }, TIMEOUT);

  it(`an enum of ${size(20_000)} values that all derive one member name (and one of half as many)`, () => {
    // `a-`, `a!`, `a#`…: every value is named `A`, then `A2`, `A3`…
    const value = (i: number) => `a${[...i.toString(8)].map((d) => "-!#%&*~^"[Number(d)]).join("")}`;
    linear(
      "enum values",
      size(10_000),
      (n) => {
        const block = Array.from({ length: n }, (_, i) => JSON.stringify(value(i))).join(" | ");
        const text = `# Many\n\n## Values\n\n\`\`\`typescript\n${block} | Unrecognized<string>\n\`\`\``;
        return () => generateDocs([{ path: "many.md", text }]);
      },
      (result, n) => {
        expectGenerated(result, 1);
        const model = result.spec!.models[0]!;
        if (model.kind !== "enum") throw new Error("not an enum");
        expect(model.members.length).toBe(n);
        expect(new Set(model.members.map((m) => m.name)).size).toBe(n);
        expect(model.members[n - 1]!.name).toBe(`A${n}`);
      },
    );
  }, TIMEOUT);

  const NESTINGS: Array<[string, (n: number) => string]> = [
    ["Record<string, …> closed", (n) => `${"Record<string, ".repeat(n)}*string*${">".repeat(n)}`],
    ["Record<string, …> never closed", (n) => `${"Record<string, ".repeat(n)}*string*`],
    ["[] repeated", (n) => `*string*${"[]".repeat(n)}`],
    ["Records of arrays", (n) => `${"Record<string, ".repeat(n)}*number*${"[]>".repeat(n)}`],
  ];
  for (const [label, cell] of NESTINGS) {
    it(`a Type cell nested ${size(10_000)} deep (${label}) gives the nesting diagnostic`, () => {
      linear(
        `nesting: ${label}`,
        size(5_000),
        (n) => {
          const text = `# Deep\n\n${fieldsTable([`| \`ok\` | *string* | :heavy_check_mark: | N/A |`, `| \`deep\` | ${cell(n)} | :heavy_check_mark: | N/A |`])}`;
          return () => ({ result: generateDocs([{ path: "deep.md", text }]), text });
        },
        ({ result, text }) => {
          const d = expectNesting(result, "deep.md", text);
          expect(d.line).toBe(8);
        },
      );
    }, TIMEOUT);
  }

  it(`a union member title nested ${size(10_000)} deep gives the nesting diagnostic`, () => {
    for (const title of [(n: number) => `${"Record<string, ".repeat(n)}string${">".repeat(n)}`, (n: number) => `${"(".repeat(n)}string${")".repeat(n)}`, (n: number) => `string${"[]".repeat(n)}`, (n: number) => `${"{ [k: string]: ".repeat(n)}any${" }".repeat(n)}`]) {
      const n = size(10_000);
      const text = `# DeepUnion\n\n\n## Supported Types\n\n### \`number\`\n\n### \`${title(n)}\`\n`;
      const result = generateDocs([{ path: "deepunion.md", text }]);
      expect(result.spec).toBeUndefined();
      const d = result.diagnostics.find((x) => x.message.includes(`type nests more than ${MAX_NESTING} levels deep`));
      expect(d, JSON.stringify(result.diagnostics.slice(0, 2))).toBeDefined();
      expect(d!.line).toBe(8);
    }
  }, TIMEOUT);

  it(`a spec of ${size(10_000)} tiny docs (and one of half as many)`, () => {
    linear(
      "tiny docs",
      size(5_000),
      (n) => {
        const docs: SourceDoc[] = [];
        for (let i = 0; i < n; i++) {
          const folder = i % 2 ? "" : "operations/";
          const prev = i - 1;
          const prevPath = prev < 0 ? undefined : `${prev % 2 ? "" : "operations/"}m${prev}.md`;
          const link = prevPath === undefined ? "*string*" : `[${prev % 2 ? "models" : "operations"}.M${prev}](${folder ? "../" : ""}${prevPath})`;
          if (i % 10 === 3) docs.push({ path: `${folder}m${i}.md`, text: `# M${i}\n\n## Values\n\n\`\`\`typescript\n"a${i}" | "b" | Unrecognized<string>\n\`\`\`` });
          else docs.push({ path: `${folder}m${i}.md`, text: `# M${i}\n\n${fieldsTable([`| \`id\` | *string* | :heavy_check_mark: | N/A |`, `| \`prev\` | ${link} | :heavy_minus_sign: | Doc ${i}. |`])}` });
        }
        return () => generateDocs(docs);
      },
      (result, n) => {
        expectGenerated(result, n);
        expect(result.files!.size).toBeGreaterThan(2 * n);
      },
    );
  }, TIMEOUT);
});
