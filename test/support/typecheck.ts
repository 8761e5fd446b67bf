/**
 * Compile and run generated packages the way their users would: the
 * project's own `tsc` (TypeScript 7, native) on a tsconfig written into the
 * package folder, and plain Node in a child process. Used by the corpus
 * tests; no file here knows about the generator.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { PROJECT_ROOT } from "./shared.ts";

export const TSC = join(PROJECT_ROOT, "node_modules", ".bin", "tsc");
/** Where `@types/node` lives: temp packages sit outside the project, so they name it explicitly. */
export const TYPE_ROOTS = join(PROJECT_ROOT, "node_modules", "@types");

/** The strictest ordinary setup a consumer of the package would have. */
export const STRICT_OPTIONS = {
  strict: true,
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  lib: ["ES2023", "DOM"],
  noEmit: true,
  skipLibCheck: false,
  // Nothing from the environment unless a test asks for it (`withNodeTypes`).
  types: [] as string[],
} satisfies Record<string, unknown>;

export interface TsconfigOptions {
  /** Globs or paths relative to `dir`. */
  include?: string[];
  files?: string[];
  /** Add `@types/node` (for examples that use Node APIs). */
  withNodeTypes?: boolean;
  /** Merged over STRICT_OPTIONS. */
  compilerOptions?: Record<string, unknown>;
}

/** Write `dir/<name>` and return its path. */
export function writeTsconfig(dir: string, name: string, options: TsconfigOptions): string {
  const compilerOptions: Record<string, unknown> = { ...STRICT_OPTIONS, ...options.compilerOptions };
  if (options.withNodeTypes) {
    compilerOptions.types = ["node"];
    compilerOptions.typeRoots = [TYPE_ROOTS];
  }
  const config: Record<string, unknown> = { compilerOptions };
  if (options.include) config.include = options.include;
  if (options.files) config.files = options.files;
  const path = join(dir, name);
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`);
  return path;
}

export interface ProcessResult {
  status: number | null;
  /** stdout and stderr together. */
  output: string;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(command: string, args: string[], cwd: string): ProcessResult {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: "" } });
  if (result.error) throw result.error;
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    output: `${result.stdout}${result.stderr}`,
    ms: Math.round(performance.now() - started),
  };
}

/** `tsc -p <project>` with the project's TypeScript. */
export function runTsc(project: string, cwd: string): ProcessResult {
  return run(TSC, ["-p", project, "--pretty", "false"], cwd);
}

/** Plain Node (no loaders, no tsx) running an ES module given as text, with `cwd` as its working folder. */
export function runNodeModule(source: string, cwd: string): ProcessResult {
  return run(process.execPath, ["--input-type=module", "-e", source], cwd);
}

/** The first `max` lines of compiler output, for assertion messages. */
export function head(text: string, max = 60): string {
  const lines = text.split("\n");
  return lines.length <= max ? text : `${lines.slice(0, max).join("\n")}\n… ${lines.length - max} more lines`;
}
