/**
 * `## Values` (docs-grammar.md §4, both syntaxes) and `## Supported Types`
 * (§5) on small docs.
 */
import { describe, expect, it } from "vitest";
import { parseDoc } from "../../generator/parse/doc.ts";
import type { EnumModel, UnionModel } from "../../generator/ir/types.ts";

function strip<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === "position" ? undefined : v))) as T;
}

function enumOf(...body: string[]): EnumModel {
  const result = parseDoc(["# Kind", "", "## Values", "", ...body].join("\n"), "kind.md");
  expect(result.diagnostics).toEqual([]);
  expect(result.model?.kind).toBe("enum");
  return result.model as EnumModel;
}

function block(line: string): string[] {
  return ["```typescript", line, "```"];
}

describe("union-block enums", () => {
  it("closed string enum; member names are left to ir/", () => {
    const model = enumOf(...block('"SERVER_ERROR" | "NO_ACTION" | "NOTIFICATION"'));
    expect(strip(model)).toMatchObject({
      syntax: "union-block",
      valueType: "string",
      open: false,
      members: [
        { name: "", value: "SERVER_ERROR" },
        { name: "", value: "NO_ACTION" },
        { name: "", value: "NOTIFICATION" },
      ],
    });
  });

  it("open string enum", () => {
    const model = enumOf(...block('"created_at" | "updated_at" | Unrecognized<string>'));
    expect(model).toMatchObject({ syntax: "union-block", valueType: "string", open: true });
    expect(model.members.map((m) => m.value)).toEqual(["created_at", "updated_at"]);
  });

  it("open integer enum", () => {
    const model = enumOf(...block("0 | 1 | 2 | Unrecognized<number>"));
    expect(model).toMatchObject({ syntax: "union-block", valueType: "number", open: true });
    expect(model.members.map((m) => m.value)).toEqual([0, 1, 2]);
  });

  it("closed number enum, negatives and decimals", () => {
    const model = enumOf(...block("-1 | 0 | 2.5"));
    expect(model).toMatchObject({ valueType: "number", open: false });
    expect(model.members.map((m) => m.value)).toEqual([-1, 0, 2.5]);
  });

  it("string escapes inside values are JSON escapes", () => {
    const model = enumOf(...block(String.raw`"a\"b" | "c\\d" | "\u00e9" | "$` + "{x}" + `"`));
    expect(model.members.map((m) => m.value)).toEqual(['a"b', "c\\d", "\u00e9", "${x}"]);
  });

  it("escapes and markers in another case are syntax errors, not crashes (JSON escapes are lower case)", () => {
    for (const [line, bad] of [
      [String.raw`"a" | ".n\RbT"`, String.raw`".n\RbT"`],
      [String.raw`"a" | "\U00e9"`, String.raw`"\U00e9"`],
      ['"a" | unrecognized<string>', "unrecognized<string>"],
    ] as const) {
      const result = parseDoc(["# Kind", "", "## Values", "", ...block(line)].join("\n"), "kind.md");
      expect(result.model).toBeUndefined();
      expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([["enum-values-syntax", 6, line.indexOf(bad) + 1]]);
    }
    expect(enumOf(...block("1E3 | 2e-1")).members.map((m) => m.value)).toEqual([1000, 0.2]);
  });

  it("a single value, and a block wrapped over lines", () => {
    expect(enumOf(...block('"only"')).members.map((m) => m.value)).toEqual(["only"]);
    expect(enumOf("```typescript", '"a"', '| "b"', "```").members.map((m) => m.value)).toEqual(["a", "b"]);
  });
});

describe("Name/Value table enums", () => {
  it("string values, unquoted", () => {
    const model = enumOf("| Name | Value |", "| ---- | ----- |", "| `Video` | video |", "| `Audio` | audio |");
    expect(strip(model)).toMatchObject({
      syntax: "table",
      valueType: "string",
      open: false,
      members: [
        { name: "Video", value: "video" },
        { name: "Audio", value: "audio" },
      ],
    });
  });

  it("integer values make a numeric enum", () => {
    const model = enumOf("| Name | Value |", "| ---- | ----- |", "| `Mono` | 1 |", "| `Stereo` | 2 |", "| `Minus` | -1 |");
    expect(model.valueType).toBe("number");
    expect(model.members.map((m) => [m.name, m.value])).toEqual([
      ["Mono", 1],
      ["Stereo", 2],
      ["Minus", -1],
    ]);
  });

  it("a mix of integers and words is a string enum", () => {
    const model = enumOf("| Name | Value |", "| ---- | ----- |", "| `One` | 1 |", "| `Word` | word |");
    expect(model.valueType).toBe("string");
    expect(model.members.map((m) => m.value)).toEqual(["1", "word"]);
  });

  it("open string enum: the sentence and the `-` row", () => {
    const model = enumOf(
      "This is an open enum. Unrecognized values will be captured as the `Unrecognized<string>` branded type.",
      "",
      "| Name | Value |",
      "| ---- | ----- |",
      "| `Asc` | asc |",
      "| `Desc` | desc |",
      "| - | `Unrecognized<string>` |",
    );
    expect(model).toMatchObject({ syntax: "table", valueType: "string", open: true });
    expect(model.members.map((m) => m.name)).toEqual(["Asc", "Desc"]);
  });

  it("open integer enum", () => {
    const model = enumOf(
      "This is an open enum. Unrecognized values will be captured as the `Unrecognized<number>` branded type.",
      "",
      "| Name | Value |",
      "| ---- | ----- |",
      "| `Zero` | 0 |",
      "| `One` | 1 |",
      "| - | `Unrecognized<number>` |",
    );
    expect(model).toMatchObject({ syntax: "table", valueType: "number", open: true });
    expect(model.members.map((m) => m.value)).toEqual([0, 1]);
  });

  it("the `-` row alone also opens the enum", () => {
    const model = enumOf("| Name | Value |", "| ---- | ----- |", "| `A` | a |", "| - | `Unrecognized<string>` |");
    expect(model.open).toBe(true);
    expect(model.members).toHaveLength(1);
  });
});

describe("unions (Supported Types)", () => {
  function unionOf(...body: string[]): UnionModel {
    const result = parseDoc(["# Choice", "", "", "## Supported Types", "", ...body, ""].join("\n"), "components/choice.md");
    expect(result.diagnostics).toEqual([]);
    expect(result.model?.kind).toBe("union");
    return result.model as UnionModel;
  }

  it("member titles of every form", () => {
    const model = unionOf(
      "### `components.Pair`",
      "",
      "### `string`",
      "",
      "### `number[]`",
      "",
      "### `{ [k: string]: any }`",
      "",
      "### `Date`",
      "",
      "### `ReadableStream<Uint8Array>`",
      "",
      '### `"literal"`',
      "",
      "### `components.Pair[][]`",
      "",
      "### `Record<string, number>`",
      "",
      "### `boolean`",
    );
    expect(strip(model.members)).toEqual([
      { title: "components.Pair", type: { kind: "ref", namespace: "components", name: "Pair" } },
      { title: "string", type: { kind: "primitive", name: "string" } },
      { title: "number[]", type: { kind: "array", element: { kind: "primitive", name: "number" } } },
      { title: "{ [k: string]: any }", type: { kind: "record", value: { kind: "primitive", name: "any" } } },
      { title: "Date", type: { kind: "date", dateOnly: false } },
      { title: "ReadableStream<Uint8Array>", type: { kind: "web", name: "ReadableStream" } },
      { title: '"literal"', type: { kind: "literal", value: "literal" } },
      { title: "components.Pair[][]", type: { kind: "array", element: { kind: "array", element: { kind: "ref", namespace: "components", name: "Pair" } } } },
      { title: "Record<string, number>", type: { kind: "record", value: { kind: "primitive", name: "number" } } },
      { title: "boolean", type: { kind: "primitive", name: "boolean" } },
    ]);
  });

  it("repeated titles are kept (integer and float variants)", () => {
    const model = unionOf("### `number`", "", "```typescript", "const value: number = 1;", "```", "", "### `number`", "", "```typescript", "const value: number = 1.5;", "```");
    expect(model.members.map((m) => [m.title, m.example?.text])).toEqual([
      ["number", "1"],
      ["number", "1.5"],
    ]);
  });

  it("member code blocks: value, imports, two-line wrap, missing block", () => {
    const model = unionOf(
      "### `components.Pair`",
      "",
      "```typescript",
      'import { Pair } from "sdk/models/components";',
      "",
      "const value: components.Pair = {",
      '  key: "k",',
      "};",
      "```",
      "",
      "### `{ [k: string]: any }`",
      "",
      "```typescript",
      "const value: { [k: string]: any } =",
      '  { "a": 1 };',
      "```",
      "",
      "### `string`",
    );
    expect(model.members[0]!.example).toMatchObject({ text: '{\n  key: "k",\n}', imports: [{ names: ["Pair"], from: "sdk/models/components" }] });
    expect(model.members[1]!.example?.text).toBe('{ "a": 1 }');
    expect(model.members[2]!.example).toBeUndefined();
  });

  it("union docs have no Example Usage and keep their description", () => {
    const result = parseDoc(["# Choice", "", "One of several things.", "", "", "## Supported Types", "", "### `string`", ""].join("\n"), "choice.md");
    expect(result.model).toMatchObject({ kind: "union", description: "One of several things." });
    expect(result.model!.example).toBeUndefined();
  });
});
