/** The generated package's `package.json`: one entry point per spec folder. */
import type { EmitOptions } from "./context.ts";
import { barrelPath } from "./module-scope.ts";

/** @param folders the spec's folders (Spec.folders). */
export function packageJson(folders: readonly string[], options: EmitOptions): string {
  const entry = (path: string) => ({ types: `./${path}.d.ts`, import: `./${path}.js`, default: `./${path}.js` });
  const exports: Record<string, unknown> = { ".": entry(barrelPath("")) };
  for (const folder of folders) if (folder !== "") exports[`./${folder}`] = entry(barrelPath(folder));
  exports["./runtime"] = entry("runtime/index");
  exports["./package.json"] = "./package.json";
  const manifest = {
    name: options.packageName,
    version: options.packageVersion ?? "0.0.0",
    description: "Types, enums and runtime validators generated from markdown model docs by md-model-codegen. Do not edit.",
    type: "module",
    sideEffects: false,
    types: `./${barrelPath("")}.d.ts`,
    exports,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
