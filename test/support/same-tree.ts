/**
 * The oracle for elide-unread.ts: the tree it gives (cut cells, plain rows
 * built without remark) against remark's tree of the full text.
 */
import type { Nodes } from "mdast";
import { expect } from "vitest";

/**
 * Same place and shape, headings equal in full. Inside a table row, cells that were not cut are
 * equal in full (values, urls, positions); cut cells (Description, Example,
 * and Field and Required cells read from the source) agree on their place
 * and their first child's start.
 */
export function expectSameTree(cut: Nodes, full: Nodes): void {
  expect(cut.type).toBe(full.type);
  expect(cut.position).toEqual(full.position);
  // Headings are never cut (a plain title is built without remark): equal in full. Code keeps its info string.
  if (cut.type === "heading") expect(cut).toEqual(full);
  if (cut.type === "code" && full.type === "code") expect([cut.lang, cut.meta]).toEqual([full.lang, full.meta]);
  if (!("children" in cut) || !("children" in full)) return;
  expect(cut.children.length).toBe(full.children.length);
  cut.children.forEach((child, i) => {
    const other = full.children[i]!;
    if (cut.type === "tableRow" && (i >= 3 || cutForSource(child))) {
      expect(child.position).toEqual(other.position);
      const [a, b] = [(child as { children: Nodes[] }).children[0], (other as { children: Nodes[] }).children[0]];
      if (a && b) expect(a.position?.start).toEqual(b.position?.start);
    } else if (cut.type === "tableRow") expect(child).toEqual(other);
    else expectSameTree(child, other);
  });
}

/** A Field or Required cell that fields-table.ts reads from the source: remark saw only a `·`. */
function cutForSource(cell: Nodes): boolean {
  const children = (cell as { children: Nodes[] }).children;
  return children.length === 1 && children[0]!.type === "text" && (children[0] as { value: string }).value === "\u00b7";
}
