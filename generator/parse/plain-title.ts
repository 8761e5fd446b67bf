/**
 * A doc's title line that remark need not see. Almost every doc opens with
 * `# Name`, and the name is what makes its text unlike any other doc's;
 * without it (and without its rows and code, also left out by
 * elide-unread.ts) docs of one SDK share a few dozen texts, each parsed
 * once (tree-memo.ts).
 *
 * Plain is `#`, one space and letters or digits, alone on the doc's first
 * line, with more to come. That line is then an ATX heading whatever
 * follows (nothing is open before the first line, and a heading is one
 * line), it holds nothing but text (no emphasis, entity, escape, code,
 * HTML or autolink literal can start in letters and digits), and after it
 * remark's state is that of a doc's start: leaving it out changes no other
 * node. Built here as the very nodes remark gives.
 */
import type { Heading } from "mdast";

const PLAIN_TITLE = /^# [A-Za-z0-9]+(?=\r?$)/;

/** The heading remark would build for `line`, the doc's first line, or undefined when it is not plain. */
export function plainTitle(line: string): Heading | undefined {
  const match = PLAIN_TITLE.exec(line);
  if (!match) return undefined;
  const end = match[0].length;
  return {
    type: "heading",
    depth: 1,
    children: [{ type: "text", value: match[0].slice(2), position: { start: { line: 1, column: 3, offset: 2 }, end: { line: 1, column: end + 1, offset: end } } }],
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: end + 1, offset: end } },
  };
}
