/**
 * An oracle independent of the project's parser: reads `## Fields` tables and
 * `## Values` union blocks from the raw markdown with plain line handling,
 * and says what TypeScript the docs describe. Only the grammar's type cells
 * (docs-grammar.md §3) are understood; anything else throws, so an unknown
 * construct fails the test instead of passing it by accident.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

export interface OracleField {
  name: string;
  required: boolean;
  /** TypeScript type text; refs are written as `$ref(<model id>|<Name>)` and resolved by the caller. */
  type: string;
  line: number;
}

export interface OracleObject {
  /** Spec-relative path, `/`-separated. */
  doc: string;
  /** Spec-relative path without `.md`: the generated module is `models/<id>.js`. */
  id: string;
  title: string;
  fields: OracleField[];
}

export interface OracleEnum {
  doc: string;
  id: string;
  title: string;
  values: Array<string | number>;
  open: boolean;
  line: number;
}

export interface OracleDocs {
  objects: OracleObject[];
  enums: OracleEnum[];
  /** Docs with neither (unions). */
  others: string[];
}

/** Split a table row on unescaped pipes; the cells, trimmed, without the outer empties. */
export function splitRow(line: string): string[] {
  const cells: string[] = [];
  let current = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === "\\" && line[i + 1] === "|") {
      current += "\\|";
      i++;
    } else if (ch === "|") {
      cells.push(current.trim());
      current = "";
    } else current += ch;
  }
  cells.push(current.trim());
  if (cells[0] === "") cells.shift();
  if (cells[cells.length - 1] === "") cells.pop();
  return cells;
}

const PRIMITIVES: Record<string, string> = { "*string*": "string", "*number*": "number", "*boolean*": "boolean", "*any*": "any", "*BigInt*": "bigint", "*true*": "true", "*false*": "false" };
const WEB: Record<string, string> = { Response: "Response", Request: "Request", File: "File", Blob: "Blob" };

export interface CellContext {
  /** Absolute path of the doc's folder. */
  docDir: string;
  specRoot: string;
  /** Spec folder of a namespace (`models` → "" in the flat layout). */
  folderOf: (namespace: string) => string;
}

/** The TypeScript text of a Type cell; model references become `$ref(<id>|<Name>)`. */
export function typeOfCell(cell: string, ctx: CellContext): string {
  const alternatives = splitTopLevel(cell, " \\| ");
  const texts = alternatives.map((alt) => typeOfAlternative(alt.trim(), ctx));
  return texts.join(" | ");
}

/** Split on `sep` outside `<…>` and `(…)`. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "<" || ch === "(") depth++;
    else if (ch === ">" || ch === ")") depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function typeOfAlternative(alt: string, ctx: CellContext): string {
  let arrays = 0;
  let base = alt;
  while (base.endsWith("[]")) {
    arrays++;
    base = base.slice(0, -2);
  }
  let text = typeOfBase(base, ctx);
  if (arrays > 0 && text.includes(" | ")) text = `(${text})`;
  return text + "[]".repeat(arrays);
}

function typeOfBase(base: string, ctx: CellContext): string {
  const primitive = PRIMITIVES[base];
  if (primitive) return primitive;
  let m: RegExpExecArray | null;
  if ((m = /^\*("(?:[^"\\]|\\.)*")\*$/.exec(base))) return m[1]!;
  if ((m = /^Record<string, (.*)>$/.exec(base))) return `{ [k: string]: ${typeOfCell(m[1]!, ctx)} }`;
  if ((m = /^\[(?:Date|RFCDate)\]\(([^)]*)\)$/.exec(base))) return /rfcdate\.md$/.test(m[1]!) ? "$runtime(RFCDate)" : "Date";
  if ((m = /^\[(Response|Request|File|Blob)\]\(https?:[^)]*\)$/.exec(base))) return WEB[m[1]!]!;
  if ((m = /^\*(?:Request|Response)\*$/.exec(base))) return base.slice(1, -1);
  if (base === "*ReadableStream<Uint8Array>*") return "ReadableStream<Uint8Array>";
  if ((m = /^\[(\w+)\.(\w+)\]\(([^)]+\.md)\)$/.exec(base))) {
    const target = resolve(ctx.docDir, m[3]!);
    const rel = relative(ctx.specRoot, target).split(sep).join("/");
    if (rel.startsWith("..")) throw new Error(`link ${m[3]} leaves the spec root`);
    return `$ref(${rel.replace(/\.md$/, "")}|${m[2]})`;
  }
  if ((m = /^\*(\w+)\.(\w+)\*$/.exec(base))) {
    const folder = ctx.folderOf(m[1]!);
    return `$ref(${folder ? `${folder}/` : ""}${m[2]!.toLowerCase()}|${m[2]})`;
  }
  throw new Error(`unknown type cell part: ${base}`);
}

/** Read every doc under the spec root. */
export function readOracleDocs(specRoot: string): OracleDocs {
  const objects: OracleObject[] = [];
  const enums: OracleEnum[] = [];
  const others: string[] = [];
  const flat = readdirSync(specRoot, { withFileTypes: true }).some((e) => e.isFile() && e.name.endsWith(".md"));
  const folderOf = (namespace: string) => (namespace === "models" && flat ? "" : namespace);
  for (const entry of readdirSync(specRoot, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
    const path = join(entry.parentPath, entry.name);
    const doc = relative(specRoot, path).split(sep).join("/");
    const id = doc.replace(/\.md$/, "");
    const lines = readFileSync(path, "utf8").split("\n");
    const titleLine = lines.find((l) => l.startsWith("# "));
    if (!titleLine) throw new Error(`${doc}: no H1`);
    const title = titleLine.slice(2).trim().replace(/^~~(.*)~~$/, "$1");
    const fieldsAt = lines.indexOf("## Fields");
    const valuesAt = lines.indexOf("## Values");
    if (fieldsAt >= 0) {
      const ctx: CellContext = { docDir: dirname(path), specRoot, folderOf };
      objects.push({ doc, id, title, fields: readFieldsTable(lines, fieldsAt, doc, ctx) });
    } else if (valuesAt >= 0) {
      const e = readValuesBlock(lines, valuesAt, doc);
      if (e) enums.push({ doc, id, title, ...e });
      else others.push(doc); // a Name/Value table: not in the union-block syntax
    } else others.push(doc);
  }
  const byDoc = (a: { doc: string }, b: { doc: string }) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : 0);
  return { objects: objects.sort(byDoc), enums: enums.sort(byDoc), others: others.sort() };
}

function readFieldsTable(lines: string[], from: number, doc: string, ctx: CellContext): OracleField[] {
  let i = from + 1;
  while (i < lines.length && lines[i]!.trim() === "") i++;
  const header = splitRow(lines[i] ?? "");
  if (header[0] !== "Field" || header[1] !== "Type" || header[2] !== "Required") throw new Error(`${doc}:${i + 1}: not a Fields header: ${lines[i]}`);
  i += 2; // header and the --- row
  const fields: OracleField[] = [];
  for (; i < lines.length && lines[i]!.startsWith("|"); i++) {
    const cells = splitRow(lines[i]!);
    const name = /^(?:~~)?`([^`]+)`(?:~~)?$/.exec(cells[0]!)?.[1];
    if (!name) throw new Error(`${doc}:${i + 1}: field cell ${cells[0]}`);
    const required = cells[2] === ":heavy_check_mark:" ? true : cells[2] === ":heavy_minus_sign:" ? false : undefined;
    if (required === undefined) throw new Error(`${doc}:${i + 1}: required cell ${cells[2]}`);
    let type: string;
    try {
      type = typeOfCell(cells[1]!, ctx);
    } catch (error) {
      throw new Error(`${doc}:${i + 1}: ${(error as Error).message}`);
    }
    fields.push({ name, required, type, line: i + 1 });
  }
  return fields;
}

function readValuesBlock(lines: string[], from: number, doc: string): { values: Array<string | number>; open: boolean; line: number } | undefined {
  let i = from + 1;
  while (i < lines.length && lines[i]!.trim() === "") i++;
  if (!lines[i]!.startsWith("```")) return undefined;
  const line = lines[i + 1]!;
  const parts = line.split(" | ").map((p) => p.trim());
  const values: Array<string | number> = [];
  let open = false;
  for (const part of parts) {
    if (/^Unrecognized<(string|number)>$/.test(part)) open = true;
    else if (/^"(?:[^"\\]|\\.)*"$/.test(part)) values.push(JSON.parse(part) as string);
    else if (/^-?\d+(?:\.\d+)?$/.test(part)) values.push(Number(part));
    else throw new Error(`${doc}:${i + 2}: enum value ${part}`);
  }
  return { values, open, line: i + 2 };
}
