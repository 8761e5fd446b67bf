/**
 * Doc text never becomes code. Docs full of comment terminators, template
 * syntax, quotes, backslashes, line separators and NULs, fields named like
 * prototype members and internal variables, enum values built to break out
 * of string literals: the generated package must load under Node without
 * running any of it (a global canary stays unset), keep every string exact,
 * and type-check under strict NodeNext.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { EnumModel, ObjectModel, UnionModel } from "../../generator/ir/types.ts";
import { generateDocs, tempDir, writeFiles, type Generated } from "../support/generate.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

const TSC = join(PROJECT_ROOT, "node_modules/.bin/tsc");

/** Text that tries every way out of a comment, a string or a template. */
const NASTY = [
  "Ends */ here /* and `backtick` ${globalThis.__pwned = 1} \"double\" 'single' back\\\\slash",
  "*/ globalThis.__pwned = 2; /*",
  '"); globalThis.__pwned = 3; ("',
  "`; globalThis.__pwned = 4; `",
  "line\u2028separator\u2029paragraph and nul\u0000here and </script> and @deprecated at a line start",
  "@param x looks like a tag",
].join("\n");

/** The same, for a table cell (one line, pipes escaped, newlines as <br/>). */
const NASTY_CELL = NASTY.replace(/\|/g, "\\|").replace(/\n/g, "<br/>");

/** Field names that are prototype members, internal variable names, or not identifiers; with their types. */
const FIELDS: Array<[name: string, type: string, required: boolean]> = [
  ["__proto__", "*string*", true],
  ["constructor", "*string*[]", false],
  ["a-b", "*number*", true],
  ['"x"', "*string*[]", false],
  ["1st", "[models.Quoted](quoted.md)", true],
  ["toString", "*number*", false],
  ["hasOwnProperty", "*string*[]", true],
  ["valueOf", "[models.Quoted](quoted.md)", false],
  ["o", "*number*", true],
  ["v", "*string*[]", false],
  ["s", "[models.Quoted](quoted.md)", true],
  ["f0", "*number*", false],
  ["e0", "*string*[]", true],
  ["path", "[models.Quoted](quoted.md)", false],
  ["issues", "*number*", true],
  ["$keysEvil", "*string*[]", false],
  ["it's", "[models.Quoted](quoted.md)", true],
  ["back\\slash", "*number*", false],
  ["ü", "*string*[]", true],
];
const FIELD_NAMES = FIELDS.map(([name]) => name);

function evilObject(): string {
  const rows = FIELDS.map(([name, type, required]) => `| \`${name}\` | ${type} | ${required ? ":heavy_check_mark:" : ":heavy_minus_sign:"} | ${NASTY_CELL} |`);
  return [
    "# Evil",
    "",
    NASTY,
    "",
    "> :warning: **DEPRECATED**: Gone */ globalThis.__pwned = 7; /* soon.",
    "",
    "## Example Usage",
    "",
    "```typescript",
    'import { Evil } from "x/models";',
    "",
    "let value: Evil = { a: `${globalThis.__pwned = 8}` };",
    "```",
    "",
    "## Fields",
    "",
    "| Field | Type | Required | Description |",
    "| ----- | ---- | -------- | ----------- |",
    ...rows,
    `| ~~\`old*/\`~~ | *"\${globalThis.__pwned = 9}"* | :heavy_minus_sign: | : warning: ** DEPRECATED **: ${NASTY_CELL}<br/><br/>${NASTY_CELL} |`,
    `| \`lit\` | *"a\\*/b"* \\| *true* \\| Record<string, *"q\\\\"uote"*> | :heavy_minus_sign: | N/A |`,
  ].join("\n");
}

/** Union-block enum values, JSON-escaped as the docs write them. */
const QUOTED_VALUES = ['a"b', "c\\d", "${globalThis.__pwned = 10}", "*/", "x\u2028y\u2029z", "</script>", "'", "`", "\u0000nul", "é"];

function quotedEnum(): string {
  const values = QUOTED_VALUES.map((v) => JSON.stringify(v)).join(" | ");
  return ["# Quoted", "", NASTY, "", "## Values", "", "```typescript", `${values} | Unrecognized<string>`, "```"].join("\n");
}

function tableEnum(): string {
  return [
    "# Tabled",
    "",
    "## Values",
    "",
    "| Name | Value |",
    "| ---- | ----- |",
    "| `__proto__` | p\"q |",
    "| `constructor` | c\\\\d |",
    "| `toString` | ${globalThis.__pwned = 11} |",
    "| `Comment` | */ x /* |",
  ].join("\n");
}

function numericTableEnum(): string {
  return ["# Numbered", "", NASTY, "", "## Values", "", "| Name | Value |", "| ---- | ----- |", "| `__proto__` | 1 |", "| `constructor` | 2 |", "| - | `Unrecognized<number>` |"].join("\n");
}

function evilUnion(): string {
  return [
    "# ~~My Evil-Union~~",
    "",
    NASTY,
    "",
    "",
    "## Supported Types",
    "",
    '### `"a\\"b" | "${globalThis.__pwned = 12}"`',
    "",
    "```typescript",
    "const value: string = `${globalThis.__pwned = 13}`;",
    "```",
    "",
    "### `models.Evil`",
    "",
    "### `{ [k: string]: models.Quoted[] }`",
    "",
  ].join("\n");
}

const DOCS = [
  { path: "evil.md", text: evilObject() },
  { path: "quoted.md", text: quotedEnum() },
  { path: "tabled.md", text: tableEnum() },
  { path: "numbered.md", text: numericTableEnum() },
  { path: "my-evil-union.md", text: evilUnion() },
];

/** Runs in a fresh Node: import every module, call every function, report. */
const RUNNER = String.raw`
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".js") ? [join(dir, e.name)] : []));
const report = { modules: 0, pwned: [] };
for (const file of walk("models").concat(walk("runtime")).sort()) {
  const mod = await import(pathToFileURL(join(process.cwd(), file)).href);
  report.modules++;
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value !== "function" || /^[A-Z]/.test(name)) continue;
    try { value({}); value(JSON.parse('{"__proto__": "x"}')); value("x"); } catch {}
  }
  if (globalThis.__pwned !== undefined) report.pwned.push(file);
}
const m = await import(pathToFileURL(join(process.cwd(), "models/index.js")).href);
report.exports = Object.keys(m).sort();
report.evilSchema = m.evilJSONSchema().$defs.evil;
report.unionSchema = m.my_Evil_UnionJSONSchema().$defs["my-evil-union"];
report.quoted = m.Quoted;
report.tabled = m.Tabled;
report.numbered = m.Numbered;
report.quotedIs = Object.values(m.Quoted).map((v) => m.isQuoted(v));
report.tabledIs = Object.values(m.Tabled).map((v) => m.isTabled(v));
const valid = JSON.parse('{"__proto__": "p", "a-b": 1, "1st": "*/", "hasOwnProperty": [], "o": 2, "s": "a\\"b", "e0": ["x"], "issues": 3, "it\'s": "</script>", "ü": []}');
report.protoField = m.validateEvil(valid);
report.protoFieldStrict = m.validateEvil(valid, { strict: true });
const { ["__proto__"]: _drop, ...missing } = valid;
report.protoFieldMissing = m.validateEvil(missing);
report.protoFieldInherited = m.isEvil(Object.assign(Object.create({ __proto__: "p" }), missing));
report.unionIs = [m.isMy_Evil_Union('a"b'), m.isMy_Evil_Union("\${globalThis.__pwned = 12}"), m.isMy_Evil_Union("other")];
report.pwnedAtEnd = globalThis.__pwned;
process.stdout.write(JSON.stringify(report));
`;

const CONSUMER = String.raw`
import { isEvil, isQuoted, Quoted, Tabled, Numbered, type Evil, type NumberedOpen, type My_Evil_Union, type Unrecognized } from "./models/index.js";

declare const input: unknown;
if (isEvil(input)) {
  const a: string = input.__proto__;
  const b: string[] | undefined = input.constructor;
  const c: number = input["a-b"];
  const d: string[] | undefined = input['"x"'];
  const e: Quoted = input["1st"];
  const f: number | undefined = input["back\\slash"];
  const i: (typeof input)["__proto__"] = "x";
  const g: Evil["lit"] = "a*/b";
  const h: Evil["lit"] = { k: 'q"uote' };
  void [a, b, c, d, e, f, g, h, i];
}
const q: Quoted = Quoted.AB;
const q2: Quoted = "*/";
if (isQuoted(input)) {
  const r: string = input;
  void r;
}
const t: Tabled = Tabled.toString;
const n: NumberedOpen = Numbered.constructor;
const u: My_Evil_Union = 'a"b';
const unknownValue = "other" as Unrecognized<string>;
const q3: Quoted = unknownValue;
void [q, q2, t, n, u, q3];
`;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function generateEvil(): Generated & { dir: string } {
  const result = generateDocs(DOCS, { packageName: "evil-models" });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const dir = tempDir("escaping");
  dirs.push(dir);
  writeFiles(dir, result.files!);
  return { ...result, dir };
}

describe("escaping and injection", () => {
  const generated = generateEvil();
  const spec = generated.spec!;
  const evil = spec.models.find((m) => m.id === "evil") as ObjectModel;
  const quoted = spec.models.find((m) => m.id === "quoted") as EnumModel;

  it("the docs mean what they say: the nasty text reaches the IR intact", () => {
    expect(evil.fields.map((f) => f.name)).toEqual([...FIELD_NAMES, "old*/", "lit"]);
    expect(quoted.members.map((m) => m.value)).toEqual(QUOTED_VALUES);
    expect(evil.description).toContain("${globalThis.__pwned = 1}");
    expect(evil.description).toContain("\u2028");
    expect(evil.fields[0]!.description).toContain("*/ globalThis.__pwned = 2; /*");
    // Only renames are reported: the union's title.
    expect(generated.diagnostics.map((d) => d.ruleId)).toEqual(["model-name"]);
  });

  it("generated text keeps doc text inside literals and comments", () => {
    const files = generated.files!;
    for (const [path, text] of files) {
      if (path.startsWith("runtime/")) continue;
      // No raw line separators or NULs anywhere in generated code.
      expect(text, path).not.toMatch(/[\u2028\u2029\u0000]/);
      // Comments never close early: every `*/` in a file closes a JSDoc block.
      for (const line of text.split("\n")) if (line.includes("*/") && !/^\s*\*\/$|\*\/$/.test(line.trim())) expect(line, path).toMatch(/^\s*"|"[^"]*\*\/[^"]*"/);
    }
    const dts = files.get("models/evil.d.ts")!;
    expect(dts).toContain("Ends *\\/ here /\\* and");
    expect(dts).toContain(" * \\@param x looks like a tag");
    expect(dts).toContain("__proto__: string;");
    expect(dts).toContain('"a-b": number;');
    expect(dts).toContain('"\\"x\\""?: string[] | undefined;');
    expect(dts).toContain('"back\\\\slash"?: number | undefined;');
  });

  it("loads under Node without running doc text, and keeps every string exact", () => {
    writeFileSync(join(generated.dir, "run.mjs"), RUNNER);
    const out = execFileSync(process.execPath, ["run.mjs"], { cwd: generated.dir, encoding: "utf8" });
    const report = JSON.parse(out) as Record<string, unknown> & { pwned: string[]; evilSchema: { description: string; properties: Record<string, { description?: string }>; deprecated?: boolean } };
    expect(report.pwned).toEqual([]);
    expect(report.pwnedAtEnd).toBeUndefined();
    expect(report.modules).toBe(generated.files!.size - [...generated.files!.keys()].filter((p) => !p.endsWith(".js")).length);

    // Strings survive exactly: the JSON Schema carries the IR's text.
    expect(report.evilSchema.description).toBe(evil.description);
    expect(report.evilSchema.deprecated).toBe(true);
    expect(Object.keys(report.evilSchema.properties)).toEqual(evil.fields.map((f) => f.name));
    for (const field of evil.fields) expect(report.evilSchema.properties[field.name]!.description, field.name).toBe(field.description);
    const union = spec.models.find((m) => m.kind === "union") as UnionModel;
    expect((report.unionSchema as { description: string }).description).toBe(union.description);

    expect(Object.values(report.quoted as object)).toEqual(QUOTED_VALUES);
    expect(report.quotedIs).toEqual(QUOTED_VALUES.map(() => true));
    const tabled = spec.models.find((m) => m.id === "tabled") as EnumModel;
    expect(report.tabled).toEqual(Object.fromEntries(tabled.members.map((m) => [m.name, m.value])));
    expect(Object.getPrototypeOf(report.tabled)).toBe(Object.prototype);
    expect(report.tabledIs).toEqual([true, true, true, true]);
    expect(report.numbered).toEqual(JSON.parse('{"__proto__": 1, "constructor": 2, "1": "__proto__", "2": "constructor"}'));

    // `__proto__` is read as an own property, never through the prototype.
    expect(report.protoField).toMatchObject({ ok: true });
    expect(report.protoFieldStrict).toMatchObject({ ok: true });
    expect(report.protoFieldInherited).toBe(false);
    expect(report.protoFieldMissing).toMatchObject({ ok: false, issues: expect.arrayContaining([expect.objectContaining({ path: ["__proto__"] })]) });
    expect(report.unionIs).toEqual([true, true, false]);
  });

  it("type-checks under strict NodeNext, declarations and a consumer", () => {
    writeFileSync(join(generated.dir, "consumer.ts"), CONSUMER);
    writeFileSync(
      join(generated.dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: "NodeNext",
          moduleResolution: "NodeNext",
          target: "ES2022",
          lib: ["ES2023", "DOM"],
          types: [],
          noEmit: true,
          skipLibCheck: false,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          verbatimModuleSyntax: true,
        },
        include: ["**/*.d.ts", "consumer.ts"],
      }),
    );
    const tsc = spawnSync(TSC, ["-p", generated.dir], { encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});

describe("models named like the globals generated code uses", () => {
  const GLOBAL_NAMES = ["Set", "Number", "Object", "Array", "JSON", "Symbol", "Error", "String", "Map", "Promise", "Math", "Boolean", "BigInt", "Date", "Uint8Array", "ReadableStream", "Blob", "Infinity"];
  const enumDoc = (title: string, i: number) =>
    [`# ${title}`, "", "## Values", "", "```typescript", i % 2 ? "0 | 1 | 2 | Unrecognized<number>" : '"a" | "b" | "c" | "d" | "e" | "f" | "g" | "h" | "i" | "j"', "```"].join("\n");
  const docs = GLOBAL_NAMES.map((name, i) => ({ path: `${name.toLowerCase()}.md`, text: enumDoc(name, i) }));
  docs.push({
    path: "holder.md",
    text: [
      "# Holder",
      "",
      "## Fields",
      "",
      "| Field | Type | Required | Description |",
      "| ----- | ---- | -------- | ----------- |",
      ...GLOBAL_NAMES.map((name) => `| \`${name}\` | [models.${name}](${name.toLowerCase()}.md)[] | :heavy_check_mark: | N/A |`),
      "| `when` | [Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date) | :heavy_check_mark: | N/A |",
      "| `big` | *BigInt* | :heavy_check_mark: | N/A |",
      "| `stream` | *ReadableStream<Uint8Array>* \\| [Blob](https://developer.mozilla.org/en-US/docs/Web/API/Blob) | :heavy_minus_sign: | N/A |",
    ].join("\n"),
  });

  it("load, validate and type-check", () => {
    const result = generateDocs(docs);
    expect(result.diagnostics.map((d) => d.message)).toEqual(["title `Infinity` is not a valid identifier; emitted as `Infinity_`"]);
    const dir = tempDir("globals");
    dirs.push(dir);
    writeFiles(dir, result.files!);
    const runner = `
      const m = await import("./models/index.js");
      const names = ${JSON.stringify(GLOBAL_NAMES.map((n) => (n === "Infinity" ? "Infinity_" : n)))};
      const out = {};
      for (const name of names) out[name] = [m["is" + name](Object.values(m[name])[0]), m["is" + name]("zz"), m["validate" + name](7).ok];
      const holder = Object.fromEntries(names.map((n) => [n === "Infinity_" ? "Infinity" : n, []]));
      out.holder = m.holderFromJSON(JSON.stringify({ ...holder, when: "2025-01-02T03:04:05Z", big: 5 }));
      out.when = out.holder.value.when instanceof Date;
      out.big = typeof out.holder.value.big;
      out.holder = { ok: out.holder.ok };
      process.stdout.write(JSON.stringify(out));
    `;
    writeFileSync(join(dir, "run.mjs"), runner);
    const out = JSON.parse(execFileSync(process.execPath, ["run.mjs"], { cwd: dir, encoding: "utf8" })) as Record<string, unknown>;
    GLOBAL_NAMES.forEach((name, i) => {
      // Closed string enums (even) reject other strings; open number enums (odd) accept any finite number.
      expect(out[name === "Infinity" ? "Infinity_" : name], name).toEqual(i % 2 ? [true, false, true] : [true, false, false]);
    });
    expect(out.holder).toMatchObject({ ok: true });
    expect(out.when).toBe(true);
    expect(out.big).toBe("bigint");

    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { strict: true, module: "NodeNext", moduleResolution: "NodeNext", target: "ES2022", lib: ["ES2023", "DOM"], types: [], noEmit: true, skipLibCheck: false },
        include: ["**/*.d.ts"],
      }),
    );
    const tsc = spawnSync(TSC, ["-p", dir], { encoding: "utf8" });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});
