/**
 * fast-check arbitraries for whole SPECS of valid model docs, written the
 * way docs-grammar.md (../shared/docs-grammar.md) describes them: object
 * docs with `## Fields` tables (4 or 5 columns, every Type cell form), enum
 * docs (one-line union blocks and `| Name | Value |` tables, closed and
 * open), union docs (`### \`Type\`` members), deprecation markers, Example
 * Usage blocks, and hostile text wherever the grammar allows free text.
 *
 * Two steps, so that every link resolves: first the docs' folders, titles
 * and kinds are picked; then each doc's content is generated knowing every
 * other doc (refs are doc indexes, rendered as correct relative links, some
 * climbing above the spec root and coming back).
 *
 * Each generated doc keeps its plan, and `expectedModel` says what the
 * parser must read from it (names, required flags, types, enum values), in a
 * form `normalizeModel` also gives for the real IR.
 */
import fc from "fast-check";
import type { EnumStyle } from "../../generator/ir/naming.ts";
import type { Model, TypeExpr, WebTypeName } from "../../generator/ir/types.ts";

// --- plans --------------------------------------------------------------------

/** A type as the arbitrary meant it; refs name other docs by index. */
export type TypePlan =
  | { kind: "primitive"; name: "string" | "number" | "boolean" | "any" }
  | { kind: "bigint" }
  | { kind: "literal"; value: string | number | boolean }
  | { kind: "date"; dateOnly: boolean; spelling: "Date" | "RFCDate" }
  | { kind: "web"; name: WebTypeName }
  | { kind: "array"; element: TypePlan }
  | { kind: "record"; value: TypePlan; spelling: "Record" | "index" }
  | { kind: "union"; members: TypePlan[] }
  | { kind: "ref"; target: number };

export interface FieldPlan {
  name: string;
  /** The name as the Field cell's code span writes it (differs for escaped pipes). */
  source: string;
  required: boolean;
  /** `~~\`name\`~~` */
  struck: boolean;
  /** The `: warning: ** DEPRECATED **: …<br/><br/>` description prefix. */
  deprecationNote?: string;
  type: TypePlan;
  /** Raw markdown of the Description cell (pipes already escaped). */
  description: string;
  /** Raw markdown of the Example cell, when the table has one. */
  example?: string;
}

export interface ObjectBody {
  kind: "object";
  fields: FieldPlan[];
  withExample: boolean;
  padded: boolean;
}

export interface EnumBody {
  kind: "enum";
  syntax: "union-block" | "table";
  valueType: "string" | "number";
  open: boolean;
  values: Array<string | number>;
  /** Table syntax: the Name cells, and the names the IR must end up with. */
  names?: string[];
  expectedNames?: string[];
  padded: boolean;
}

export interface UnionMemberPlan {
  type: TypePlan;
  /** Code block after the H3: none, one line, or wrapped over two lines. */
  code: "none" | "line" | "wrapped";
}

export interface UnionBody {
  kind: "union";
  members: UnionMemberPlan[];
}

export type DocKind = "object" | "enum" | "union";

export interface DocHead {
  folder: string;
  title: string;
  kind: DocKind;
}

export interface DocPlan extends DocHead {
  index: number;
  /** Spec-relative path: `<folder>/<lowercase title>.md`. */
  path: string;
  /** Model id: the path without `.md`. */
  id: string;
  deprecated: "none" | "title" | "notice" | "both";
  deprecationMessage: string;
  description: string[];
  example: "none" | "value" | "no-examples";
  packageName: string;
  body: ObjectBody | EnumBody | UnionBody;
  trailingNewline: boolean;
  text: string;
}

export interface SpecPlan {
  /** Where the spec root "lives": links that climb above it come back through these names. */
  rootPath: string;
  enumStyle: EnumStyle;
  docs: DocPlan[];
}

export interface SpecOptions {
  /** Most docs in a spec (default 8). */
  maxDocs?: number;
  /** Most fields in an object doc (default 6). */
  maxFields?: number;
  /** Deepest nesting of Records in a cell (default 2). */
  maxTypeDepth?: number;
}

/** The spec root the arbitrary's links assume; pass it as `rootPath`. */
export const ROOT_PATH = "/sdk/docs/models";
const ROOT_SEGMENTS = ROOT_PATH.split("/").filter(Boolean); // sdk, docs, models

const FOLDERS = ["", "", "operations", "errors", "components", "shared"];

export const MDN = {
  Date: "https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date",
  Response: "https://developer.mozilla.org/en-US/docs/Web/API/Response",
  File: "https://developer.mozilla.org/en-US/docs/Web/API/File",
  Blob: "https://developer.mozilla.org/en-US/docs/Web/API/Blob",
} as const;

// --- names -----------------------------------------------------------------------

const SYLLABLES = ["Ac", "Bel", "Cor", "Dun", "Ex", "Fo", "Gal", "Hu", "In", "Jo", "Ka", "Lem", "Mo", "Nu", "Or", "Pa", "Qui", "Ru", "Sol", "Tex", "Ul", "Vo", "Wy", "Xe", "Yo", "Ze"];
const SUFFIXES = ["", "", "Request", "Response", "Error", "Item", "Status", "Kind", "2", "V1", "ID", "API"];

/**
 * Model titles that shadow globals the generated code uses, names the
 * runtime exports, and non-ASCII identifiers.
 */
const TRICKY_TITLES = [
  "Date", "Object", "Number", "Set", "Array", "Error", "JSON", "Symbol", "String", "Map", "Promise", "Boolean",
  "Response", "Request", "File", "Blob", "ReadableStream", "Uint8Array", "BigInt", "Math", "Reflect", "Function",
  "ValidationError", "RFCDate", "Unrecognized", "ValidationIssue", "ValidationResult", "ValidateOptions", "JSONSchema", "StandardSchemaV1",
  "Record", "Partial", "Value", "Values", "Fields", "Models", "Café", "Ñandú", "Δelta", "Ωmega", "X", "A1",
];

const titleArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.tuple(fc.array(fc.constantFrom(...SYLLABLES), { minLength: 1, maxLength: 3 }), fc.constantFrom(...SUFFIXES)).map(([s, x]) => s.join("") + x) },
  { weight: 2, arbitrary: fc.constantFrom(...TRICKY_TITLES) },
);

/** Field names: ordinary, and weird but legal (property names are quoted when they must be). */
const WEIRD_FIELD_NAMES = [
  "a-b", "__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf", "__defineGetter__", "prototype", "length",
  "then", "class", "default", "delete", "new", "function", "import", "await", "yield", "let", "enum", "NaN", "Infinity", "undefined", "null",
  "globalThis", "0", "1", "007", "1e3", "-1", "$ref", "@type", "a.b", "a b", "x-y-z", "ünïcödé", "日本語", "emoji🎉", "'quote", '"dq', "back\\slash",
  "*/", "/*", "${x}", "a\u2028b", "a\u2029b", "<br/>", "&amp;", "s", "v", "o", "f0", "e0", "path", "issues", "value", "options",
  "$issue", "$own", "Object", "Array", "Date", "Number", "Symbol", "__proto", "_", "$", "ZWJ\u200d", "\u00e9t\u00e9",
];

const plainFieldName = fc
  .tuple(fc.constantFrom("id", "name", "type", "status", "created", "amount", "items", "meta", "data", "url", "count", "enabled", "tags"), fc.constantFrom("", "", "At", "Id", "_2", "List", "Count", "X"))
  .map(([a, b]) => a + b);

/** Code-span text without backticks, pipes, line breaks or edge spaces. */
const codeSpanText = fc
  .string({ unit: fc.oneof(fc.constantFrom(..."abcXYZ0189_$-. :@#%&*()[]{}<>!?'\"\\/=+~^"), fc.constantFrom("é", "ß", "中", "🎉", "\u00a0", "\u2028")), minLength: 1, maxLength: 10 })
  .filter((s) => s.trim() === s && s !== "" && !/\\$/.test(s) && !/^\s*$/.test(s));

const fieldNameArb: fc.Arbitrary<{ name: string; source: string }> = fc.oneof(
  { weight: 5, arbitrary: plainFieldName.map((name) => ({ name, source: name })) },
  { weight: 3, arbitrary: fc.constantFrom(...WEIRD_FIELD_NAMES).map((name) => ({ name, source: name })) },
  { weight: 1, arbitrary: codeSpanText.map((name) => ({ name, source: name })) },
  // GFM unescapes `\|` inside a code span in a table cell.
  { weight: 1, arbitrary: fc.constantFrom({ name: "a|b", source: "a\\|b" }, { name: "|", source: "\\|" }) },
);

// --- hostile text ------------------------------------------------------------------

/** Fragments that are legal inside a description, one line each. */
const HOSTILE = [
  "*/", "/*", "/** */", "`code`", "``", "`", "${x}", "${", "}", "'", '"', "\\", "\\\\", "\\n", "\\u0000", "<br/>", "<br />", "<BR>", "&amp;", "&lt;tag&gt;",
  "&#123;", "&#x1F600;", "&#0;", "&#xD800;", "&bogus;", "&", "\u2028", "\u2029", "@param x", "@deprecated", "-->", "<!-- c -->", "</script>", '<a href="x">link</a>',
  "[link](http://example.com)", "**bold**", "_under_", "~~gone~~", "émoji 🎉", "\u0000", "\u0007", "\u001b[31m", "\t", "\u200b", "\ufeff", "\ud800", "\udfff",
  "N/A", "#", "|", "\\|", "\\_", "<nil>", "Record<string, *string*>", "*string*", "[x](y.md)", "\u00a0", "0", "-", "\u061c", "\u202e",
];

const wordArb = fc.constantFrom("The", "value", "of", "a", "field", "that", "is", "used", "for", "billing", "and", "more", "ok", "x");

/** A line of hostile text, never starting with block syntax (each line starts with a word). */
const hostileLine: fc.Arbitrary<string> = fc
  .tuple(wordArb, fc.array(fc.oneof({ weight: 2, arbitrary: wordArb }, { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), { maxLength: 8 }))
  .map(([first, rest]) => [first, ...rest].join(" ").replace(/[\r\n]/g, " "));

/** Text for a table cell: pipes escaped, nothing that ends or splits the row. */
function cellText(raw: string): string {
  return raw
    .replace(/[\r\n]/g, " ")
    .replace(/\\(?=\|)/g, "\\ ")
    .replace(/(?<!\\)\|/g, "\\|")
    .replace(/\\+$/, "")
    .trim();
}

/** Text longer than the parser's "long line" threshold (2,000 characters), where it masks free text for remark. */
const longText = (line: fc.Arbitrary<string>) => fc.tuple(line, fc.integer({ min: 2100, max: 6000 })).map(([l, size]) => (l + " ").repeat(Math.ceil(size / (l.length + 1))).slice(0, size).trim());

const descriptionCell: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: fc.constant("N/A") },
  { weight: 1, arbitrary: fc.constant("") },
  { weight: 8, arbitrary: fc.array(hostileLine, { minLength: 1, maxLength: 3 }).map((lines) => cellText(lines.join("<br/>"))) },
  { weight: 1, arbitrary: longText(hostileLine).map(cellText) },
);

const exampleCell: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", "<nil>", "true", "false", "42", "-3.5", "2025-01-01", "2025-01-01T00:00:00Z", "hello world", "N/A", '{<br/>"a": 1,<br/>"b": [1, 2]<br/>}', "\\|", "a \\| b"),
  hostileLine.map(cellText),
);

// --- types --------------------------------------------------------------------------

const literalString = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .-]{0,10}[A-Za-z0-9]$|^[A-Za-z0-9]$/);

function leafType(docCount: number): fc.Arbitrary<TypePlan> {
  const leaves: Array<{ weight: number; arbitrary: fc.Arbitrary<TypePlan> }> = [
    { weight: 6, arbitrary: fc.constantFrom("string", "number", "boolean", "any").map((name) => ({ kind: "primitive", name }) as TypePlan) },
    { weight: 1, arbitrary: fc.constant({ kind: "bigint" } as TypePlan) },
    {
      weight: 2,
      arbitrary: fc.oneof(literalString, fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(1.5, -0.25, 3.14159), fc.boolean()).map((value) => ({ kind: "literal", value }) as TypePlan),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom<TypePlan>(
        { kind: "date", dateOnly: false, spelling: "Date" },
        { kind: "date", dateOnly: true, spelling: "Date" },
        { kind: "date", dateOnly: true, spelling: "RFCDate" },
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom<WebTypeName>("Response", "Request", "File", "Blob", "ReadableStream").map((name) => ({ kind: "web", name }) as TypePlan) },
  ];
  if (docCount > 0) leaves.push({ weight: 5, arbitrary: fc.nat(docCount - 1).map((target) => ({ kind: "ref", target }) as TypePlan) });
  return fc.oneof(...leaves);
}

/** A Type cell: `Alt ( \| Alt )*`, with `Alt := Base ([])*` and `Base` possibly `Record<string, Cell>`. */
function cellType(docCount: number, depth: number, maxDepth: number): fc.Arbitrary<TypePlan> {
  const base: fc.Arbitrary<TypePlan> =
    depth >= maxDepth
      ? leafType(docCount)
      : fc.oneof(
          { weight: 5, arbitrary: leafType(docCount) },
          { weight: 1, arbitrary: fc.constant(null).chain(() => cellType(docCount, depth + 1, maxDepth)).map((value) => ({ kind: "record", value, spelling: "Record" }) as TypePlan) },
        );
  const alt = fc.tuple(base, fc.constantFrom(0, 0, 0, 1, 1, 2)).map(([type, arrays]) => {
    let t = type;
    for (let i = 0; i < arrays; i++) t = { kind: "array", element: t };
    return t;
  });
  return fc.oneof({ weight: 4, arbitrary: alt }, { weight: 1, arbitrary: fc.array(alt, { minLength: 2, maxLength: 3 }).map((members) => ({ kind: "union", members }) as TypePlan) });
}

/**
 * A union member title (a TS type expression). Direct refs to union docs
 * point only at earlier union docs, so unions never alias themselves.
 */
function titleType(docs: DocHead[], self: number, depth: number): fc.Arbitrary<TypePlan> {
  const refTargets = docs.map((d, i) => i).filter((i) => docs[i]!.kind !== "union" || i < self);
  const anyTargets = docs.map((_, i) => i);
  const leaf = (direct: boolean): fc.Arbitrary<TypePlan> => {
    const targets = direct ? refTargets : anyTargets;
    const options: Array<{ weight: number; arbitrary: fc.Arbitrary<TypePlan> }> = [
      { weight: 4, arbitrary: fc.constantFrom("string", "number", "boolean", "any").map((name) => ({ kind: "primitive", name }) as TypePlan) },
      { weight: 2, arbitrary: fc.oneof(fc.string({ maxLength: 6 }).filter((s) => !s.includes("`")), fc.integer({ min: -99, max: 99 }), fc.boolean()).map((value) => ({ kind: "literal", value }) as TypePlan) },
      { weight: 1, arbitrary: fc.constantFrom<TypePlan>({ kind: "date", dateOnly: false, spelling: "Date" }, { kind: "date", dateOnly: true, spelling: "RFCDate" }, { kind: "bigint" }) },
      { weight: 1, arbitrary: fc.constantFrom<WebTypeName>("Response", "Request", "File", "Blob", "ReadableStream").map((name) => ({ kind: "web", name }) as TypePlan) },
    ];
    if (targets.length) options.push({ weight: 5, arbitrary: fc.constantFrom(...targets).map((target) => ({ kind: "ref", target }) as TypePlan) });
    return fc.oneof(...options);
  };
  const nested = (d: number): fc.Arbitrary<TypePlan> =>
    d >= 2
      ? leaf(false)
      : fc.oneof(
          { weight: 4, arbitrary: leaf(false) },
          { weight: 1, arbitrary: fc.constant(null).chain(() => nested(d + 1)).map((element) => ({ kind: "array", element }) as TypePlan) },
          { weight: 1, arbitrary: fc.tuple(fc.constant(null).chain(() => nested(d + 1)), fc.constantFrom<"Record" | "index">("Record", "index")).map(([value, spelling]) => ({ kind: "record", value, spelling }) as TypePlan) },
          { weight: 1, arbitrary: fc.array(fc.constant(null).chain(() => nested(d + 1)), { minLength: 2, maxLength: 3 }).map((members) => ({ kind: "union", members }) as TypePlan) },
        );
  return fc.oneof(
    { weight: 4, arbitrary: leaf(true) },
    { weight: 2, arbitrary: nested(depth + 1).map((element) => ({ kind: "array", element }) as TypePlan) },
    { weight: 1, arbitrary: fc.tuple(nested(depth + 1), fc.constantFrom<"Record" | "index">("Record", "index")).map(([value, spelling]) => ({ kind: "record", value, spelling }) as TypePlan) },
    { weight: 1, arbitrary: fc.array(leaf(true), { minLength: 2, maxLength: 3 }).map((members) => ({ kind: "union", members }) as TypePlan) },
  );
}

// --- rendering ------------------------------------------------------------------------

/** The namespace a folder's models are named with: `models` for the flat root. */
export function namespaceOf(folder: string): string {
  return folder === "" ? ROOT_SEGMENTS[ROOT_SEGMENTS.length - 1]! : folder.split("/").pop()!;
}

function folderDepth(folder: string): number {
  return folder === "" ? 0 : folder.split("/").length;
}

/**
 * A link from a doc in `fromFolder` to `toPath`: plainly relative, or
 * climbing `climb` levels above the spec root and coming back by name.
 */
export function linkBetween(fromFolder: string, toPath: string, climb: number, dotSlash: boolean): string {
  const depth = folderDepth(fromFolder);
  if (climb > 0) {
    const up = "../".repeat(depth + climb);
    const back = ROOT_SEGMENTS.slice(ROOT_SEGMENTS.length - climb).join("/");
    return `${up}${back}/${toPath}`;
  }
  const fromParts = fromFolder === "" ? [] : fromFolder.split("/");
  const toParts = toPath.split("/");
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  const rel = [...fromParts.slice(common).map(() => ".."), ...toParts.slice(common)].join("/");
  return dotSlash && !rel.startsWith("..") ? `./${rel}` : rel;
}

interface RenderContext {
  docs: DocHead[];
  paths: string[];
  from: string;
  /** One choice per link, cycled: climb count and `./` prefix. */
  linkStyle: () => { climb: number; dotSlash: boolean };
}

function qualified(ctx: RenderContext, target: number): string {
  const doc = ctx.docs[target]!;
  return `${namespaceOf(doc.folder)}.${doc.title}`;
}

function renderCell(type: TypePlan, ctx: RenderContext): string {
  switch (type.kind) {
    case "primitive":
      return `*${type.name}*`;
    case "bigint":
      return "*BigInt*";
    case "literal":
      return typeof type.value === "string" ? `*${JSON.stringify(type.value)}*` : `*${String(type.value)}*`;
    case "date": {
      if (!type.dateOnly) return `[Date](${MDN.Date})`;
      // `docs/types/rfcdate.md`: outside the spec root, as in the real SDKs.
      return `[${type.spelling}](${"../".repeat(folderDepth(ctx.from) + 1)}types/rfcdate.md)`;
    }
    case "web":
      if (type.name === "Request") return "*Request*";
      if (type.name === "ReadableStream") return "*ReadableStream<Uint8Array>*";
      return `[${type.name}](${MDN[type.name]})`;
    case "array":
      return `${renderCell(type.element, ctx)}[]`;
    case "record":
      return `Record<string, ${renderCell(type.value, ctx)}>`;
    case "union":
      return type.members.map((m) => renderCell(m, ctx)).join(" \\| ");
    case "ref": {
      const target = ctx.docs[type.target]!;
      if (target.kind === "union") return `*${qualified(ctx, type.target)}*`;
      const style = ctx.linkStyle();
      return `[${qualified(ctx, type.target)}](${linkBetween(ctx.from, ctx.paths[type.target]!, style.climb, style.dotSlash)})`;
    }
  }
}

function renderTitleType(type: TypePlan, ctx: RenderContext, top = true): string {
  switch (type.kind) {
    case "primitive":
      return type.name;
    case "bigint":
      return "bigint";
    case "literal":
      return typeof type.value === "string" ? JSON.stringify(type.value) : String(type.value);
    case "date":
      return type.spelling;
    case "web":
      return type.name === "ReadableStream" ? "ReadableStream<Uint8Array>" : type.name;
    case "array": {
      const inner = renderTitleType(type.element, ctx, false);
      return type.element.kind === "union" ? `(${inner})[]` : `${inner}[]`;
    }
    case "record":
      return type.spelling === "Record" ? `Record<string, ${renderTitleType(type.value, ctx, true)}>` : `{ [k: string]: ${renderTitleType(type.value, ctx, true)} }`;
    case "union": {
      const text = type.members.map((m) => renderTitleType(m, ctx, false)).join(" | ");
      return top ? text : `(${text})`;
    }
    case "ref":
      return qualified(ctx, type.target);
  }
}

/** Pad every cell of a table to one width, as real docs do, or leave it compact. */
function renderTable(header: string[], rows: string[][], padded: boolean): string[] {
  const width = padded ? Math.max(3, ...header.map((h) => h.length), ...rows.flat().map((c) => c.length)) : 0;
  const line = (cells: string[]) => `| ${cells.map((c) => c.padEnd(width)).join(" | ")} |`;
  return [line(header), line(header.map((h) => "-".repeat(Math.max(3, padded ? width : h.length)))), ...rows.map(line)];
}

const valueExampleArb = fc.constantFrom("{}", '"<value>"', "42", "true", 'new Date("2025-01-01T00:00:00Z")', '[\n  "a",\n]', '{\n  id: "x",\n  "a-b": 1,\n  nested: {\n    deep: [1, 2],\n  },\n}', "`${1}`", '"*/"');

// --- docs ---------------------------------------------------------------------------------

interface DocDecor {
  deprecated: DocPlan["deprecated"];
  deprecationMessage: string;
  description: string[];
  example: DocPlan["example"];
  packageName: string;
  exampleValue: string;
  trailingNewline: boolean;
}

const decorArb: fc.Arbitrary<DocDecor> = fc.record({
  deprecated: fc.constantFrom<DocPlan["deprecated"]>("none", "none", "none", "title", "notice", "both"),
  deprecationMessage: fc.oneof(fc.constant(""), hostileLine),
  description: fc.oneof(
    { weight: 4, arbitrary: fc.constant([] as string[]) },
    { weight: 4, arbitrary: fc.array(hostileLine, { minLength: 1, maxLength: 4 }) },
    { weight: 1, arbitrary: fc.array(fc.oneof(hostileLine, longText(hostileLine)), { minLength: 1, maxLength: 3 }) },
  ),
  example: fc.constantFrom<DocPlan["example"]>("value", "value", "none", "no-examples"),
  packageName: fc.constantFrom("sdk", "@scope/sdk", "authlete", "@polar-sh/sdk"),
  exampleValue: valueExampleArb,
  trailingNewline: fc.boolean(),
});

function fieldsArb(docCount: number, options: Required<SpecOptions>): fc.Arbitrary<ObjectBody> {
  const field = fc.record({
    name: fieldNameArb,
    required: fc.boolean(),
    struck: fc.constantFrom(false, false, false, true),
    note: fc.option(fc.oneof(fc.constant(""), hostileLine.map(cellText)), { freq: 5, nil: undefined }),
    type: cellType(docCount, 0, options.maxTypeDepth),
    description: descriptionCell,
    example: exampleCell,
  });
  return fc
    .record({
      fields: fc.uniqueArray(field, { selector: (f) => f.name.name, maxLength: options.maxFields }),
      withExample: fc.boolean(),
      padded: fc.boolean(),
    })
    .map(({ fields, withExample, padded }) => ({
      kind: "object",
      withExample,
      padded,
      fields: fields.map((f) => ({
        name: f.name.name,
        source: f.name.source,
        required: f.required,
        struck: f.struck,
        ...(f.note !== undefined ? { deprecationNote: f.note.replace(/<br\s*\/?>/gi, " ") } : {}),
        type: f.type,
        description: f.description,
        ...(withExample ? { example: f.example } : {}),
      })),
    }));
}

/** Name/Value table member names, and what the IR must call them. */
const TABLE_NAME_ODDITIES: Array<[string, string]> = [
  ["a-b", "a_b"],
  ["1st", "_1st"],
  ["class", "class_"],
];

function enumArb(): fc.Arbitrary<EnumBody> {
  const blockStrings = fc.uniqueArray(fc.oneof(fc.string({ maxLength: 12 }), fc.string({ maxLength: 6, unit: "binary" }), fc.constantFrom("SERVER_ERROR", "created_at", "-created_at", "/", "*", ">=", "24h", "6.8.4", "HS256", "EdDSA", "NaN", "Infinity", "constructor", "__proto__", "")), {
    maxLength: 12,
  });
  const blockNumbers = fc.uniqueArray(
    fc.oneof(fc.integer({ min: -100000, max: 100000 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.constantFrom(1e21, 1e-7, 0.1, 2 ** 53 - 1)).map((n) => (Object.is(n, -0) ? 0 : n)),
    { maxLength: 12 },
  );
  const tableStrings = fc.uniqueArray(fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,5}(?:[-._][A-Za-z0-9]{1,4}){0,2}$/), fc.constantFrom("café", "naïve", "v1.2", "x-y", "snake_case_value")), { maxLength: 10 });
  const tableNumbers = fc.uniqueArray(fc.integer({ min: -100000, max: 100000 }), { maxLength: 10 });
  const tableNames = (count: number) =>
    fc.uniqueArray(fc.oneof({ weight: 8, arbitrary: fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,10}$/).filter((n) => n !== "NaN" && n !== "Infinity") }, { weight: 1, arbitrary: fc.constantFrom(...TABLE_NAME_ODDITIES.map(([n]) => n)) }), {
      minLength: count,
      maxLength: count,
      selector: (n) => (TABLE_NAME_ODDITIES.find(([raw]) => raw === n)?.[1] ?? n),
    });
  return fc.oneof(
    fc.record({ values: fc.oneof(blockStrings, blockNumbers), open: fc.boolean(), padded: fc.constant(false) }).map(({ values, open, padded }) => ({
      kind: "enum" as const,
      syntax: "union-block" as const,
      valueType: values.length > 0 && typeof values[0] === "number" ? ("number" as const) : ("string" as const),
      // A closed enum without values is legal but warned about; keep the specs warning-free.
      open: open || values.length === 0,
      values,
      padded,
    })),
    fc
      .record({ values: fc.oneof(tableStrings, tableNumbers), open: fc.boolean(), padded: fc.boolean(), numericOpen: fc.boolean() })
      .chain(({ values, open, padded, numericOpen }) =>
        tableNames(values.length).map((names) => {
          const valueType = values.length === 0 ? (numericOpen ? "number" : "string") : typeof values[0] === "number" ? "number" : "string";
          return {
            kind: "enum" as const,
            syntax: "table" as const,
            valueType: valueType as "string" | "number",
            // An empty table is only meaningful for an open enum.
            open: open || values.length === 0,
            values,
            names,
            expectedNames: names.map((n) => TABLE_NAME_ODDITIES.find(([raw]) => raw === n)?.[1] ?? n),
            padded,
          };
        }),
      ),
  );
}

function unionArb(docs: DocHead[], self: number): fc.Arbitrary<UnionBody> {
  return fc
    .array(fc.record({ type: titleType(docs, self, 0), code: fc.constantFrom<UnionMemberPlan["code"]>("line", "line", "wrapped", "none") }), { minLength: 1, maxLength: 5 })
    .map((members) => ({ kind: "union", members }));
}

function exampleLiteral(type: TypePlan): string {
  switch (type.kind) {
    case "primitive":
      return type.name === "number" ? "1234.5" : type.name === "boolean" ? "false" : '"<value>"';
    case "literal":
      return typeof type.value === "string" ? JSON.stringify(type.value) : String(type.value);
    case "array":
      return "[]";
    case "record":
      return "{}";
    case "date":
      return 'new Date("2024-05-06T07:08:09.000Z")';
    case "bigint":
      return "BigInt(7)";
    default:
      return "{}";
  }
}

function renderDoc(head: DocHead, index: number, all: DocHead[], paths: string[], body: DocPlan["body"], decor: DocDecor, linkStyles: Array<{ climb: number; dotSlash: boolean }>): string {
  let nextStyle = 0;
  const ctx: RenderContext = {
    docs: all,
    paths,
    from: head.folder,
    linkStyle: () => linkStyles[nextStyle++ % linkStyles.length]!,
  };
  const lines: string[] = [];
  lines.push(decor.deprecated === "title" || decor.deprecated === "both" ? `# ~~${head.title}~~` : `# ${head.title}`, "");
  if (body.kind === "union") lines.push("");
  if (decor.description.length) lines.push(...decor.description, "");
  if (decor.deprecated === "notice" || decor.deprecated === "both") lines.push(`> :warning: **DEPRECATED**: ${decor.deprecationMessage}`.trimEnd(), "");
  if (body.kind !== "union" && decor.example !== "none") {
    const module = `${decor.packageName}/models${head.folder ? `/${head.folder}` : ""}`;
    lines.push("## Example Usage", "", "```typescript", `import { ${head.title} } from "${module}";`, "");
    if (decor.example === "no-examples") lines.push("// No examples available for this model");
    else if (body.kind === "enum" && body.values.length > 0) lines.push(`let value: ${head.title} = ${typeof body.values[0] === "string" ? JSON.stringify(body.values[0]) : String(body.values[0])};`);
    else lines.push(`let value: ${head.title} = ${decor.exampleValue};`);
    if (body.kind === "enum" && body.open) lines.push("", `// Open enum: unrecognized values are captured as Unrecognized<${body.valueType}>`);
    lines.push("```", "");
  }
  switch (body.kind) {
    case "object": {
      lines.push("## Fields", "");
      const header = ["Field", "Type", "Required", "Description", ...(body.withExample ? ["Example"] : [])];
      const rows = body.fields.map((f) => {
        const name = f.struck ? `~~\`${f.source}\`~~` : `\`${f.source}\``;
        const description = f.deprecationNote !== undefined ? `: warning: ** DEPRECATED **: ${f.deprecationNote}<br/><br/>${f.description}`.trim() : f.description;
        return [name, renderCell(f.type, ctx), f.required ? ":heavy_check_mark:" : ":heavy_minus_sign:", description, ...(body.withExample ? [f.example ?? ""] : [])];
      });
      lines.push(...renderTable(header, rows, body.padded));
      break;
    }
    case "enum": {
      lines.push("## Values", "");
      if (body.syntax === "union-block") {
        const parts = body.values.map((v) => (typeof v === "string" ? JSON.stringify(v) : String(v)));
        if (body.open) parts.push(`Unrecognized<${body.valueType}>`);
        lines.push("```typescript", parts.join(" | "), "```");
      } else {
        if (body.open) lines.push(`This is an open enum. Unrecognized values will be captured as the \`Unrecognized<${body.valueType}>\` branded type.`, "");
        const rows = body.values.map((v, i) => [`\`${body.names![i]}\``, String(v)]);
        if (body.open) rows.push(["-", `\`Unrecognized<${body.valueType}>\``]);
        lines.push(...renderTable(["Name", "Value"], rows, body.padded));
      }
      break;
    }
    case "union": {
      lines.push("## Supported Types", "");
      for (const member of body.members) {
        const title = renderTitleType(member.type, ctx);
        lines.push(`### \`${title}\``, "");
        if (member.code === "line") lines.push("```typescript", `const value: ${title} = ${exampleLiteral(member.type)};`, "```", "");
        else if (member.code === "wrapped") lines.push("```typescript", `const value:`, `  ${title} = ${exampleLiteral(member.type)};`, "```", "");
      }
      break;
    }
  }
  let text = lines.join("\n").replace(/\n+$/, "");
  if (body.kind === "union" || decor.trailingNewline) text += "\n";
  return text;
}

/** Docs' heads: unique titles per folder (case-insensitively), any kind. */
function headsArb(maxDocs: number): fc.Arbitrary<DocHead[]> {
  const head = fc.record({ folder: fc.constantFrom(...FOLDERS), title: titleArb, kind: fc.constantFrom<DocKind>("object", "object", "object", "enum", "enum", "union") });
  return fc.uniqueArray(head, { minLength: 1, maxLength: maxDocs, selector: (h) => `${h.folder}\0${h.title.toLowerCase()}` });
}

export function docPath(head: Pick<DocHead, "folder" | "title">): string {
  return `${head.folder ? `${head.folder}/` : ""}${head.title.toLowerCase()}.md`;
}

/** Whole specs of valid docs. */
export function specArbitrary(options: SpecOptions = {}): fc.Arbitrary<SpecPlan> {
  const opts: Required<SpecOptions> = { maxDocs: options.maxDocs ?? 8, maxFields: options.maxFields ?? 6, maxTypeDepth: options.maxTypeDepth ?? 2 };
  return headsArb(opts.maxDocs).chain((heads) => {
    const paths = heads.map(docPath);
    const bodies = heads.map((head, i): fc.Arbitrary<DocPlan["body"]> => {
      if (head.kind === "object") return fieldsArb(heads.length, opts);
      if (head.kind === "enum") return enumArb();
      return unionArb(heads, i);
    });
    const linkStyles = fc.array(fc.record({ climb: fc.constantFrom(0, 0, 0, 1, 2, 3), dotSlash: fc.boolean() }), { minLength: 1, maxLength: 6 });
    return fc
      .tuple(fc.tuple(...bodies), fc.array(decorArb, { minLength: heads.length, maxLength: heads.length }), linkStyles, fc.constantFrom<EnumStyle>("auto", "auto", "const-object", "ts-enum", "string-union"))
      .map(([bodyList, decors, styles, enumStyle]) => ({
        rootPath: ROOT_PATH,
        enumStyle,
        docs: heads.map((head, index): DocPlan => {
          const body = bodyList[index]!;
          const decor = decors[index]!;
          const path = paths[index]!;
          return {
            ...head,
            index,
            path,
            id: path.replace(/\.md$/, ""),
            deprecated: decor.deprecated,
            deprecationMessage: decor.deprecationMessage,
            description: decor.description,
            example: body.kind === "union" ? "none" : decor.example,
            packageName: decor.packageName,
            body,
            trailingNewline: decor.trailingNewline,
            text: renderDoc(head, index, heads, paths, body, decor, styles),
          };
        }),
      }));
  });
}

/** The docs of a spec plan, as the pipeline takes them. */
export function sourceDocs(plan: SpecPlan): Array<{ path: string; text: string }> {
  return plan.docs.map((d) => ({ path: d.path, text: d.text }));
}

// --- what the IR must say --------------------------------------------------------------------

/** A type tree without positions and link spellings: refs keep only their target id. */
export type NormalType =
  | { kind: "primitive"; name: string }
  | { kind: "bigint" }
  | { kind: "literal"; value: string | number | boolean }
  | { kind: "date"; dateOnly: boolean }
  | { kind: "web"; name: string }
  | { kind: "array"; element: NormalType }
  | { kind: "record"; value: NormalType }
  | { kind: "union"; members: NormalType[] }
  | { kind: "ref"; target: string | undefined };

export interface NormalModel {
  id: string;
  name: string;
  kind: DocKind;
  deprecated: boolean;
  importPath?: string;
  fields?: Array<{ name: string; required: boolean; deprecated: boolean; type: NormalType }>;
  enum?: { syntax: string; valueType: string; open: boolean; values: Array<string | number>; names?: string[] };
  members?: NormalType[];
}

export function normalizeType(type: TypeExpr): NormalType {
  switch (type.kind) {
    case "primitive":
      return { kind: "primitive", name: type.name };
    case "bigint":
      return { kind: "bigint" };
    case "literal":
      return { kind: "literal", value: type.value };
    case "date":
      return { kind: "date", dateOnly: type.dateOnly };
    case "web":
      return { kind: "web", name: type.name };
    case "array":
      return { kind: "array", element: normalizeType(type.element) };
    case "record":
      return { kind: "record", value: normalizeType(type.value) };
    case "union":
      return { kind: "union", members: type.members.map(normalizeType) };
    case "ref":
      return { kind: "ref", target: type.target };
  }
}

function planType(type: TypePlan, plan: SpecPlan): NormalType {
  switch (type.kind) {
    case "primitive":
      return { kind: "primitive", name: type.name };
    case "bigint":
      return { kind: "bigint" };
    case "literal":
      return { kind: "literal", value: type.value };
    case "date":
      return { kind: "date", dateOnly: type.dateOnly };
    case "web":
      return { kind: "web", name: type.name };
    case "array":
      return { kind: "array", element: planType(type.element, plan) };
    case "record":
      return { kind: "record", value: planType(type.value, plan) };
    case "union":
      return { kind: "union", members: type.members.map((m) => planType(m, plan)) };
    case "ref":
      return { kind: "ref", target: plan.docs[type.target]!.id };
  }
}

/** The IR of a model, reduced to what the plan decides. `names` of union-block enums are derived, so left out. */
export function normalizeModel(model: Model): NormalModel {
  const common = {
    id: model.id,
    name: model.title ?? model.name,
    kind: model.kind,
    deprecated: model.deprecated !== undefined,
    ...(model.importPath !== undefined ? { importPath: model.importPath } : {}),
  };
  switch (model.kind) {
    case "object":
      return { ...common, fields: model.fields.map((f) => ({ name: f.name, required: f.required, deprecated: f.deprecated !== undefined, type: normalizeType(f.type) })) };
    case "enum":
      return {
        ...common,
        enum: {
          syntax: model.syntax,
          valueType: model.valueType,
          open: model.open,
          values: model.members.map((m) => m.value),
          ...(model.syntax === "table" ? { names: model.members.map((m) => m.name) } : {}),
        },
      };
    case "union":
      return { ...common, members: model.members.map((m) => normalizeType(m.type)) };
  }
}

/** What the parser and resolver must make of one planned doc. */
export function expectedModel(plan: SpecPlan, doc: DocPlan): NormalModel {
  const common = {
    id: doc.id,
    name: doc.title,
    kind: doc.kind,
    deprecated: doc.deprecated !== "none",
    ...(doc.example !== "none" ? { importPath: `${doc.packageName}/models${doc.folder ? `/${doc.folder}` : ""}` } : {}),
  };
  const body = doc.body;
  switch (body.kind) {
    case "object":
      return {
        ...common,
        fields: body.fields.map((f) => ({ name: f.name, required: f.required, deprecated: f.struck || f.deprecationNote !== undefined, type: planType(f.type, plan) })),
      };
    case "enum":
      return {
        ...common,
        enum: {
          syntax: body.syntax,
          valueType: body.valueType,
          open: body.open,
          values: body.values,
          ...(body.syntax === "table" ? { names: body.expectedNames! } : {}),
        },
      };
    case "union":
      return { ...common, members: body.members.map((m) => planType(m.type, plan)) };
  }
}
