/**
 * Real docs pad every table cell to one column width: lines reach 17,000
 * characters, mostly spaces and dashes that GFM ignores. Removing that
 * padding before remark runs makes parsing several times faster. Positions
 * are mapped back, so diagnostics and IR still point at the original text.
 */

import { fencedLines, hasLoneCR } from "./block-lines.ts";

export interface Compacted {
  text: string;
  /** Map a 1-based line/column of `text` back to the original doc. */
  toOriginal(line: number, column: number): { line: number; column: number };
}

/** Padding next to an unescaped cell pipe, or a delimiter row's long dash runs. */
const PADDING = /(?<=(?:^|[^\\])\|) {2,}| {2,}(?=\|)/g;
const DELIMITER_ROW = /^\s*\|[\s\-:|]+\|\s*$/;
const ROW_START = /^ {0,3}\|/;

export function compactTables(original: string): Compacted {
  // A lone CR ends a line for markdown but not for this `\n` split: such a (rare) doc keeps its padding, and its places.
  if (hasLoneCR(original)) return { text: original, toOriginal: (line, column) => ({ line, column }) };
  const lines = original.split("\n");
  // Per changed line: sorted [compactedColumn, removedBeforeIt] breakpoints.
  const maps = new Map<number, Array<[number, number]>>();
  const fenced = fencedLines(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A row starts with a pipe after at most 3 spaces: indented further, the line is code, and
    // taking its indentation away would make it a row.
    if (fenced[i] || !ROW_START.test(line)) continue;
    const breaks: Array<[number, number]> = [];
    let removed = 0;
    const rewrite = (pattern: RegExp, keep: (match: string) => string) => (source: string) =>
      source.replace(pattern, (match: string, offset: number) => {
        const kept = keep(match);
        // Compacted columns past the kept part sit `removed` columns left of the original.
        const at = offset - removed + kept.length;
        removed += match.length - kept.length;
        breaks.push([at, removed]);
        return kept;
      });
    const compacted = DELIMITER_ROW.test(line) ? rewrite(/-{4,}/g, () => "---")(line) : rewrite(PADDING, () => " ")(line);
    if (removed > 0) {
      lines[i] = compacted;
      maps.set(i + 1, breaks);
    }
  }
  return {
    text: lines.join("\n"),
    toOriginal(line, column) {
      const breaks = maps.get(line);
      if (!breaks) return { line, column };
      let shift = 0;
      for (const [at, removedSoFar] of breaks) {
        if (column > at) shift = removedSoFar;
        else break;
      }
      return { line, column: column + shift };
    },
  };
}
