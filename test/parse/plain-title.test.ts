/**
 * What remark is no longer shown, beyond cells and rows: a doc's plain
 * title line (plain-title.ts) and the content lines of emptied code blocks
 * (elide-unread.ts); and texts it was shown before come from a memo
 * (tree-memo.ts). Each check compares the tree parseForReading gives with
 * remark's tree of the full text (support/same-tree.ts: headings in full,
 * everything else at its place).
 */
import fc from "fast-check";
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import type { ObjectModel } from "../../generator/ir/types.ts";
import { parseDoc } from "../../generator/parse/doc.ts";
import { cutUnread, parseForReading } from "../../generator/parse/elide-unread.ts";
import { parseMarkdown } from "../../generator/parse/markdown.ts";
import { maskFreeText } from "../../generator/parse/mask-free-text.ts";
import { plainTitle } from "../../generator/parse/plain-title.ts";
import { parseMarkdownMemo } from "../../generator/parse/tree-memo.ts";
import { expectSameTree } from "../support/same-tree.ts";

/** The lines left out for remark; the tree must be remark's either way. */
function check(text: string): ReadonlyMap<number, number> {
  const masked = maskFreeText(text);
  expectSameTree(parseForReading(text), parseMarkdown(masked.text));
  return cutUnread(masked.text, masked.prose).leftOut;
}

const BODY = ["", "## Example Usage", "", "```typescript", 'import { Thing } from "x";', "", "let value: Thing = { a: \"x\" };", "```", "", "## Fields", "", "| Field | Type | Required | Description |", "| --- | --- | --- | --- |", "| `a` | *string* | :heavy_check_mark: | An a. |"];

describe("plain titles", () => {
  it("`# Word` on the first line is built as remark builds it, and the line is not shown to remark", () => {
    for (const title of ["# AccessToken", "# A", "# V2Beta3", "# 404"]) {
      const text = [title, ...BODY].join("\n");
      expect(plainTitle(title)).toEqual(parseMarkdown(title).children[0]);
      expect(check(text).has(1)).toBe(true);
      expect(parseDoc(text, "thing.md").model?.name).toBe(title.slice(2));
    }
  });

  it("titles markdown could read otherwise, or not as a title, go to remark", () => {
    const others = ["# Two Words", "#Title", "## Title", " # Title", "# Title ", "# Title #", "# _Title_", "# Ti_tle", "# www.x.io", "# A&amp;B", "# `T`", "# T\\*", "# Tïtle", "#  Title"];
    for (const title of others) {
      expect(plainTitle(title)).toBeUndefined();
      expect(check([title, ...BODY].join("\n")).has(1)).toBe(false);
    }
  });

  it("what follows the title reads as it does after a heading: setext underlines, tables, quotes, HTML, definitions", () => {
    const seconds = ["===", "---", "| a | b |\n| - | - |\n| x | y |", "> quote", "<div>\nhtml\n</div>", "[ref]: https://x.io\n\n[ref]", "    indented", "- item\n# Title", "```\ncode", "\n\n"];
    for (const second of seconds) {
      const text = `# Title\n${second}`;
      check(text);
      check(`${text}\n`);
    }
  });

  it("a title with nothing after it, or only blank lines, stays shown (remark's tree of a blank text differs)", () => {
    for (const text of ["# Title", "# Title\n", "# Title\n\n  \n"]) expect(check(text).has(1)).toBe(false);
  });

  it("CRLF docs leave the title out too; docs with lone CRs leave nothing out", () => {
    const crlf = ["# Title", ...BODY].join("\r\n");
    expect(check(crlf).has(1)).toBe(true);
    expect((parseDoc(crlf, "thing.md").model as ObjectModel).fields.map((f) => [f.name, f.position.line])).toEqual([["a", 15]]);
    expect(check(["# Title", ...BODY].join("\r")).size).toBe(0);
  });
});

describe("emptied code blocks", () => {
  it("their content lines are not shown to remark; the code is read from the source at its place", () => {
    const text = ["# Title", ...BODY].join("\n");
    const leftOut = check(text);
    for (const line of [6, 7, 8]) expect(leftOut.get(line)).toBe(text.split("\n")[line - 1]!.length + 1);
    const model = parseDoc(text, "thing.md").model!;
    expect(model.example?.text).toBe('{ a: "x" }');
    expect(model.example?.position).toMatchObject({ line: 5, column: 1 });
  });
});

/** Lines a doc may start with, around what leaving lines out must not change. */
const line = fc.constantFrom("# Title", "# T2", "# Two Words", "", "  ", "## Fields", "===", "---", "```", "```typescript", "~~~", "    code", "> quote", "- item", "1. item", "<div>", "</div>", "<!--", "-->", "[r]: https://x.io", "[r]", "text *a", "b* text", "| a | b |", "| - | - |", "| `f` | *string* | :heavy_check_mark: | d |", "| Field | Type | Required | Description |", "| --- | --- | --- | --- |", "let x = 1;", "\t", "# Title\r");

describe("left-out lines, property", () => {
  it("random docs of block-level lines give remark's tree", () => {
    let titles = 0;
    fc.assert(
      fc.property(fc.boolean(), fc.array(line, { minLength: 1, maxLength: 14 }), fc.boolean(), (titled, lines, newlineAtEnd) => {
        const text = (titled ? ["# Title", ...lines] : lines).join("\n") + (newlineAtEnd ? "\n" : "");
        if (check(text).has(1) && /^# \w+\n/.test(text)) titles++;
      }),
      { numRuns: 2000 },
    );
    // Not vacuous: many titles were left out.
    expect(titles).toBeGreaterThan(500);
  });
});

describe("tree memo", () => {
  it("a repeated text gives remark's tree each time, a copy no caller can change for the next", () => {
    const text = "\n## Fields\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |";
    const first = parseMarkdownMemo(text);
    expect(first).toEqual(parseMarkdown(text));
    first.children.pop();
    (first.children[0] as { depth: number }).depth = 6;
    first.position!.start.line = 99;
    const second: Root = parseMarkdownMemo(text);
    expect(second).toEqual(parseMarkdown(text));
    expect(second).not.toBe(first);
  });

  it("keeps a bounded number of texts: past the bound, older texts are parsed again, still remark's tree", () => {
    const texts = Array.from({ length: 600 }, (_, i) => `## Section ${i}\n\ntext`);
    for (const text of texts) parseMarkdownMemo(text);
    for (const text of [texts[0]!, texts[599]!]) expect(parseMarkdownMemo(text)).toEqual(parseMarkdown(text));
    // Long texts are parsed, never kept.
    const long = `# T\n\n${"word ".repeat(2000)}`;
    expect(parseMarkdownMemo(long)).toEqual(parseMarkdown(long));
  });
});
