/** Test helpers: run the pipeline on a folder or on docs written in a test. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { loadRuntimeSources } from "../../generator/cli/runtime-sources.ts";
import { readSpec } from "../../generator/cli/read-spec.ts";
import { emitPackageWith } from "../../generator/emit/index.ts";
import { printUnits } from "../../generator/emit/print-units.ts";
import type { EnumStyle } from "../../generator/ir/naming.ts";
import type { Diagnostic, Spec } from "../../generator/ir/types.ts";
import { buildSpec, type SourceDoc } from "../../generator/pipeline.ts";

export interface Generated {
  spec?: Spec;
  diagnostics: Diagnostic[];
  files?: Map<string, string>;
}

export function generateDocs(docs: SourceDoc[], options: { enumStyle?: EnumStyle; packageName?: string; rootPath?: string } = {}): Generated {
  const enumStyle = options.enumStyle ?? "auto";
  const built = buildSpec(docs, { rootPath: options.rootPath ?? "/spec/docs/models", enumStyle });
  if (!built.spec) return { diagnostics: built.diagnostics };
  const { files } = emitPackageWith(printUnits, built.spec, { packageName: options.packageName ?? "test-models", enumStyle }, loadRuntimeSources());
  return { spec: built.spec, diagnostics: built.diagnostics, files };
}

export function generateFolder(specRoot: string, options: { enumStyle?: EnumStyle; packageName?: string } = {}): Generated {
  const read = readSpec(specRoot);
  const result = generateDocs(read.docs, { ...options, rootPath: specRoot });
  return { ...result, diagnostics: [...read.diagnostics, ...result.diagnostics] };
}

export function writeFiles(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `mmc-${prefix}-`));
}
