/**
 * parseDoc never throws: any text gives a model or diagnostics. Arbitrary
 * strings, strings assembled from doc syntax, and random mutations of a
 * valid doc, a few thousand runs in all.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDoc } from "../../generator/parse/doc.ts";

const VALID_DOCS = [
  [
    "# ~~Thing~~",
    "",
    "A thing &amp; more<br/>text.",
    "",
    "> :warning: **DEPRECATED**: Use Other.",
    "",
    "## Example Usage",
    "",
    "```typescript",
    'import { Thing } from "sdk/models/components";',
    "",
    'let value: Thing = { id: "x" };',
    "```",
    "",
    "## Fields",
    "",
    "| Field | Type | Required | Description | Example |",
    "| ----- | ---- | -------- | ----------- | ------- |",
    "| `id` | *string* | :heavy_check_mark: | The id \\| key. | x |",
    "| ~~`old`~~ | [components.Pair](pair.md)[] | :heavy_minus_sign: | : warning: ** DEPRECATED **: gone.<br/><br/>Old. | |",
    "| `u` | *components.U* \\| *string* | :heavy_minus_sign: | N/A | |",
    "| `r` | Record<string, Record<string, *number*[]>> | :heavy_minus_sign: | N/A | {<br/>\"a\": 1<br/>} |",
    "| `d` | [Date](../../types/rfcdate.md) | :heavy_minus_sign: | N/A | 2025-01-01 |",
    "| `s` | *ReadableStream<Uint8Array>* \\| [Blob](https://developer.mozilla.org/en-US/docs/Web/API/Blob) | :heavy_minus_sign: | N/A | |",
  ].join("\n"),
  ["# Kind", "", "## Values", "", "```typescript", '"a" | "b\\"c" | Unrecognized<string>', "```"].join("\n"),
  [
    "# Level",
    "",
    "## Values",
    "",
    "This is an open enum. Unrecognized values will be captured as the `Unrecognized<number>` branded type.",
    "",
    "| Name | Value |",
    "| ---- | ----- |",
    "| `Low` | 1 |",
    "| - | `Unrecognized<number>` |",
  ].join("\n"),
  [
    "# Choice",
    "",
    "",
    "## Supported Types",
    "",
    "### `components.Pair`",
    "",
    "```typescript",
    'const value: components.Pair = { key: "k" };',
    "```",
    "",
    "### `{ [k: string]: any }`",
    "",
    "### `number[] | Record<string, \"x\">`",
    "",
  ].join("\n"),
];

const FRAGMENTS = [
  "# ",
  "## ",
  "### ",
  "# ~~",
  "~~",
  "## Fields",
  "## Values",
  "## Supported Types",
  "## Example Usage",
  "| Field | Type | Required | Description |",
  "| Name | Value |",
  "| --- | --- |",
  "| - |",
  "|",
  "\\|",
  "`",
  "``",
  "```",
  "```typescript",
  "*",
  "**",
  "*string*",
  '*"x"*',
  "[",
  "]",
  "(",
  ")",
  "[a.B](b.md)",
  "[Date](../../types/rfcdate.md)",
  "Record<string, ",
  ">",
  "<",
  "[]",
  "Unrecognized<string>",
  "Unrecognized<number>",
  ":heavy_check_mark:",
  ":heavy_minus_sign:",
  ": warning: ** DEPRECATED **: ",
  "> :warning: **DEPRECATED**: ",
  "<br/>",
  "&#123;",
  "&#x110000;",
  "&amp;",
  '"',
  '\\"',
  "\\",
  "{ [k: string]: ",
  "}",
  "let value: X = ",
  "const value: T = ",
  "import { X } from \"y\";",
  "0",
  "-1",
  "1e400",
  "\u2028",
  "\u0000",
  "\ud800",
  "\ufeff",
  "\r\n",
  "\n",
  "\n\n",
  " ",
  "\t",
];

function expectWellFormed(text: string): void {
  const result = parseDoc(text, "ns/doc.md");
  expect(Array.isArray(result.diagnostics)).toBe(true);
  const lines = text.split(/\r\n|\r|\n/).length;
  for (const d of result.diagnostics) {
    expect(d.file).toBe("ns/doc.md");
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines + 1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(typeof d.ruleId).toBe("string");
    expect(d.ruleId).not.toBe("unknown");
    expect(["error", "warning"]).toContain(d.severity);
  }
  const errors = result.diagnostics.filter((d) => d.severity === "error");
  if (result.model) expect(errors).toEqual([]);
  else expect(errors.length).toBeGreaterThan(0);
  // The IR is plain data.
  if (result.model) expect(JSON.parse(JSON.stringify(result.model))).toEqual(result.model);
}

type Mutation =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "replace"; at: number; text: string }
  | { kind: "dupLine"; line: number }
  | { kind: "dropLine"; line: number }
  | { kind: "swapLines"; a: number; b: number }
  | { kind: "truncate"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 4, unit: "binary" })) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), text: fc.constantFrom(...FRAGMENTS) }),
  fc.record({ kind: fc.constant("dupLine" as const), line: fc.nat() }),
  fc.record({ kind: fc.constant("dropLine" as const), line: fc.nat() }),
  fc.record({ kind: fc.constant("swapLines" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);

function apply(text: string, m: Mutation): string {
  const lines = text.split("\n");
  const pos = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  const line = (n: number) => n % Math.max(1, lines.length);
  switch (m.kind) {
    case "insert":
      return text.slice(0, pos(m.at)) + m.text + text.slice(pos(m.at));
    case "delete":
      return text.slice(0, pos(m.at)) + text.slice(pos(m.at) + m.length);
    case "replace":
      return text.slice(0, pos(m.at)) + m.text + text.slice(pos(m.at) + m.text.length);
    case "dupLine":
      lines.splice(line(m.line), 0, lines[line(m.line)]!);
      return lines.join("\n");
    case "dropLine":
      lines.splice(line(m.line), 1);
      return lines.join("\n");
    case "swapLines": {
      const a = line(m.a);
      const b = line(m.b);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join("\n");
    }
    case "truncate":
      return text.slice(0, pos(m.at));
  }
}

describe("parseDoc never throws", () => {
  it("the valid docs used below are valid", () => {
    for (const text of VALID_DOCS) {
      const result = parseDoc(text, "ns/doc.md");
      expect(result.diagnostics).toEqual([]);
      expect(result.model).toBeDefined();
    }
  });

  it("on arbitrary strings (1000 runs)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: "binary" }), (text) => expectWellFormed(text)),
      { numRuns: 1000, seed: 20250101 },
    );
  });

  it("on strings assembled from doc syntax (1000 runs)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 60 }), (parts) => expectWellFormed(parts.join(""))),
      { numRuns: 1000, seed: 20250102 },
    );
  });

  it("on random mutations of valid docs (1500 runs)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID_DOCS), fc.array(mutation, { minLength: 1, maxLength: 6 }), (doc, mutations) => expectWellFormed(mutations.reduce(apply, doc))),
      { numRuns: 1500, seed: 20250103 },
    );
  });
});
