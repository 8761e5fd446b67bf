/**
 * The line facts shared by the passes that run before remark
 * (block-lines.ts): fenced lines and row cells, as GFM sees them.
 */
import { describe, expect, it } from "vitest";
import { fencedLines, splitAtPipes } from "../../generator/parse/block-lines.ts";
import { compactTables } from "../../generator/parse/compact-tables.ts";
import type { ObjectModel } from "../../generator/ir/types.ts";
import { parseDoc } from "../../generator/parse/doc.ts";

describe("fencedLines", () => {
  it("a fence closes only with the same character, at least as long, alone on its line", () => {
    const lines = ["a", "~~~~", "```", "~~~ not a close", "~~~", "~~~~", "b", "   ```ts", "x", "    ```", "```", "c"];
    expect(fencedLines(lines)).toEqual([false, true, true, true, true, true, false, true, true, true, true, false]);
  });

  it("a backtick fence whose info string has a backtick opens nothing (it is inline code); CRLF lines close", () => {
    expect(fencedLines(["```js`x", "| a |", "```"])).toEqual([false, false, true]);
    expect(fencedLines(["~~~ `x`", "| a |", "~~~\r", "b"])).toEqual([true, true, true, false]);
  });
});

describe("splitAtPipes", () => {
  it("splits at unescaped pipes: `\\|` and `\\\\` are escapes, so `\\\\|` ends a cell", () => {
    expect(splitAtPipes("| a | b \\| c | d \\\\| e |")).toEqual(["", " a ", " b \\| c ", " d \\\\", " e ", ""]);
    expect(splitAtPipes("no pipes")).toEqual(["no pipes"]);
  });
});

describe("compactTables and fences", () => {
  it("padding in a table inside a `~~~` fence that holds a ``` line is kept: the code is the doc's text", () => {
    const code = ["~~~", "```", "| a     | b     |", "~~~"].join("\n");
    expect(compactTables(code).text).toBe(code);
    const doc = ["# Thing", "", "## Example Usage", "", code, "", "## Fields", "", "| Field | Type | Required | Description |", "| --- | --- | --- | --- |", "| `a` | *string* | :heavy_check_mark: | N/A |"].join("\n");
    const { model } = parseDoc(doc, "thing.md");
    expect(model?.kind).toBe("object");
  });
});

describe("compactTables and indentation", () => {
  it("a pipe line indented 4 spaces or more is code, not a row: its indentation stays, and so does the table's end", () => {
    // Differential fuzzing found it: removing the padding made such a line a row of the table above.
    const doc = ["# Thing", "", "## Fields", "", "| Field | Type | Required | Description |", "| --- | --- | --- | --- |", "| `a`    | *string* | :heavy_check_mark: | N/A |", "      | `b` | *string* | :heavy_check_mark: | N/A |"].join("\n");
    expect(compactTables(doc).text.split("\n")[7]).toBe("      | `b` | *string* | :heavy_check_mark: | N/A |");
    expect(compactTables(doc).text.split("\n")[6]).toBe("| `a` | *string* | :heavy_check_mark: | N/A |");
    const model = parseDoc(doc, "thing.md").model as ObjectModel;
    expect(model.fields.map((f) => f.name)).toEqual(["a"]);
  });
});
