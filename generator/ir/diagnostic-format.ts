/** How a diagnostic reads in a terminal: plain data in, one line (and a hint) out. */
import type { Diagnostic } from "./types.ts";

/** `file:line:column: severity: message [rule]` — the format editors and CI link. */
export function formatDiagnostic(d: Diagnostic, prefix = ""): string {
  const hint = d.hint ? `\n  hint: ${d.hint}` : "";
  return `${prefix}${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.ruleId}]${hint}`;
}
