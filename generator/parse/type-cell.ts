/**
 * The Type cell grammar (docs-grammar.md §3), parsed from the cell's mdast
 * inline nodes:
 *
 *   Cell := Alt ( "|" Alt )*
 *   Alt  := Base ( "[]" )*
 *   Base := *primitive* | *"literal"* | *true* | *false* | *BigInt* | *Request*
 *         | *ReadableStream<Uint8Array>* | *ns.Name* | [ns.Name](link.md)
 *         | [Date](mdn) | [Date|RFCDate](…/rfcdate.md) | [Response|File|Blob](mdn)
 *         | Record<string, Cell>
 *
 * Emphasis and links arrive as nodes; only the punctuation between them
 * (`Record<string,`, `>`, `[]`, `|`) is read from text nodes.
 */
import type { PhrasingContent } from "mdast";
import type { PrimitiveName, TypeExpr, WebTypeName } from "../ir/types.ts";
import { inlineText, sourceOf, startOf } from "./inline.ts";

type Token =
  | { kind: "emphasis"; text: string; line: number; column: number }
  | { kind: "link"; text: string; url: string; line: number; column: number }
  | { kind: "recordOpen" | "close" | "array" | "pipe"; line: number; column: number }
  | { kind: "unknown"; text: string; line: number; column: number };

export interface TypeCellError {
  message: string;
  line: number;
  column: number;
}

export type TypeCellResult = { ok: true; type: TypeExpr } | { ok: false; error: TypeCellError };

/** The deepest type a cell may describe (Records and arrays together). */
export const MAX_NESTING = 32;

const PRIMITIVES: ReadonlySet<string> = new Set(["string", "number", "boolean", "any"]);
const PUNCTUATION: Array<[RegExp, Token["kind"]]> = [
  [/^Record\s*<\s*string\s*,/, "recordOpen"],
  [/^>/, "close"],
  [/^\[\s*\]/, "array"],
  [/^\|/, "pipe"],
  // In the raw cell source a union's pipes are escaped.
  [/^\\\|/, "pipe"],
];

/** Split a text node into punctuation tokens; anything else is unknown syntax. */
function lexText(value: string, line: number, column: number, out: Token[]): void {
  let rest = value;
  let col = column;
  while (rest.length > 0) {
    const space = /^\s+/.exec(rest);
    if (space) {
      rest = rest.slice(space[0].length);
      col += space[0].length;
      continue;
    }
    const hit = PUNCTUATION.find(([re]) => re.test(rest));
    if (!hit) {
      out.push({ kind: "unknown", text: rest, line, column: col });
      return;
    }
    const length = hit[0].exec(rest)![0].length;
    out.push({ kind: hit[1], line, column: col } as Token);
    rest = rest.slice(length);
    col += length;
  }
}

/**
 * With the doc's text, text nodes are lexed from their source, so that
 * columns after an escape (`\|` is one character in the node's value, two
 * in the doc) still point at the right place.
 */
function tokenize(nodes: PhrasingContent[], source?: string): Token[] {
  const tokens: Token[] = [];
  for (const node of nodes) {
    const { line, column } = startOf(node);
    const raw = source !== undefined ? sourceOf(node, source) : "";
    if (node.type === "text") lexText(raw !== "" ? raw : node.value, line, column, tokens);
    else if (node.type === "emphasis") tokens.push({ kind: "emphasis", text: inlineText(node).trim(), line, column });
    else if (node.type === "link") tokens.push({ kind: "link", text: inlineText(node).trim(), url: node.url, line, column });
    else tokens.push({ kind: "unknown", text: inlineText(node), line, column });
  }
  return tokens;
}

/** `ns.Name` or `Name`; titles may be any identifier, non-ASCII ones included (`Café`). */
const QUALIFIED_NAME = /^(?:([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)\.)?([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)$/u;
const RFC_DATE_LINK = /(^|\/)rfcdate\.md$/i;
const LINKED_WEB_TYPES: ReadonlySet<string> = new Set(["Response", "File", "Blob", "Request"]);

/** `*…*`: primitives, literals, BigInt, web types, or an (unlinked) union doc. */
function emphasisType(text: string): TypeExpr | undefined {
  if (PRIMITIVES.has(text)) return { kind: "primitive", name: text as PrimitiveName };
  if (text === "true" || text === "false") return { kind: "literal", value: text === "true" };
  if (text === "BigInt" || text === "bigint") return { kind: "bigint" };
  if (text === "Date") return { kind: "date", dateOnly: false };
  if (text === "Request" || text === "Response" || text === "File" || text === "Blob") return { kind: "web", name: text };
  if (/^ReadableStream\s*<\s*Uint8Array\s*>$/.test(text)) return { kind: "web", name: "ReadableStream" };
  const literal = stringLiteral(text) ?? numberLiteral(text);
  if (literal !== undefined) return { kind: "literal", value: literal };
  const name = QUALIFIED_NAME.exec(text);
  if (name) return { kind: "ref", name: name[2]!, ...(name[1] ? { namespace: name[1] } : {}) };
  return undefined;
}

function stringLiteral(text: string): string | undefined {
  if (text.length < 2 || text[0] !== '"' || text[text.length - 1] !== '"') return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "string" ? value : undefined;
  } catch {
    return text.slice(1, -1);
  }
}

function numberLiteral(text: string): number | undefined {
  return /^-?\d+(\.\d+)?$/.test(text) && Number.isFinite(Number(text)) ? Number(text) : undefined;
}

/** `[…](…)`: dates, web types, or a linked object/enum doc. */
function linkType(text: string, url: string): TypeExpr | undefined {
  if ((text === "Date" || text === "RFCDate") && RFC_DATE_LINK.test(url)) return { kind: "date", dateOnly: true };
  if (text === "Date") return { kind: "date", dateOnly: false };
  if (LINKED_WEB_TYPES.has(text)) return { kind: "web", name: text as WebTypeName };
  const name = QUALIFIED_NAME.exec(text);
  if (name) return { kind: "ref", name: name[2]!, ...(name[1] ? { namespace: name[1] } : {}), link: url };
  return undefined;
}

class CellParser {
  private index = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly file: string,
    private readonly at: { line: number; column: number },
  ) {}

  private depth = 0;

  parse(): TypeExpr {
    const type = this.cell();
    const next = this.tokens[this.index];
    if (next) this.fail(next, `unexpected ${describe(next)} after the type`);
    return type;
  }

  private cell(): TypeExpr {
    // Real docs nest Records three deep; a bound keeps hostile cells from exhausting the stack.
    if (++this.depth > MAX_NESTING) this.fail(this.tokens[this.index], `the type nests more than ${MAX_NESTING} levels deep`);
    const members = [this.alternative()];
    while (this.tokens[this.index]?.kind === "pipe") {
      this.index++;
      members.push(this.alternative());
    }
    this.depth--;
    return members.length === 1 ? members[0]! : { kind: "union", members };
  }

  private alternative(): TypeExpr {
    let type = this.base();
    let arrays = 0;
    while (this.tokens[this.index]?.kind === "array") {
      if (++arrays + this.depth > MAX_NESTING) this.fail(this.tokens[this.index], `the type nests more than ${MAX_NESTING} levels deep`);
      this.index++;
      type = { kind: "array", element: type };
    }
    return type;
  }

  private base(): TypeExpr {
    const token = this.tokens[this.index];
    if (!token) this.fail(undefined, "missing type");
    this.index++;
    switch (token.kind) {
      case "recordOpen": {
        const value = this.cell();
        const close = this.tokens[this.index];
        if (close?.kind !== "close") this.fail(close, "expected `>` to close `Record<string, …>`");
        this.index++;
        return { kind: "record", value };
      }
      case "emphasis": {
        const type = emphasisType(token.text);
        if (!type) this.fail(token, `unknown type \`*${token.text}*\``);
        if (type.kind === "ref") type.position = { file: this.file, line: token.line, column: token.column };
        return type;
      }
      case "link": {
        const type = linkType(token.text, token.url);
        if (!type) this.fail(token, `unknown linked type \`[${token.text}](${token.url})\``);
        if (type.kind === "ref") type.position = { file: this.file, line: token.line, column: token.column };
        return type;
      }
      default:
        this.fail(token, `unexpected ${describe(token)}`);
    }
  }

  private fail(token: Token | undefined, message: string): never {
    const where = token ?? this.tokens[this.tokens.length - 1];
    throw new CellSyntaxError({ message, line: where?.line ?? this.at.line, column: where?.column ?? this.at.column });
  }
}

class CellSyntaxError extends Error {
  constructor(readonly detail: TypeCellError) {
    super(detail.message);
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case "emphasis":
      return `\`*${token.text}*\``;
    case "link":
      return `link \`[${token.text}]\``;
    case "unknown":
      return `\`${token.text.slice(0, 40)}\``;
    case "recordOpen":
      return "`Record<string,`";
    case "close":
      return "`>`";
    case "array":
      return "`[]`";
    case "pipe":
      return "`|`";
  }
}

/** Parse a Type cell's inline nodes into a type tree, or say where it is wrong. */
export function parseTypeCell(
  nodes: PhrasingContent[],
  file: string,
  at: { line: number; column: number },
  source?: string,
): TypeCellResult {
  try {
    return { ok: true, type: new CellParser(tokenize(nodes, source), file, at).parse() };
  } catch (error) {
    if (error instanceof CellSyntaxError) return { ok: false, error: error.detail };
    throw error;
  }
}
