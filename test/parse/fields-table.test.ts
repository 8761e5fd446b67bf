/**
 * `## Fields` (docs-grammar.md §3): the table, its cells, and every Type
 * cell form the grammar lists.
 */
import { describe, expect, it } from "vitest";
import { parseDoc } from "../../generator/parse/doc.ts";
import type { Field, ObjectModel, TypeExpr } from "../../generator/ir/types.ts";

const HEADER4 = ["| Field | Type | Required | Description |", "| ----- | ---- | -------- | ----------- |"];
const HEADER5 = ["| Field | Type | Required | Description | Example |", "| ----- | ---- | -------- | ----------- | ------- |"];
const MDN_DATE = "https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date";

function fieldsDoc(rows: string[], header = HEADER4): string {
  return ["# Thing", "", "## Fields", "", ...header, ...rows].join("\n");
}

function parseFields(rows: string[], header = HEADER4, file = "components/thing.md"): Field[] {
  const result = parseDoc(fieldsDoc(rows, header), file);
  expect(result.diagnostics).toEqual([]);
  return (result.model as ObjectModel).fields;
}

/** The type of a single required field whose Type cell is `cell`, without positions. */
function typeOf(cell: string): TypeExpr {
  const [field] = parseFields([`| \`f\` | ${cell} | :heavy_check_mark: | N/A |`]);
  return stripPositions(field!.type);
}

function stripPositions<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === "position" ? undefined : v))) as T;
}

describe("the table", () => {
  it("a table without rows is an empty object", () => {
    expect(parseFields([])).toEqual([]);
  });

  it("4 columns: name, type, required, description", () => {
    const fields = parseFields(["| `id` | *string* | :heavy_check_mark: | The id. |", "| `note` | *string* | :heavy_minus_sign: | N/A |"]);
    expect(stripPositions(fields)).toEqual([
      { name: "id", type: { kind: "primitive", name: "string" }, required: true, description: "The id." },
      { name: "note", type: { kind: "primitive", name: "string" }, required: false },
    ]);
  });

  it("5 columns: the Example cell, unquoted and cleaned; empty means none", () => {
    const fields = parseFields(
      [
        "| `a` | *string* | :heavy_check_mark: | N/A | cus_8f2k1 |",
        "| `b` | *number* | :heavy_minus_sign: | N/A | 42 |",
        "| `c` | *string* | :heavy_minus_sign: | N/A | <nil> |",
        '| `d` | Record<string, *any*> | :heavy_minus_sign: | N/A | {<br/>"k": "v \\| w"<br/>} |',
        "| `e` | *string* | :heavy_minus_sign: | N/A | |",
        "| `f` | [Date](" + MDN_DATE + ") | :heavy_minus_sign: | N/A | 2025-01-02T03:04:05Z |",
      ],
      HEADER5,
    );
    expect(fields.map((f) => f.example?.text)).toEqual(["cus_8f2k1", "42", "<nil>", '{\n"k": "v | w"\n}', undefined, "2025-01-02T03:04:05Z"]);
  });

  it("space-padded tables (the real layout) read the same as compact ones", () => {
    const padded = parseFields(
      ["| `id`                | *string*            | :heavy_check_mark:  | The id.             |"],
      ["| Field               | Type                | Required            | Description         |", "| ------------------- | ------------------- | ------------------- | ------------------- |"],
    );
    expect(stripPositions(padded)).toEqual(stripPositions(parseFields(["| `id` | *string* | :heavy_check_mark: | The id. |"])));
  });

  it("required markers are shortcode text", () => {
    const fields = parseFields(["| `a` | *string* | :heavy_check_mark: | N/A |", "| `b` | *string* | :heavy_minus_sign: | N/A |"]);
    expect(fields.map((f) => f.required)).toEqual([true, false]);
  });
});

describe("Field and Description cells", () => {
  it("`~~`name`~~` with the DEPRECATED description prefix", () => {
    const [field] = parseFields(["| ~~`legacyId`~~ | *string* | :heavy_minus_sign: | : warning: ** DEPRECATED **: This will be removed in a future release, please migrate away from it as soon as possible.<br/><br/>The old identifier. |"]);
    expect(field!.name).toBe("legacyId");
    expect(field!.deprecated).toEqual({ message: "This will be removed in a future release, please migrate away from it as soon as possible." });
    expect(field!.description).toBe("The old identifier.");
  });

  it("a deprecated field whose original description was N/A has none", () => {
    const [field] = parseFields(["| ~~`x`~~ | *string* | :heavy_minus_sign: | : warning: ** DEPRECATED **: gone.<br/><br/>N/A |"]);
    expect(field!.deprecated).toEqual({ message: "gone." });
    expect(field!.description).toBeUndefined();
  });

  it("`~~`name`~~` alone is deprecated without a message", () => {
    const [field] = parseFields(["| ~~`x`~~ | *string* | :heavy_minus_sign: | Still here. |"]);
    expect(field!.deprecated).toEqual({});
    expect(field!.description).toBe("Still here.");
  });

  it("the prefix alone (name not struck through) also deprecates", () => {
    const [field] = parseFields(["| `x` | *string* | :heavy_minus_sign: | : warning: ** DEPRECATED **: use y. |"]);
    expect(field!.deprecated).toEqual({ message: "use y." });
    expect(field!.description).toBeUndefined();
  });

  it("<br/> forms, entities, backslash escapes and escaped pipes", () => {
    const [field] = parseFields([
      "| `a` | *string* | :heavy_check_mark: | One<br/>two<br />three<BR>four &amp; &lt;b&gt; &#123;x&#125; &#x7D; &bogus; net\\_30 \\| net\\_60 \\*not em\\* |",
    ]);
    expect(field!.description).toBe("One\ntwo\nthree\nfour & <b> {x} } &bogus; net_30 | net_60 *not em*");
  });

  it("keeps inline markdown and raw HTML links as written", () => {
    const [field] = parseFields(['| `a` | *string* | :heavy_check_mark: | See [RFC 6749](https://www.rfc-editor.org/rfc/rfc6749) and <a href="https://x.test">x</a>, `code`. |']);
    expect(field!.description).toBe('See [RFC 6749](https://www.rfc-editor.org/rfc/rfc6749) and <a href="https://x.test">x</a>, `code`.');
  });

  it("a trailing <br/> leaves no trailing newline; N/A means none", () => {
    const fields = parseFields(["| `a` | *string* | :heavy_check_mark: | Names.<br/> |", "| `b` | *string* | :heavy_check_mark: | N/A |", "| `c` | *string* | :heavy_check_mark: |  |"]);
    expect(fields.map((f) => f.description)).toEqual(["Names.", undefined, undefined]);
  });

  it("field names are taken as written (they are TS property names)", () => {
    const fields = parseFields(["| `__proto__` | *string* | :heavy_check_mark: | N/A |", "| `a-b` | *string* | :heavy_check_mark: | N/A |", "| `1st` | *string* | :heavy_check_mark: | N/A |", "| `$ref` | *string* | :heavy_check_mark: | N/A |"]);
    expect(fields.map((f) => f.name)).toEqual(["__proto__", "a-b", "1st", "$ref"]);
  });
});

describe("Type cell forms (docs-grammar.md §3)", () => {
  it.each([
    ["*string*", { kind: "primitive", name: "string" }],
    ["*number*", { kind: "primitive", name: "number" }],
    ["*boolean*", { kind: "primitive", name: "boolean" }],
    ["*any*", { kind: "primitive", name: "any" }],
    ["*BigInt*", { kind: "bigint" }],
    ['*"benefit_grant.created"*', { kind: "literal", value: "benefit_grant.created" }],
    ['*"with \\"quote\\""*', { kind: "literal", value: 'with "quote"' }],
    ["*true*", { kind: "literal", value: true }],
    ["*false*", { kind: "literal", value: false }],
    [`[Date](${MDN_DATE})`, { kind: "date", dateOnly: false }],
    ["[Date](../../types/rfcdate.md)", { kind: "date", dateOnly: true }],
    ["[RFCDate](../../types/rfcdate.md)", { kind: "date", dateOnly: true }],
    ["[Response](https://developer.mozilla.org/en-US/docs/Web/API/Response)", { kind: "web", name: "Response" }],
    ["*Request*", { kind: "web", name: "Request" }],
    ["[File](https://developer.mozilla.org/en-US/docs/Web/API/File)", { kind: "web", name: "File" }],
    ["[Blob](https://developer.mozilla.org/en-US/docs/Web/API/Blob)", { kind: "web", name: "Blob" }],
    ["*ReadableStream<Uint8Array>*", { kind: "web", name: "ReadableStream" }],
  ] as Array<[string, TypeExpr]>)("%s", (cell, want) => {
    expect(typeOf(cell)).toEqual(want);
  });

  it("linked refs keep namespace, name and the relative link", () => {
    expect(typeOf("[components.Address](address.md)")).toEqual({ kind: "ref", namespace: "components", name: "Address", link: "address.md" });
    expect(typeOf("[models.Pair](../pair.md)")).toEqual({ kind: "ref", namespace: "models", name: "Pair", link: "../pair.md" });
    expect(typeOf("[ledger.V2Volume](../../../sdk/models/ledger/v2volume.md)")).toEqual({
      kind: "ref",
      namespace: "ledger",
      name: "V2Volume",
      link: "../../../sdk/models/ledger/v2volume.md",
    });
  });

  it("italic refs name union docs by namespace, without a link", () => {
    expect(typeOf("*components.Benefit*")).toEqual({ kind: "ref", namespace: "components", name: "Benefit" });
    expect(typeOf("*Benefit*")).toEqual({ kind: "ref", name: "Benefit" });
  });

  it("arrays and arrays of arrays", () => {
    expect(typeOf("*string*[]")).toEqual({ kind: "array", element: { kind: "primitive", name: "string" } });
    expect(typeOf("*string*[][]")).toEqual({ kind: "array", element: { kind: "array", element: { kind: "primitive", name: "string" } } });
    expect(typeOf("[models.Pair](pair.md)[]")).toEqual({ kind: "array", element: { kind: "ref", namespace: "models", name: "Pair", link: "pair.md" } });
    expect(typeOf("*components.U*[]")).toEqual({ kind: "array", element: { kind: "ref", namespace: "components", name: "U" } });
  });

  it("records, nested, with arrays and refs inside", () => {
    expect(typeOf("Record<string, *any*>")).toEqual({ kind: "record", value: { kind: "primitive", name: "any" } });
    expect(typeOf("Record<string, *string*[]>")).toEqual({ kind: "record", value: { kind: "array", element: { kind: "primitive", name: "string" } } });
    expect(typeOf("Record<string, Record<string, [wallets.Volume](../../../sdk/models/wallets/volume.md)>>")).toEqual({
      kind: "record",
      value: { kind: "record", value: { kind: "ref", namespace: "wallets", name: "Volume", link: "../../../sdk/models/wallets/volume.md" } },
    });
    expect(typeOf("Record<string, *components.U*>[]")).toEqual({ kind: "array", element: { kind: "record", value: { kind: "ref", namespace: "components", name: "U" } } });
  });

  it("escaped-pipe unions (uploads)", () => {
    expect(typeOf("[File](https://developer.mozilla.org/en-US/docs/Web/API/File) \\| [Blob](https://developer.mozilla.org/en-US/docs/Web/API/Blob) \\| [models.FileUpload](fileupload.md)")).toEqual({
      kind: "union",
      members: [
        { kind: "web", name: "File" },
        { kind: "web", name: "Blob" },
        { kind: "ref", namespace: "models", name: "FileUpload", link: "fileupload.md" },
      ],
    });
    expect(typeOf("*ReadableStream<Uint8Array>* \\| [Blob](https://developer.mozilla.org/en-US/docs/Web/API/Blob)")).toEqual({
      kind: "union",
      members: [
        { kind: "web", name: "ReadableStream" },
        { kind: "web", name: "Blob" },
      ],
    });
    expect(typeOf("*string* \\| *number*[]")).toEqual({ kind: "union", members: [{ kind: "primitive", name: "string" }, { kind: "array", element: { kind: "primitive", name: "number" } }] });
  });

  it("a union inside a record", () => {
    expect(typeOf("Record<string, *string* \\| *number*>")).toEqual({
      kind: "record",
      value: { kind: "union", members: [{ kind: "primitive", name: "string" }, { kind: "primitive", name: "number" }] },
    });
  });
});
