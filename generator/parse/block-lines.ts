/**
 * Line-level facts of GFM that the pre-remark passes (compact-tables,
 * mask-free-text, elide-unread) must agree on: which lines belong to a
 * fenced code block, and where a table row's cells are split.
 */

/** A blank as GFM trims it around a cell's content. */
export const isBlank = (ch: string | undefined): boolean => ch === " " || ch === "\t";

/**
 * Whether a lone CR (one not before `\n`) ends a line: markdown's lines are
 * then not the text split at `\n`, which every line-based pass here assumes.
 * Such (rare) text is left as written by compact-tables, mask-free-text and
 * elide-unread.
 */
export const hasLoneCR = (text: string): boolean => /\r(?!\n)/.test(text);

/** A blank line to markdown: spaces and tabs only (JavaScript's `trim` also drops no-break spaces, U+FEFF and more). */
export const isBlankLine = (line: string): boolean => /^[ \t]*\r?$/.test(line);

/** 3+ backticks or tildes after at most 3 spaces: the start of an opening or closing fence. */
const FENCE = /^( {0,3})(`{3,}|~{3,})/;

/**
 * A line that opens a fenced code block, as CommonMark has it: the fence,
 * its indentation, and an info string that holds no backtick after a
 * backtick fence.
 */
export function openingFence(line: string): { indent: number; fence: string } | undefined {
  const match = FENCE.exec(line);
  if (!match) return undefined;
  const fence = match[2]!;
  if (fence[0] === "`" && line.slice(match[0].length).includes("`")) return undefined;
  return { indent: match[1]!.length, fence };
}

/** A line that closes a block opened by `fence`: at most 3 spaces, at least as many of the same character, blanks only after (and the CR of a CRLF). */
export function isClosingFence(line: string, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*\r?$/.exec(line);
  return match !== null && match[1]![0] === fence[0] && match[1]!.length >= fence.length;
}

/** Per line: is it part of a fenced code block (its opening and closing fences included)? */
export function fencedLines(lines: readonly string[]): boolean[] {
  let fence: string | undefined;
  return lines.map((line) => {
    if (fence !== undefined) {
      if (isClosingFence(line, fence)) fence = undefined;
      return true;
    }
    fence = openingFence(line)?.fence;
    return fence !== undefined;
  });
}

/**
 * A row split at its unescaped pipes, as GFM splits cells: `\|` and `\\` are
 * escapes, so `\\|` ends a cell. `parts.join("|")` is the line again; part 0
 * is what precedes the first pipe, part k the k-th cell.
 */
export function splitAtPipes(line: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "\\" && (line[i + 1] === "\\" || line[i + 1] === "|")) i++;
    else if (ch === "|") {
      parts.push(line.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(line.slice(from));
  return parts;
}
