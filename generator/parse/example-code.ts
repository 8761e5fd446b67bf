/**
 * Example code blocks: `import { X } from "…";` lines and the value of
 * `let value: X = …;` (Example Usage) or `const value: T = …;` (union members).
 * The code is plain text inside a fenced block, so it is read as text.
 */
import type { ExampleImport } from "../ir/types.ts";

const IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']\s*;?/g;
const VALUE = /(?:let|const)\s+value\s*:[^=]*=\s*([\s\S]*?)\s*;?\s*$/;

export interface ExampleCode {
  imports: ExampleImport[];
  /** The value expression; undefined when the block has none. */
  value?: string;
  /** 0-based offset of the value inside the code. */
  valueOffset?: number;
}

export function readExampleCode(code: string): ExampleCode {
  const imports: ExampleImport[] = [];
  for (const match of code.matchAll(IMPORT)) {
    const names = match[1]!
      .split(",")
      .map((n) => n.trim())
      .filter((n) => n !== "");
    imports.push({ names, from: match[2]! });
  }
  // Blank out imports and whole-line comments (`// Open enum: …`), keeping offsets.
  const body = code.replace(IMPORT, (m) => " ".repeat(m.length)).replace(/^[ \t]*\/\/.*$/gm, (m) => " ".repeat(m.length));
  const value = VALUE.exec(body);
  if (!value || value[1]!.trim() === "") return { imports };
  return { imports, value: value[1]!, valueOffset: value.index + value[0].indexOf(value[1]!) };
}
