/**
 * `## Supported Types` (docs-grammar.md §5): each member is an H3 whose title
 * is a TypeScript type in backticks, usually followed by a
 * `const value: T = …;` block.
 */
import type { Heading, RootContent } from "mdast";
import type { UnionMember } from "../ir/types.ts";
import { codeValue } from "./code-blocks.ts";
import { readExampleCode } from "./example-code.ts";
import { inlineText, sourceOf, startOf } from "./inline.ts";
import type { DocMessages } from "./messages.ts";
import { parseTypeTitle } from "./ts-type-title.ts";

export function readUnionMembers(nodes: RootContent[], text: string, file: string, messages: DocMessages, at: { line: number; column: number }): UnionMember[] {
  const members: UnionMember[] = [];
  let current: UnionMember | undefined;
  let headings = 0;
  for (const node of nodes) {
    if (node.type === "heading" && node.depth === 3) {
      headings++;
      current = readMember(node, text, file, messages);
      if (current) members.push(current);
    } else if (node.type === "code" && current && !current.example) {
      const code = readExampleCode(codeValue(node, text));
      if (code.value !== undefined)
        current.example = { text: code.value, ...(code.imports.length ? { imports: code.imports } : {}), position: { file, ...startOf(node) } };
    }
  }
  // A member whose title could not be read has its own error already.
  if (headings === 0) messages.error(at, "union-empty", "`## Supported Types` lists no `### \\`Type\\`` members");
  return members;
}

function readMember(heading: Heading, text: string, file: string, messages: DocMessages): UnionMember | undefined {
  const place = startOf(heading);
  const title = inlineText(heading).trim();
  // Where the title sits on the heading's (single) line: found in its source after the `#`s
  // (exact for the usual code span). When escapes or markup make the source differ, every
  // offset points at the heading's content: never past the end of the line.
  const source = sourceOf(heading, text);
  const contentStart = startOf(heading.children[0] ?? heading);
  const found = source.indexOf(title, Math.max(0, contentStart.column - place.column));
  const columnOf = (offset: number) => (found >= 0 ? place.column + found + offset : contentStart.column);
  const parsed = parseTypeTitle(title, (offset) => ({ file, line: place.line, column: columnOf(offset) }));
  if (!parsed.ok) {
    const column = columnOf(parsed.offset);
    messages.error({ line: place.line, column }, "union-member-syntax", `cannot read union member \`${title}\`: ${parsed.error}`);
    return undefined;
  }
  return { title, type: parsed.type, position: { file, ...place } };
}
