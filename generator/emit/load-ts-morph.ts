/**
 * Loads ts-morph with a V8 code cache. ts-morph is CommonJS around a bundled
 * TypeScript (~13 MB of JavaScript); compiling it is half of its ~0.5 s load.
 * Node 20 has no `module.enableCompileCache`, so while ts-morph loads we
 * compile its files ourselves with `vm.Script` and V8's cached data (what
 * the v8-compile-cache package does for a whole process), and after the
 * first print save that data, which then also holds the printer functions
 * compiled lazily during the run.
 *
 * The cache lives beside ts-morph in node_modules/.cache/md-model-codegen/v8,
 * one file per module, named by Node version, arch, path, size and mtime.
 * V8 checks version, flags and source length (`cachedDataRejected`) but not
 * the content, so each file starts with a CRC-32 of the data: a damaged file
 * is ignored, never run. Every cache failure just means a normal compile.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import Module, { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import vm from "node:vm";
import zlib from "node:zlib";

type TsMorph = typeof import("ts-morph");

const require = createRequire(import.meta.url);
/** Scripts compiled without usable cached data: saved after the first print. */
let unsaved: Array<{ file: string; script: vm.Script }> = [];
/** Every cache file this load used or will write: the rest are stale. */
const current = new Set<string>();
let cacheDir: string | undefined;

interface CompilingModule {
  exports: unknown;
  require(id: string): unknown;
}
type Compile = (this: CompilingModule, content: string, filename: string) => unknown;

export function loadTsMorph(): TsMorph {
  const entry = require.resolve("ts-morph");
  const at = entry.lastIndexOf(`${sep}node_modules${sep}`);
  // zlib.crc32 arrived in Node 20.15: without it, no cache (a plain require).
  if (at < 0 || typeof zlib.crc32 !== "function") return require(entry) as TsMorph;
  cacheDir = join(entry.slice(0, at), "node_modules", ".cache", "md-model-codegen", "v8");
  const proto = Module.prototype as unknown as { _compile: Compile };
  const original = proto._compile;
  proto._compile = function (content, filename) {
    try {
      return compileCached(this, content, filename);
    } catch (error) {
      // Only a failure before the module ran lands here with nothing run.
      if (error instanceof CacheUnusable) return original.call(this, content, filename);
      throw error;
    }
  };
  try {
    return require(entry) as TsMorph;
  } finally {
    proto._compile = original;
  }
}

class CacheUnusable extends Error {}

function compileCached(module: CompilingModule, content: string, filename: string): unknown {
  let file: string;
  let script: vm.Script;
  try {
    const { size, mtimeMs } = statSync(filename);
    const key = createHash("sha1").update(JSON.stringify([process.version, process.arch, filename, size, mtimeMs])).digest("hex");
    file = join(cacheDir!, `${key}.bin`);
    current.add(file);
    const cachedData = readCache(file);
    script = new vm.Script((Module as unknown as { wrap(s: string): string }).wrap(content), {
      filename,
      ...(cachedData ? { cachedData } : {}),
      ...(vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
    });
    if (!cachedData || script.cachedDataRejected) unsaved.push({ file, script });
  } catch {
    throw new CacheUnusable();
  }
  // The CommonJS wrapper, called as Node's own `_compile` would.
  const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  const moduleRequire = Object.assign((id: string) => module.require(id), {
    resolve: (request: string, options?: { paths?: string[] }) =>
      (Module as unknown as { _resolveFilename(r: string, m: unknown, isMain: boolean, o?: unknown): string })._resolveFilename(request, module, false, options),
    cache: require.cache,
    main: require.main,
  });
  return wrapper.call(module.exports, module.exports, moduleRequire, module, filename, dirname(filename));
}

/** The cached data in `file` if its checksum holds, else undefined. */
function readCache(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length < 5) return undefined;
  const data = bytes.subarray(4);
  return bytes.readUInt32LE(0) === zlib.crc32(data) ? data : undefined;
}

/**
 * Writes the cache for the modules that had none, once, after the first
 * print (so it includes what printing compiled). Called by the CLI: the
 * emitter itself writes no files. Atomic per file (write,
 * then rename); drops files left by other versions. Failures are ignored.
 */
export function saveCodeCache(): void {
  const pending = unsaved;
  unsaved = [];
  if (pending.length === 0 || !cacheDir) return;
  try {
    mkdirSync(cacheDir, { recursive: true });
    for (const { file, script } of pending) {
      const data = script.createCachedData();
      const header = Buffer.alloc(4);
      header.writeUInt32LE(zlib.crc32(data));
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, Buffer.concat([header, data]));
      renameSync(temp, file);
    }
    for (const name of readdirSync(cacheDir)) if (!current.has(join(cacheDir, name)) && name.endsWith(".bin")) rmSync(join(cacheDir, name), { force: true });
  } catch {
    // A cache we cannot write is only a slower next start.
  }
}
