/**
 * The whole job without I/O: doc texts → parse → resolve → emit. The CLI
 * reads the spec folder and writes the result; tests call this directly.
 */
import { checkExportClashes, type EnumStyle } from "./ir/naming.ts";
import { resolveSpec, type ResolveMemo } from "./ir/resolve.ts";
import type { Diagnostic, Model, ModelKind, Spec } from "./ir/types.ts";
import { idOf, parseDoc } from "./parse/doc.ts";

export interface SourceDoc {
  /** Spec-relative path, `/`-separated. */
  path: string;
  text: string;
}

export interface GenerateOptions {
  packageName: string;
  packageVersion?: string;
  enumStyle: EnumStyle;
  /** The spec root as a posix path: links that climb above it resolve through it. */
  rootPath: string;
}

/** A resolved spec, or (when any error was found) only the diagnostics. */
export type BuildResult = BuiltSpec | { spec?: undefined; diagnostics: Diagnostic[] };

export interface BuiltSpec {
  spec: Spec;
  diagnostics: Diagnostic[];
  /** What resolving each model looked at besides the model (ResolveResult). */
  directory: string;
  /** What resolving each model reported, aligned with spec.models. */
  modelDiagnostics: Diagnostic[][];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

/**
 * Parse every doc (or take its result from `parsed`) and resolve the spec;
 * no spec when any error was found. `memo` carries resolved models from
 * earlier builds of the same spec (watch mode).
 */
export function buildSpec(
  docs: readonly SourceDoc[],
  options: Pick<GenerateOptions, "rootPath" | "enumStyle">,
  parsed?: ReadonlyMap<string, { model?: Model; diagnostics: Diagnostic[] }>,
  memo?: ResolveMemo,
): BuildResult {
  const diagnostics: Diagnostic[] = [];
  const models: Model[] = [];
  const broken = new Set<string>();
  for (const doc of docs) {
    const result = parsed?.get(doc.path) ?? parseDoc(doc.text, doc.path);
    diagnostics.push(...result.diagnostics);
    if (result.model) models.push(result.model);
    else broken.add(idOf(doc.path).id);
  }
  const resolved = resolveSpec(models, options.rootPath, broken, memo);
  diagnostics.push(...resolved.diagnostics, ...checkExportClashes(resolved.spec, options.enumStyle));
  diagnostics.sort(compareDiagnostics);
  return diagnostics.some((d) => d.severity === "error") ? { diagnostics } : { spec: resolved.spec, diagnostics, directory: resolved.directory, modelDiagnostics: resolved.modelDiagnostics };
}

export function countKinds(spec: Spec): Record<ModelKind, number> {
  const counts: Record<ModelKind, number> = { object: 0, enum: 0, union: 0 };
  for (const model of spec.models) counts[model.kind]++;
  return counts;
}
