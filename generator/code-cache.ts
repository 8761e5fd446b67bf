/**
 * CommonJS loading with a V8 code cache, for the two big pieces of code a
 * run loads: ts-morph (~13 MB of JavaScript around a bundled TypeScript) and
 * the built CLI itself (dist/cli/main.cjs, remark included). Node 20 has no
 * `module.enableCompileCache`, so while such a module loads we compile its
 * files ourselves with `vm.Script` and V8's cached data (what the
 * v8-compile-cache package does for a whole process), and later save that
 * data, which then also holds the functions compiled lazily during the run.
 * ts-morph then loads in ~0.15 s instead of ~0.35 s, and a one-doc edit
 * runs its parser and emitter without compiling them again.
 *
 * The cache lives in node_modules/.cache/md-model-codegen/v8 of the project
 * the code is installed in, one file per module, named by its path and by
 * Node version, arch, size and mtime (a new version replaces the old file). V8 checks version, flags and source length
 * (`cachedDataRejected`) but not the content, so each file starts with a
 * CRC-32 of the data: a damaged file is ignored, never run. Every cache
 * failure just means a normal compile.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { basename, dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type vmTypes from "node:vm";

// Loaded on first use: a run that loads nothing through the cache (an up-to-date run) pays for none of them.
const builtin = createRequire(import.meta.url);
const vm = () => builtin("node:vm") as typeof vmTypes;
const zlib = () => builtin("node:zlib") as typeof import("node:zlib");
const crypto = () => builtin("node:crypto") as typeof import("node:crypto");

interface CacheState {
  /** Scripts compiled without usable cached data: saved by `saveCodeCache`. */
  unsaved: Array<{ file: string; script: vmTypes.Script }>;
  /** Every cache file this process used or will write: the rest are stale. */
  current: Set<string>;
}

// The built CLI holds two copies of this module (its loader, bin.js, and main.cjs): they share one state.
const STATE = Symbol.for("md-model-codegen.code-cache");
const state: CacheState = ((globalThis as Record<symbol, CacheState | undefined>)[STATE] ??= { unsaved: [], current: new Set() });

interface CompilingModule {
  exports: unknown;
  require(id: string): unknown;
}
type Compile = (this: CompilingModule, content: string, filename: string) => unknown;

/** node_modules/.cache/md-model-codegen/v8 of the project that holds `file`, or undefined (no node_modules above it). */
export function codeCacheDir(file: string): string | undefined {
  const at = file.lastIndexOf(`${sep}node_modules${sep}`);
  if (at >= 0) return join(file.slice(0, at), "node_modules", ".cache", "md-model-codegen", "v8");
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "node_modules"))) return join(dir, "node_modules", ".cache", "md-model-codegen", "v8");
  }
  return undefined;
}

/**
 * `require(id)` resolved from `from` (a module's `import.meta.url`), with
 * every CommonJS file it loads compiled through the code cache.
 */
export function requireCached(id: string, from: string): unknown {
  const require = createRequire(from);
  const entry = require.resolve(id.startsWith("file:") ? fileURLToPath(id) : id);
  const dir = codeCacheDir(entry);
  // zlib.crc32 arrived in Node 20.15: without it, no cache (a plain require).
  if (!dir || typeof zlib().crc32 !== "function") return require(entry);
  const proto = Module.prototype as unknown as { _compile: Compile };
  const original = proto._compile;
  proto._compile = function (content, filename) {
    try {
      return compileCached(this, content, filename, dir);
    } catch (error) {
      // Only a failure before the module ran lands here with nothing run.
      if (error instanceof CacheUnusable) return original.call(this, content, filename);
      throw error;
    }
  };
  try {
    return require(entry);
  } finally {
    proto._compile = original;
  }
}

class CacheUnusable extends Error {}

function compileCached(module: CompilingModule, content: string, filename: string, dir: string): unknown {
  let file: string;
  let script: vmTypes.Script;
  try {
    const { size, mtimeMs } = statSync(filename);
    const hash = (value: unknown) => crypto().createHash("sha1").update(JSON.stringify(value)).digest("hex").slice(0, 16);
    file = join(dir, `${hash(filename)}-${hash([process.version, process.arch, size, mtimeMs])}.bin`);
    state.current.add(file);
    const cachedData = readCache(file);
    const { Script, constants } = vm();
    script = new Script((Module as unknown as { wrap(s: string): string }).wrap(content), {
      filename,
      ...(cachedData ? { cachedData } : {}),
      ...(constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
    });
    if (!cachedData || script.cachedDataRejected) state.unsaved.push({ file, script });
  } catch {
    throw new CacheUnusable();
  }
  // The CommonJS wrapper, called as Node's own `_compile` would.
  const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
  const ownRequire = createRequire(filename);
  const moduleRequire = Object.assign((id: string) => module.require(id), {
    resolve: (request: string, options?: { paths?: string[] }) =>
      (Module as unknown as { _resolveFilename(r: string, m: unknown, isMain: boolean, o?: unknown): string })._resolveFilename(request, module, false, options),
    cache: ownRequire.cache,
    main: ownRequire.main,
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
  return bytes.readUInt32LE(0) === zlib().crc32(data) ? data : undefined;
}

/**
 * Writes the cache for the modules that had none, once (call it after the
 * work, so that it includes what the work compiled): the CLI calls it after
 * printing and at exit. Atomic per file (write, then rename); drops files
 * left by other versions. Failures are ignored.
 */
export function saveCodeCache(): void {
  const pending = state.unsaved;
  state.unsaved = [];
  if (pending.length === 0) return;
  try {
    for (const { file, script } of pending) {
      const data = script.createCachedData();
      const header = Buffer.alloc(4);
      header.writeUInt32LE(zlib().crc32(data));
      const temp = `${file}.${process.pid}.tmp`;
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(temp, Buffer.concat([header, data]));
      renameSync(temp, file);
    }
    // Stale: another version of a module this process loaded, or a file not named as this module names them.
    const loaded = new Set([...state.current].map((file) => basename(file).split("-")[0]));
    for (const dir of new Set(pending.map(({ file }) => dirname(file)))) {
      for (const name of readdirSync(dir)) {
        const match = /^([0-9a-f]{16})-[0-9a-f]{16}\.bin$/.exec(name);
        const stale = match ? loaded.has(match[1]!) && !state.current.has(join(dir, name)) : name.endsWith(".bin");
        if (stale) rmSync(join(dir, name), { force: true });
      }
    }
  } catch {
    // A cache we cannot write is only a slower next start.
  }
}
