/**
 * Writing the generated package safely: only into a folder the generator
 * owns (its manifest lists every file there), never into a dangerous target,
 * and atomically: the new package is staged in a sibling folder and swapped
 * in, so a failed or interrupted run leaves the previous output intact.
 * Unchanged files are hard-linked into the stage, so their bytes and mtimes
 * stay as they were.
 */
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { basename, dirname, join, parse, relative, resolve, sep } from "node:path";
import { listFiles } from "./read-spec.ts";
import { writeFileAtomic } from "./write-atomic.ts";

export const MANIFEST = ".md-model-codegen-manifest.json";

export class OutputError extends Error {}

function isInsideOrEqual(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

/** Refuse targets whose loss would hurt: the project root, the spec, /, home. */
export function checkTarget(out: string, spec: string, cwd: string): void {
  const target = resolve(cwd, out);
  const specRoot = resolve(cwd, spec);
  const reasons: Array<[boolean, string]> = [
    [target === parse(target).root, "the file system root"],
    [target === resolve(homedir()), "the home folder"],
    [target === resolve(cwd), "the project root"],
    [isInsideOrEqual(specRoot, target), "the spec folder or a parent of it"],
    [isInsideOrEqual(target, specRoot), "inside the spec folder"],
    [existsSync(join(target, ".git")), "a git repository"],
    [existsSync(join(target, "package.json")) && !existsSync(join(target, MANIFEST)), "a package the generator did not write"],
  ];
  const hit = reasons.find(([bad]) => bad);
  if (hit) throw new OutputError(`refusing to write to ${out}: it is ${hit[1]}`);
}

/** The files the generator wrote last time, or [] for a new or empty folder. */
export function readOwnedFiles(out: string): string[] {
  if (!existsSync(out)) return [];
  if (!statSync(out).isDirectory()) throw new OutputError(`refusing to write to ${out}: it is not a folder`);
  const present = listFiles(out, true).map((f) => f.path);
  const manifestPath = join(out, MANIFEST);
  if (!existsSync(manifestPath)) {
    if (present.length === 0) return [];
    throw new OutputError(`refusing to write to ${out}: it holds files the generator did not write (no ${MANIFEST}), e.g. ${present[0]}`);
  }
  let owned: string[];
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { files?: unknown };
    if (!Array.isArray(manifest.files) || !manifest.files.every((f) => typeof f === "string")) throw new Error("no file list");
    owned = manifest.files as string[];
  } catch (error) {
    throw new OutputError(`refusing to write to ${out}: unreadable ${MANIFEST} (${error instanceof Error ? error.message : String(error)})`);
  }
  const known = new Set([...owned, MANIFEST]);
  const foreign = present.filter((f) => !known.has(f) && !f.startsWith("node_modules/"));
  if (foreign.length) throw new OutputError(`refusing to write to ${out}: it holds files the generator did not write: ${foreign.slice(0, 5).join(", ")}`);
  return owned;
}

export function manifestText(files: Iterable<string>): string {
  return `${JSON.stringify({ generator: "md-model-codegen", note: "Files written by md-model-codegen; it deletes only these.", files: [...files].sort() }, null, 2)}\n`;
}

export interface WriteSummary {
  written: number;
  unchanged: number;
  removed: number;
}

/** A file's text: as printed, or as the cache holds it (UTF-8 bytes). */
export type OutputText = string | Uint8Array;

function bytesOf(text: OutputText): Buffer {
  return typeof text === "string" ? Buffer.from(text, "utf8") : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
}

/** The same text, in whichever form each is held (the same object, or the same bytes). */
export function sameText(a: OutputText, b: OutputText): boolean {
  if (a === b) return true;
  if (typeof a === "string" && typeof b === "string") return false;
  return bytesOf(a).equals(bytesOf(b));
}

function sameBytes(path: string, text: OutputText): boolean {
  try {
    return readFileSync(path).equals(bytesOf(text));
  } catch {
    return false;
  }
}

/**
 * At most this many files to write or remove: they are replaced in place,
 * each atomically, rather than by swapping in a staged copy of the folder
 * (linking every unchanged file and deleting the old folder was ~25 ms of a
 * one-doc edit, and a swap gives the folder a new identity, which tools
 * watching it do not follow). More changes go through the stage, so a run
 * that fails midway leaves the old package whole.
 */
export const SMALL_UPDATE = 32;

export interface WriteOptions {
  /** What this process wrote there last (watch mode): saves reading every file back. */
  onDisk?: ReadonlyMap<string, OutputText> | undefined;
  /**
   * Update the folder in place, each file atomically (watch mode), instead of
   * swapping in a staged copy: a swap gives the folder a new identity, and
   * tools watching it (a dev server, `tsc --watch`) would stop seeing changes.
   */
  inPlace?: boolean;
  /**
   * The files the folder holds besides the manifest, when known to be as the
   * manifest lists them (stamp.ts `previousOutput`): saves listing the folder
   * and reading the manifest.
   */
  owned?: readonly string[];
  /** Called with each path written or removed (files left alone, or hard-linked unchanged, keep their stats). */
  touched?: (path: string) => void;
}

/** Stage the package next to `out`, then swap it in (or update it in place, see WriteOptions). */
export function writeOutput(out: string, files: ReadonlyMap<string, OutputText>, options: WriteOptions = {}): WriteSummary {
  const owned = options.owned ?? readOwnedFiles(out);
  const { onDisk } = options;
  const unchangedAt = (path: string, text: OutputText) => (onDisk?.has(path) ? sameText(onDisk.get(path)!, text) : sameBytes(join(out, path), text));
  const all = new Map<string, OutputText>(files);
  all.set(MANIFEST, manifestText(files.keys()));
  // Nothing changed: touch nothing (mtimes stay, watchers stay quiet).
  const removed = owned.filter((f) => f !== MANIFEST && !files.has(f)).length;
  let changed = removed;
  for (const [path, text] of all) if (changed <= SMALL_UPDATE && !unchangedAt(path, text)) changed++;
  if (changed === 0) return { written: 0, unchanged: all.size, removed: 0 };
  if ((options.inPlace || changed <= SMALL_UPDATE) && existsSync(out)) return updateInPlace(out, all, owned, unchangedAt, options.touched);
  const parent = dirname(resolve(out));
  mkdirSync(parent, { recursive: true });
  const stage = join(parent, `.${basename(out)}.staging-${process.pid}`);
  const backup = join(parent, `.${basename(out)}.previous-${process.pid}`);
  rmSync(stage, { recursive: true, force: true });
  let written = 0;
  let unchanged = 0;
  const madeDirs = new Set<string>();
  try {
    for (const [path, text] of all) {
      const target = join(stage, path);
      const dir = dirname(target);
      if (!madeDirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        madeDirs.add(dir);
      }
      const previous = join(out, path);
      if (unchangedAt(path, text)) {
        try {
          linkSync(previous, target);
          unchanged++;
          continue;
        } catch {
          // Hard links may be unsupported (other device): write instead.
        }
      }
      writeFileSync(target, text);
      options.touched?.(path);
      written++;
    }
    if (existsSync(join(out, "node_modules"))) renameSync(join(out, "node_modules"), join(stage, "node_modules"));
    if (existsSync(out)) renameSync(out, backup);
    try {
      renameSync(stage, out);
    } catch (error) {
      if (existsSync(backup)) renameSync(backup, out);
      throw error;
    }
    rmSync(backup, { recursive: true, force: true });
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  return { written, unchanged, removed };
}

/**
 * Each changed file is replaced atomically; files no longer generated are
 * removed last. When files come or go, the manifest first lists old and new
 * together, so an interrupted update never leaves a file the generator
 * would not own (the next run would refuse the folder).
 */
function updateInPlace(out: string, all: ReadonlyMap<string, OutputText>, owned: readonly string[], unchangedAt: (path: string, text: OutputText) => boolean, touched?: (path: string) => void): WriteSummary {
  const gone = owned.filter((f) => f !== MANIFEST && !all.has(f));
  const ownedNow = new Set(owned);
  const added = [...all.keys()].filter((f) => f !== MANIFEST && !ownedNow.has(f));
  if (gone.length || added.length) {
    writeFileAtomic(join(out, MANIFEST), manifestText(new Set([...owned, ...added].filter((f) => f !== MANIFEST))));
    touched?.(MANIFEST);
  }
  let written = 0;
  let unchanged = 0;
  for (const [path, text] of all) {
    if (path === MANIFEST) continue;
    if (unchangedAt(path, text)) {
      unchanged++;
      continue;
    }
    mkdirSync(dirname(join(out, path)), { recursive: true });
    writeFileAtomic(join(out, path), text);
    touched?.(path);
    written++;
  }
  removeGone(out, gone);
  if (unchangedAt(MANIFEST, all.get(MANIFEST)!) && gone.length === 0) unchanged++;
  else {
    writeFileAtomic(join(out, MANIFEST), all.get(MANIFEST)!);
    touched?.(MANIFEST);
    written++;
  }
  return { written, unchanged, removed: gone.length };
}

/**
 * Remove files no longer generated, deepest first, then the folders they
 * leave empty (as a staged copy would not have them). A path that is now a
 * folder (a failed update may leave one where a file was owned) goes when
 * it is empty; a folder with files the generator does not own stays.
 */
function removeGone(out: string, gone: readonly string[]): void {
  const depth = (path: string) => path.split("/").length;
  const folders = new Set<string>();
  for (const path of [...gone].sort((a, b) => depth(b) - depth(a) || (a < b ? 1 : -1))) {
    const target = join(out, path);
    if (existsSync(target) && statSync(target).isDirectory()) folders.add(path);
    else rmSync(target, { force: true });
    for (let dir = dirname(path); dir !== "." && dir !== ""; dir = dirname(dir)) folders.add(dir);
  }
  for (const dir of [...folders].sort((a, b) => depth(b) - depth(a) || (a < b ? 1 : -1))) {
    try {
      rmdirSync(join(out, dir));
    } catch {
      // not empty (still generated files, or files that are not ours): it stays
    }
  }
}

export interface CheckResult {
  stale: string[];
  missing: string[];
  extra: string[];
}

/** Compare generated files with what is on disk (`--check`). */
export function compareOutput(out: string, files: ReadonlyMap<string, OutputText>): CheckResult {
  const all = new Map<string, OutputText>(files);
  all.set(MANIFEST, manifestText(files.keys()));
  const present = existsSync(out) ? listFiles(out, true).map((f) => f.path).filter((f) => !f.startsWith("node_modules/")) : [];
  const presentSet = new Set(present);
  const stale: string[] = [];
  const missing: string[] = [];
  for (const [path, text] of all) {
    if (!presentSet.has(path)) missing.push(path);
    else if (!sameBytes(join(out, path), text)) stale.push(path);
  }
  const extra = present.filter((p) => !all.has(p));
  return { stale, missing, extra };
}
