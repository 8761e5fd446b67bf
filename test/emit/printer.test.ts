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
import { CORPORA, HAS_SHARED, PROJECT_ROOT, SKIP_NOTE } from "../support/shared.ts";

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
  it.each(["auto", "ts-enum", "string-union", "const-object"] as const)("prints the project's spec (enum style %s) as ts-morph prints each file alone", (enumStyle) => {
    const { spec } = generateFolder(join(PROJECT_ROOT, "spec"));
    const options = { packageName: "x", enumStyle };
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

  it("gives back a file whose statements differ only in bulky text and words, without ts-morph, as ts-morph prints it", () => {
    const first = printFiles(file(body(1), type("a")));
    expect(first.printedByTsMorph).toBe(2);
    const edited = file(body(2), type("b"));
    const again = printFiles(edited, first.skeletons);
    expect(again.printedByTsMorph).toBe(0);
    expect(again.texts).toEqual(printFiles(edited).texts);
    expect(again.texts.get("m.js")).toContain("v.count === 2");
  });

  it("prints a shape once for all its files, and again when the shape changes (a statement more, a multi-line doc)", () => {
    const many = [1, 2, 3].flatMap((n) => file(body(n), type(`f${n}`), `Checks thing ${n}.`).map((p) => ({ ...p, path: `${n}/${p.path}` })));
    const first = printFiles(many);
    // Two shapes (the .js and the .d.ts) for six files.
    expect(first.printedByTsMorph).toBe(2);
    expect(first.texts).toEqual(new Map(many.map((p) => [p.path, reference(p.statements.map(toStructure))])));
    const reshaped = file(body(1), type("a"), "Checks\nover two lines.");
    reshaped[1]!.statements.push(typeAlias("N", "number"));
    const again = printFiles(reshaped, first.skeletons);
    expect(again.printedByTsMorph).toBe(2);
    expect(again.texts).toEqual(printFiles(reshaped).texts);
    // A memo under other keys is no help.
    const elsewhere = new Map([...first.skeletons].map(([key, text]) => [`x${key}`, text]));
    expect(printFiles(file(body(1), type("a")), elsewhere).printedByTsMorph).toBe(2);
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

describe.skipIf(!HAS_SHARED)(`shapes on the shared corpora${SKIP_NOTE}`, () => {
  for (const corpus of CORPORA) {
    it(`${corpus.name}: files filled from shared skeletons are as ts-morph prints each alone (~120 modules)${SKIP_NOTE}`, () => {
      const { spec } = generateFolder(corpus.specRoot);
      const options = { packageName: "x", enumStyle: "auto" as const };
      const ctx = new EmitContext(spec!, options);
      const units = planUnits(spec!, options);
      const step = Math.max(1, Math.floor(units.length / 120));
      const plans = units.filter((_, i) => i % step === 0).flatMap((u) => (u.kind === "model" ? modelModule(u.model, ctx) : barrelPlans(ctx, u.folder)));
      const printed = printFiles(plans);
      for (const plan of plans) expect(printed.texts.get(plan.path), plan.path).toBe(reference(plan.statements.map(toStructure)));
      // Fewer prints than files: modules of a kind share their shapes.
      console.log(`${corpus.name}: ${plans.length} files, ${printed.printedByTsMorph} printed by ts-morph`);
      expect(printed.printedByTsMorph).toBeLessThan(plans.length / 2);
    });
  }
});

describe("enum members", () => {
  it("values are our escaped literals: U+2028/U+2029, quotes and newlines never end the string", () => {
    const text = print([{ path: "e.d.ts", statements: ["// header", enumDeclaration("E", [{ name: "A", value: "a\u2028b\u2029c\"d\n" }, { name: "B", value: 2 }])] }]).get("e.d.ts")!;
    expect(text).toContain('A = "a\\u2028b\\u2029c\\"d\\n",');
    expect(text).toContain("B = 2");
    expect(text).not.toMatch(/[\u2028\u2029]/);
  });
});
