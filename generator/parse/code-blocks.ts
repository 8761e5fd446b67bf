/**
 * Fenced code blocks whose content is read from the source rather than
 * from remark. Example Usage blocks and union-block values are most of a
 * doc's bytes but cheap for remark; still ~10% of its time. A top-level
 * block whose opening fence starts its line (no indentation) has as its
 * content exactly the source lines between its fences (CommonMark removes
 * no indentation then), so elide-unread.ts can empty those lines for
 * remark, and readers take the content with `codeValue`.
 */
import type { Code } from "mdast";

/** An opening fence: up to 3 spaces, 3+ backticks or tildes, an info string (no backtick after backticks). */
const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/;

/** A closing fence for `fence`: up to 3 spaces, at least as many of the same character, blanks only after. */
export function isClosingFence(line: string, fence: string): boolean {
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
  return match !== null && match[1]![0] === fence[0] && match[1]!.length >= fence.length;
}

/** A line that opens a fenced block, with its indentation and fence; undefined if none. */
export function openingFence(line: string): { indent: number; fence: string } | undefined {
  const match = OPENING.exec(line);
  if (!match) return undefined;
  const fence = match[2]!;
  if (fence[0] === "`" && match[3]!.includes("`")) return undefined;
  return { indent: match[1]!.length, fence };
}

/**
 * Blocks (0-based line indexes of their fences) that open at column 1, close
 * with a closing fence, and hold at least one line and no NUL (micromark
 * turns NUL into U+FFFD). `eligible(i)` says a line may belong to one (the
 * other passes agree it is fenced). Lines are as split at `\n`; a doc with
 * a lone CR (a line ending to markdown) has none.
 */
export function plainFencedBlocks(lines: readonly string[], eligible: (line: number) => boolean): Array<{ open: number; close: number }> {
  const blocks: Array<{ open: number; close: number }> = [];
  // A lone CR ends a line for markdown but not here: then these lines are not markdown's lines.
  if (lines.some((line) => /\r(?!$)/.test(line))) return blocks;
  for (let i = 0; i < lines.length; i++) {
    const opening = openingFence(lines[i]!.replace(/\r$/, ""));
    if (!opening) continue;
    let close = i + 1;
    while (close < lines.length && !isClosingFence(lines[close]!.replace(/\r$/, ""), opening.fence)) close++;
    // Unclosed: the block runs to the end of the doc, and so does every line after it.
    if (close >= lines.length) break;
    let ok = opening.indent === 0 && close > i + 1;
    for (let k = i; ok && k <= close; k++) if (!eligible(k) || (k > i && k < close && lines[k]!.includes("\0"))) ok = false;
    if (ok) blocks.push({ open: i, close });
    i = close;
  }
  return blocks;
}

/**
 * A fenced code block's content as written: for a top-level block opened
 * at column 1 and closed by a fence, the source between its fence lines
 * (what remark reads, and all there is when elide-unread.ts emptied those
 * lines); any other block keeps remark's value.
 */
export function codeValue(node: Code, text: string): string {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || !end || start.column !== 1 || start.offset === undefined || end.offset === undefined) return node.value;
  const block = text.slice(start.offset, end.offset);
  const firstBreak = /\r\n|\r|\n/.exec(block);
  const opening = openingFence(block.slice(0, firstBreak?.index ?? block.length));
  if (!firstBreak || !opening || opening.indent !== 0) return node.value;
  const contentStart = firstBreak.index + firstBreak[0].length;
  // The last line ending, and after it the closing fence.
  let breakAt = -1;
  let breakLength = 0;
  for (const m of block.slice(contentStart - firstBreak[0].length).matchAll(/\r\n|\r|\n/g)) {
    breakAt = contentStart - firstBreak[0].length + m.index;
    breakLength = m[0].length;
  }
  if (!isClosingFence(block.slice(breakAt + breakLength), opening.fence)) return node.value;
  const content = breakAt + breakLength === contentStart ? "" : block.slice(contentStart, breakAt);
  return content.includes("\0") ? node.value : content;
}
