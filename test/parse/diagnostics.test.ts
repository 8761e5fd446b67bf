/**
 * Every parse diagnostic says where (exact line:column), what (ruleId) and
 * how bad (severity). A doc with an error yields no model.
 */
import { describe, expect, it } from "vitest";
import { parseDoc } from "../../generator/parse/doc.ts";
import { formatDiagnostic } from "../../generator/parse/messages.ts";

const FIELDS = ["| Field | Type | Required | Description |", "| ----- | ---- | -------- | ----------- |"];

/** `line:column severity ruleId` for every diagnostic, in order. */
function diagnose(...lines: string[]): string[] {
  const result = parseDoc(lines.join("\n"), "ns/doc.md");
  const summary = result.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`);
  if (result.diagnostics.some((d) => d.severity === "error")) expect(result.model, "no model when a doc has errors").toBeUndefined();
  else expect(result.model).toBeDefined();
  for (const d of result.diagnostics) expect(d.file).toBe("ns/doc.md");
  return summary;
}

describe("skeleton errors", () => {
  it("empty file", () => {
    expect(diagnose("")).toEqual(["1:1 error empty-file"]);
    expect(diagnose("   ", "", "\t")).toEqual(["1:1 error empty-file"]);
  });

  it("missing H1: at the first block", () => {
    expect(diagnose("", "", "Some text.", "", "## Fields", "", ...FIELDS)).toEqual(["3:1 error missing-title"]);
    expect(diagnose("## Fields", "", ...FIELDS)).toEqual(["1:1 error missing-title"]);
  });

  it("duplicate H1: at the second", () => {
    expect(diagnose("# A", "", "Text.", "", "# B", "", "## Fields", "", ...FIELDS)).toEqual(["5:1 error duplicate-title"]);
  });

  it("unknown section", () => {
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "", "## Notes", "", "Text.")).toEqual(["8:1 error unknown-section"]);
  });

  it("duplicate section: at the second", () => {
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "", "## Fields", "", ...FIELDS)).toEqual(["8:1 error duplicate-section"]);
  });

  it("no body section: at the H1", () => {
    expect(diagnose("# A", "", "Desc.", "", "## Example Usage", "", "```typescript", "let value: A = {};", "```")).toEqual(["1:1 error missing-body-section"]);
  });

  it("two body sections: at the second", () => {
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "", "## Values", "", "```typescript", '"a"', "```")).toEqual(["8:1 error conflicting-sections"]);
  });

  it("content before the H1 is a warning", () => {
    expect(diagnose("Intro.", "", "# A", "", "## Fields", "", ...FIELDS)).toEqual(["1:1 warning content-before-title"]);
  });
});

describe("fields table errors", () => {
  it("no table under `## Fields`", () => {
    expect(diagnose("# A", "", "## Fields", "", "No table.")).toEqual(["3:1 error fields-table-missing"]);
  });

  it("bad header: at the table", () => {
    expect(diagnose("# A", "", "## Fields", "", "| Name | Type | Required | Description |", "| - | - | - | - |")).toEqual(["5:1 error fields-table-header"]);
    expect(diagnose("# A", "", "## Fields", "", "| Field | Type | Required |", "| - | - | - |")).toEqual(["5:1 error fields-table-header"]);
    expect(diagnose("# A", "", "## Fields", "", "| Field | Type | Required | Description | Notes |", "| - | - | - | - | - |")).toEqual(["5:1 error fields-table-header"]);
  });

  it("wrong cell count: at the row (an unescaped pipe)", () => {
    expect(
      diagnose(
        "# A",
        "",
        "## Fields",
        "",
        ...FIELDS,
        "| `a` | *string* | :heavy_check_mark: | net_30 | net_60 |",
        "| `b` | *string* | :heavy_check_mark: |",
        "| `c` | *string* | :heavy_check_mark: | fine |",
      ),
    ).toEqual(["7:1 error fields-row-cells", "8:1 error fields-row-cells"]);
  });

  it("unknown type syntax: at the offending token", () => {
    //                                    9
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "| `a` | string | :heavy_check_mark: | x |")).toEqual(["7:9 error type-syntax"]);
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "| `a` | *strin g* | :heavy_check_mark: | x |")).toEqual(["7:9 error type-syntax"]);
    //                                                         9       17  20
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "| `a` | *string* *number* | :heavy_check_mark: | x |")).toEqual(["7:18 error type-syntax"]);
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "| `a` | [Thing](https://example.com/a b) | :heavy_check_mark: | x |")).toEqual(["7:9 error type-syntax"]);
    //                                                         9              24
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "| `a` | Record<string, *string* | :heavy_check_mark: | x |")).toEqual(["7:24 error type-syntax"]);
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "| `a` |  | :heavy_check_mark: | x |")).toEqual(["7:7 error type-syntax"]);
  });

  it("columns after escaped pipes still point at the offending token", () => {
    //                                                         9       17 20
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "| `a` | *string* \\| bogus | :heavy_check_mark: | x |")).toEqual(["7:21 error type-syntax"]);
    //                                                         9                        34 37
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "| `a` | Record<string, *string*> \\| > | :heavy_check_mark: | x |")).toEqual(["7:37 error type-syntax"]);
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "| `a` | *string* \\| \\| *number* | :heavy_check_mark: | x |")).toEqual(["7:21 error type-syntax"]);
  });

  it("unknown Required marker: at the marker", () => {
    //                                                         9        18 20
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "| `a` | *string* | yes | x |")).toEqual(["7:20 error field-required-marker"]);
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "| `a` | *string* | ✔️ | x |")).toEqual(["7:20 error field-required-marker"]);
  });

  it("field name not in backticks: at the name", () => {
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "| a | *string* | :heavy_check_mark: | x |")).toEqual(["7:3 error field-name"]);
  });

  it("duplicate field: at the second name", () => {
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "| `a` | *string* | :heavy_check_mark: | x |", "| ~~`a`~~ | *number* | :heavy_minus_sign: | y |")).toEqual([
      "8:3 error duplicate-field",
    ]);
  });

  it("a second table is a warning", () => {
    expect(diagnose("# A", "", "## Fields", "", ...FIELDS, "", ...FIELDS)).toEqual(["8:1 warning fields-extra-table"]);
  });
});

describe("values errors", () => {
  it("bad values block: at the offending text", () => {
    //                                                    1   5 7   11
    expect(diagnose("# A", "", "## Values", "", "```typescript", '"a" | "b" "c"', "```")).toEqual(["6:11 error enum-values-syntax"]);
    expect(diagnose("# A", "", "## Values", "", "```typescript", '"a" | b', "```")).toEqual(["6:7 error enum-values-syntax"]);
    expect(diagnose("# A", "", "## Values", "", "```typescript", '"a" |', '  | "b"', "```")).toEqual(["7:3 error enum-values-syntax"]);
    expect(diagnose("# A", "", "## Values", "", "```typescript", '"unterminated', "```")).toEqual(["6:1 error enum-values-syntax"]);
  });

  it("invalid JSON escapes and non-finite numbers are syntax errors, not crashes", () => {
    expect(diagnose("# A", "", "## Values", "", "```typescript", '"a" | "b\\c"', "```")).toEqual(["6:7 error enum-values-syntax"]);
    expect(diagnose("# A", "", "## Values", "", "```typescript", '"\\u12"', "```")).toEqual(["6:1 error enum-values-syntax"]);
    expect(diagnose("# A", "", "## Values", "", "```typescript", "1 | 1e400", "```")).toEqual(["6:5 error enum-values-syntax"]);
  });

  it("neither block nor table", () => {
    expect(diagnose("# A", "", "## Values", "", "Nothing here.")).toEqual(["3:1 error values-missing"]);
  });

  it("bad table header, bad member name, numeric enum with a word", () => {
    expect(diagnose("# A", "", "## Values", "", "| Key | Value |", "| - | - |", "| `A` | a |")).toEqual(["5:1 error values-table-header"]);
    expect(diagnose("# A", "", "## Values", "", "| Name | Value |", "| - | - |", "| A | a |")).toEqual(["7:3 error enum-member-name"]);
    expect(
      diagnose("# A", "", "## Values", "", "| Name | Value |", "| - | - |", "| `A` | a |", "| - | `Unrecognized<number>` |"),
    ).toEqual(["7:1 error enum-value-type"]);
  });

  it("mixed types, duplicate values, open type mismatch", () => {
    expect(diagnose("# A", "", "## Values", "", "```typescript", '"a" | 1', "```")).toEqual(["5:1 error enum-mixed-values"]);
    expect(diagnose("# A", "", "## Values", "", "```typescript", '"a" | "b" | "a"', "```")).toEqual(["6:13 error duplicate-enum-value"]);
    expect(diagnose("# A", "", "## Values", "", "```typescript", '"a" | Unrecognized<number>', "```")).toEqual(["5:1 error enum-open-type"]);
  });

  it("an enum without values is a warning", () => {
    expect(diagnose("# A", "", "## Values", "", "```typescript", "", "```")).toEqual(["5:1 warning enum-empty"]);
  });
});

describe("union errors", () => {
  it("unreadable member title: at the offending character", () => {
    //                                                       5  9
    expect(diagnose("# A", "", "## Supported Types", "", "### `Foo<Bar>`", "")).toEqual(["5:9 error union-member-syntax"]);
    expect(diagnose("# A", "", "## Supported Types", "", "### `string`", "", "### `{ [k: number]: any }`", "")).toEqual(["7:12 error union-member-syntax"]);
  });

  it("invalid JSON escapes in a literal title are syntax errors, not crashes", () => {
    expect(diagnose("# A", "", "## Supported Types", "", '### `"\\c"`', "")).toEqual(["5:6 error union-member-syntax"]);
    expect(diagnose("# A", "", "## Supported Types", "", '### `"ok" | "\\u12"`', "")).toEqual(["5:13 error union-member-syntax"]);
  });

  it("no members", () => {
    expect(diagnose("# A", "", "## Supported Types", "", "Text.", "")).toEqual(["3:1 error union-empty"]);
  });
});

describe("format", () => {
  it("file:line:column: severity: message [rule], with the hint on its own line", () => {
    const [d] = parseDoc(["# A", "", "## Fields", "", ...FIELDS, "| `a` | *string* | yes | x |"].join("\n"), "ns/doc.md").diagnostics;
    expect(formatDiagnostic(d!)).toBe("ns/doc.md:7:20: error: unknown Required marker `yes` [field-required-marker]\n  hint: use `:heavy_check_mark:` or `:heavy_minus_sign:`");
    expect(formatDiagnostic(d!, "spec/")).toMatch(/^spec\/ns\/doc\.md:7:20: error: /);
  });
});
