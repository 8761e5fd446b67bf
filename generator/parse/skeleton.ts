/**
 * The document skeleton (docs-grammar.md §2): the H1 title, the prose before
 * the first H2 (description and deprecation notice), and the H2 sections.
 */
import type { Heading, Root, RootContent } from "mdast";
import { inlineText, sourceOf, startOf } from "./inline.ts";
import type { DocMessages } from "./messages.ts";
import { cleanDescription } from "./text.ts";

export interface Section {
  title: string;
  heading: Heading;
  nodes: RootContent[];
}

export interface Skeleton {
  title: string;
  titleNode: Heading;
  deprecated: boolean;
  deprecationMessage?: string;
  description?: string;
  sections: Section[];
}

export const KNOWN_SECTIONS = ["Example Usage", "Fields", "Values", "Supported Types"] as const;

const DEPRECATION_NOTICE = /^\s*:warning:\s*\*\*\s*DEPRECATED\s*\*\*\s*:?\s*/i;

export function readSkeleton(tree: Root, text: string, messages: DocMessages): Skeleton | undefined {
  const nodes = tree.children;
  const h1Index = nodes.findIndex((n) => n.type === "heading" && n.depth === 1);
  if (h1Index < 0) {
    messages.error(startOf(nodes[0]), "missing-title", "the doc has no `# Title` heading", "start the doc with `# ModelName`");
    return undefined;
  }
  const titleNode = nodes[h1Index] as Heading;
  const deprecated = titleNode.children.length === 1 && titleNode.children[0]!.type === "delete";
  const title = inlineText(titleNode).trim();
  for (const other of nodes.slice(h1Index + 1)) {
    if (other.type === "heading" && other.depth === 1)
      messages.error(startOf(other), "duplicate-title", "a doc has exactly one `# Title` heading; found another");
  }
  const before = nodes.slice(0, h1Index).filter((n) => n.type !== "html");
  if (before.length > 0) messages.warn(startOf(before[0]), "content-before-title", "content before the `# Title` heading is ignored");

  const sections: Section[] = [];
  const prose: string[] = [];
  let deprecationMessage: string | undefined;
  // A notice with an empty message still deprecates the model.
  let notice = false;
  let current: Section | undefined;
  for (const node of nodes.slice(h1Index + 1)) {
    if (node.type === "heading" && node.depth === 2) {
      current = { title: inlineText(node).trim(), heading: node, nodes: [] };
      sections.push(current);
    } else if (current) {
      current.nodes.push(node);
    } else if (node.type === "blockquote" && DEPRECATION_NOTICE.test(sourceOf(node, text).replace(/^>\s?/gm, ""))) {
      notice = true;
      deprecationMessage = cleanDescription(sourceOf(node, text).replace(/^>\s?/gm, "").replace(DEPRECATION_NOTICE, ""));
    } else if (node.type !== "heading" || node.depth > 2) {
      prose.push(sourceOf(node, text));
    }
  }
  const description = cleanDescription(prose.join("\n\n"));
  return {
    title,
    titleNode,
    deprecated: deprecated || notice,
    ...(deprecationMessage !== undefined ? { deprecationMessage } : {}),
    ...(description !== undefined ? { description } : {}),
    sections,
  };
}
