/**
 * Our emit interface: the statements a generated file is made of, as plain
 * data. Emitters build these; printer.ts turns them into ts-morph
 * structures only when a file must really be printed. Being plain data, a
 * file's statements can also be compared with an earlier run's (the
 * printer's skeleton memo) without loading ts-morph at all.
 */
import { commentText, valueLiteral } from "./escape.ts";

export type Statement =
  | string
  | { kind: "import"; specifier: string; names: string; typeOnly: boolean }
  | { kind: "exportFrom"; specifier: string; names: string; typeOnly: boolean }
  | { kind: "typeAlias"; name: string; type: string; docs: string[] }
  | { kind: "enum"; name: string; docs: string[]; members: Array<{ name: string; initializer: string; docs: string[] }> }
  | { kind: "declareConst"; name: string; type: string; docs: string[] }
  | { kind: "const"; name: string; initializer: string; docs: string[]; exported: boolean }
  | { kind: "declareFunction"; name: string; parameters: Array<{ name: string; type?: string; optional: boolean }>; returnType: string; docs: string[] }
  | { kind: "function"; name: string; parameters: string[]; body: string; docs: string[]; exported: boolean };

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

export interface Parameter {
  name: string;
  type?: string;
  optional?: boolean;
}

export interface ImportedName {
  name: string;
  alias?: string;
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

/** `import { A, B as C } from "specifier";` (names written as one text: ts-morph takes it as is). */
export function importDeclaration(specifier: string, names: ImportedName[], typeOnly: boolean): Statement {
  return { kind: "import", specifier, names: names.map((n) => (n.alias ? `${n.name} as ${n.alias}` : n.name)).join(", "), typeOnly };
}

export function exportFrom(specifier: string, names: string[], typeOnly = false): Statement {
  return { kind: "exportFrom", specifier, names: names.join(", "), typeOnly };
}

export function typeAlias(name: string, type: string, doc?: Doc): Statement {
  return { kind: "typeAlias", name, type, docs: docs(doc) };
}

export function enumDeclaration(name: string, members: Array<{ name: string; value: string | number; doc?: Doc }>, doc?: Doc): Statement {
  // Written as our own literal: ts-morph's quoting leaves U+2028/U+2029 raw, which TypeScript reads as an unterminated string.
  return { kind: "enum", name, docs: docs(doc), members: members.map((m) => ({ name: m.name, initializer: valueLiteral(m.value), docs: docs(m.doc) })) };
}

/** `export declare const name: type;` (declaration files). */
export function declareConst(name: string, type: string, doc?: Doc): Statement {
  return { kind: "declareConst", name, type, docs: docs(doc) };
}

/** `export const name = initializer;` (JavaScript files). */
export function constStatement(name: string, initializer: string, doc?: Doc, exported = true): Statement {
  return { kind: "const", name, initializer, docs: docs(doc), exported };
}

/** `export declare function name(params): returnType;` (declaration files). */
export function declareFunction(name: string, parameters: Parameter[], returnType: string, doc?: Doc): Statement {
  const params = parameters.map((p) => ({ name: p.name, ...(p.type ? { type: p.type } : {}), optional: p.optional === true }));
  return { kind: "declareFunction", name, parameters: params, returnType, docs: docs(doc) };
}

/** `export function name(params) { body }` (JavaScript files). */
export function functionDeclaration(name: string, parameters: string[], body: string, doc?: Doc, exported = true): Statement {
  return { kind: "function", name, parameters, body, docs: docs(doc), exported };
}
