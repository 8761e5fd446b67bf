/**
 * remark's tree of a text, parsed once per distinct text. What
 * elide-unread.ts shows remark of a doc is mostly its skeleton (headings,
 * a table header, empty fences): authlete-bc9fa09's 304 docs show 48
 * distinct texts. The parse is a pure function of the text, so a repeat
 * gets a copy of the first tree (callers move its positions and add rows).
 */
import type { Root } from "mdast";
import { parseMarkdown } from "./markdown.ts";

/** Longer texts are unlikely to repeat: not kept. */
const MAX_TEXT = 4096;
/** Texts kept at once (first in, first out): a few MB at most. */
const MAX_ENTRIES = 512;

const trees = new Map<string, Root>();

export function parseMarkdownMemo(text: string): Root {
  if (text.length > MAX_TEXT) return parseMarkdown(text);
  let tree = trees.get(text);
  if (!tree) {
    tree = parseMarkdown(text);
    if (trees.size >= MAX_ENTRIES) trees.delete(trees.keys().next().value!);
    trees.set(text, tree);
  }
  return copy(tree);
}

/** A deep copy of plain data (an mdast tree), iteratively: trees can be deep. */
function copy(tree: Root): Root {
  const root = { ...tree };
  const stack: Array<Record<string, unknown>> = [root];
  while (stack.length) {
    const node = stack.pop()!;
    for (const key in node) {
      const value = node[key];
      if (typeof value !== "object" || value === null) continue;
      const copied = Array.isArray(value) ? value.slice() : { ...value };
      node[key] = copied;
      stack.push(copied as Record<string, unknown>);
    }
  }
  return root;
}
