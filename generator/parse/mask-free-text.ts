/**
 * The parser never reads the inline nodes of free text (descriptions and
 * examples are sliced from the source), so before remark runs free text is
 * masked: every non-blank character becomes `·` (no inline syntax starts
 * with it): same length, same lines. Positions stay valid and `sourceOf`
 * still slices the real text. Two reasons:
 *
 * - micromark merges adjacent text tokens with one array splice per run
 *   (`resolveAllText`), which is quadratic in the number of inline
 *   constructs (escapes, code spans, entities, tags…) of one paragraph or
 *   table cell: a 2 MB description with markup takes minutes;
 * - masked prose is cut to a `·` a line (elide-unread.ts), so what remark
 *   is shown of a doc no longer holds its words, and docs share texts that
 *   are parsed once (tree-memo.ts).
 *
 * Masked are:
 *
 * - table rows longer than LONG: the cells after the third (Description,
 *   Example); Field, Type and Required cells and header and delimiter rows
 *   stay as written;
 * - prose outside `## Values` (whose paragraphs may say "open enum"): its
 *   paragraph lines, after their block prefix (indentation, `>`, a list
 *   marker). Not masked is what is read from the tree or decides blocks:
 *   lines that start other syntax (headings, fences, tables, nested quotes
 *   and lists, link definitions, setext and thematic breaks), the lines of
 *   a setext heading, a table's rows (they need not start with `|`); and
 *   none of a doc's prose when it holds an HTML block (whose end depends
 *   on text inside lines) or a fence in a quote or list item (fencedLines
 *   sees only top-level fences), or when a lone CR ends a line.
 *
 * Headings and the Field, Type and Required cells are parsed as written:
 * micromark stays quadratic on long runs of some constructs there (e.g.
 * thousands of unclosed `<!--` in one heading). test/parse/elision.test.ts
 * checks all of this against remark's full parse.
 */

import { fencedLines, hasLoneCR, isBlankLine, splitAtPipes } from "./block-lines.ts";

export const LONG = 2000;

// Tested on lines without trailing blanks: `[ \t]*$` after a repetition backtracks quadratically.
const DELIMITER_TRIMMED = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/;
const UNDERLINE_TRIMMED = /^ {0,3}(?:=+|-+)$/;
const THEMATIC_TRIMMED = /^ {0,3}([-*_])(?:[ \t]*\1){2,}$/;
export const isDelimiter = (line: string) => DELIMITER_TRIMMED.test(line.trimEnd());
const isUnderline = (line: string) => UNDERLINE_TRIMMED.test(line.trimEnd());
const isThematic = (line: string) => THEMATIC_TRIMMED.test(line.trimEnd());
/** A fence opened after a quote or list marker (fencedLines sees only top-level fences). */
const NESTED_FENCE = /^(?:[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]))+[ \t]*(?:`{3}|~{3})/;
const BLOCK_PREFIX = /^ {0,3}(?:>[ \t]?)*(?:(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))?/;

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
  const lines = text.split("\n");
  let changed = false;
  let inValues = false;
  // Lines that may hold prose: outside fences and outside `## Values`.
  const isProse: boolean[] = [];
  const fenced = fencedLines(lines);
  // Per line, once (a masked row is no delimiter or underline either).
  const delimiter = lines.map(isDelimiter);
  const underline = lines.map(isUnderline);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fenced[i]) continue;
    const h2 = /^ {0,3}##(?:[ \t](.*)|$)/.exec(line);
    if (h2) inValues = /values/i.test(h2[1] ?? "");
    isProse[i] = !inValues;
    // (A row with a lone CR is more than one line to markdown: not masked.)
    if (line.length > LONG && /^ {0,3}\|/.test(line) && !hasLoneCR(line) && !delimiter[i] && !delimiter[i + 1]) {
      lines[i] = maskRow(line);
      changed = true;
    }
  }
  // An HTML block ends by text inside lines, a fence in a quote or list item runs on lines that
  // look like prose, and a lone CR ends a line for markdown but not here: each holds all prose as is.
  const held = hasLoneCR(text) || lines.some((line, i) => isProse[i] && (/^ {0,3}</.test(line) || NESTED_FENCE.test(line)));
  if (!held) {
    let inTable = false;
    // A setext heading's text is read from the tree: the lines above an underline, up to a blank line, stay.
    const headingText = new Set<number>();
    for (let i = 0; i < lines.length; i++) {
      if (!underline[i]) continue;
      for (let j = i - 1; j >= 0 && !isBlankLine(lines[j]!); j--) headingText.add(j);
    }
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      // A table's rows run to the next blank line, whatever they start with (its delimiter row included).
      if (isBlankLine(line)) inTable = false;
      else if (delimiter[i]) inTable = true;
      // A line above a delimiter row is a table's header.
      if (inTable || headingText.has(i) || !isProse[i] || /^(?: {4}|\t)/.test(line) || underline[i] || isThematic(line) || delimiter[i + 1]) continue;
      const prefix = BLOCK_PREFIX.exec(line)![0];
      const rest = line.slice(prefix.length);
      // Nor is text masked that starts a block of its own (a heading, table, nested quote or list…): only paragraph text.
      if (rest.trim() === "" || /^[ \t]*(?:#|\||\[|<|`{3}|~{3}|>|[-+*](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))/.test(rest) || /^(?: {4}|\t)/.test(rest)) continue;
      lines[i] = prefix + mask(rest);
      prose.set(i, prefix.length);
      changed = true;
    }
  }
  return { text: changed ? lines.join("\n") : text, prose };
}
