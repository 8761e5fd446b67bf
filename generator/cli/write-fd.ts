/**
 * Writing the command's output straight to its file descriptors. Creating
 * `process.stdout` loads Node's stream and net modules (~8 ms, most of an
 * up-to-date run's own time); a CLI that prints a few lines per run does
 * not need them. Synchronous, so nothing is left to flush at exit.
 */
import { writeSync } from "node:fs";

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Write all of `text` to `fd`: partial writes continue, a full non-blocking pipe is waited on, a closed one ends the output. */
export function writeToFd(fd: number, text: string): void {
  let bytes: Uint8Array = Buffer.from(text, "utf8");
  while (bytes.length > 0) {
    try {
      bytes = bytes.subarray(writeSync(fd, bytes));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EAGAIN") Atomics.wait(pause, 0, 0, 1);
      else if (code === "EPIPE") return;
      else throw error;
    }
  }
}
