/**
 * The CLI writes its output with writeToFd (cli/write-fd.ts) rather than
 * through process.stdout: all of it must arrive through a pipe, however
 * large, and a reader that stops early must not make it fail.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../support/shared.ts";

const MODULE = join(PROJECT_ROOT, "generator/cli/write-fd.ts");
const SIZE = 4 * 1024 * 1024;
/** A child that writes SIZE bytes of numbered lines to stdout in one call, then says it finished on stderr. */
const SCRIPT = `import { writeToFd } from ${JSON.stringify(MODULE)};
let text = ""; for (let i = 0; text.length < ${SIZE}; i++) text += i + "\\n";
writeToFd(1, text.slice(0, ${SIZE})); writeToFd(2, "done\\n");`;

function run(shell: string) {
  return spawnSync("bash", ["-c", shell, "bash", process.execPath, SCRIPT], { encoding: "utf8", maxBuffer: 2 * SIZE, cwd: PROJECT_ROOT });
}

describe("writing output to a file descriptor", () => {
  it("delivers every byte through a pipe, in order", () => {
    const result = run(`"$1" --import tsx --input-type=module -e "$2"`);
    expect(result.stderr).toBe("done\n");
    expect(result.stdout.length).toBe(SIZE);
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, -1).every((line, i) => line === String(i))).toBe(true);
  });

  it("stops quietly when the reader closes the pipe early", () => {
    const result = run(`"$1" --import tsx --input-type=module -e "$2" | head -c 100 >/dev/null; echo "status \${PIPESTATUS[0]}"`);
    expect(result.stdout).toBe("status 0\n");
    expect(result.stderr).toBe("done\n");
  });
});
