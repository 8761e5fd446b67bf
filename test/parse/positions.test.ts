/**
 * Every IR node the parser makes carries the place it came from: models,
 * fields, examples, enum members, union members and refs (linked, italic,
 * nested, and in union member titles). Exact numbers on small docs; the
 * comments show the columns.
 */
import { describe, expect, it } from "vitest";
import { parseDoc } from "../../generator/parse/doc.ts";
import type { EnumModel, ObjectModel, Position, RefType, UnionModel } from "../../generator/ir/types.ts";
import { modelRefs } from "../../generator/ir/walk.ts";

const at = (file: string, line: number, column: number): Position => ({ file, line, column });

describe("object docs", () => {
  const FILE = "components/thing.md";
  const text = [
    "# Thing", // 1
    "",
    "## Example Usage", // 3
    "",
    "```typescript", // 5
    'import { Thing } from "sdk/models/components";',
    "",
    "let value: Thing = {};",
    "```",
    "", // 10
    "## Fields",
    "",
    "| Field | Type | Required | Description | Example |", // 13
    "| ----- | ---- | -------- | ----------- | ------- |",
    // col:    1   5   9
    "| `a` | [components.Pair](pair.md) | :heavy_check_mark: | A. | x |", // 15
    //         9        18 21
    "| `b` | *string* \\| *components.U*[] | :heavy_minus_sign: | N/A | |", // 16
    //         9              24
    "| `c` | Record<string, [components.Pair](pair.md)> | :heavy_minus_sign: | N/A | |", // 17
    "| ~~`d`~~ | *components.U* | :heavy_minus_sign: | N/A | 7 |", // 18
  ].join("\n");
  const result = parseDoc(text, FILE);
  const model = result.model as ObjectModel;

  it("parses cleanly", () => {
    expect(result.diagnostics).toEqual([]);
  });

  it("the model is at its H1, the example at its code block", () => {
    expect(model.position).toEqual(at(FILE, 1, 1));
    expect(model.example?.position).toEqual(at(FILE, 5, 1));
  });

  it("fields are at their rows", () => {
    expect(model.fields.map((f) => f.position)).toEqual([at(FILE, 15, 1), at(FILE, 16, 1), at(FILE, 17, 1), at(FILE, 18, 1)]);
  });

  it("example cells are at their content", () => {
    const line15 = text.split("\n")[14]!;
    const line18 = text.split("\n")[17]!;
    expect(model.fields[0]!.example?.position).toEqual(at(FILE, 15, line15.lastIndexOf("x") + 1));
    expect(model.fields[0]!.example?.position.column).toBe(64);
    expect(model.fields[3]!.example?.position).toEqual(at(FILE, 18, line18.lastIndexOf("7") + 1));
  });

  it("linked refs, italic refs and refs nested in unions, arrays and records are at their tokens", () => {
    const refs = modelRefs(model);
    expect(refs.map((r: RefType) => [r.name, r.position])).toEqual([
      ["Pair", at(FILE, 15, 9)],
      ["U", at(FILE, 16, 21)],
      ["Pair", at(FILE, 17, 24)],
      ["U", at(FILE, 18, 13)],
    ]);
  });
});

describe("enum docs", () => {
  it("union-block members are at their values, also on a wrapped line", () => {
    const text = ["# Kind", "", "## Values", "", "```typescript", '"a" | "b" | Unrecognized<string>', '  | "c"', "```"].join("\n");
    const result = parseDoc(text, "kind.md");
    expect(result.diagnostics).toEqual([]);
    const model = result.model as EnumModel;
    expect(model.position).toEqual(at("kind.md", 1, 1));
    expect(model.members.map((m) => m.position)).toEqual([at("kind.md", 6, 1), at("kind.md", 6, 7), at("kind.md", 7, 5)]);
  });

  it("table members are at their rows", () => {
    const text = ["# Kind", "", "Desc.", "", "## Values", "", "| Name | Value |", "| ---- | ----- |", "| `A` | a |", "| `B` | b |"].join("\n");
    const model = parseDoc(text, "ns/kind.md").model as EnumModel;
    expect(model.members.map((m) => m.position)).toEqual([at("ns/kind.md", 9, 1), at("ns/kind.md", 10, 1)]);
  });
});

describe("union docs", () => {
  const FILE = "components/choice.md";
  const text = [
    "# Choice", // 1
    "",
    "",
    "## Supported Types", // 4
    "",
    // col 1  5 6
    "### `components.Pair`", // 6
    "",
    "```typescript", // 8
    'const value: components.Pair = { key: "k" };',
    "```",
    "",
    //        6         15
    "### `string | components.Other[]`", // 12
    "",
    //                    21
    "### `{ [k: string]: components.Pair }`", // 14
    "",
  ].join("\n");
  const result = parseDoc(text, FILE);
  const model = result.model as UnionModel;

  it("parses cleanly", () => {
    expect(result.diagnostics).toEqual([]);
  });

  it("members are at their H3, examples at their code block", () => {
    expect(model.position).toEqual(at(FILE, 1, 1));
    expect(model.members.map((m) => m.position)).toEqual([at(FILE, 6, 1), at(FILE, 12, 1), at(FILE, 14, 1)]);
    expect(model.members[0]!.example?.position).toEqual(at(FILE, 8, 1));
  });

  it("refs in member titles are at their names", () => {
    expect(modelRefs(model).map((r) => [r.name, r.position])).toEqual([
      ["Pair", at(FILE, 6, 6)],
      ["Other", at(FILE, 12, 15)],
      ["Pair", at(FILE, 14, 21)],
    ]);
  });
});

describe("padded tables in a doc with lone CRs", () => {
  it("diagnostics stay on markdown's lines, at the cell they name", () => {
    // The lone CR ends line 1 for markdown; padding is kept (compact-tables.ts maps `\n`-split lines only).
    const row = "| `a`        | *string*   | :x:        | An a.      |";
    const text = ["# Thing\r\r", "## Fields", "", "| Field      | Type       | Required   | Description |", "| ---------- | ---------- | ---------- | ----------- |", row].join("\n");
    const result = parseDoc(text, "thing.md");
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([["field-required-marker", 7, row.indexOf(":x:") + 1]]);
  });
});
