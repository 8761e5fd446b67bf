/**
 * IR → the files of the generated package (path → text). Pure: no file
 * system; the CLI writes the result. The same spec always gives the same
 * bytes: models arrive sorted and every list below is built in that order.
 */
import type { Spec } from "../ir/types.ts";
import { barrels } from "./barrels.ts";
import { EmitContext, RUNTIME_PATH, type EmitOptions } from "./context.ts";
import { modelModule } from "./model-module.ts";
import { packageJson } from "./package-manifest.ts";
import { printFiles, type FilePlan } from "./printer.ts";

export type { EmitOptions } from "./context.ts";

/** The runtime module's two files, shipped unchanged in every package. */
export interface RuntimeSources {
  js: string;
  dts: string;
}

export function emitPackage(spec: Spec, options: EmitOptions, runtime: RuntimeSources): Map<string, string> {
  const ctx = new EmitContext(spec, options);
  const plans: FilePlan[] = [...spec.models.flatMap((model) => modelModule(model, ctx)), ...barrels(ctx)];
  const files = printFiles(plans);
  files.set(`${RUNTIME_PATH}.js`, runtime.js);
  files.set(`${RUNTIME_PATH}.d.ts`, runtime.dts);
  files.set("package.json", packageJson(ctx));
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
