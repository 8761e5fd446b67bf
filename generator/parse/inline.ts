/** Small helpers over mdast inline nodes, shared by the section parsers. */
import type { Nodes } from "mdast";

/** The literal text of a node: text, inline code and raw HTML values, concatenated. */
export function inlineText(node: Nodes): string {
  if ("value" in node && typeof node.value === "string") return node.value;
  if ("children" in node) return (node.children as Nodes[]).map(inlineText).join("");
  return "";
}

/** 1-based line/column of a node's start, or the doc start when unknown. */
export function startOf(node: { position?: { start: { line: number; column: number } } } | undefined): {
  line: number;
  column: number;
} {
  return node?.position ? { line: node.position.start.line, column: node.position.start.column } : { line: 1, column: 1 };
}

/**
 * Where a table cell's content starts: its first child. A GFM cell node
 * starts at the pipe before it, which is not where an editor should jump.
 */
export function cellStart(cell: { children: ReadonlyArray<{ position?: { start: { line: number; column: number } } }>; position?: { start: { line: number; column: number } } } | undefined): {
  line: number;
  column: number;
} {
  return startOf(cell?.children[0] ?? cell);
}

/** The markdown inside a table cell: its source without the delimiting pipes and padding. */
export function cellSource(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, text: string): string {
  return sourceOf(node, text)
    .replace(/^\|/, "")
    .replace(/(?<!\\)\|$/, "")
    .trim();
}

/** The source slice a node spans, the raw markdown as the author wrote it. */
export function sourceOf(node: { position?: { start: { offset?: number }; end: { offset?: number } } }, text: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? "" : text.slice(start, end);
}
