/**
 * Fenced code blocks read from the source (code-blocks.ts): remark is shown
 * them empty (elide-unread.ts), and `codeValue` must give exactly what
 * remark's value of the full text is, or fall back to it.
 */
import type { Code } from "mdast";
import { describe, expect, it } from "vitest";
import { fencedLines, isClosingFence, openingFence } from "../../generator/parse/block-lines.ts";
import { codeValue, plainFencedBlocks } from "../../generator/parse/code-blocks.ts";
import { parseForReading } from "../../generator/parse/elide-unread.ts";
import { parseMarkdown } from "../../generator/parse/markdown.ts";
import { parseDoc } from "../../generator/parse/doc.ts";
import type { EnumModel } from "../../generator/ir/types.ts";

const codes = (tree: ReturnType<typeof parseMarkdown>) => tree.children.filter((n): n is Code => n.type === "code");

/** Every code block of `text`: codeValue on the cut tree equals remark's value on the full text. */
function expectSameValues(text: string): string[] {
  const full = codes(parseMarkdown(text)).map((c) => c.value);
  const read = codes(parseForReading(text)).map((c) => codeValue(c, text));
  expect(read).toEqual(full);
  return read;
}

describe("fences", () => {
  it("opening and closing fences as CommonMark has them", () => {
    expect(openingFence("```ts")).toEqual({ indent: 0, fence: "```" });
    expect(openingFence("   ~~~~ any `info`")).toEqual({ indent: 3, fence: "~~~~" });
    expect(openingFence("```js`x")).toBeUndefined();
    expect(openingFence("    ```")).toBeUndefined();
    expect(openingFence("``")).toBeUndefined();
    expect(isClosingFence("```", "```")).toBe(true);
    expect(isClosingFence("   `````  \t", "````")).toBe(true);
    expect(isClosingFence("```", "````")).toBe(false);
    expect(isClosingFence("~~~", "```")).toBe(false);
    expect(isClosingFence("``` x", "```")).toBe(false);
    expect(isClosingFence("    ```", "```")).toBe(false);
  });

  it("only closed blocks opened at column 1, with content and no NUL, and only where the other passes agree", () => {
    const lines = ["```", "a", "```", "  ```", "b", "```", "~~~", "~~~", "````", "c", "```", "````", "```", "\0", "```", "```", "unclosed"];
    const blocks = plainFencedBlocks(lines);
    expect(blocks).toEqual([
      { open: 0, close: 2 },
      { open: 8, close: 11 },
    ]);
    // The other passes (fencedLines) see every line of these blocks as fenced: the same rules.
    const fenced = fencedLines(lines);
    for (const { open, close } of blocks) for (let i = open; i <= close; i++) expect(fenced[i], `line ${i}`).toBe(true);
    // A lone CR is a line ending to markdown: such a doc's lines are not these lines.
    expect(plainFencedBlocks(["```", "a\r```", "b", "```"])).toEqual([]);
    expect(plainFencedBlocks(["```\r", "a\r", "```\r"])).toEqual([{ open: 0, close: 2 }]);
  });
});

describe("codeValue", () => {
  it("gives remark's value of the full text: blank and indented lines, tabs, CRLF, empty blocks, long fences", () => {
    expect(expectSameValues(["# T", "", "```ts", "  indented", "", "\ttab", "```", "", "~~~~", "```", "~~~~", "", "```", "```"].join("\n"))).toEqual(["  indented\n\n\ttab", "```", ""]);
    expect(expectSameValues(["# T", "", "```", "a", "b", "```", ""].join("\r\n"))).toEqual(["a\r\nb"]);
  });

  it("falls back to remark's value for blocks it cannot read from the source", () => {
    const text = ["# T", "", "  ```", "  two", "   three", "  ```", "", "> ```", "> quoted", "> ```", "", "- ```", "  listed", "  ```", "", "```", "nul\0", "```", "", "```", "unclosed"].join("\n");
    expect(expectSameValues(text)).toEqual(["two\n three", "nul\uFFFD", "unclosed"]);
  });

  it("union-block values keep their positions", () => {
    const text = ["# Kind", "", "## Values", "", "```typescript", '"a" |', '  "b" | nope', "```"].join("\n");
    const result = parseDoc(text, "kind.md");
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([["enum-values-syntax", 7, 9]]);
    const ok = parseDoc(text.replace(" | nope", ""), "kind.md").model as EnumModel;
    expect(ok.members.map((m) => [m.value, m.position.line, m.position.column])).toEqual([
      ["a", 6, 1],
      ["b", 7, 3],
    ]);
  });
});
