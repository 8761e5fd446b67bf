/**
 * The one module that owns ts-morph: our own small emit interface (statement
 * builders and `printFiles`) in front of ts-morph's structures and printer.
 */
import type { OptionalKind, StatementStructures, VariableDeclarationStructure, WriterFunction } from "ts-morph";
import { commentText, valueLiteral } from "./escape.ts";
import { loadTsMorph } from "./load-ts-morph.ts";

// ts-morph is CommonJS around a bundled TypeScript: `require` (inside
// loadTsMorph) loads it ~0.4 s faster than `import`, which first scans the
// whole bundle for named exports; a V8 code cache halves what is left.
const { printStructure, StructureKind, VariableDeclarationKind } = loadTsMorph();

export type Statement = string | StatementStructures;

export interface FilePlan {
  /** Package-relative path, `/`-separated. */
  path: string;
  statements: Statement[];
}

export interface Doc {
  description?: string | undefined;
  deprecated?: { message?: string } | undefined;
  /** Extra tags, e.g. `{ tagName: "see", text: "…" }`. */
  tags?: Array<{ tagName: string; text?: string }>;
}

/**
 * A JSDoc as the string ts-morph prints inside its `/** … *\/` frame. The
 * text is exactly what it would build from a `{ description, tags }`
 * structure (description, blank line, one `@tag text` a line), but a string
 * saves it two scratch writers per comment, and writers are costly there.
 */
function docs(doc: Doc | undefined): string[] {
  if (!doc) return [];
  const tags = (doc.tags ?? []).map((t) => tag(t.tagName, t.text ? commentText(t.text) : ""));
  if (doc.deprecated) tags.push(tag("deprecated", doc.deprecated.message ? commentText(doc.deprecated.message).replace(/\s*\n\s*/g, " ") : ""));
  const description = doc.description ? commentText(doc.description) : "";
  if (!description) return tags.length ? [tags.join("\n")] : [];
  return [tags.length ? `${description}\n\n${tags.join("\n")}` : description];
}

function tag(name: string, text: string): string {
  return text ? `@${name} ${text}` : `@${name}`;
}

export interface ImportedName {
  name: string;
  alias?: string;
}

export function importDeclaration(specifier: string, names: ImportedName[], typeOnly: boolean): Statement {
  return {
    kind: StructureKind.ImportDeclaration,
    moduleSpecifier: specifier,
    isTypeOnly: typeOnly,
    namedImports: specifiers(names.map((n) => (n.alias ? `${n.name} as ${n.alias}` : n.name))),
  };
}

/**
 * Named imports or exports written as one text (`A, B as C`) by a writer
 * function, a form ts-morph takes as is: a list costs it a writer and a
 * comma scan per name. An empty list stays a list, for ts-morph to print.
 */
function specifiers(names: string[]): WriterFunction | string[] {
  const text = names.join(", ");
  return text ? (writer) => writer.write(text) : [];
}

export function exportFrom(specifier: string, names: string[], typeOnly = false): Statement {
  return { kind: StructureKind.ExportDeclaration, moduleSpecifier: specifier, isTypeOnly: typeOnly, namedExports: specifiers(names) };
}

export function typeAlias(name: string, type: string, doc?: Doc): Statement {
  return { kind: StructureKind.TypeAlias, name, type, isExported: true, docs: docs(doc) };
}

export function enumDeclaration(name: string, members: Array<{ name: string; value: string | number; doc?: Doc }>, doc?: Doc): Statement {
  return {
    kind: StructureKind.Enum,
    name,
    isExported: true,
    hasDeclareKeyword: true,
    docs: docs(doc),
    // Written as our own literal: ts-morph's quoting leaves U+2028/U+2029 raw, which TypeScript reads as an unterminated string.
    members: members.map((m) => ({ name: m.name, initializer: valueLiteral(m.value), docs: docs(m.doc) })),
  };
}

/** `export declare const name: type;` (declaration files). */
export function declareConst(name: string, type: string, doc?: Doc): Statement {
  return {
    kind: StructureKind.VariableStatement,
    isExported: true,
    hasDeclareKeyword: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: docs(doc),
    declarations: [{ name, type }],
  };
}

/** `export const name = initializer;` (JavaScript files). */
export function constStatement(name: string, initializer: string, doc?: Doc, exported = true): Statement {
  return {
    kind: StructureKind.VariableStatement,
    isExported: exported,
    declarationKind: VariableDeclarationKind.Const,
    docs: docs(doc),
    declarations: [{ name, initializer }],
  };
}

export interface Parameter {
  name: string;
  type?: string;
  optional?: boolean;
}

/** `export declare function name(params): returnType;` (declaration files). */
export function declareFunction(name: string, parameters: Parameter[], returnType: string, doc?: Doc): Statement {
  return {
    kind: StructureKind.Function,
    name,
    isExported: true,
    hasDeclareKeyword: true,
    docs: docs(doc),
    parameters: parameters.map((p) => ({ name: p.name, ...(p.type ? { type: p.type } : {}), hasQuestionToken: p.optional === true })),
    returnType,
  };
}

/** `export function name(params) { body }` (JavaScript files). */
export function functionDeclaration(name: string, parameters: string[], body: string, doc?: Doc, exported = true): Statement {
  return {
    kind: StructureKind.Function,
    name,
    isExported: exported,
    docs: docs(doc),
    parameters: parameters.map((p) => ({ name: p })),
    statements: body,
  };
}

const PRINT_OPTIONS = { indentNumberOfSpaces: 2, newLine: "\n" } as const;

/**
 * Print each planned file to text with ts-morph's structure printer. No
 * syntax tree is built: the structures are written straight to text, which
 * is all a generator needs and several times faster than creating source
 * files in a project. Output order and bytes depend only on the plans.
 *
 * Two things make it cheaper while printing the very same bytes:
 * - one `printStructure` call for all files, each followed by an end mark,
 *   so ts-morph sets up its printers once rather than once a file;
 * - bulky text (function bodies, string statements, initializers, types) is
 *   handed to ts-morph as a short stand-in and put back afterwards. Its
 *   writer scans every character it is given (to track strings, comments,
 *   indentation), and this text is ours, indented afterwards by `reindent`
 *   anyway. A stand-in keeps the text's first and last non-blank characters
 *   with any blanks around them, which is all ts-morph looks at (blank line
 *   after a `}`, newline at the end, empty or not).
 * Both use MARK, a private-use character. If a plan's own text contains it,
 * the count comes out wrong and every file is printed plainly, one by one.
 */
export function printFiles(plans: readonly FilePlan[]): Map<string, string> {
  const out = new Map<string, string>();
  const batch: FilePlan[] = [];
  for (const plan of plans) {
    out.set(plan.path, batchable(plan) ? "" : printPlain(plan)); // in plan order; batched texts follow
    if (batchable(plan)) batch.push(plan);
  }
  if (batch.length === 0) return out;

  const bulk: string[] = [];
  const statements: Statement[] = [];
  for (const plan of batch) {
    for (const statement of plan.statements) statements.push(withStandIns(statement, bulk));
    statements.push(FILE_END);
  }
  const text = printStructure({ kind: StructureKind.SourceFile, statements }, PRINT_OPTIONS);
  const parts = text.split(`${FILE_END}\n`);
  if (parts.length !== batch.length + 1 || countMarks(text) !== 2 * (bulk.length + batch.length)) {
    for (const plan of batch) out.set(plan.path, printPlain(plan));
    return out;
  }
  batch.forEach((plan, i) => {
    // A file printed alone ends with one newline; before the next
    // statement (the end mark) ts-morph leaves a blank line after a `}`.
    const part = parts[i]!.endsWith("\n\n") ? parts[i]!.slice(0, -1) : parts[i]!;
    out.set(plan.path, reindent(part.replace(STAND_IN, (_, index: string) => bulk[Number(index)]!)));
  });
  return out;
}

const MARK = "\uE000";
const FILE_END = `${MARK}${MARK}`;
const STAND_IN = /[^]\uE000(\d+)\uE000[^]/g;
/** Shorter text is not worth a stand-in. */
const BULK = 40;

function printPlain(plan: FilePlan): string {
  return reindent(printStructure({ kind: StructureKind.SourceFile, statements: plan.statements }, PRINT_OPTIONS));
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
    case StructureKind.Function:
      return typeof statement.statements === "string" ? { ...statement, statements: hide(statement.statements) } : statement;
    case StructureKind.TypeAlias:
      return typeof statement.type === "string" ? { ...statement, type: hide(statement.type) } : statement;
    case StructureKind.VariableStatement:
      return { ...statement, declarations: statement.declarations.map((d) => hideDeclaration(d, hide)) };
    default:
      return statement;
  }
}

function hideDeclaration(d: OptionalKind<VariableDeclarationStructure>, hide: (text: string) => string): OptionalKind<VariableDeclarationStructure> {
  return {
    ...d,
    ...(typeof d.initializer === "string" ? { initializer: hide(d.initializer) } : {}),
    ...(typeof d.type === "string" ? { type: hide(d.type) } : {}),
  };
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
