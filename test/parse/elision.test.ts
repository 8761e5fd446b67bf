/**
 * The whole of what spares remark work (mask-free-text.ts masks prose,
 * elide-unread.ts cuts cells and leaves out rows, titles and code lines,
 * tree-memo.ts reuses trees) against the oracle: the same doc read from
 * remark's full parse of its text. Results must be identical, diagnostics
 * included: on chosen docs at the edges found by differential fuzzing, on
 * damaged docs of spec/, and on shared corpus docs.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { listSpecFiles } from "../../generator/cli/read-spec.ts";
import { parseDoc } from "../../generator/parse/doc.ts";
import { parseMarkdown } from "../../generator/parse/markdown.ts";
import { CORPORA, HAS_SHARED, PROJECT_ROOT, SKIP_NOTE } from "../support/shared.ts";

function expectOracle(text: string, file = "thing.md"): void {
  expect(parseDoc(text, file)).toEqual(parseDoc(text, file, parseMarkdown));
}

const FIELDS = ["## Fields", "", "| Field | Type | Required | Description |", "| --- | --- | --- | --- |", "| `a` | *string* | :heavy_check_mark: | An a. |"];

describe("prose is masked only where it is paragraph text", () => {
  it("a multi-line setext heading keeps its text (read from the tree)", () => {
    expectOracle(["# Thing", "Some words", "and more words", "---", "", ...FIELDS].join("\n"));
  });

  it("an empty list item stays a list item", () => {
    for (const marker of ["*", "-", "+", "1.", "2)"]) expectOracle(["# Thing", marker, "A thing.", "", ...FIELDS].join("\n"));
  });

  it("nested quotes and lists stay blocks", () => {
    expectOracle(["# Thing", "- - nested", "> > quoted", "> - listed", "1. 2. ordered", "", ...FIELDS].join("\n"));
  });

  it("table rows that do not start with a pipe stay rows", () => {
    expectOracle(["# Thing", "", ...FIELDS, "\\\\|| `b` | *string* | :heavy_minus_sign: | A b. |", "`c` | *string* | :heavy_minus_sign: | A c. |"].join("\n"));
  });

  it("a fence in a quote or list item keeps its content (remark's value is read)", () => {
    expectOracle(["# Thing", "", "> ```", "> quoted", "> ```", "", "- ```", "  listed", "  ```", "", ...FIELDS].join("\n"));
  });

  it("quote markers spaced apart still nest: the next line is no lazy continuation", () => {
    expectOracle(["# Thing", "", "## Fields", `${">  ".repeat(40)}`, ...FIELDS.slice(2)].join("\n"));
    expectOracle(["# Thing", "", "> text", ">   > quoted", "  - item", "", ...FIELDS].join("\n"));
  });

  it("a leading BOM (or two) is no text", () => {
    for (const bom of ["\uFEFF", "\uFEFF\uFEFF"]) {
      const text = `${bom}# Thing\n\nA thing.\n\n${FIELDS.join("\n")}`;
      expectOracle(text);
      expect(parseDoc(text, "thing.md").model).toMatchObject({ name: "Thing", description: "A thing.", position: { line: 1, column: 1 } });
    }
  });

  it("characters JavaScript trims but markdown does not (U+FEFF, no-break spaces) are text, not blank lines", () => {
    // U+FEFF opening the line after the title: remark would take it for a BOM if the title were left out.
    expectOracle(["# Thing", "\uFEFF \uFEFF", "", "## Example Usage", "", "```typescript", "let value: Thing = {};", "```", "", ...FIELDS].join("\n"));
    // A line of no-break spaces inside a setext heading's text, and inside a table.
    expectOracle(["# Thing", "", "Some words", "\u00a0\u00a0", "more words", "---", "", ...FIELDS, "\u00a0", "`b` | *string* | :heavy_minus_sign: | A b. |"].join("\n"));
  });

  it("docs with lone CRs keep their prose (lines end where markdown ends them)", () => {
    expectOracle(`\r\r# Thing\n\nSome prose.\r## Fields\n\n${FIELDS.slice(2).join("\n")}`);
  });
});

const SPEC_DOCS = listSpecFiles(`${PROJECT_ROOT}/spec`).map((file) => ({ file: file.slice(PROJECT_ROOT.length + 6), text: readFileSync(file, "utf8") }));
const SNIPPETS = ["|", "\\|", "\\\\|", "\\", "`", "```", "~~~", "> ", "- ", "* ", "*", "1. ", "    ", "\t", "&amp;", "<br/>", "<div>", "<!--", "-->", "**", "_", "[", "](x.md)", "[r]: https://x.io", "===", "---", "#", "# ", "## ", "\n", "\n\n", "\r", "\r\n", " ", "\u00a0", "\uFEFF", "\u2028", "www.x.io", "Record<string, "];

describe("damaged docs, property", () => {
  it("spec/ docs with random edits read as from remark's full parse", () => {
    const edit = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...SNIPPETS), fc.nat(3));
    fc.assert(
      fc.property(fc.constantFrom(...SPEC_DOCS), fc.array(edit, { minLength: 1, maxLength: 4 }), (doc, edits) => {
        const lines = doc.text.split("\n");
        for (const [lineAt, columnAt, snippet, kind] of edits) {
          const i = lineAt % lines.length;
          const line = lines[i]!;
          const at = columnAt % (line.length + 1);
          if (kind === 0) lines.splice(i, 1);
          else if (kind === 1) lines.splice(i, 0, line);
          else lines[i] = line.slice(0, at) + snippet + line.slice(at);
        }
        expectOracle(lines.join("\n"), doc.file);
      }),
      { numRuns: 1500 },
    );
  });
});

describe.skipIf(!HAS_SHARED)(`shared corpora${SKIP_NOTE}`, () => {
  for (const corpus of CORPORA) {
    it(`${corpus.name}: every third doc reads as from remark's full parse${SKIP_NOTE}`, () => {
      const files = HAS_SHARED ? listSpecFiles(corpus.specRoot) : [];
      for (let i = 0; i < files.length; i += 3) expectOracle(readFileSync(files[i]!, "utf8"), files[i]!.slice(corpus.specRoot.length + 1));
    });
  }
});
