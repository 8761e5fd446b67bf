/**
 * Line-level facts of GFM that the pre-remark passes (compact-tables,
 * mask-free-text, elide-unread) must agree on: which lines belong to a
 * fenced code block, and where a table row's cells are split.
 */

/** An opening or closing code fence: three or more backticks or tildes, indented at most 3 spaces. */
export const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Per line: is it part of a fenced code block (its opening and closing fences included)? */
export function fencedLines(lines: readonly string[]): boolean[] {
  let fence: string | undefined;
  return lines.map((line) => {
    const open = FENCE.exec(line);
    if (fence) {
      // Closed by the same character, at least as long, alone on its line.
      if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length && line.trim() === open[1]) fence = undefined;
      return true;
    }
    if (open) fence = open[1]!;
    return open !== null;
  });
}

/**
 * A row split at its unescaped pipes, as GFM splits cells: `\|` and `\\` are
 * escapes, so `\\|` ends a cell. `parts.join("|")` is the line again; part 0
 * is what precedes the first pipe, part k the k-th cell.
 */
export function splitAtPipes(line: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === "\\" && (line[i + 1] === "\\" || line[i + 1] === "|")) i++;
    else if (ch === "|") {
      parts.push(line.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(line.slice(from));
  return parts;
}
