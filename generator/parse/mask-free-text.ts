/**
 * micromark merges adjacent text tokens with one array splice per run
 * (`resolveAllText`), which is quadratic in the number of inline constructs
 * (escapes, code spans, entities, tags…) of one paragraph or table cell: a
 * 2 MB description with markup takes minutes. The parser never reads the
 * inline nodes of free text (descriptions and examples are sliced from the
 * source), so before remark runs, long free text is masked: every
 * non-blank character becomes `·` (no inline syntax starts with it): same
 * length, same lines. Positions stay valid and `sourceOf` still slices the
 * real text. Masked are:
 *
 * - table rows longer than LONG: the cells after the third (Description,
 *   Example); Field, Type and Required cells and header and delimiter rows
 *   stay as written;
 * - when the prose outside `## Values` (whose paragraphs may say "open
 *   enum") is longer than LONG: its paragraph lines, after their block
 *   prefix (indentation, `>`, list markers), unless the prose holds an HTML
 *   block (whose end depends on text inside lines) or the line starts other
 *   syntax (headings, fences, tables, link definitions, setext and thematic
 *   breaks).
 *
 * Headings and the Field, Type and Required cells are parsed as written:
 * micromark stays quadratic on long runs of some constructs there (e.g.
 * thousands of unclosed `<!--` in one heading).
 */

import { splitAtPipes, fencedLines } from "./block-lines.ts";

export const LONG = 2000;

// Tested on lines without trailing blanks: `[ \t]*$` after a repetition backtracks quadratically.
const DELIMITER_TRIMMED = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/;
const UNDERLINE_TRIMMED = /^ {0,3}(?:=+|-+)$/;
const THEMATIC_TRIMMED = /^ {0,3}([-*_])(?:[ \t]*\1){2,}$/;
export const isDelimiter = (line: string) => DELIMITER_TRIMMED.test(line.trimEnd());
const isUnderline = (line: string) => UNDERLINE_TRIMMED.test(line.trimEnd());
const isThematic = (line: string) => THEMATIC_TRIMMED.test(line.trimEnd());
const BLOCK_PREFIX = /^ {0,3}(?:>[ \t]?)*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?/;

function mask(text: string): string {
  return text.replace(/[^\s]/g, "\u00b7");
}

/** Mask the cells after the third of a table row (a line starting with `|`). */
function maskRow(line: string): string {
  return splitAtPipes(line)
    .map((part, k) => (k > 3 ? mask(part) : part))
    .join("|");
}

export interface Masked {
  text: string;
  /** Masked prose lines: 0-based line index → where the masked rest of the line starts. */
  prose: Map<number, number>;
}

export function maskFreeText(text: string): Masked {
  const prose = new Map<number, number>();
  if (text.length <= LONG) return { text, prose };
  const lines = text.split("\n");
  let changed = false;
  let inValues = false;
  // Lines that may hold prose: outside fences and outside `## Values`.
  const isProse: boolean[] = [];
  const fenced = fencedLines(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fenced[i]) continue;
    const h2 = /^ {0,3}##(?:[ \t](.*)|$)/.exec(line);
    if (h2) inValues = /values/i.test(h2[1] ?? "");
    isProse[i] = !inValues;
    if (line.length > LONG && /^ {0,3}\|/.test(line) && !isDelimiter(line) && !isDelimiter(lines[i + 1] ?? "")) {
      lines[i] = maskRow(line);
      changed = true;
    }
  }
  let proseLength = 0;
  let html = false;
  for (let i = 0; i < lines.length; i++) {
    if (!isProse[i]) continue;
    proseLength += lines[i]!.length + 1;
    if (/^ {0,3}</.test(lines[i]!)) html = true;
  }
  if (proseLength > LONG && !html) {
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const next = lines[i + 1] ?? "";
      if (!isProse[i] || /^(?: {4}|\t)/.test(line) || isUnderline(line) || isThematic(line) || isDelimiter(line)) continue;
      if (isUnderline(next) || isDelimiter(next)) continue;
      const prefix = BLOCK_PREFIX.exec(line)![0];
      const rest = line.slice(prefix.length);
      if (rest === "" || /^(?:#|\||\[|<|`{3}|~{3})/.test(rest) || /^(?: {4}|\t)/.test(rest)) continue;
      lines[i] = prefix + mask(rest);
      prose.set(i, prefix.length);
      changed = true;
    }
  }
  return { text: changed ? lines.join("\n") : text, prose };
}
