/**
 * Building a run's package once its docs are parsed: the rebuild of an edit
 * from the last build's record (rebuild.ts), or emitting a fully resolved
 * spec and recording it for the next run. main.ts chooses, and reports.
 */
import { saveCodeCache } from "../code-cache.ts";
import type { EmitOptions, EmitResult, RuntimeSources } from "../emit/index.ts";
import type { Change } from "../ir/changes.ts";
import type { Diagnostic } from "../ir/types.ts";
import type { BuiltSpec } from "../pipeline.ts";
import type { BuildRecord } from "../rebuild.ts";
import type { ParsedEntry } from "./cache.ts";
import type { ResolvedConfig } from "./config.ts";
import type { OutputText } from "./output.ts";
import type { decodeSpec } from "./read-spec.ts";
import type { Stamp } from "./stamp.ts";
import { contentHash } from "./hash.ts";

/**
 * Per model, what its resolved form depends on (ir/resolve.ts): its doc's
 * path and bytes, and the directory it was resolved under. emit/units.ts
 * keys the model's module by it rather than by hashing the model.
 */
function modelKeys(models: ReadonlyArray<{ id: string; file: string }>, docHashes: ReadonlyMap<string, string>, directory: string): Map<string, string> {
  const directoryHash = contentHash(directory);
  const keys = new Map<string, string>();
  for (const { id, file } of models) {
    const docHash = docHashes.get(file);
    if (docHash !== undefined) keys.set(id, JSON.stringify([file, docHash, directoryHash]));
  }
  return keys;
}

/** What building needs besides the config: the docs as read and parsed, and the emit caches. */
export interface BuildInputs {
  work: typeof import("./work.ts");
  read: ReturnType<typeof decodeSpec>;
  parsed: Map<string, ParsedEntry>;
  /** The docs parsed this run (their bytes changed). */
  edited: Set<string>;
  hashes: ReadonlyMap<string, string>;
  emitOptions: EmitOptions;
  runtime: RuntimeSources;
  unitCache?: Map<string, Record<string, OutputText>>;
  memo?: Map<string, string>;
}

/** What a successful build gives a run: from the last build's record (rebuild.ts) or in full. */
export interface RunBuild {
  diagnostics: Diagnostic[];
  emitted: EmitResult<OutputText>;
  record: BuildRecord;
  kinds: Stamp["kinds"];
  /** Since the last build, when there was one. */
  changes?: Change[];
}

/** The rebuild of an edit (rebuild.ts), or undefined when only a full build can tell. */
export async function rebuild({ work, read, parsed, edited, hashes, emitOptions, runtime, unitCache, memo }: BuildInputs, record: BuildRecord): Promise<RunBuild | undefined> {
  const keys = (models: ReadonlyArray<{ id: string; file: string }>, directory: string) => modelKeys(models, hashes, directory);
  const rebuilt = await work.rebuildEdited({ record, docs: read.docs, parsed, edited, modelKeys: keys, options: emitOptions, runtime, cache: unitCache, memo });
  if (rebuilt) saveCodeCache();
  return rebuilt;
}

/** Emit a resolved spec, keying each module by its doc and the directory; record the build for the next run. */
export async function emitFull({ work, hashes, emitOptions, runtime, unitCache, memo }: BuildInputs, built: BuiltSpec, previous: BuildRecord | undefined, config: ResolvedConfig): Promise<RunBuild> {
  const models = built.spec.models.map((m) => ({ id: m.id, file: m.position.file }));
  const emitted = await work.emitPackage(built.spec, emitOptions, runtime, unitCache, memo, modelKeys(models, hashes, built.directory));
  // Store the V8 code cache of what this run loaded (work.cjs, ts-morph) now that it holds the code the run compiled,
  // not at exit: a watch session's exit can be hours later, when V8 has flushed the bytecode of functions long unused.
  saveCodeCache();
  const changes = previous ? work.diffFacts(work.recordedFacts(previous.models), work.specFacts(built.spec)) : undefined;
  return {
    diagnostics: built.diagnostics,
    emitted,
    record: work.recordBuild(built.spec, built.modelDiagnostics, built.directory, config, emitted.planned),
    kinds: work.countKinds(built.spec),
    ...(changes ? { changes } : {}),
  };
}
