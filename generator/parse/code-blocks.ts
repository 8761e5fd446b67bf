/**
 * Fenced code blocks whose content is read from the source rather than
 * from remark. Example Usage blocks and union-block values are most of a
 * doc's bytes but cheap for remark; still ~10% of its time. A top-level
 * block whose opening fence starts its line (no indentation) has as its
 * content exactly the source lines between its fences (CommonMark removes
 * no indentation then), so elide-unread.ts can leave those lines out of
 * what remark sees, and readers take the content with `codeValue`.
 */
import type { Code } from "mdast";
import { isClosingFence, openingFence } from "./block-lines.ts";

/**
 * Blocks (0-based line indexes of their fences) that open at column 1, close
 * with a closing fence, and hold at least one line and no NUL (micromark
 * turns NUL into U+FFFD). They are blocks of `fencedLines` too: the same
 * fence rules (block-lines.ts). Lines are as split at `\n`; a doc with a
 * lone CR (a line ending to markdown) has none.
 */
export function plainFencedBlocks(lines: readonly string[]): Array<{ open: number; close: number }> {
  const blocks: Array<{ open: number; close: number }> = [];
  // A lone CR ends a line for markdown but not here: then these lines are not markdown's lines.
  if (lines.some((line) => /\r(?!$)/.test(line))) return blocks;
  for (let i = 0; i < lines.length; i++) {
    const opening = openingFence(lines[i]!);
    if (!opening) continue;
    let close = i + 1;
    while (close < lines.length && !isClosingFence(lines[close]!, opening.fence)) close++;
    // Unclosed: the block runs to the end of the doc, and so does every line after it.
    if (close >= lines.length) break;
    if (opening.indent === 0 && close > i + 1 && !lines.slice(i + 1, close).some((line) => line.includes("\0"))) blocks.push({ open: i, close });
    i = close;
  }
  return blocks;
}

/**
 * A fenced code block's content as written: for a top-level block opened
 * at column 1 and closed by a fence, the source between its fence lines
 * (what remark reads, and all there is when elide-unread.ts left those
 * lines out); any other block keeps remark's value.
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
