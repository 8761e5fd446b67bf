/**
 * The content-hash cache that makes repeated runs cheap: parse results per
 * doc (keyed by the doc's hash), emitted units (keyed by their inputs), and
 * the last spec (for the change summary). It lives in
 * node_modules/.cache/md-model-codegen and is dropped whenever the
 * generator's own sources change. A broken cache is ignored, never fatal.
 *
 * It is stored with V8's structured serializer rather than JSON: for the
 * ~5 MB cache of a 300-doc spec that loads ~3x and saves ~3x faster, which
 * is most of a one-doc-edited run that is not spent printing.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import { fileURLToPath } from "node:url";
import type { Diagnostic, Model, Spec } from "../ir/types.ts";

export interface ParsedEntry {
  hash: string;
  model?: Model;
  diagnostics: Diagnostic[];
}

export interface CacheData {
  version: string;
  parsed: Record<string, ParsedEntry>;
  units: Array<[string, Record<string, string>]>;
  spec?: Spec;
}

/** A content fingerprint (not a security boundary): SHA-512 is the fastest of Node's SHA-2 hashes on 64-bit machines. */
export function contentHash(content: string | Uint8Array): string {
  return createHash("sha512").update(content).digest("hex").slice(0, 32);
}

let generatorVersion: string | undefined;

/** A hash of the generator's own sources: any change to them invalidates every cache. */
export function currentGeneratorVersion(): string {
  if (generatorVersion) return generatorVersion;
  const root = fileURLToPath(new URL("..", import.meta.url));
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|js)$/.test(entry.name)) hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(root);
  generatorVersion = hash.digest("hex").slice(0, 16);
  return generatorVersion;
}

export function cachePath(cwd: string, specRoot: string, outDir: string): string {
  return join(cwd, "node_modules", ".cache", "md-model-codegen", `${contentHash(`${specRoot}\0${outDir}`)}.v8`);
}

/** The up-to-date stamp (stamp.ts) sits beside the cache, small enough to read first. */
export function stampPath(cwd: string, specRoot: string, outDir: string): string {
  return cachePath(cwd, specRoot, outDir).replace(/\.v8$/, ".stamp.json");
}

export function loadCache(path: string): CacheData | undefined {
  try {
    const data = deserialize(readFileSync(path)) as CacheData;
    if (typeof data !== "object" || data === null || data.version !== currentGeneratorVersion() || typeof data.parsed !== "object" || !Array.isArray(data.units)) return undefined;
    return data;
  } catch {
    return undefined;
  }
}

/** Write atomically (temp file + rename) so a crash cannot leave half a cache. */
export function saveCache(path: string, data: CacheData): void {
  try {
    mkdirSync(join(path, ".."), { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, serialize(data));
    renameSync(temp, path);
  } catch {
    // A cache that cannot be written only costs speed next time.
  }
}
