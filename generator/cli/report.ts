/** Printing diagnostics and summaries: the CLI's only output format decisions. */
import type { Diagnostic } from "../ir/types.ts";
import { formatDiagnostic } from "../ir/diagnostic-format.ts";

export function formatDiagnostics(diagnostics: readonly Diagnostic[], reporter: "text" | "json", specLabel: string): string {
  if (reporter === "json") return `${JSON.stringify(diagnostics.map((d) => ({ ...d, file: joinPath(specLabel, d.file) })), null, 2)}\n`;
  return diagnostics.map((d) => `${formatDiagnostic({ ...d, file: joinPath(specLabel, d.file) })}\n`).join("");
}

function joinPath(dir: string, file: string): string {
  return dir === "" || dir === "." ? file : `${dir.replace(/\/+$/, "")}/${file}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
