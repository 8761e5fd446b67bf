/**
 * micromark merges adjacent text tokens with one array splice per run
 * (`resolveAllText`), which is quadratic in the number of inline constructs
 * (escapes, code spans, entities, tags…) of one paragraph or table cell: a
 * 2 MB description with markup takes minutes. The parser never reads the
 * inline nodes of free text (descriptions and examples are sliced from the
 * source), so before remark runs, long free text is masked: every
 * non-blank character becomes `·` (no inline syntax starts with it), same length, same lines. Positions stay
 * valid and `sourceOf` still slices the real text. Masked are:
 *
 * - table rows longer than LONG: the cells after the third (Description,
 *   Example); Field, Type and Required cells and header and delimiter rows
 *   stay as written;
 * - when the prose before the first `##` heading is longer than LONG: its
 *   paragraph lines, after their block prefix (indentation, `>`, list
 *   markers), unless the prose holds an HTML block (whose end depends on
 *   text inside lines) or the line starts other syntax (headings, fences,
 *   tables, link definitions, setext and thematic breaks).
 */

export const LONG = 2000;

const DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BLOCK_PREFIX = /^ {0,3}(?:>[ \t]?)*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?/;

function mask(text: string): string {
  return text.replace(/[^\s]/g, "\u00b7");
}

/** Mask the cells after the third of a table row (a line starting with `|`). */
function maskRow(line: string): string {
  const start = line.indexOf("|");
  let cell = 0;
  let out = line.slice(0, start + 1);
  let from = start + 1;
  for (let i = start + 1; i <= line.length; i++) {
    const ch = line[i];
    if (ch === "\\" && (line[i + 1] === "\\" || line[i + 1] === "|")) {
      i++;
      continue;
    }
    if (ch === "|" || i === line.length) {
      const content = line.slice(from, i);
      out += (cell >= 3 ? mask(content) : content) + (ch ?? "");
      cell++;
      from = i + 1;
    }
  }
  return out;
}

export function maskFreeText(text: string): string {
  if (text.length <= LONG) return text;
  const lines = text.split("\n");
  let changed = false;
  let fence: string | undefined;
  let firstH2 = -1;
  const inFence: boolean[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const open = FENCE.exec(line);
    if (fence) {
      inFence[i] = true;
      if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length && line.trim() === open[1]) fence = undefined;
      continue;
    }
    if (open) {
      fence = open[1]!;
      inFence[i] = true;
      continue;
    }
    if (firstH2 < 0 && /^ {0,3}##(?:[ \t]|$)/.test(line)) firstH2 = i;
    if (line.length > LONG && /^ {0,3}\|/.test(line) && !DELIMITER.test(line) && !DELIMITER.test(lines[i + 1] ?? "")) {
      lines[i] = maskRow(line);
      changed = true;
    }
  }
  const proseEnd = firstH2 < 0 ? lines.length : firstH2;
  const prose = lines.slice(0, proseEnd);
  const proseLength = prose.reduce((n, l) => n + l.length + 1, 0);
  if (proseLength > LONG && !prose.some((l, i) => !inFence[i] && /^ {0,3}</.test(l))) {
    for (let i = 0; i < proseEnd; i++) {
      const line = lines[i]!;
      const next = lines[i + 1] ?? "";
      if (inFence[i] || /^(?: {4}|\t)/.test(line) || UNDERLINE.test(line) || THEMATIC.test(line) || DELIMITER.test(line)) continue;
      if (UNDERLINE.test(next) || DELIMITER.test(next)) continue;
      const prefix = BLOCK_PREFIX.exec(line)![0];
      const rest = line.slice(prefix.length);
      if (rest === "" || /^(?:#|\||\[|<|`{3}|~{3})/.test(rest) || /^(?: {4}|\t)/.test(rest)) continue;
      lines[i] = prefix + mask(rest);
      changed = true;
    }
  }
  return changed ? lines.join("\n") : text;
}
