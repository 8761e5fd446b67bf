/** Reads a spec folder: every `.md` file below it, strictly decoded as UTF-8. */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Diagnostic } from "../ir/types.ts";
import type { SourceDoc } from "../pipeline.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

export interface ReadSpecResult {
  docs: SourceDoc[];
  diagnostics: Diagnostic[];
}

/** Every file below `root`, sorted; dotfiles and dot-folders are skipped unless asked for. */
export function listSpecFiles(root: string, includeDotfiles = false): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") && !includeDotfiles) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) out.push(path);
    }
  };
  walk(root);
  return out.sort();
}

export function toSpecPath(root: string, file: string): string {
  return relative(root, file).split(sep).join("/");
}

/** Decode one doc; invalid UTF-8 is an error at the first bad byte. */
export function decodeDoc(path: string, bytes: Uint8Array): { doc?: SourceDoc; diagnostic?: Diagnostic } {
  try {
    let text = utf8.decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { doc: { path, text } };
  } catch {
    const { line, column } = firstInvalidByte(bytes);
    return { diagnostic: { file: path, line, column, severity: "error", ruleId: "invalid-utf8", message: "the doc is not valid UTF-8", hint: "save the file as UTF-8" } };
  }
}

function firstInvalidByte(bytes: Uint8Array): { line: number; column: number } {
  // A prefix decodes in streaming mode unless it holds a bad sequence (an unfinished character
  // at its end is kept for later). That is monotonic, unlike decoding prefixes whole (a prefix
  // that cuts a character in two fails even when the bad byte is far later), so bisection finds
  // the longest prefix before the first bad sequence.
  const decodes = (length: number) => {
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (decodes(mid)) low = mid;
    else high = mid - 1;
  }
  // The characters complete before it; lines end at `\r\n`, `\r` or `\n`, as in markdown.
  const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, low), { stream: true });
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

export function readSpec(root: string): ReadSpecResult {
  const docs: SourceDoc[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const file of listSpecFiles(root)) {
    const path = toSpecPath(root, file);
    if (!path.toLowerCase().endsWith(".md")) {
      diagnostics.push({ file: path, line: 1, column: 1, severity: "warning", ruleId: "not-markdown", message: "not a markdown doc (.md); ignored" });
      continue;
    }
    const { doc, diagnostic } = decodeDoc(path, readFileSync(file));
    if (doc) docs.push(doc);
    if (diagnostic) diagnostics.push(diagnostic);
  }
  return { docs, diagnostics };
}
