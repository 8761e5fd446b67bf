/**
 * The one module that owns ts-morph: it turns our plain statements
 * (statements.ts) into ts-morph structures and prints them. ts-morph is
 * loaded on the first file that must really be printed, not before.
 */
import type { StatementStructures, WriterFunction } from "ts-morph";
import { createHash } from "node:crypto";
import { loadTsMorph } from "./load-ts-morph.ts";
import type { FilePlan, Statement } from "./statements.ts";

// ts-morph is CommonJS around a bundled TypeScript: `require` (inside
// loadTsMorph) loads it ~0.4 s faster than `import`, which first scans the
// whole bundle for named exports; a V8 code cache halves what is left.
let loaded: ReturnType<typeof loadTsMorph> | undefined;
const tsMorph = () => (loaded ??= loadTsMorph());

/** Load ts-morph now (a cold run that will print everything loads it while worker threads parse). */
export function preloadTsMorph(): void {
  tsMorph();
}

/**
 * Named imports or exports written as one text (`A, B as C`) by a writer
 * function, a form ts-morph takes as is: a list costs it a writer and a
 * comma scan per name. An empty list stays a list, for ts-morph to print.
 */
function specifiers(text: string): WriterFunction | string[] {
  return text ? (writer) => writer.write(text) : [];
}

/** Our statement as the ts-morph structure that prints it. */
export function toStructure(statement: Statement): string | StatementStructures {
  if (typeof statement === "string") return statement;
  const { StructureKind, VariableDeclarationKind } = tsMorph();
  switch (statement.kind) {
    case "import":
      return { kind: StructureKind.ImportDeclaration, moduleSpecifier: statement.specifier, isTypeOnly: statement.typeOnly, namedImports: specifiers(statement.names) };
    case "exportFrom":
      return { kind: StructureKind.ExportDeclaration, moduleSpecifier: statement.specifier, isTypeOnly: statement.typeOnly, namedExports: specifiers(statement.names) };
    case "typeAlias":
      return { kind: StructureKind.TypeAlias, name: statement.name, type: statement.type, isExported: true, docs: statement.docs };
    case "enum":
      return { kind: StructureKind.Enum, name: statement.name, isExported: true, hasDeclareKeyword: true, docs: statement.docs, members: statement.members };
    case "declareConst":
      return {
        kind: StructureKind.VariableStatement,
        isExported: true,
        hasDeclareKeyword: true,
        declarationKind: VariableDeclarationKind.Const,
        docs: statement.docs,
        declarations: [{ name: statement.name, type: statement.type }],
      };
    case "const":
      return {
        kind: StructureKind.VariableStatement,
        isExported: statement.exported,
        declarationKind: VariableDeclarationKind.Const,
        docs: statement.docs,
        declarations: [{ name: statement.name, initializer: statement.initializer }],
      };
    case "declareFunction":
      return {
        kind: StructureKind.Function,
        name: statement.name,
        isExported: true,
        hasDeclareKeyword: true,
        docs: statement.docs,
        parameters: statement.parameters.map((p) => ({ name: p.name, ...(p.type ? { type: p.type } : {}), hasQuestionToken: p.optional })),
        returnType: statement.returnType,
      };
    case "function":
      return {
        kind: StructureKind.Function,
        name: statement.name,
        isExported: statement.exported,
        docs: statement.docs,
        parameters: statement.parameters.map((name) => ({ name })),
        statements: statement.body,
      };
  }
}

const PRINT_OPTIONS = { indentNumberOfSpaces: 2, newLine: "\n" } as const;

export interface Printed {
  /** Path → text, in plan order. */
  texts: Map<string, string>;
  /** Shape key → skeleton, for every file printed here: the memo for a later run. */
  skeletons: Map<string, string>;
  /** How many files ts-morph printed (the rest were filled from a skeleton printed once). */
  printedByTsMorph: number;
}

/**
 * Print each planned file to text with ts-morph's structure printer. No
 * syntax tree is built: the structures are written straight to text, which
 * is all a generator needs and several times faster than creating source
 * files in a project. Output order and bytes depend only on the plans.
 *
 * Three things make it cheaper while printing the very same bytes:
 * - text ts-morph only copies is handed to it as a short stand-in and put
 *   back afterwards. Bulky text (function bodies, string statements,
 *   initializers, types) keeps its first and last non-blank characters
 *   with any blanks around them, which is all ts-morph looks at (blank
 *   line after a `}`, newline at the end, empty or not); its writer scans
 *   every character it is given, and this text is ours, indented afterwards
 *   by `reindent` anyway. Words (names, module specifiers, one-line docs
 *   and types) are replaced whole: ts-morph writes them as they are;
 * - what ts-morph prints for a file with its stand-ins (its skeleton) is a
 *   function of those statements alone, their shape: modules of one kind
 *   share a handful of shapes, so each shape is printed once and every file
 *   of that shape is filled from it, and `memo` (an earlier run's
 *   skeletons) spares printing known shapes at all: an edit to field types
 *   or descriptions then needs no ts-morph;
 * - one `printStructure` call for all shapes, each followed by an end mark,
 *   so ts-morph sets up its printers once rather than once a file.
 * Stand-ins and end marks use private-use characters. If a plan's own text
 * contains them, the count comes out wrong and every file of the call is
 * printed plainly, one by one (and leaves no skeleton).
 */
export function printFiles(plans: readonly FilePlan[], memo: ReadonlyMap<string, string> = new Map()): Printed {
  const texts = new Map<string, string>();
  const skeletons = new Map<string, string>();
  let printedByTsMorph = 0;
  const shapes = new Map<string, { hidden: Statement[]; files: Array<{ plan: FilePlan; bulk: string[] }> }>();
  for (const plan of plans) {
    texts.set(plan.path, ""); // in plan order; the texts follow
    if (!batchable(plan)) {
      texts.set(plan.path, printPlain(plan));
      printedByTsMorph++;
      continue;
    }
    const bulk: string[] = [];
    const hidden = plan.statements.map((statement) => withStandIns(statement, bulk));
    const key = createHash("sha256").update(JSON.stringify(hidden)).digest("hex").slice(0, 32);
    const known = memo.get(key);
    if (known !== undefined) {
      texts.set(plan.path, fill(known, bulk));
      skeletons.set(key, known);
      continue;
    }
    const shape = shapes.get(key);
    if (shape) shape.files.push({ plan, bulk });
    else shapes.set(key, { hidden, files: [{ plan, bulk }] });
  }
  if (shapes.size === 0) return { texts, skeletons, printedByTsMorph };

  const { printStructure, StructureKind } = tsMorph();
  const statements: Array<string | StatementStructures> = [];
  let marks = 0;
  for (const { hidden, files } of shapes.values()) {
    for (const statement of hidden) statements.push(toStructure(statement));
    statements.push(FILE_END);
    marks += 2 * (files[0]!.bulk.length + 1);
  }
  const text = printStructure({ kind: StructureKind.SourceFile, statements }, PRINT_OPTIONS);
  const parts = text.split(`${FILE_END}\n`);
  printedByTsMorph += shapes.size;
  if (parts.length !== shapes.size + 1 || countMarks(text) !== marks) {
    for (const { files } of shapes.values()) for (const { plan } of files) texts.set(plan.path, printPlain(plan));
    return { texts, skeletons, printedByTsMorph };
  }
  [...shapes].forEach(([key, { files }], i) => {
    // A file printed alone ends with one newline; before the next
    // statement (the end mark) ts-morph leaves a blank line after a `}`.
    const part = parts[i]!.endsWith("\n\n") ? parts[i]!.slice(0, -1) : parts[i]!;
    skeletons.set(key, part);
    for (const { plan, bulk } of files) texts.set(plan.path, fill(part, bulk));
  });
  return { texts, skeletons, printedByTsMorph };
}

/** A skeleton with its stand-ins put back, indented. */
function fill(skeleton: string, bulk: readonly string[]): string {
  return reindent(skeleton.replace(STAND_IN, (_, bulky: string | undefined, word: string | undefined) => bulk[Number(bulky ?? word)]!));
}

const MARK = "\uE000";
/** Around the index of a word's stand-in. */
const WORD = "\uE001";
const FILE_END = `${MARK}${MARK}`;
const STAND_IN = /[^]\uE000(\d+)\uE000[^]|\uE001(\d+)\uE001/g;
/** Text this short keeps itself: a stand-in keeps its first and last characters anyway. */
const BULK = 3;

function printPlain(plan: FilePlan): string {
  const { printStructure, StructureKind } = tsMorph();
  return reindent(printStructure({ kind: StructureKind.SourceFile, statements: plan.statements.map(toStructure) }, PRINT_OPTIONS));
}

/**
 * Whether a file prints the same amid others as alone: it opens with a
 * string statement (our header comment: ts-morph puts a blank line before a
 * function or enum unless it opens the file), and no string statement
 * starts or ends with blanks (they would meet the end marks' newlines).
 */
function batchable(plan: FilePlan): boolean {
  return typeof plan.statements[0] === "string" && plan.statements.every((s) => typeof s !== "string" || (s.length > 0 && !/^\s|\s$/.test(s)));
}

function countMarks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xe000 || code === 0xe001) count++;
  }
  return count;
}

/** The statement with its bulky text and words swapped for stand-ins (the originals appended to `bulk`). */
function withStandIns(statement: Statement, bulk: string[]): Statement {
  const hide = (text: string) => standIn(text, bulk);
  const word = (text: string) => wordStandIn(text, bulk, PLAIN_WORD);
  // Inside quotes ts-morph writes a specifier as is, escaping only what these exclude.
  const specifier = (text: string) => wordStandIn(text, bulk, PLAIN_SPECIFIER);
  const docs = (list: string[]) => list.map((doc) => docStandIn(doc, bulk));
  // Short text is a word when it can be one, else bulky when long enough.
  const typeText = (text: string) => (PLAIN_WORD.test(text) ? word(text) : hide(text));
  if (typeof statement === "string") return hide(statement);
  switch (statement.kind) {
    case "import":
    case "exportFrom":
      return { ...statement, specifier: specifier(statement.specifier), names: word(statement.names) };
    case "typeAlias":
    case "declareConst":
      return { ...statement, name: word(statement.name), type: typeText(statement.type), docs: docs(statement.docs) };
    case "const":
      return { ...statement, name: word(statement.name), initializer: typeText(statement.initializer), docs: docs(statement.docs) };
    case "declareFunction":
      return {
        ...statement,
        name: word(statement.name),
        parameters: statement.parameters.map((p) => ({ ...p, ...(p.type !== undefined ? { type: word(p.type) } : {}) })),
        returnType: word(statement.returnType),
        docs: docs(statement.docs),
      };
    case "function":
      return { ...statement, name: word(statement.name), body: hide(statement.body), docs: docs(statement.docs) };
    case "enum":
      return { ...statement, name: word(statement.name), docs: docs(statement.docs) };
  }
}

/**
 * What a word stand-in may replace: text ts-morph's writer copies without
 * looking at it. No blanks at the ends (ts-morph adds a space unless the
 * last character is one), no line breaks, and nothing its writer tracks
 * (quotes and template strings, `/` and `*` of comments, backslashes);
 * never our marks.
 */
const PLAIN_WORD = /^[^\s'"`\\/*\uE000\uE001](?:[^\n\r\u2028\u2029'"`\\/*\uE000\uE001]*[^\s'"`\\/*\uE000\uE001])?$/;
const PLAIN_SPECIFIER = /^[^\s'"`\\\uE000\uE001]+$/;

function wordStandIn(text: string, bulk: string[], allowed: RegExp): string {
  if (!allowed.test(text)) return text;
  bulk.push(text);
  return `${WORD}${bulk.length - 1}${WORD}`;
}

/**
 * A JSDoc's lines as word stand-ins: ts-morph writes a one-line doc as is
 * between `/** ` and ` *\/`, and each line of a longer one after ` * `
 * (an empty line as ` *`). Blanks that open a line stay, so do empty lines;
 * a doc with a line ending in blanks, or with other line breaks, stays whole.
 */
function docStandIn(doc: string, bulk: string[]): string {
  if (/[\r\u2028\u2029\uE000\uE001]|\*\/|[ \t]\n|[ \t]$/.test(doc)) return doc;
  return doc
    .split("\n")
    .map((line) => {
      const indent = /^[ \t]*/.exec(line)![0];
      if (indent.length === line.length) return line;
      bulk.push(line.slice(indent.length));
      return `${indent}${WORD}${bulk.length - 1}${WORD}`;
    })
    .join("\n");
}

/** `text`'s stand-in: its blanks and first and last other characters around MARK, index, MARK. */
function standIn(text: string, bulk: string[]): string {
  if (text.length < BULK) return text;
  let head = 0;
  while (head < text.length && /\s/.test(text[head]!)) head++;
  let tail = text.length - 1;
  while (tail > head && /\s/.test(text[tail]!)) tail--;
  if (tail - head < 2) return text;
  bulk.push(text);
  return `${text.slice(0, head + 1)}${MARK}${bulk.length - 1}${MARK}${text.slice(tail)}`;
}

/**
 * Emitters write statement bodies as text without caring for indentation;
 * this re-indents a printed file by bracket depth, two spaces a level. Safe
 * because generated strings never span lines (newlines in doc text are
 * escaped), and comment lines are indented but never counted.
 */
export function reindent(text: string): string {
  let depth = 0;
  let inComment = false;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === "") {
      lines[i] = "";
    } else if (inComment || line.startsWith("/*")) {
      inComment = !line.endsWith("*/");
      lines[i] = `${indent(depth)}${line.startsWith("*") ? " " : ""}${line}`;
    } else if (line.startsWith("//")) {
      lines[i] = `${indent(depth)}${line}`;
    } else {
      if (depth > 0 && "}])".includes(line[0]!)) depth--;
      lines[i] = `${indent(depth)}${line}`;
      if ("{[(".includes(line[line.length - 1]!)) depth++;
    }
  }
  return lines.join("\n");
}

const INDENTS: string[] = [];
function indent(depth: number): string {
  return (INDENTS[depth] ??= "  ".repeat(depth));
}
