/**
 * Fields-table rows that remark need not see. micromark spends ~0.25 ms on
 * a table row even when elide-unread.ts has cut all but its Type cell, and
 * rows are most of a doc. A row whose every cell is read from the source
 * anyway (a plain Field code span, a Required marker, Description and
 * Example) and whose Type cell is "plain" (below) is built here as the very
 * nodes remark would give for elide-unread's cut row, and its line is not
 * shown to remark at all.
 *
 * A plain Type cell is the Type grammar (type-cell.ts) written with nothing
 * markdown could read two ways:
 *
 *   Cell := Alt ( " "* "\|" " "* Alt )*
 *   Alt  := Base "[]"*
 *   Base := "*" ( Word | Literal ) "*" | "[" Word "](" Url ")"
 *         | "Record<string," " "* Cell " "* ">"
 *   Word := [A-Za-z0-9]+ ( [._] [A-Za-z0-9]+ )*              (no `www.`)
 *   Literal := '"' [A-Za-z0-9]+ ( [._ -] [A-Za-z0-9]+ )* '"'  (no `www.`)
 *   Url  := [A-Za-z0-9_./:#?=~+-]+
 *
 * Every `*` then sits between a word character or quote and punctuation,
 * a space or the cell's edge, and never next to another `*`, so each pair
 * is one emphasis and nothing else; `_` only sits between word characters,
 * where it is plain text; no entity,
 * escape (but `\|`, which a table unescapes), HTML, autolink literal or
 * code can start; `Record<string,` is no HTML tag (`,` cannot follow a tag
 * name). The test compares these rows with remark's on every corpus row
 * and on generated cells.
 */
import type { PhrasingContent, TableCell, TableRow, Text } from "mdast";
import { isBlank, splitAtPipes } from "./block-lines.ts";
import { plainFieldName, REQUIRED } from "./fields-table.ts";
import { MAX_NESTING } from "./type-cell.ts";

interface Point {
  line: number;
  column: number;
  offset: number;
}

/** Where a row's line sits in the text: 1-based line number and the offset of its first character. */
export interface LinePlace {
  line: number;
  offset: number;
}

const WORD = /[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)*/y;
const LITERAL = /"[A-Za-z0-9]+(?:[._ -][A-Za-z0-9]+)*"/y;
const URL = /[A-Za-z0-9_./:#?=~+-]+/y;
const RECORD_OPEN = "Record<string,";

/** Where a parsed piece of the cell ends, or undefined when the text there is not plain. */
type Parsed = { end: number } | undefined;

/** Recursive descent over a plain cell, collecting its emphasis and link tokens (the text between them is punctuation). */
class PlainCell {
  readonly tokens: Array<{ kind: "emphasis" | "link"; start: number; end: number; word: [number, number]; url?: string }> = [];
  private depth = 0;

  constructor(private readonly s: string) {}

  private match(re: RegExp, at: number): number | undefined {
    re.lastIndex = at;
    const m = re.exec(this.s);
    return m ? at + m[0].length : undefined;
  }

  private spaces(at: number): number {
    while (this.s[at] === " ") at++;
    return at;
  }

  private word(at: number): number | undefined {
    const end = this.match(WORD, at);
    return end !== undefined && !/www\./i.test(this.s.slice(at, end)) ? end : undefined;
  }

  /** `"…"`: words joined by single `.`, `_`, `-` or spaces, quotes around. */
  private quoted(at: number): number | undefined {
    const end = this.match(LITERAL, at);
    return end !== undefined && !/www\./i.test(this.s.slice(at, end)) ? end : undefined;
  }

  cell(at: number): Parsed {
    let parsed = this.alt(at);
    while (parsed) {
      const pipe = this.spaces(parsed.end);
      if (!this.s.startsWith("\\|", pipe)) return parsed;
      parsed = this.alt(this.spaces(pipe + 2));
    }
    return undefined;
  }

  private alt(at: number): Parsed {
    const base = this.base(at);
    if (!base) return undefined;
    let end = base.end;
    while (this.s.startsWith("[]", end)) end += 2;
    return { end };
  }

  private base(at: number): Parsed {
    const s = this.s;
    if (s[at] === "*") {
      const word = s[at + 1] === '"' ? this.quoted(at + 1) : this.word(at + 1);
      if (word === undefined || s[word] !== "*") return undefined;
      this.tokens.push({ kind: "emphasis", start: at, end: word + 1, word: [at + 1, word] });
      return { end: word + 1 };
    }
    if (s[at] === "[") {
      const word = this.word(at + 1);
      if (word === undefined || !s.startsWith("](", word)) return undefined;
      const url = this.match(URL, word + 2);
      if (url === undefined || s[url] !== ")") return undefined;
      this.tokens.push({ kind: "link", start: at, end: url + 1, word: [at + 1, word], url: s.slice(word + 2, url) });
      return { end: url + 1 };
    }
    if (s.startsWith(RECORD_OPEN, at) && this.depth < MAX_NESTING) {
      this.depth++;
      const inner = this.cell(this.spaces(at + RECORD_OPEN.length));
      this.depth--;
      if (!inner) return undefined;
      const close = this.spaces(inner.end);
      return s[close] === ">" ? { end: close + 1 } : undefined;
    }
    return undefined;
  }
}

/**
 * The inline nodes remark gives a plain Type cell's content (`from` to `to`
 * in `line`, no blanks at either end), or undefined when it is not plain.
 */
export function plainTypeNodes(line: string, from: number, to: number, place: LinePlace): PhrasingContent[] | undefined {
  const content = line.slice(from, to);
  const parser = new PlainCell(content);
  if (parser.cell(0)?.end !== content.length) return undefined;
  const at = (i: number): Point => ({ line: place.line, column: from + i + 1, offset: place.offset + from + i });
  const text = (start: number, end: number): Text => ({ type: "text", value: content.slice(start, end).replaceAll("\\|", "|"), position: { start: at(start), end: at(end) } });
  const nodes: PhrasingContent[] = [];
  let last = 0;
  for (const token of parser.tokens) {
    if (token.start > last) nodes.push(text(last, token.start));
    const children = [text(...token.word)];
    const position = { start: at(token.start), end: at(token.end) };
    nodes.push(token.kind === "emphasis" ? { type: "emphasis", children, position } : { type: "link", title: null, url: token.url!, children, position });
    last = token.end;
  }
  if (last < content.length) nodes.push(text(last, content.length));
  return nodes;
}

/**
 * A fields-table row as the tree of elide-unread's cut text has it (cut
 * cells hold one `·` over their content, a cut Description nothing), or
 * undefined when remark must read it. `cells` is the header's cell count.
 */
export function plainRow(line: string, place: LinePlace, cells: number): TableRow | undefined {
  // Tabs, CRs and missing edge pipes change where GFM puts cells and nodes.
  if (line[0] !== "|" || line[line.length - 1] !== "|" || line.includes("\t") || line.includes("\r")) return undefined;
  const parts = splitAtPipes(line);
  if (parts.length !== cells + 2 || parts[parts.length - 1] !== "") return undefined;
  const at = (i: number): Point => ({ line: place.line, column: i + 1, offset: place.offset + i });
  const row: TableCell[] = [];
  let pipe = 0;
  for (let k = 0; k < cells; k++) {
    const content = parts[k + 1]!;
    const from = pipe + 1;
    const next = from + content.length;
    let first = from;
    while (first < next && isBlank(line[first])) first++;
    let end = next;
    while (end > first && isBlank(line[end - 1])) end--;
    const source = line.slice(first, end);
    const dot = (): Text => ({ type: "text", value: "\u00b7", position: { start: at(first), end: at(end) } });
    let children: PhrasingContent[];
    if (k === 0) {
      if (plainFieldName(source) === undefined) return undefined;
      children = [dot()];
    } else if (k === 1) {
      const nodes = first < end ? plainTypeNodes(line, first, end, place) : undefined;
      if (!nodes) return undefined;
      children = nodes;
    } else if (k === 2) {
      if (!Object.hasOwn(REQUIRED, source)) return undefined;
      children = [dot()];
    } else if (k === 3) {
      children = [];
    } else {
      // One character is not cut (it is what a kept `·` would be), so remark would read it: only a letter or digit reads as itself.
      if (end - first === 1 && !/[A-Za-z0-9]/.test(source)) return undefined;
      children = first === end ? [] : end - first === 1 ? [{ type: "text", value: source, position: { start: at(first), end: at(end) } }] : [dot()];
    }
    row.push({ type: "tableCell", children, position: { start: at(pipe), end: at(k === cells - 1 ? line.length : next) } });
    pipe = next;
  }
  return { type: "tableRow", children: row, position: { start: at(0), end: at(line.length) } };
}
