/**
 * remark sees a shorter text than the doc (elide-unread.ts): Description
 * and Example cells, plain Field and Required cells of fields tables, and
 * masked prose are cut, and the tree's positions are
 * moved back. Here the cut tree is compared with remark's tree of the full
 * text (every row, cell and read node at the same place), and parseDoc's
 * results are checked where cuts sit right before them.
 */
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import type { ObjectModel } from "../../generator/ir/types.ts";
import { parseDoc } from "../../generator/parse/doc.ts";
import { cutUnread, parseForReading } from "../../generator/parse/elide-unread.ts";
import { parseMarkdown } from "../../generator/parse/markdown.ts";
import { maskFreeText } from "../../generator/parse/mask-free-text.ts";
import { expectSameTree } from "../support/same-tree.ts";

const FILE = "components/thing.md";

function compare(text: string): Root {
  const tree = parseForReading(text);
  expectSameTree(tree, parseMarkdown(maskFreeText(text).text));
  return tree;
}

const fields = (rows: string[], header = "| Field | Type | Required | Description | Example |") =>
  ["# Thing", "", "## Fields", "", header, header.replace(/[^|]+/g, " --- "), ...rows].join("\n");

describe("cut cells", () => {
  it("a description with escaped pipes and entities keeps its text and the next row its places", () => {
    const text = fields([
      "| `a` | *string* | :heavy_check_mark: | One \\| two &amp; three &#124; four <br/> five | `x` \\| y |",
      "| `b` | *string* | :heavy_minus_sign: | N/A | 7 |",
    ]);
    const tree = compare(text);
    // Both rows are built without remark (plain-rows.ts); their places come from the split cells.
    expect([...cutUnread(maskFreeText(text).text, new Map()).plainRows.keys()]).toEqual([7, 8]);
    expect(tree.children.some((n) => n.type === "table")).toBe(true);
    const model = parseDoc(text, FILE).model as ObjectModel;
    expect(model.fields[0]!.description).toBe("One | two & three | four\n five");
    expect(model.fields[0]!.example).toEqual({ text: "`x` | y", position: { file: FILE, line: 7, column: text.split("\n")[6]!.indexOf("`x`") + 1 } });
    expect(model.fields[1]!.example?.position).toEqual({ file: FILE, line: 8, column: text.split("\n")[7]!.lastIndexOf("7") + 1 });
  });

  it("`\\\\|` ends a cell: the backslash escapes the backslash", () => {
    const text = fields([
      "| `a` | *string* | :heavy_check_mark: | ends in a backslash \\\\| 5 |",
      "| `b` | *string* | :heavy_check_mark: | two \\\\| cells \\\\| here |",
    ]);
    compare(text);
    const result = parseDoc(text, FILE);
    const model = result.model;
    expect(model).toBeUndefined();
    // The second row has 6 cells: its error is at the row, the first row reads fine.
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([["fields-row-cells", 8, 1]]);
  });

  it("4- and 5-column tables, rows without a closing pipe, blank and one-character cells", () => {
    const cells = [
      ["`a`", "*string*", ":heavy_check_mark:", "Text *with* `code` and [a link](x.md).", "12"],
      ["`b`", "*number*", ":heavy_minus_sign:", "x", "y"],
      ["`c`", "*number*", ":heavy_minus_sign:", "  ", "  "],
      ["`d`", "*number*", ":heavy_minus_sign:", "trailing blanks   ", "  yes   "],
    ];
    for (const columns of [4, 5]) {
      const header = ["Field", "Type", "Required", "Description", "Example"].slice(0, columns);
      // The last row has no closing pipe.
      const rows = cells.map((row, i) => `| ${row.slice(0, columns).join(" | ")}${i === cells.length - 1 ? "" : " |"}`);
      const text = fields(rows, `| ${header.join(" | ")} |`);
      compare(text);
      const result = parseDoc(text, FILE);
      expect(result.diagnostics).toEqual([]);
      const model = result.model as ObjectModel;
      expect(model.fields.map((f) => f.description)).toEqual(["Text *with* `code` and [a link](x.md).", "x", undefined, "trailing blanks"]);
      const examples = model.fields.map((f) => f.example && [f.example.text, f.example.position.line, f.example.position.column]);
      const at = (line: number, s: string) => text.split("\n")[line - 1]!.lastIndexOf(s) + 1;
      expect(examples).toEqual(columns === 4 ? [undefined, undefined, undefined, undefined] : [["12", 7, at(7, "12")], ["y", 8, at(8, "y")], undefined, ["yes", 10, at(10, "yes")]]);
    }
  });

  it("a Type cell error after long descriptions keeps its line and column", () => {
    const long = "A long description, ".repeat(300);
    const text = fields([
      `| \`a\` | *string* | :heavy_check_mark: | ${long} | ${long} |`,
      `| \`b\` | *string* | :heavy_check_mark: | ${long} | x |`,
      "| `c` | *string* \\| *nope!* | :heavy_check_mark: | N/A | |",
    ]);
    compare(text);
    const result = parseDoc(text, FILE);
    const line = text.split("\n")[8]!;
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([["type-syntax", 9, line.indexOf("*nope!*") + 1]]);
  });

  it("a Type cell error in the row of a long description keeps its column", () => {
    const long = "&amp; \\| <br/> ".repeat(200);
    const text = fields([`| \`a\` | *string* \\| *nope!* | :heavy_check_mark: | ${long} | ${long} |`]);
    compare(text);
    const result = parseDoc(text, FILE);
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([["type-syntax", 7, text.split("\n")[6]!.indexOf("*nope!*") + 1]]);
  });

  it("padded tables (compact-tables.ts) and cut cells map back together", () => {
    const pad = (s: string, n = 60) => s.padEnd(n, " ");
    const rows = [
      `| ${pad("`a`")} | ${pad("*string*")} | ${pad(":heavy_check_mark:")} | ${pad("First.")} | ${pad("1")} |`,
      `| ${pad("`b`")} | ${pad("*wh at!*")} | ${pad(":heavy_check_mark:")} | ${pad("Second.")} | ${pad("2")} |`,
    ];
    const text = fields(rows);
    const result = parseDoc(text, FILE);
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([["type-syntax", 8, rows[1]!.indexOf("*wh at!*") + 1]]);
    const first = parseDoc(fields([rows[0]!]), FILE).model as ObjectModel;
    expect(first.fields[0]!.example).toEqual({ text: "1", position: { file: FILE, line: 7, column: rows[0]!.lastIndexOf("1") + 1 } });
  });
});

describe("Field and Required cells read from the source", () => {
  it("plain names and markers are cut for remark and read as written; other cells are parsed", () => {
    const rows = [
      "| `plain` | *string* | :heavy_check_mark: | N/A |",
      "| ` spaced ` | *string* | :heavy_minus_sign: | N/A |",
      "| ~~`old`~~ | *string* | :heavy_minus_sign: | N/A |",
      "| `a\\|b` | *string* | :heavy_check_mark: | N/A |",
      "| `c` | *number* | :heavy\\_check\\_mark: | N/A |",
    ];
    const text = fields(rows, "| Field | Type | Required | Description |");
    const cut = cutUnread(maskFreeText(text).text, new Map());
    const cutRows = cut.text.split("\n").slice(6);
    // Rows with nothing else to read are not shown to remark at all (plain-rows.ts).
    expect([...cut.plainRows.keys()]).toEqual([7, 8]);
    // Deleted names, escapes and escaped markers go to remark as written.
    expect(cutRows[2]).toBe("| ~~`old`~~ | *string* | · |  |");
    expect(cutRows[3]).toBe("| `a\\|b` | *string* | · |  |");
    expect(cutRows[4]).toBe("| · | *number* | :heavy\\_check\\_mark: |  |");
    compare(text);
    const model = parseDoc(text, FILE).model as ObjectModel;
    expect(model.fields.map((f) => [f.name, f.required, f.deprecated !== undefined])).toEqual([
      ["plain", true, false],
      ["spaced", false, false],
      ["old", false, true],
      ["a|b", true, false],
      ["c", true, false],
    ]);
    // Positions after cut cells are those of the full text.
    const broken = fields(["| `x` | *nope!* | :heavy_check_mark: | N/A |"], "| Field | Type | Required | Description |");
    expect(parseDoc(broken, FILE).diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([["type-syntax", 7, broken.split("\n")[6]!.indexOf("*nope!*") + 1]]);
  });

  it("a Required cell naming an Object.prototype member is an unknown marker, not a value", () => {
    for (const marker of ["toString", "constructor", "__proto__"]) {
      const result = parseDoc(fields([`| \`a\` | *string* | ${marker} | N/A |`], "| Field | Type | Required | Description |"), FILE);
      expect(result.model).toBeUndefined();
      expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([["field-required-marker", 7, 20]]);
    }
  });
});

describe("what is not cut, or not confirmed", () => {
  it("fenced rows, Values tables and header rows stay as written (a fenced block is emptied whole)", () => {
    const lines = ["# E", "", "## Values", "", "| Name | Value |", "| ---- | ----- |", "| `A` | a |", "", "```", "| a | b | c | d |", "| - | - | - | - |", "| x | y | z | w |", "```"];
    const text = lines.join("\n");
    expect(cutUnread(maskFreeText(text).text, new Map()).text).toBe([...lines.slice(0, 9), "", "", "", "```"].join("\n"));
    compare(text);
  });

  it("rows the tree does not confirm (a table inside an HTML block) fall back to the full text", () => {
    const text = ["# T", "", "<div>", "| a | b | c | long text here |", "| - | - | - | - |", "| x | y | z | more long text |", "</div>", "", "## Fields", "", "| Field | Type | Required | Description |", "| - | - | - | - |", "| `a` | *string* | :heavy_check_mark: | Described. |"].join("\n");
    const cut = cutUnread(maskFreeText(text).text, new Map());
    expect(cut.rows.has(6)).toBe(true);
    expect(parseForReading(text)).toEqual(parseMarkdown(text));
    expect((parseDoc(text, FILE).model as ObjectModel).fields[0]!.description).toBe("Described.");
  });

  it("a doc whose lines end in lone CRs keeps its diagnostics on markdown's lines (not the `\\n`-split ones)", () => {
    // Lone CRs end markdown lines; the one LF before long prose makes that prose cut for remark, so positions are mapped.
    const lines = ["# T", "", "## Fields", "", "| Field | Type | Required | Description |", "| - | - | - | - |", "| `a` | *string* \\| *nope!* | :heavy_check_mark: | Described. |"];
    const text = `${lines.join("\r")}\r\n${"Some closing prose, long enough to be masked and cut for remark. ".repeat(30)}`;
    const result = parseDoc(text, FILE);
    expect(result.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ["type-syntax", 7],
      ["fields-row-cells", 8],
    ]);
    expect(result.diagnostics[0]!.column).toBeLessThanOrEqual(lines[6]!.length);
  });

  it("long masked prose is cut to one `·` per line; the description is still the real text", () => {
    const sentence = "Some *long* prose with `code`, &amp; entities and \\* escapes. ";
    const prose = Array.from({ length: 40 }, () => sentence.repeat(2)).join("\n");
    const text = ["# Thing", "", prose, "", "> :warning: **DEPRECATED**: Gone.", "", "## Fields", "", "| Field | Type | Required | Description |", "| - | - | - | - |", "| `a` | *string* | :heavy_check_mark: | N/A |"].join("\n");
    compare(text);
    const model = parseDoc(text, FILE).model as ObjectModel;
    expect(model.description).toBe(prose.replace(/\\\*/g, "*").replace(/&amp;/g, "&").split("\n").map((l) => l.trimEnd()).join("\n"));
    expect(model.deprecated).toEqual({ message: "Gone." });
  });
});
