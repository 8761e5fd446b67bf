/**
 * Example code blocks: `import { X } from "…";` lines and the value of
 * `let value: X = …;` (Example Usage) or `const value: T = …;` (union members).
 * The code is plain text inside a fenced block, so it is read as text.
 */
import type { ExampleImport } from "../ir/types.ts";

/** `import {` — the names run to the next `}`, then ` from "module";`. */
const IMPORT_HEAD = /import\s*\{/g;
const IMPORT_TAIL = /\s*from\s*["']([^"']+)["']\s*;?/y;
/** `let value:` or `const value:`; the value starts after the next `=`. */
const DECLARATION = /(?:let|const)\s+value\s*:/;

export interface ExampleCode {
  imports: ExampleImport[];
  /** The value expression; undefined when the block has none. */
  value?: string;
  /** 0-based offset of the value inside the code. */
  valueOffset?: number;
}

/**
 * Read with plain scans, no backtracking regex over the whole block: a
 * pattern like `=\s*([\s\S]*?)\s*;?\s*$` is cubic on long runs of
 * blanks (and imports are blanked out below), which hung on a doc whose
 * example held a few kilobytes of imports.
 */
export function readExampleCode(code: string): ExampleCode {
  const imports: ExampleImport[] = [];
  const ranges: Array<[number, number]> = [];
  // The next `}` after a position, remembered: heads before one `}` share it (linear in all).
  let close = -2;
  IMPORT_HEAD.lastIndex = 0;
  for (let head = IMPORT_HEAD.exec(code); head; head = IMPORT_HEAD.exec(code)) {
    const open = head.index + head[0].length;
    if (close !== -1 && close < open) close = code.indexOf("}", open);
    if (close === -1) break;
    IMPORT_TAIL.lastIndex = close + 1;
    const tail = IMPORT_TAIL.exec(code);
    if (!tail) {
      IMPORT_HEAD.lastIndex = head.index + 1;
      continue;
    }
    const names = code
      .slice(open, close)
      .split(",")
      .map((n) => n.trim())
      .filter((n) => n !== "");
    imports.push({ names, from: tail[1]! });
    ranges.push([head.index, IMPORT_TAIL.lastIndex]);
    IMPORT_HEAD.lastIndex = IMPORT_TAIL.lastIndex;
  }
  // Blank out imports and whole-line comments (`// Open enum: …`), keeping offsets.
  let body = "";
  let at = 0;
  for (const [start, end] of ranges) {
    body += code.slice(at, start) + " ".repeat(end - start);
    at = end;
  }
  body = (body + code.slice(at)).replace(/^[ \t]*\/\/.*$/gm, (m) => " ".repeat(m.length));
  const declaration = DECLARATION.exec(body);
  if (!declaration) return { imports };
  const equals = body.indexOf("=", declaration.index + declaration[0].length);
  if (equals < 0) return { imports };
  const rest = body.slice(equals + 1);
  const start = rest.length - rest.trimStart().length;
  // The value, without trailing blanks, one `;`, and blanks again.
  let value = rest.trimEnd();
  if (value.endsWith(";")) value = value.slice(0, -1).trimEnd();
  value = value.slice(start);
  if (value.trim() === "") return { imports };
  return { imports, value, valueOffset: equals + 1 + start };
}
