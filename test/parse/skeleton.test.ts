/**
 * The doc skeleton (docs-grammar.md §2): H1 title, deprecation, description
 * paragraphs and the Example Usage block, on small docs written here.
 */
import { describe, expect, it } from "vitest";
import { idOf, parseDoc } from "../../generator/parse/doc.ts";
import type { Model } from "../../generator/ir/types.ts";

const EMPTY_FIELDS = ["## Fields", "", "| Field | Type | Required | Description |", "| ----- | ---- | -------- | ----------- |"];

function parseOk(text: string, file = "thing.md"): Model {
  const result = parseDoc(text, file);
  expect(result.diagnostics).toEqual([]);
  expect(result.model).toBeDefined();
  return result.model!;
}

function doc(...lines: string[]): string {
  return lines.join("\n");
}

describe("H1 title", () => {
  it("names the model; id and folder come from the path", () => {
    const model = parseOk(doc("# Thing", "", ...EMPTY_FIELDS), "components/thing.md");
    expect(model).toMatchObject({ id: "components/thing", folder: "components", name: "Thing", kind: "object", fields: [] });
    expect(model.deprecated).toBeUndefined();
    expect(model.description).toBeUndefined();
    expect(model.example).toBeUndefined();
    expect(model.importPath).toBeUndefined();
  });

  it("idOf handles the root and nested folders", () => {
    expect(idOf("pair.md")).toEqual({ id: "pair", folder: "" });
    expect(idOf("a/b/c.md")).toEqual({ id: "a/b/c", folder: "a/b" });
    expect(idOf("Upper.MD")).toEqual({ id: "Upper", folder: "" });
  });

  it("`# ~~Name~~` marks the model deprecated, without a message", () => {
    const model = parseOk(doc("# ~~OldThing~~", "", ...EMPTY_FIELDS));
    expect(model.name).toBe("OldThing");
    expect(model.deprecated).toEqual({});
  });

  it("the DEPRECATED blockquote gives the message and is not part of the description", () => {
    const model = parseOk(
      doc(
        "# ~~OldThing~~",
        "",
        "A thing from version one.",
        "",
        "> :warning: **DEPRECATED**: This will be removed in a future release, please migrate away from it as soon as possible.",
        "",
        ...EMPTY_FIELDS,
      ),
    );
    expect(model.deprecated).toEqual({ message: "This will be removed in a future release, please migrate away from it as soon as possible." });
    expect(model.description).toBe("A thing from version one.");
  });

  it("the blockquote alone (plain H1) also deprecates", () => {
    const model = parseOk(doc("# OldThing", "", "> :warning: **DEPRECATED**: Use `NewThing`.", "", ...EMPTY_FIELDS));
    expect(model.deprecated).toEqual({ message: "Use `NewThing`." });
    expect(model.description).toBeUndefined();
  });

  it("an ordinary blockquote stays in the description", () => {
    const model = parseOk(doc("# Thing", "", "> Just a quote.", "", ...EMPTY_FIELDS));
    expect(model.deprecated).toBeUndefined();
    expect(model.description).toBe("> Just a quote.");
  });
});

describe("description paragraphs", () => {
  it("keeps paragraphs apart, keeps markdown, turns <br/> into newlines and decodes entities", () => {
    const model = parseOk(
      doc("# Thing", "", "First *line* with `code`<br/>and a [link](https://example.com).", "", "Second &amp; last &#123;x&#125; \\_y\\_.", "", ...EMPTY_FIELDS),
    );
    expect(model.description).toBe("First *line* with `code`\nand a [link](https://example.com).\n\nSecond & last {x} _y_.");
  });

  it("lists and H3 headings before the first H2 are description too", () => {
    const model = parseOk(doc("# Thing", "", "Intro.", "", "- one", "- two", "", "### Details", "", "More.", "", ...EMPTY_FIELDS));
    expect(model.description).toBe("Intro.\n\n- one\n- two\n\n### Details\n\nMore.");
  });

  it("N/A means no description", () => {
    expect(parseOk(doc("# Thing", "", "N/A", "", ...EMPTY_FIELDS)).description).toBeUndefined();
  });
});

describe("Example Usage", () => {
  it("reads the import path of the model's own name and the value", () => {
    const model = parseOk(
      doc(
        "# Thing",
        "",
        "## Example Usage",
        "",
        "```typescript",
        'import { Other } from "@acme/sdk/models/operations";',
        'import { Thing } from "@acme/sdk/models/components";',
        "",
        "let value: Thing = {",
        '  name: "x;y",',
        "  other: Other.A,",
        "};",
        "```",
        "",
        ...EMPTY_FIELDS,
      ),
    );
    expect(model.importPath).toBe("@acme/sdk/models/components");
    expect(model.example?.text).toBe('{\n  name: "x;y",\n  other: Other.A,\n}');
    expect(model.example?.imports).toEqual([
      { names: ["Other"], from: "@acme/sdk/models/operations" },
      { names: ["Thing"], from: "@acme/sdk/models/components" },
    ]);
  });

  it("reads multi-name imports and `.js` import paths (polar)", () => {
    const model = parseOk(
      doc(
        "# Thing",
        "",
        "## Example Usage",
        "",
        "```typescript",
        "import {",
        "  Kind,",
        "  Thing,",
        '} from "@polar-sh/sdk/models/components/thing.js";',
        "",
        "let value: Thing = Kind.A;",
        "```",
        "",
        ...EMPTY_FIELDS,
      ),
    );
    expect(model.importPath).toBe("@polar-sh/sdk/models/components/thing.js");
    expect(model.example?.imports).toEqual([{ names: ["Kind", "Thing"], from: "@polar-sh/sdk/models/components/thing.js" }]);
    expect(model.example?.text).toBe("Kind.A");
  });

  it("`// No examples available for this model`: an import path but no example", () => {
    const model = parseOk(
      doc("# Thing", "", "## Example Usage", "", "```typescript", 'import { Thing } from "authlete/models";', "", "// No examples available for this model", "```", "", ...EMPTY_FIELDS),
    );
    expect(model.importPath).toBe("authlete/models");
    expect(model.example).toBeUndefined();
  });

  it("ignores a trailing comment line after the value (open enums)", () => {
    const model = parseOk(
      doc(
        "# Status",
        "",
        "## Example Usage",
        "",
        "```typescript",
        'import { Status } from "sdk/models";',
        "",
        'let value: Status = "open";',
        "",
        "// Open enum: unrecognized values are captured as Unrecognized<string>",
        "```",
        "",
        "## Values",
        "",
        "```typescript",
        '"open" | Unrecognized<string>',
        "```",
      ),
    );
    expect(model.example?.text).toBe('"open"');
  });

  it("an import that does not name the model gives no import path", () => {
    const model = parseOk(doc("# Thing", "", "## Example Usage", "", "```typescript", 'import { Other } from "sdk/models";', "", "let value: Thing = {};", "```", "", ...EMPTY_FIELDS));
    expect(model.importPath).toBeUndefined();
    expect(model.example?.text).toBe("{}");
  });
});

describe("body sections", () => {
  it("`## Values` makes an enum, `## Supported Types` a union", () => {
    expect(parseOk(doc("# E", "", "## Values", "", "```typescript", '"a"', "```")).kind).toBe("enum");
    expect(parseOk(doc("# U", "", "## Supported Types", "", "### `string`", "", "```typescript", 'const value: string = "x";', "```", "")).kind).toBe("union");
  });

  it("CRLF docs parse like LF docs", () => {
    const lf = doc("# Thing", "", "Desc.", "", "## Fields", "", "| Field | Type | Required | Description |", "| - | - | - | - |", "| `a` | *string* | :heavy_check_mark: | A. |");
    const crlf = lf.replace(/\n/g, "\r\n");
    expect(parseOk(crlf)).toEqual(parseOk(lf));
  });
});
