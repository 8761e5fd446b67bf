/**
 * The one module that owns ts-morph: our own small emit interface (statement
 * builders and `printFiles`) in front of ts-morph's structures and printer.
 */
import { createRequire } from "node:module";
import type { JSDocStructure, OptionalKind, StatementStructures } from "ts-morph";
import { commentText } from "./escape.ts";

// ts-morph is CommonJS around a bundled TypeScript: `require` loads it ~0.4 s
// faster than `import`, which first scans the whole bundle for named exports.
const { printStructure, StructureKind, VariableDeclarationKind } = createRequire(import.meta.url)("ts-morph") as typeof import("ts-morph");

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

function docs(doc: Doc | undefined): OptionalKind<JSDocStructure>[] {
  if (!doc) return [];
  const tags = [...(doc.tags ?? [])].map((t) => ({ tagName: t.tagName, ...(t.text ? { text: commentText(t.text) } : {}) }));
  if (doc.deprecated) {
    const message = doc.deprecated.message ? commentText(doc.deprecated.message).replace(/\s*\n\s*/g, " ") : "";
    tags.push({ tagName: "deprecated", ...(message ? { text: message } : {}) });
  }
  const description = doc.description ? commentText(doc.description) : "";
  if (!description && tags.length === 0) return [];
  return [{ ...(description ? { description: `${description}${tags.length ? "\n" : ""}` } : {}), tags }];
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
    namedImports: names.map((n) => ({ name: n.name, ...(n.alias ? { alias: n.alias } : {}) })),
  };
}

export function exportFrom(specifier: string, names: string[], typeOnly = false): Statement {
  return { kind: StructureKind.ExportDeclaration, moduleSpecifier: specifier, isTypeOnly: typeOnly, namedExports: names.map((name) => ({ name })) };
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
    members: members.map((m) => ({ name: m.name, value: m.value, docs: docs(m.doc) })),
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

/**
 * Print each planned file to text with ts-morph's structure printer. No
 * syntax tree is built: the structures are written straight to text, which
 * is all a generator needs and several times faster than creating source
 * files in a project. Output order and bytes depend only on the plans.
 */
export function printFiles(plans: readonly FilePlan[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const plan of plans) {
    const text = printStructure({ kind: StructureKind.SourceFile, statements: plan.statements }, { indentNumberOfSpaces: 2, newLine: "\n" });
    out.set(plan.path, reindent(text));
  }
  return out;
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
  const lines = text.split("\n").map((raw) => {
    const line = raw.trim();
    if (line === "") return "";
    if (inComment || line.startsWith("/*")) {
      inComment = !line.endsWith("*/");
      return `${"  ".repeat(depth)}${line.startsWith("*") ? " " : ""}${line}`;
    }
    if (line.startsWith("//")) return `${"  ".repeat(depth)}${line}`;
    const closes = /^[}\])]/.test(line) ? 1 : 0;
    depth = Math.max(0, depth - closes);
    const out = `${"  ".repeat(depth)}${line}`;
    if (/[{[(]$/.test(line)) depth++;
    return out;
  });
  return lines.join("\n");
}
