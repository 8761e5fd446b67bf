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

/** A file as ts-morph printed it with stand-ins, and the key of the statements it was printed from. */
export interface Skeleton {
  key: string;
  text: string;
}

export interface Printed {
  /** Path → text, in plan order. */
  texts: Map<string, string>;
  /** Path → skeleton of each file printed or reused with stand-ins: the memo for a later run. */
  skeletons: Map<string, Skeleton>;
  /** How many files ts-morph printed (the rest came from the memo). */
  printedByTsMorph: number;
}

/**
 * Print each planned file to text with ts-morph's structure printer. No
 * syntax tree is built: the structures are written straight to text, which
 * is all a generator needs and several times faster than creating source
 * files in a project. Output order and bytes depend only on the plans.
 *
 * Three things make it cheaper while printing the very same bytes:
 * - bulky text (function bodies, string statements, initializers, types) is
 *   handed to ts-morph as a short stand-in and put back afterwards. Its
 *   writer scans every character it is given (to track strings, comments,
 *   indentation), and this text is ours, indented afterwards by `reindent`
 *   anyway. A stand-in keeps the text's first and last non-blank characters
 *   with any blanks around them, which is all ts-morph looks at (blank line
 *   after a `}`, newline at the end, empty or not);
 * - the printed file with its stand-ins (its skeleton) is a function of the
 *   statements with stand-ins alone, so `memo` (an earlier run's skeletons)
 *   gives it back whenever those are unchanged: an edit to field types or
 *   descriptions changes only bulky text, and then needs no ts-morph at all;
 * - one `printStructure` call for all other files, each followed by an end
 *   mark, so ts-morph sets up its printers once rather than once a file.
 * Stand-ins and end marks use MARK, a private-use character. If a plan's
 * own text contains it, the count comes out wrong and every file of the
 * call is printed plainly, one by one (and leaves no skeleton).
 */
export function printFiles(plans: readonly FilePlan[], memo: ReadonlyMap<string, Skeleton> = new Map()): Printed {
  const texts = new Map<string, string>();
  const skeletons = new Map<string, Skeleton>();
  let printedByTsMorph = 0;
  const batch: Array<{ plan: FilePlan; hidden: Statement[]; bulk: string[]; key: string }> = [];
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
    const known = memo.get(plan.path);
    if (known?.key === key) {
      texts.set(plan.path, fill(known.text, bulk));
      skeletons.set(plan.path, known);
    } else batch.push({ plan, hidden, bulk, key });
  }
  if (batch.length === 0) return { texts, skeletons, printedByTsMorph };

  const { printStructure, StructureKind } = tsMorph();
  const statements: Array<string | StatementStructures> = [];
  for (const { hidden } of batch) {
    for (const statement of hidden) statements.push(toStructure(statement));
    statements.push(FILE_END);
  }
  const text = printStructure({ kind: StructureKind.SourceFile, statements }, PRINT_OPTIONS);
  const parts = text.split(`${FILE_END}\n`);
  printedByTsMorph += batch.length;
  if (parts.length !== batch.length + 1 || countMarks(text) !== 2 * batch.reduce((n, b) => n + b.bulk.length + 1, 0)) {
    for (const { plan } of batch) texts.set(plan.path, printPlain(plan));
    return { texts, skeletons, printedByTsMorph };
  }
  batch.forEach(({ plan, bulk, key }, i) => {
    // A file printed alone ends with one newline; before the next
    // statement (the end mark) ts-morph leaves a blank line after a `}`.
    const part = parts[i]!.endsWith("\n\n") ? parts[i]!.slice(0, -1) : parts[i]!;
    skeletons.set(plan.path, { key, text: part });
    texts.set(plan.path, fill(part, bulk));
  });
  return { texts, skeletons, printedByTsMorph };
}

/** A skeleton with its stand-ins put back, indented. */
function fill(skeleton: string, bulk: readonly string[]): string {
  return reindent(skeleton.replace(STAND_IN, (_, index: string) => bulk[Number(index)]!));
}

const MARK = "\uE000";
const FILE_END = `${MARK}${MARK}`;
const STAND_IN = /[^]\uE000(\d+)\uE000[^]/g;
/** Shorter text is not worth a stand-in. */
const BULK = 40;

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
  for (let at = text.indexOf(MARK); at >= 0; at = text.indexOf(MARK, at + 1)) count++;
  return count;
}

/** The statement with its bulky text swapped for stand-ins (the originals appended to `bulk`). */
function withStandIns(statement: Statement, bulk: string[]): Statement {
  const hide = (text: string) => standIn(text, bulk);
  if (typeof statement === "string") return hide(statement);
  switch (statement.kind) {
    case "function":
      return { ...statement, body: hide(statement.body) };
    case "typeAlias":
    case "declareConst":
      return { ...statement, type: hide(statement.type) };
    case "const":
      return { ...statement, initializer: hide(statement.initializer) };
    default:
      return statement;
  }
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
