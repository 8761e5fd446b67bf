/**
 * The H3 titles of `## Supported Types` are TypeScript type expressions:
 * `components.Foo`, `string`, `number[]`, `{ [k: string]: T }`, `Date`,
 * `ReadableStream<Uint8Array>`, `"literal"`, and unions of those. This is a
 * tiny recursive-descent parser for that subset (no regex over the whole).
 */
import type { Position, TypeExpr } from "../ir/types.ts";
import { MAX_NESTING } from "./type-cell.ts";

type Token = { kind: "name" | "string" | "number" | "punct"; text: string; offset: number };

// Names are any identifiers, non-ASCII ones included, like the titles they name.
const TOKEN = /\s*(?:([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*(?:\.[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)*)|("(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*")|(-?\d+(?:\.\d+)?)|([[\]{}:<>|,;()]))/uy;

function tokenize(text: string): Token[] | { error: string; offset: number } {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const start = TOKEN.lastIndex;
    if (/^\s*$/.test(text.slice(start))) break;
    const match = TOKEN.exec(text);
    if (!match) return { error: `unexpected \`${text.slice(start).trim().slice(0, 20)}\``, offset: start + /^\s*/.exec(text.slice(start))![0].length };
    const [, name, str, num, punct] = match;
    const offset = match.index + match[0].length - (name ?? str ?? num ?? punct ?? "").length;
    if (name !== undefined) tokens.push({ kind: "name", text: name, offset });
    else if (str !== undefined) tokens.push({ kind: "string", text: str, offset });
    else if (num !== undefined) tokens.push({ kind: "number", text: num, offset });
    else tokens.push({ kind: "punct", text: punct!, offset });
  }
  return tokens;
}

const PRIMITIVES = new Set(["string", "number", "boolean", "any", "unknown"]);

export type TitleResult = { ok: true; type: TypeExpr } | { ok: false; error: string; offset: number };

/** @param place maps an offset in `text` to a doc position, given to the refs the title names. */
export function parseTypeTitle(text: string, place?: (offset: number) => Position): TitleResult {
  const lexed = tokenize(text);
  if (!Array.isArray(lexed)) return { ok: false, ...lexed };
  const tokens: Token[] = lexed;
  let index = 0;
  const peek = (t: string) => tokens[index]?.kind === "punct" && tokens[index]!.text === t;
  const expect = (t: string) => {
    if (!peek(t)) throw new TitleError(`expected \`${t}\``, tokens[index]?.offset ?? text.length);
    index++;
  };

  let depth = 0;
  function union(): TypeExpr {
    if (++depth > MAX_NESTING) throw new TitleError(`the type nests more than ${MAX_NESTING} levels deep`, tokens[index]?.offset ?? text.length);
    const members = [postfix()];
    while (peek("|")) {
      index++;
      members.push(postfix());
    }
    depth--;
    return members.length === 1 ? members[0]! : { kind: "union", members };
  }
  function postfix(): TypeExpr {
    let type = primary();
    let arrays = 0;
    while (peek("[")) {
      if (++arrays + depth > MAX_NESTING) throw new TitleError(`the type nests more than ${MAX_NESTING} levels deep`, tokens[index]!.offset);
      index++;
      expect("]");
      type = { kind: "array", element: type };
    }
    return type;
  }
  function primary(): TypeExpr {
    const token = tokens[index++];
    if (!token) throw new TitleError("missing type", text.length);
    if (token.kind === "string") return { kind: "literal", value: JSON.parse(token.text) as string };
    if (token.kind === "number") return { kind: "literal", value: Number(token.text) };
    if (token.kind === "punct" && token.text === "{") {
      // `{ [k: string]: T }`: the only object type literal the docs use.
      expect("[");
      const key = tokens[index++];
      if (key?.kind !== "name") throw new TitleError("expected an index signature key", key?.offset ?? text.length);
      expect(":");
      if (tokens[index]?.text !== "string") throw new TitleError("expected `string` keys", tokens[index]?.offset ?? text.length);
      index++;
      expect("]");
      expect(":");
      const value = union();
      if (peek(";")) index++;
      expect("}");
      return { kind: "record", value };
    }
    if (token.kind === "punct" && token.text === "(") {
      const inner = union();
      expect(")");
      return inner;
    }
    if (token.kind !== "name") throw new TitleError(`unexpected \`${token.text}\``, token.offset);
    return named(token);
  }
  function named(token: Token): TypeExpr {
    const name = token.text;
    if (PRIMITIVES.has(name)) return { kind: "primitive", name: name === "unknown" ? "any" : (name as "string") };
    if (name === "true" || name === "false") return { kind: "literal", value: name === "true" };
    if (name === "Date") return { kind: "date", dateOnly: false };
    if (name === "RFCDate") return { kind: "date", dateOnly: true };
    if (name === "BigInt" || name === "bigint") return { kind: "bigint" };
    if (name === "Response" || name === "Request" || name === "File" || name === "Blob") return { kind: "web", name };
    if (name === "ReadableStream") {
      expect("<");
      if (tokens[index]?.text !== "Uint8Array") throw new TitleError("expected `Uint8Array`", tokens[index]?.offset ?? text.length);
      index++;
      expect(">");
      return { kind: "web", name: "ReadableStream" };
    }
    if (name === "Record") {
      expect("<");
      if (tokens[index]?.text !== "string") throw new TitleError("expected `string` keys", tokens[index]?.offset ?? text.length);
      index++;
      expect(",");
      const value = union();
      expect(">");
      return { kind: "record", value };
    }
    const dot = name.lastIndexOf(".");
    if (name.indexOf(".") !== dot) throw new TitleError(`unexpected qualified name \`${name}\``, token.offset);
    const position = place ? { position: place(token.offset) } : {};
    return dot < 0 ? { kind: "ref", name, ...position } : { kind: "ref", namespace: name.slice(0, dot), name: name.slice(dot + 1), ...position };
  }

  try {
    const type = union();
    if (index < tokens.length) throw new TitleError(`unexpected \`${tokens[index]!.text}\``, tokens[index]!.offset);
    return { ok: true, type };
  } catch (error) {
    if (error instanceof TitleError) return { ok: false, error: error.message, offset: error.offset };
    throw error;
  }
}

class TitleError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}
