/**
 * Plain fields-table rows are built without remark (plain-rows.ts). Each
 * check here compares the tree parseForReading gives with remark's tree of
 * the full text (support/same-tree.ts: the Type cell's nodes in full, the
 * other cells' places): on chosen cells at the grammar's edges, on random
 * cells assembled from markdown's special characters, and on every row of a
 * sample of each shared corpus.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ObjectModel } from "../../generator/ir/types.ts";
import { listSpecFiles } from "../../generator/cli/read-spec.ts";
import { compactTables } from "../../generator/parse/compact-tables.ts";
import { parseDoc } from "../../generator/parse/doc.ts";
import { cutUnread, parseForReading } from "../../generator/parse/elide-unread.ts";
import { parseMarkdown } from "../../generator/parse/markdown.ts";
import { maskFreeText } from "../../generator/parse/mask-free-text.ts";
import { expectSameTree } from "../support/same-tree.ts";
import { CORPORA, HAS_SHARED, SKIP_NOTE } from "../support/shared.ts";

const HEADER4 = "| Field | Type | Required | Description |";
const HEADER5 = "| Field | Type | Required | Description | Example |";

function doc(rows: string[], header = HEADER4, end = "\n"): string {
  return ["# Thing", "", "## Fields", "", header, header.replace(/[^|]+/g, " --- "), ...rows].join("\n") + end;
}

/** How many rows remark was not shown; the tree must be remark's either way. */
function check(text: string): number {
  const masked = maskFreeText(text).text;
  expectSameTree(parseForReading(text), parseMarkdown(masked));
  return cutUnread(masked, maskFreeText(text).prose).plainRows.size;
}

const PLAIN = [
  "*string*",
  "*string*[]",
  "*snake_case.name2*[][]",
  '*"a b"*',
  '*"x.y_z-w"*[]',
  "*42*",
  "[models.Foo](../models/foo.md)",
  "[models.Foo](../models/foo.md)[]",
  "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)",
  "Record<string, *any*>",
  "Record<string,*any*[]>[]",
  "Record<string, Record<string, [models.A](a.md)[]>>",
  "*string* \\| *number*",
  '*a*\\|*"b"*\\|[models.C](c.md)[]',
];

const NOT_PLAIN = [
  "*www.example.com*",
  "[www.example.com](x.md)",
  "*a_*",
  "*_a*",
  "*ReadableStream<Uint8Array>*",
  "*a**b*",
  "*a* *b*",
  "`code`",
  "*x* \\| ~~y~~",
  "*&amp;*",
  "[a](b c)",
  '*"*"*',
  "**bold**",
  "[models.Foo](<x.md>)",
  "Record<string, *a*",
  '*"a" *',
  "*a*\\",
  "[a](x.md)(y)",
  "![a](x.png)",
  "*a* []",
  "*-1*",
];

describe("plain rows are remark's rows", () => {
  it("plain Type cells are built without remark, others go to remark; both give remark's tree", () => {
    for (const [cells, plain] of [
      [PLAIN, 1],
      [NOT_PLAIN, 0],
    ] as const) {
      for (const cell of cells) {
        const row4 = `| \`name\` | ${cell} | :heavy_check_mark: | Some *text* \\| more. |`;
        const row5 = `| \`name\` | ${cell} | :heavy_minus_sign: | Some text. | an *example* |`;
        expect([cell, check(doc([row4]))]).toEqual([cell, plain]);
        expect([cell, check(doc([row5], HEADER5))]).toEqual([cell, plain]);
      }
    }
  });

  it("what a plain row reads: name, type, required, description, example and their places", () => {
    const text = doc(["| `a` | *string* \\| [models.B](b.md)[] | :heavy_check_mark: | First \\| one. | `x` |", "| `b` | Record<string, *number*> | :heavy_minus_sign: |  | 7 |"], HEADER5);
    expect(check(text)).toBe(2);
    const result = parseDoc(text, "thing.md");
    const model = result.model as ObjectModel;
    expect(model.fields.map((f) => [f.name, f.required, f.description, f.example?.text, f.position.line, f.example?.position.column])).toEqual([
      ["a", true, "First | one.", "`x`", 7, text.split("\n")[6]!.lastIndexOf("`x`") + 1],
      ["b", false, undefined, "7", 8, text.split("\n")[7]!.lastIndexOf("7") + 1],
    ]);
    expect(model.fields[0]!.type).toEqual({ kind: "union", members: [{ kind: "primitive", name: "string" }, { kind: "array", element: { kind: "ref", name: "B", namespace: "models", link: "b.md", position: { file: "thing.md", line: 7, column: text.split("\n")[6]!.indexOf("[models.B]") + 1 } } }] });
  });

  it("rows that GFM could read another way, and docs whose lines are not markdown's, go to remark", () => {
    const plain = "| `a` | *string* | :heavy_check_mark: | Text. |";
    const cases: Array<[string, string, number]> = [
      ["a plain row", doc([plain]), 1],
      ["the last line, no newline after it", doc([plain, plain.replace("`a`", "`b`")], HEADER4, ""), 2],
      ["blanks after the last pipe", doc([`${plain}  `]), 0],
      ["no closing pipe", doc([plain.slice(0, -1)]), 0],
      ["a tab in a cell", doc([plain.replace("Text.", "Te\txt.")]), 0],
      ["too few cells", doc(["| `a` | *string* | :heavy_check_mark: |"]), 0],
      ["too many cells", doc([`${plain} x |`]), 0],
      ["a deprecated name", doc([plain.replace("`a`", "~~`a`~~")]), 0],
      ["an escaped marker", doc([plain.replace(":heavy_check_mark:", ":heavy\\_check\\_mark:")]), 0],
      ["CRLF line endings", doc([plain, plain.replace("`a`", "`b`")]).replaceAll("\n", "\r\n"), 0],
      ["a lone CR elsewhere", doc([plain]).replace("# Thing\n", "# Thing\rSubtitle\n"), 0],
      ["a Values table", doc([plain], "| Name | Type | Required | Description |"), 0],
    ];
    for (const [name, text, plainRows] of cases) expect([name, check(text)]).toEqual([name, plainRows]);
  });

  it("rows of a table the tree does not have (inside an HTML block) fall back to remark's whole tree", () => {
    const text = ["# T", "", "## Fields", "", "<div>", HEADER4, "| - | - | - | - |", "| `a` | *string* | :heavy_check_mark: | Text. |", "</div>"].join("\n");
    expect(cutUnread(maskFreeText(text).text, new Map()).plainRows.size).toBe(1);
    expect(parseForReading(text)).toEqual(parseMarkdown(text));
  });
});

/** Pieces of Type cells: the plain grammar's, and markdown's special characters around it. */
const piece = fc.constantFrom(
  "*", "**", "_", '"', "a", "Bc", "x_y", "1", ".", "www.", "-", " ", "  ", "[", "]", "(", ")", "[]", "\\|", "|", "\\", "<", ">",
  "Record<string,", "Record<string, ", "a.md", "../m/b.md", "https://x.y/z_w", "~", "~~", "&amp;", "&", "`", "!", ":", "@", "\t",
  "*string*", "*number*[]", '*"lit"*', "[models.A](a.md)", "[Date](https://d.e/f)",
);
/** A cell of the plain grammar (plain-rows.ts), with random spacing; now and then a word or url holds a character the grammar refuses. */
const cleanWord = fc.stringMatching(/^[A-Za-z0-9]{1,4}(?:[._][A-Za-z0-9]{1,3}){0,2}$/);
const special = fc.constantFrom("<", ">", "&amp;", "&#42;", "_", "*", "\\", "\\*", "`", "~", "www.", " ", "\t", ":", "@", "!", "[", "]", "(", ")", '"', "%20", "http://");
const nearWord = fc.tuple(cleanWord, special, cleanWord).map(([a, b, c]) => a + b + c);
const word = fc.oneof({ arbitrary: cleanWord, weight: 4 }, { arbitrary: nearWord, weight: 1 });
const url = fc.oneof(fc.constantFrom("a.md", "../m/b_c.md", "https://x.y/z-w#q?r=s"), nearWord.map((w) => `x/${w}.md`));
const spaces = fc.constantFrom("", " ", "  ");
const plainCell: fc.Arbitrary<string> = fc.letrec<{ cell: string; alt: string; base: string }>((tie) => ({
  cell: fc.array(tie("alt"), { minLength: 1, maxLength: 3 }).chain((alts) => fc.tuple(spaces, spaces).map(([a, b]) => alts.join(`${a}\\|${b}`))),
  alt: fc.tuple(tie("base"), fc.nat(2)).map(([base, arrays]) => base + "[]".repeat(arrays)),
  base: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    word.map((w) => `*${w}*`),
    word.map((w) => `*"${w.replace(/_/g, " ")}"*`),
    fc.tuple(word, url).map(([w, u]) => `[${w}](${u})`),
    fc.tuple(spaces, tie("cell"), spaces).map(([a, cell, b]) => `Record<string,${a}${cell}${b}>`),
  ),
})).cell;
/** One piece put into a plain cell: the edges of the grammar. */
const damaged = fc.tuple(plainCell, piece, fc.nat()).map(([cell, p, at]) => cell.slice(0, at % (cell.length + 1)) + p + cell.slice(at % (cell.length + 1)));
const cellArb = fc.oneof(plainCell, damaged, fc.array(piece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join("")));

describe("plain rows, property", () => {
  it("random cells around the plain grammar give remark's tree", () => {
    let plainRows = 0;
    fc.assert(
      fc.property(fc.array(cellArb, { minLength: 1, maxLength: 4 }), fc.boolean(), (cells, newlineAtEnd) => {
        const rows = cells.map((cell, i) => `| \`f${i}\` | ${cell} | :heavy_minus_sign: | d${i} |`);
        plainRows += check(doc(rows, HEADER4, newlineAtEnd ? "\n" : ""));
      }),
      { numRuns: 1500 },
    );
    // Not vacuous: many rows were built without remark.
    expect(plainRows).toBeGreaterThan(300);
  });
});

describe.skipIf(!HAS_SHARED)(`plain rows on the shared corpora${SKIP_NOTE}`, () => {
  for (const corpus of CORPORA) {
    it(`${corpus.name}: every row of a sample of ~150 docs is remark's${SKIP_NOTE}`, () => {
      const files = HAS_SHARED ? listSpecFiles(corpus.specRoot) : [];
      const step = Math.max(1, Math.floor(files.length / 150));
      let plainRows = 0;
      for (let i = 0; i < files.length; i += step) {
        const text = compactTables(readFileSync(files[i]!, "utf8")).text;
        plainRows += check(text);
      }
      expect(plainRows).toBeGreaterThan(100);
    });
  }
});
