/** Replacing a file so that readers see the old bytes or the new, never half of them. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Write to a temp file beside `target` (same file system), then rename it over. Throws on failure, leaving no temp file. */
export function writeFileAtomic(target: string, data: string | Uint8Array, makeParents = false): void {
  if (makeParents) mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, data);
    renameSync(temp, target);
  } finally {
    rmSync(temp, { force: true });
  }
}
