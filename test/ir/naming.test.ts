/**
 * Names: identifiers (generator/ir/identifiers.ts), the names a model
 * exports (generator/ir/naming.ts), and the clashes between them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isIdentifier, lowerFirst, toIdentifier } from "../../generator/ir/identifiers.ts";
import { checkExportClashes, enumForm, modelNames, publicNames } from "../../generator/ir/naming.ts";
import type { EnumModel, Model } from "../../generator/ir/types.ts";
import { generateDocs } from "../support/generate.ts";

function objectDoc(title: string, rows: Array<[name: string, type: string]> = []): string {
  return [`# ${title}`, "", "## Fields", "", "| Field | Type | Required | Description |", "| ----- | ---- | -------- | ----------- |", ...rows.map(([n, t]) => `| \`${n}\` | ${t} | :heavy_check_mark: | N/A |`)].join(
    "\n",
  );
}

function model(name: string, folder = "", kind: Model["kind"] = "object"): Model {
  const id = folder ? `${folder}/${name.toLowerCase()}` : name.toLowerCase();
  const position = { file: `${id}.md`, line: 1, column: 1 };
  if (kind === "enum") return { kind, id, name, folder, position, syntax: "table", valueType: "string", open: true, members: [] };
  if (kind === "union") return { kind, id, name, folder, position, members: [] };
  return { kind, id, name, folder, position, fields: [] };
}

describe("identifiers", () => {
  it("isIdentifier: valid names, not reserved words", () => {
    for (const name of ["a", "_a", "$a", "A1", "ünïcödé", "π", "a$b"]) expect(isIdentifier(name), name).toBe(true);
    for (const name of ["", "1a", "a-b", "a b", "class", "enum", "await", "undefined", "NaN", "globalThis", "a.b", '"x"']) expect(isIdentifier(name), name).toBe(false);
  });

  it("toIdentifier: one deterministic rule", () => {
    expect(toIdentifier("Valid")).toBe("Valid");
    expect(toIdentifier("My Model")).toBe("My_Model");
    expect(toIdentifier("a-b.c")).toBe("a_b_c");
    expect(toIdentifier("1Password")).toBe("_1Password");
    expect(toIdentifier("class")).toBe("class_");
    expect(toIdentifier("")).toBe("_");
    expect(toIdentifier("😀")).toBe("_");
  });

  it("toIdentifier always gives an identifier, and is idempotent (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20, unit: "binary" }), (name) => {
        const id = toIdentifier(name);
        expect(isIdentifier(id)).toBe(true);
        expect(toIdentifier(id)).toBe(id);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it("lowerFirst: the SDKs' camel case", () => {
    expect(lowerFirst("Pair")).toBe("pair");
    expect(lowerFirst("HTTPError")).toBe("httpError");
    expect(lowerFirst("URL")).toBe("url");
    expect(lowerFirst("A")).toBe("a");
    expect(lowerFirst("already")).toBe("already");
    expect(lowerFirst("_1Password")).toBe("_1Password");
  });
});

describe("modelNames", () => {
  it("every name a model exports", () => {
    const names = modelNames(model("HTTPError"));
    expect(names).toEqual({
      type: "HTTPError",
      is: "isHTTPError",
      validate: "validateHTTPError",
      assert: "assertHTTPError",
      schema: "HTTPError$schema",
      jsonSchema: "httpErrorJSONSchema",
      fromJSON: "httpErrorFromJSON",
      toJSON: "httpErrorToJSON",
      fastIs: "$isHTTPError",
      check: "$checkHTTPError",
      jsonDef: "$jsonDefHTTPError",
      revive: "$reviveHTTPError",
      serialize: "$serializeHTTPError",
    });
    expect(publicNames(names)).toEqual(["HTTPError", "isHTTPError", "validateHTTPError", "assertHTTPError", "HTTPError$schema", "httpErrorJSONSchema", "httpErrorFromJSON", "httpErrorToJSON"]);
  });

  it("open TS enums also export `XOpen`", () => {
    const open = model("Level", "", "enum") as EnumModel;
    expect(modelNames(open, "auto").open).toBe("LevelOpen");
    expect(modelNames(open, "ts-enum").open).toBe("LevelOpen");
    expect(modelNames(open, "const-object").open).toBeUndefined();
    expect(modelNames({ ...open, open: false }, "auto").open).toBeUndefined();
  });

  it("enumForm: auto follows the doc syntax, explicit styles win", () => {
    const table = model("E", "", "enum") as EnumModel;
    const block: EnumModel = { ...table, syntax: "union-block" };
    expect(enumForm(table, "auto")).toBe("ts-enum");
    expect(enumForm(block, "auto")).toBe("const-object");
    expect(enumForm(table, "string-union")).toBe("string-union");
    expect(enumForm(block, "ts-enum")).toBe("ts-enum");
  });
});

describe("checkExportClashes", () => {
  it("a model whose type name is another's helper name clashes, once per pair", () => {
    const spec = { models: [model("A"), model("isA")], folders: [""] };
    const diagnostics = checkExportClashes(spec, "auto");
    expect(diagnostics).toEqual([
      {
        file: "isa.md",
        line: 1,
        column: 1,
        severity: "error",
        ruleId: "export-name-clash",
        message: "`isA` of model `isA` clashes with a name exported for `A` (a.md)",
        hint: "rename one of the models",
      },
    ]);
  });

  it("open TS enums: `LevelOpen` clashes with a model of that name", () => {
    const spec = { models: [model("Level", "", "enum"), model("LevelOpen")], folders: [""] };
    expect(checkExportClashes(spec, "auto").map((d) => d.message)).toEqual(["`LevelOpen` of model `LevelOpen` clashes with a name exported for `Level` (level.md)"]);
    expect(checkExportClashes(spec, "const-object")).toEqual([]);
  });

  it("names in different folders never clash", () => {
    expect(checkExportClashes({ models: [model("A", "x"), model("isA", "y"), model("A", "y")], folders: ["x", "y"] }, "auto").map((d) => d.file)).toEqual(["y/a.md"]);
  });

  it("two models of one name are left to duplicate-model", () => {
    expect(checkExportClashes({ models: [model("Pair"), { ...model("Pair"), id: "pair2" }], folders: [""] }, "auto")).toEqual([]);
  });

  it("reported by the pipeline: no package is emitted", () => {
    const result = generateDocs([
      { path: "a.md", text: objectDoc("A") },
      { path: "isa.md", text: objectDoc("isA") },
    ]);
    expect(result.files).toBeUndefined();
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual(["isa.md:1:1 export-name-clash"]);
  });
});

describe("names shared with the runtime and with globals", () => {
  it("a root model named like a runtime export wins the barrel; the runtime name is left out", () => {
    const result = generateDocs([{ path: "validationerror.md", text: objectDoc("ValidationError", [["message", "*string*"]]) }]);
    expect(result.diagnostics).toEqual([]);
    const dts = result.files!.get("models/index.d.ts")!;
    expect(dts).toContain('export { ValidationError, isValidationError,');
    expect(dts).toContain('export { RFCDate } from "../runtime/index.js";');
    expect(dts).not.toMatch(/export \{[^}]*\bValidationError\b[^}]*\} from "\.\.\/runtime\/index\.js"/);
  });

  it("a model named like a global reaches the global through globalThis", () => {
    const result = generateDocs([{ path: "date.md", text: objectDoc("Date", [["at", "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)"]]) }]);
    expect(result.diagnostics).toEqual([]);
    expect(result.files!.get("models/date.d.ts")).toContain("export type Date = {\n  at: globalThis.Date;\n};");
  });
});
