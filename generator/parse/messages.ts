/**
 * Diagnostics are vfile messages while a doc is parsed (the unified way:
 * reason, place, ruleId, source) and plain `Diagnostic` data once they leave
 * the parser, so that later stages and the cache need no vfile.
 */
import { VFile } from "vfile";
import type { Diagnostic } from "../ir/types.ts";

export const SOURCE = "md-model-codegen";

export interface Place {
  line: number;
  column: number;
}

/** Collects messages for one doc. */
export class DocMessages {
  readonly file: VFile;
  constructor(path: string, text: string) {
    this.file = new VFile({ path, value: text });
  }
  error(place: Place, ruleId: string, reason: string, hint?: string): void {
    this.add(place, ruleId, reason, hint).fatal = true;
  }
  warn(place: Place, ruleId: string, reason: string, hint?: string): void {
    this.add(place, ruleId, reason, hint).fatal = false;
  }
  private add(place: Place, ruleId: string, reason: string, hint?: string) {
    const message = this.file.message(reason, { place, ruleId, source: SOURCE });
    if (hint) message.note = hint;
    return message;
  }
  get hasErrors(): boolean {
    return this.file.messages.some((m) => m.fatal === true);
  }
  toDiagnostics(): Diagnostic[] {
    return this.file.messages.map((m) => ({
      file: this.file.path,
      line: m.line ?? 1,
      column: m.column ?? 1,
      message: m.reason,
      ruleId: m.ruleId ?? "unknown",
      severity: m.fatal === true ? "error" : "warning",
      ...(m.note ? { hint: m.note } : {}),
    }));
  }
}

// Formatting is a fact of diagnostics, not of parsing; the CLI imports it without loading vfile.
export { formatDiagnostic } from "../ir/diagnostic-format.ts";
