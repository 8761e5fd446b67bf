/**
 * The intermediate representation: the contract between parse, ir and emit.
 *
 * Everything here is plain, JSON-serializable data. No mdast node, vfile or
 * ts-morph type may appear in these definitions, so that each stage can be
 * tested (and cached) on its own.
 */

/** A place in a doc, 1-based like editors and vfile. */
export interface Position {
  /** Path of the doc relative to the spec root, with `/` separators. */
  file: string;
  line: number;
  column: number;
}

export type PrimitiveName = "string" | "number" | "boolean" | "any";

/** Global web-platform types that docs may name. */
export type WebTypeName = "Response" | "Request" | "File" | "Blob" | "ReadableStream";

/** The type of a field, union member or record value, as a small tree. */
export type TypeExpr =
  | { kind: "primitive"; name: PrimitiveName }
  | { kind: "bigint" }
  | { kind: "literal"; value: string | number | boolean }
  | { kind: "date"; dateOnly: boolean }
  | { kind: "web"; name: WebTypeName }
  | { kind: "array"; element: TypeExpr }
  | { kind: "record"; value: TypeExpr }
  | { kind: "union"; members: TypeExpr[] }
  | RefType;

/**
 * A reference to another doc. The parser fills `name`, `namespace` and, when
 * the doc links it, `link` (relative to the referencing doc). The resolve step
 * fills `target` with the referenced model's id.
 */
export interface RefType {
  kind: "ref";
  name: string;
  namespace?: string;
  link?: string;
  target?: string;
  position?: Position;
}

export interface Deprecation {
  message?: string;
}

export interface Example {
  /** The example as written (TypeScript expression text or cell text). */
  text: string;
  /** Imports the example code needs (Example Usage and union member blocks). */
  imports?: ExampleImport[];
  position: Position;
}

export interface ExampleImport {
  names: string[];
  from: string;
}

export interface Field {
  name: string;
  type: TypeExpr;
  required: boolean;
  /** Markdown, with `<br/>` turned into line breaks and escapes removed. */
  description?: string;
  deprecated?: Deprecation;
  example?: Example;
  position: Position;
}

export interface EnumMember {
  /** The TypeScript member name (given by a Name/Value table, or derived). */
  name: string;
  value: string | number;
  position: Position;
}

export interface UnionMember {
  /** The H3 title text, a TypeScript type expression. */
  title: string;
  type: TypeExpr;
  example?: Example;
  position: Position;
}

interface ModelCommon {
  /** Spec-relative path without `.md` (`operations/foo`): unique per spec. */
  id: string;
  /** The exported type name: the H1 title, made a safe identifier by ir/. */
  name: string;
  /** The H1 title when it differed from `name`. */
  title?: string;
  /** Spec-relative folder, `""` for the root. */
  folder: string;
  description?: string;
  deprecated?: Deprecation;
  /** The module named by the Example Usage import, e.g. `authlete/models`. */
  importPath?: string;
  /** The value of `let value: X = ...;` in Example Usage. */
  example?: Example;
  position: Position;
}

export interface ObjectModel extends ModelCommon {
  kind: "object";
  fields: Field[];
}

export interface EnumModel extends ModelCommon {
  kind: "enum";
  /** How the doc wrote the values: a one-line union block or a Name/Value table. */
  syntax: "union-block" | "table";
  valueType: "string" | "number";
  /** Open enums also admit values that are not listed. */
  open: boolean;
  members: EnumMember[];
}

export interface UnionModel extends ModelCommon {
  kind: "union";
  members: UnionMember[];
}

export type Model = ObjectModel | EnumModel | UnionModel;
export type ModelKind = Model["kind"];

/** Severity follows vfile: `fatal: true` is an error, otherwise a warning. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
  /** Stable rule id, e.g. `fields-table-header`. */
  ruleId: string;
  severity: "error" | "warning";
  hint?: string;
}

/** The whole spec after resolution: what the emitters consume. */
export interface Spec {
  /** Models sorted by id: the single place where output order is decided. */
  models: Model[];
  /** Spec-relative folders holding models, sorted; `""` is the root. */
  folders: string[];
}
