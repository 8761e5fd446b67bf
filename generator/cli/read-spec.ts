/** Reads a spec folder: every `.md` file below it, strictly decoded as UTF-8. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Diagnostic } from "../ir/types.ts";
import type { SourceDoc } from "../pipeline.ts";
import { contentHash } from "./hash.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

export interface ReadSpecResult {
  docs: SourceDoc[];
  diagnostics: Diagnostic[];
}

/** Every file below `root`, sorted; dotfiles and dot-folders are skipped unless asked for. */
export function listSpecFiles(root: string, includeDotfiles = false): string[] {
  return listFiles(root, includeDotfiles).map((f) => f.absolute);
}

/**
 * Every file below `root` with its `/`-separated path relative to it (built
 * while walking: path.relative per file was a noticeable part of an
 * up-to-date run), sorted by absolute path.
 */
export function listFiles(root: string, includeDotfiles = false): Array<{ absolute: string; path: string }> {
  const out: Array<{ absolute: string; path: string }> = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") && !includeDotfiles) continue;
      const absolute = join(dir, entry.name);
      if (entry.isDirectory()) walk(absolute, `${prefix}${entry.name}/`);
      else if (entry.isFile()) out.push({ absolute, path: `${prefix}${entry.name}` });
    }
  };
  walk(root, "");
  return out.sort((a, b) => (a.absolute < b.absolute ? -1 : a.absolute > b.absolute ? 1 : 0));
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

/** One doc file, hashed; its bytes are read only when they had to be hashed or are needed. */
export interface SpecFile {
  path: string;
  absolute: string;
  size: number;
  mtimeMs: number;
  hash: string;
  bytes?: Uint8Array;
}

/** A spec folder's markdown docs before decoding: enough to tell whether anything changed. */
export interface SpecFiles {
  files: SpecFile[];
  /** Files that are not docs (warnings). */
  diagnostics: Diagnostic[];
}

/** What an earlier run knew: path → [size, mtimeMs, hash], and when it recorded them. */
export interface KnownFiles {
  files: Record<string, [number, number, string]>;
  recordedAt: number;
}

/**
 * Hardly any run changes more than a few docs, so known hashes are trusted
 * when a file's size and mtime are unchanged (as make and git do). A file
 * modified within a second before the record was taken is re-hashed: an
 * edit in that window could keep both (git's "racily clean" rule).
 */
const RACY_WINDOW_MS = 1000;

export function readSpecFiles(root: string, known?: KnownFiles): SpecFiles {
  const files: SpecFile[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const { absolute, path } of listFiles(root)) {
    if (!path.toLowerCase().endsWith(".md")) {
      diagnostics.push({ file: path, line: 1, column: 1, severity: "warning", ruleId: "not-markdown", message: "not a markdown doc (.md); ignored" });
      continue;
    }
    const { size, mtimeMs } = statSync(absolute);
    const record = known?.files[path];
    if (record && record[0] === size && record[1] === mtimeMs && mtimeMs < known!.recordedAt - RACY_WINDOW_MS) {
      files.push({ path, absolute, size, mtimeMs, hash: record[2] });
      continue;
    }
    const bytes = readFileSync(absolute);
    files.push({ path, absolute, size, mtimeMs, hash: contentHash(bytes), bytes });
  }
  return { files, diagnostics };
}

/**
 * Decode every doc; one that is not UTF-8 becomes an error diagnostic instead.
 * `alreadyParsed(file)`: the file's hash has a cached parse, so only its path
 * is needed now; it is not read or decoded unless its text is asked for.
 */
export function decodeSpec(spec: SpecFiles, alreadyParsed?: (file: SpecFile) => boolean): ReadSpecResult {
  const docs: SourceDoc[] = [];
  const diagnostics = [...spec.diagnostics];
  for (const file of spec.files) {
    if (alreadyParsed?.(file)) {
      docs.push(lazyDoc(file));
      continue;
    }
    if (!file.bytes) {
      // Trusted by its stat, read now: hash what is actually read.
      file.bytes = readFileSync(file.absolute);
      file.hash = contentHash(file.bytes);
    }
    const { doc, diagnostic } = decodeDoc(file.path, file.bytes);
    if (doc) docs.push(doc);
    if (diagnostic) diagnostics.push(diagnostic);
  }
  return { docs, diagnostics };
}

/** A doc whose text is read and decoded on first use. */
function lazyDoc(file: SpecFile): SourceDoc {
  let text: string | undefined;
  return {
    path: file.path,
    get text() {
      if (text === undefined) {
        const { doc } = decodeDoc(file.path, file.bytes ?? readFileSync(file.absolute));
        if (!doc) throw new Error(`${file.path} is no longer valid UTF-8: it changed while being read`);
        text = doc.text;
      }
      return text;
    },
  };
}

export function readSpec(root: string): ReadSpecResult {
  return decodeSpec(readSpecFiles(root));
}
