/**
 * micromark is slow on table rows (~0.1 MB/s), much of it in Description
 * and Example cells, and on long prose: text that is never read as mdast
 * (fields-table.ts slices those cells from the source with `cellSource` and
 * takes only the Example's first child's start; skeleton.ts slices prose
 * with `sourceOf`; masked prose is `·` anyway). So remark is shown a
 * shorter text: in each such stretch, from its first to its last non-blank
 * character is cut, down to one `·` where a node must stay (blanks around
 * stay, so nodes still start at the first and end after the last non-blank
 * character). Some whole lines are left out as well (below). The tree's
 * positions are then moved back onto the full text, a point at a cut
 * mapping to its end. Cut are:
 *
 * - in table rows (lines starting with `|` below a header and delimiter
 *   row, outside fences), the cells after the third, the first when it is
 *   a plain code span and the third when it is a Required marker
 *   (fields-table.ts reads those two from the source; they were ~30% of
 *   remark's time on a row): cells are split at unescaped `|`
 *   exactly as GFM does (`\|` and `\\` are escapes, so `\\|` ends a
 *   cell), and inline syntax never spans cells;
 * - prose lines that mask-free-text.ts masked (plain `·` text already);
 * - the content lines of top-level fenced code blocks opened at column 1
 *   (code-blocks.ts reads them from the source): left out (a fence's
 *   content cannot change what is outside it; the block's node keeps its
 *   place, with an empty value);
 * - whole rows of fields tables that plain-rows.ts builds as remark would
 *   (every cell read from the source, a plain Type cell): their lines are
 *   left out, and the rows put back into their tables afterwards;
 * - a plain title line (`# Name` first, plain-title.ts), left out and put
 *   back first.
 *
 * What remark is shown is then mostly a doc's skeleton, the same text for
 * many docs: tree-memo.ts parses each such text once.
 *
 * Whether a line is a row is a guess from its first characters; the tree
 * confirms it (a row of a top-level table starts on every cut line, and a
 * line starting with `|` opens no other block, so it is a row of the full
 * text too; a left-out row's header opens a top-level table, and the lines
 * starting with `|` under it are its rows whatever they hold), and every emptied block is a top-level code block of the tree
 * from fence to fence (its content lines hold no closing fence, checked
 * line by line, so the full text's block ends there too). When that fails
 * (a table in an HTML block, say), the full text is parsed instead.
 *
 * authlete-bc9fa09 (304 docs): remark sees 0.05 MB instead of 0.52 MB;
 * a cold parse of all docs went from ~1.25 s to ~1.09 s (Field and Required
 * cells), ~5% less again (code blocks), then to ~0.75 s (plain rows: all
 * 1,778 rows), then to ~0.3 s (titles and code lines left out: remark
 * parses 48 distinct texts, not 304), then to ~0.22 s (all prose masked
 * and cut: 20 texts).
 */
import type { Heading, Root, TableRow } from "mdast";
import { parseMarkdown } from "./markdown.ts";
import { fencedLines, hasLoneCR, isBlank, isBlankLine, splitAtPipes } from "./block-lines.ts";
import { plainFencedBlocks } from "./code-blocks.ts";
import { FIELDS_HEADER, plainFieldName, REQUIRED } from "./fields-table.ts";
import { isDelimiter, maskFreeText } from "./mask-free-text.ts";
import { plainRow } from "./plain-rows.ts";
import { plainTitle } from "./plain-title.ts";
import { parseMarkdownMemo } from "./tree-memo.ts";

/** What remark parses: the cut text, and per 1-based line its sorted [cutColumnIndex, removedSoFar] breakpoints. */
interface Cut {
  text: string;
  breaks: Map<number, Array<[number, number]>>;
  /** 1-based lines of the table rows that were cut, to be confirmed by the tree. */
  rows: Set<number>;
  /** 1-based fence lines of the code blocks that were emptied, to be confirmed by the tree. */
  codeBlocks: Array<{ open: number; close: number }>;
  /** Rows built by plain-rows.ts, by 1-based line: remark is not shown these lines. */
  plainRows: Map<number, { header: number; row: TableRow }>;
  /** The doc's title heading, built by plain-title.ts: remark is not shown line 1. */
  title?: Heading;
  /** Lines remark is not shown (plain rows, a plain title, the content of emptied code blocks), by 1-based line: how many characters of the full text each held, its line break included. */
  leftOut: Map<number, number>;
  /** `text` split at `\n` (its lines, as the passes here see them). */
  lines: string[];
}

/**
 * Cut `text` (a cell's content or the rest of a prose line) from its first
 * to its last non-blank character, down to one `·` when `keep`. Returns the
 * kept head (up to and with the `·`), the kept tail and how much was removed.
 */
function cutStretch(text: string, keep: boolean): { head: string; tail: string; removed: number } | undefined {
  let first = 0;
  while (first < text.length && isBlank(text[first])) first++;
  let last = text.length - 1;
  while (last > first && isBlank(text[last])) last--;
  if (last < first || (keep && last === first)) return undefined;
  return keep ? { head: text.slice(0, first) + "\u00b7", tail: text.slice(last + 1), removed: last - first } : { head: text.slice(0, first), tail: text.slice(last + 1), removed: last - first + 1 };
}

/** In a fields table, a Field cell that is a plain code span and a Required cell that is a marker: fields-table.ts reads them from the source. */
function readFromSource(cell: number, content: string): boolean {
  return (cell === 0 && plainFieldName(content) !== undefined) || (cell === 2 && Object.hasOwn(REQUIRED, content));
}

/** A header row that begins `| Field | Type | Required | Description |`. */
function isFieldsHeader(line: string): boolean {
  return splitAtPipes(line).slice(1, 5).map((cell) => cell.trim()).join("|") === FIELDS_HEADER.join("|");
}

/** Cut the cells after the third of a row (and cells read from the source), split as GFM splits them; breakpoints go to `breaks`. */
function cutRow(line: string, breaks: Array<[number, number]>, fieldsTable: boolean): string {
  const parts = splitAtPipes(line);
  let out = "";
  let removed = 0;
  parts.forEach((content, k) => {
    if (k > 0) out += "|";
    // Part k is cell k (part 0 precedes the first pipe). An Example cell (the fifth) keeps a `·`: its
    // first child gives the example's position. A cell without a pipe after it keeps one too: blank
    // at the end of the line, it would be no cell.
    const cell = k - 1;
    const cut = cell >= 3 || (fieldsTable && readFromSource(cell, content.trim())) ? cutStretch(content, cell === 4 || cell < 3 || k === parts.length - 1) : undefined;
    if (!cut) {
      out += content;
      return;
    }
    out += cut.head;
    removed += cut.removed;
    // Columns from here on sit `removed` columns left of where they are in the full text.
    breaks.push([out.length, removed]);
    out += cut.tail;
  });
  return out;
}

export function cutUnread(masked: string, prose: ReadonlyMap<number, number>): Cut {
  const lines = masked.split("\n");
  const breaks = new Map<number, Array<[number, number]>>();
  const rows = new Set<number>();
  const plainRows: Cut["plainRows"] = new Map();
  // A lone CR ends a line for markdown but not here: such a (rare) doc is shown whole.
  if (hasLoneCR(masked)) return { text: masked, breaks, rows, codeBlocks: [], plainRows, leftOut: new Map(), lines };
  const fenced = fencedLines(lines);
  let offset = 0;
  const offsets = lines.map((line) => (offset += line.length + 1) - line.length - 1);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fenced[i]) continue;
    const from = prose.get(i);
    if (from !== undefined) {
      // The `·` keeps the line a paragraph line: blank, it would end the paragraph.
      const cut = cutStretch(line.slice(from), true);
      if (cut) {
        const head = line.slice(0, from) + cut.head;
        lines[i] = head + cut.tail;
        breaks.set(i + 1, [[head.length, cut.removed]]);
      }
      continue;
    }
    // A header line above a delimiter row: the lines starting with `|` after them are its rows.
    if (line[0] !== "|" || !isDelimiter(lines[i + 1] ?? "")) continue;
    const fieldsTable = isFieldsHeader(line);
    const headerCells = fieldsTable ? cellCount(line) : 0;
    let j = i + 2;
    for (; j < lines.length && lines[j]![0] === "|"; j++) {
      const row = fieldsTable ? plainRow(lines[j]!, { line: j + 1, offset: offsets[j]! }, headerCells) : undefined;
      if (row) {
        plainRows.set(j + 1, { header: i + 1, row });
        continue;
      }
      const rowBreaks: Array<[number, number]> = [];
      const cut = cutRow(lines[j]!, rowBreaks, fieldsTable);
      if (!rowBreaks.length) continue;
      lines[j] = cut;
      breaks.set(j + 1, rowBreaks);
      rows.add(j + 1);
    }
    i = j - 1;
  }
  const leftOut = new Map<number, number>();
  for (const line of plainRows.keys()) leftOut.set(line, lines[line - 1]!.length + 1);
  const codeBlocks: Cut["codeBlocks"] = [];
  // (plainFencedBlocks finds none in a doc with lone CRs.)
  for (const { open, close } of plainFencedBlocks(lines)) {
    for (let k = open + 1; k < close; k++) {
      leftOut.set(k + 1, lines[k]!.length + 1);
      lines[k] = "";
    }
    codeBlocks.push({ open: open + 1, close: close + 1 });
  }
  // The title goes too when some other line stays to be parsed, and the next line does not start with U+FEFF
  // (remark would skip it as a BOM at the start of its text, and count positions without it).
  const title = lines[1]?.[0] === "\uFEFF" ? undefined : plainTitle(lines[0]!);
  const shown = title && lines.some((line, i) => i > 0 && !leftOut.has(i + 1) && !isBlankLine(line));
  if (title && shown) leftOut.set(1, lines[0]!.length + 1);
  return { text: lines.join("\n"), breaks, rows, codeBlocks, plainRows, lines, leftOut, ...(title && shown ? { title } : {}) };
}

/** A row's cells: the parts between its pipes, the part after the last pipe only when it is not blank. */
function cellCount(line: string): number {
  const parts = splitAtPipes(line);
  return parts.length - 1 - (parts[parts.length - 1]!.trim() === "" ? 1 : 0);
}

/** Every emptied block is a top-level code block of the tree, from its opening to its closing fence. */
export function codeBlocksConfirmed(tree: Root, blocks: Cut["codeBlocks"]): boolean {
  const found = new Set<string>();
  for (const node of tree.children) {
    if (node.type === "code" && node.position && node.position.start.column === 1) found.add(`${node.position.start.line}:${node.position.end.line}`);
  }
  return blocks.every((b) => found.has(`${b.open}:${b.close}`));
}

/** Every cut line is a row of a top-level table in the tree. */
export function rowsConfirmed(tree: Root, rows: ReadonlySet<number>): boolean {
  let confirmed = 0;
  for (const node of tree.children) {
    if (node.type !== "table") continue;
    for (const row of node.children) {
      const start = row.position?.start;
      if (start && start.column === 1 && rows.has(start.line)) confirmed++;
    }
  }
  return confirmed === rows.size;
}

type Point = { line: number; column: number; offset?: number };

/**
 * The text remark is shown: the cut text without the lines left out, and
 * (when lines were left out) per shown 1-based line its line in the full
 * text. Without left-out lines lines are the same, whatever ends them (a
 * doc with lone CRs has more lines for markdown than split at `\n`, and
 * leaves none out).
 */
function shownText(cut: Cut): { text: string; fullLine?: number[] } {
  if (cut.leftOut.size === 0) return { text: cut.text };
  const kept: string[] = [];
  const fullLine = [0];
  cut.lines.forEach((line, i) => {
    if (cut.leftOut.has(i + 1)) return;
    kept.push(line);
    fullLine.push(i + 1);
  });
  fullLine.push(cut.lines.length + 1);
  return { text: kept.join("\n"), fullLine };
}

/** Move every node's position from the shown text onto the full text (iteratively: trees can be deep). */
function restorePositions(tree: Root, cut: Cut, fullLine: readonly number[] | undefined): void {
  const lineCount = cut.lines.length;
  // Characters of the full text missing from the shown text before each 1-based full line.
  const before = new Array<number>(lineCount + 2).fill(0);
  for (let line = 1; line <= lineCount + 1; line++) {
    const previous = line - 1;
    const breaks = cut.breaks.get(previous);
    const missing = cut.leftOut.get(previous) ?? (breaks ? breaks[breaks.length - 1]![1] : 0);
    before[line] = before[previous]! + missing;
  }
  const map = (point: Point): Point => {
    const line = fullLine ? (fullLine[point.line] ?? lineCount + 1) : point.line;
    let shift = 0;
    const breaks = cut.breaks.get(line);
    if (breaks) {
      for (const [at, removed] of breaks) {
        if (point.column - 1 >= at) shift = removed;
        else break;
      }
    }
    const offset = point.offset === undefined ? undefined : point.offset + (before[line] ?? before[lineCount + 1]!) + shift;
    return { line, column: point.column + shift, ...(offset === undefined ? {} : { offset }) };
  };
  const stack: Array<{ position?: { start: Point; end: Point }; children?: unknown[] }> = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.position) node.position = { start: map(node.position.start), end: map(node.position.end) };
    if (node.children) for (const child of node.children) stack.push(child as (typeof stack)[number]);
  }
}

/**
 * Put the plain rows back into their tables (positions already on the full
 * text). False when a row's header opens no top-level table in the tree.
 */
function insertPlainRows(tree: Root, plainRows: Cut["plainRows"], lineCount: number): boolean {
  const byHeader = new Map<number, TableRow[]>();
  for (const { header, row } of plainRows.values()) {
    const rows = byHeader.get(header);
    if (rows) rows.push(row);
    else byHeader.set(header, [row]);
  }
  let placed = 0;
  for (const node of tree.children) {
    const start = node.position?.start;
    const rows = start && start.column === 1 ? byHeader.get(start.line) : undefined;
    if (node.type !== "table" || !rows) continue;
    const line = (row: TableRow) => row.position!.start.line;
    // Both lists are in line order; the header row comes first in either case.
    const merged: TableRow[] = [];
    let k = 0;
    for (const row of node.children) {
      while (k < rows.length && line(rows[k]!) < line(row)) merged.push(rows[k++]!);
      merged.push(row);
    }
    while (k < rows.length) merged.push(rows[k++]!);
    node.children = merged;
    const last = merged[merged.length - 1]!.position!.end;
    if (node.position && last.offset! > node.position.end.offset!) node.position = { start: node.position.start, end: last };
    placed += rows.length;
  }
  // A doc that ends in a plain row (no newline after it) ends where that row does.
  const lastRow = plainRows.get(lineCount)?.row.position;
  if (lastRow && tree.position) tree.position = { start: tree.position.start, end: lastRow.end };
  return placed === plainRows.size;
}

/**
 * The mdast of a doc's text, for reading: free text masked (mask-free-text.ts)
 * and unread text cut (above), positions as in `text`.
 */
export function parseForReading(text: string): Root {
  const masked = maskFreeText(text);
  const cut = cutUnread(masked.text, masked.prose);
  if (cut.breaks.size === 0 && cut.leftOut.size === 0) return parseMarkdown(masked.text);
  const shown = shownText(cut);
  const tree = parseMarkdownMemo(shown.text);
  restorePositions(tree, cut, shown.fullLine);
  if (!rowsConfirmed(tree, cut.rows) || !codeBlocksConfirmed(tree, cut.codeBlocks) || !insertPlainRows(tree, cut.plainRows, cut.lines.length)) return parseMarkdown(masked.text);
  if (cut.title) {
    tree.children.unshift(cut.title);
    tree.position = { start: cut.title.position!.start, end: tree.position!.end };
  }
  return tree;
}
