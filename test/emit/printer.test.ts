/**
 * printFiles prints all files in one ts-morph call, with stand-ins for bulky
 * text, and docs and import lists as strings: each must give exactly what
 * ts-morph prints for the plain structures, file by file.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EmitContext } from "../../generator/emit/context.ts";
import { barrelPlans } from "../../generator/emit/barrels.ts";
import { modelModule } from "../../generator/emit/model-module.ts";
import { printFiles, reindent, toStructure } from "../../generator/emit/printer.ts";
import { declareFunction, enumDeclaration, exportFrom, functionDeclaration, importDeclaration, typeAlias, type Doc, type FilePlan } from "../../generator/emit/statements.ts";
import { planUnits } from "../../generator/emit/units.ts";
import { generateFolder } from "../support/generate.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

const { printStructure, StructureKind } = createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph");
type StatementStructures = import("ts-morph").StatementStructures;

/** The straightforward print: one file, plain ts-morph structures, no stand-ins. */
function reference(structures: unknown[]): string {
  return reindent(printStructure({ kind: StructureKind.SourceFile, statements: structures as StatementStructures[] }, { indentNumberOfSpaces: 2, newLine: "\n" }));
}

const print = (plans: FilePlan[]) => printFiles(plans).texts;

function expectPlainPrint(plans: FilePlan[]): void {
  const printed = print(plans);
  expect([...printed.keys()]).toEqual(plans.map((p) => p.path));
  for (const plan of plans) expect(printed.get(plan.path), plan.path).toBe(reference(plan.statements.map(toStructure)));
}

describe("printFiles", () => {
  it("prints the project's spec as ts-morph prints each file alone", () => {
    const { spec } = generateFolder(join(PROJECT_ROOT, "spec"));
    const options = { packageName: "x", enumStyle: "auto" as const };
    const ctx = new EmitContext(spec!, options);
    const plans = planUnits(spec!, options).flatMap((u) => (u.kind === "model" ? modelModule(u.model, ctx) : barrelPlans(ctx, u.folder)));
    expect(plans.length).toBeGreaterThan(50);
    expectPlainPrint(plans);
  });

  it("prints files with blank edges, no statements, or its own marker character exactly", () => {
    const body = `if (v) {\nreturn "\uE0000\uE000 and \uE000\uE000";\n}\nreturn false;`;
    expectPlainPrint([
      { path: "a.js", statements: ["// a", functionDeclaration("f", ["v"], body)] },
      { path: "b.js", statements: [] },
      { path: "c.js", statements: ["  // leading blank", "const x = 1;\n\n"] },
      { path: "d.js", statements: [functionDeclaration("g", [], "return 1;".repeat(10)), "// last"] },
    ]);
    expectPlainPrint([{ path: "e.d.ts", statements: [typeAlias("T", `"${"\uE000".repeat(50)}"`, { description: "\uE000\uE000" })] }]);
  });

  it("docs and name lists as strings print as the structures they replace", () => {
    const docs: Doc[] = [
      { description: "One line." },
      { description: "Two\nlines." },
      { deprecated: {} },
      { deprecated: { message: "Use\n  `other`." } },
      { description: "Described.", deprecated: { message: "Gone." } },
      { description: "Tagged.", tags: [{ tagName: "see", text: "elsewhere" }, { tagName: "internal" }] },
    ];
    docs.forEach((doc, i) => {
      const tags = [...(doc.tags ?? []).map((t) => ({ tagName: t.tagName, ...(t.text ? { text: t.text } : {}) }))];
      if (doc.deprecated) tags.push({ tagName: "deprecated", ...(doc.deprecated.message ? { text: doc.deprecated.message.replace(/\s*\n\s*/g, " ") } : {}) });
      const structure = { ...(doc.description ? { description: `${doc.description}${tags.length ? "\n" : ""}` } : {}), tags };
      const plain = { kind: StructureKind.TypeAlias, name: "T", type: "string", isExported: true, docs: [structure] };
      expect(print([{ path: `${i}.d.ts`, statements: [typeAlias("T", "string", doc)] }]).get(`${i}.d.ts`)).toBe(reference([plain]));
    });
    const value = { name: "value", type: "unknown" };
    const names = [{ name: "A" }, { name: "B", alias: "B_2" }];
    const ours = [importDeclaration("./a.js", names, true), exportFrom("./b.js", ["C", "D"]), declareFunction("isA", [value], "value is A")];
    const plain = [
      { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./a.js", isTypeOnly: true, namedImports: names },
      { kind: StructureKind.ExportDeclaration, moduleSpecifier: "./b.js", isTypeOnly: false, namedExports: [{ name: "C" }, { name: "D" }] },
      { kind: StructureKind.Function, name: "isA", isExported: true, hasDeclareKeyword: true, docs: [], parameters: [{ ...value, hasQuestionToken: false }], returnType: "value is A" },
    ];
    expect(print([{ path: "x.d.ts", statements: ours }]).get("x.d.ts")).toBe(reference(plain));
  });
});

describe("the skeleton memo", () => {
  const file = (body: string, type: string, doc = "Checks."): FilePlan[] => [
    { path: "m.js", statements: ["// m", functionDeclaration("isM", ["v"], body, { description: doc })] },
    { path: "m.d.ts", statements: ["// m", typeAlias("M", type)] },
  ];
  const body = (n: number) => `if (typeof v !== "object") return false;\nreturn v.count === ${n} && ${"true && ".repeat(8)}true;`;
  const type = (field: string) => `{\n/**\n * ${field}, described at some length.\n */\n${field}: string;\n}`;

  it("gives back a file whose statements differ only in bulky text, without ts-morph, as ts-morph prints it", () => {
    const first = printFiles(file(body(1), type("a")));
    expect(first.printedByTsMorph).toBe(2);
    const edited = file(body(2), type("b"));
    const again = printFiles(edited, first.skeletons);
    expect(again.printedByTsMorph).toBe(0);
    expect(again.texts).toEqual(printFiles(edited).texts);
    expect(again.texts.get("m.js")).toContain("v.count === 2");
  });

  it("prints again what changed in its frame (docs, names), and never takes another file's or key's skeleton", () => {
    const first = printFiles(file(body(1), type("a")));
    const redoc = file(body(1), type("a"), "Checks a thing.");
    const again = printFiles(redoc, first.skeletons);
    expect(again.printedByTsMorph).toBe(1);
    expect(again.texts).toEqual(printFiles(redoc).texts);
    // The d.ts skeleton filed under the js path: keys differ, so it is printed.
    const swapped = new Map([["m.js", first.skeletons.get("m.d.ts")!]]);
    expect(printFiles(file(body(1), type("a")), swapped).printedByTsMorph).toBe(2);
  });

  it("over the project's spec: every module printed from the memo of a run with other field types and bodies is as ts-morph prints it", () => {
    const { spec } = generateFolder(join(PROJECT_ROOT, "spec"));
    const options = { packageName: "x", enumStyle: "auto" as const };
    const plans = (s: typeof spec) => {
      const ctx = new EmitContext(s!, options);
      return planUnits(s!, options).flatMap((u) => (u.kind === "model" ? modelModule(u.model, ctx) : barrelPlans(ctx, u.folder)));
    };
    // Every field optional: types, validator bodies and JSON helpers change, frames mostly do not.
    const loose = { ...spec!, models: spec!.models.map((m) => (m.kind === "object" ? { ...m, fields: m.fields.map((f) => ({ ...f, required: false })) } : m)) };
    const memo = printFiles(plans(spec)).skeletons;
    const printed = printFiles(plans(loose), memo);
    expect(printed.printedByTsMorph).toBeLessThan(printed.texts.size / 4);
    expect(printed.texts).toEqual(printFiles(plans(loose)).texts);
  });
});

describe("enum members", () => {
  it("values are our escaped literals: U+2028/U+2029, quotes and newlines never end the string", () => {
    const text = print([{ path: "e.d.ts", statements: ["// header", enumDeclaration("E", [{ name: "A", value: "a\u2028b\u2029c\"d\n" }, { name: "B", value: 2 }])] }]).get("e.d.ts")!;
    expect(text).toContain('A = "a\\u2028b\\u2029c\\"d\\n",');
    expect(text).toContain("B = 2");
    expect(text).not.toMatch(/[\u2028\u2029]/);
  });
});
