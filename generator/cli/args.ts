/** Command-line arguments → options. Unknown flags are errors, not surprises. */
import { parseArgs } from "node:util";
import type { EnumStyle } from "../ir/naming.ts";

export interface CliArgs {
  spec?: string;
  out?: string;
  config?: string;
  packageName?: string;
  enumStyle?: EnumStyle;
  check: boolean;
  watch: boolean;
  stats: boolean;
  timings: boolean;
  reporter: "text" | "json";
  maxWarnings?: number;
  changes?: string;
  help: boolean;
}

export const HELP = `md-model-codegen: markdown model docs → a typed, validated TypeScript package

Usage: md-model-codegen [options]          (npm run generate -- [options])

Options:
  --spec <dir>           spec root: the docs/models folder to read      (default: spec)
  --out <dir>            the generated package folder                     (default: generated)
  --config <file>        a config file (default: md-model-codegen.config.json if present)
  --package-name <name>  the generated package's name
  --enum-style <style>   auto | const-object | ts-enum | string-union     (default: auto)
  --check                generate in memory and compare with --out; exit 1 when stale
  --watch                regenerate whenever a doc changes
  --stats                print how often each doc construct occurs
  --timings              print where the run's time went (stderr)
  --changes <file>       also write the change summary as JSON to <file>
  --reporter <kind>      text | json  (diagnostics format on stderr)
  --max-warnings <n>     fail when there are more than n warnings
  -h, --help             show this help

Exit codes: 0 success, 1 errors in the docs or a stale --check, 2 usage or I/O errors.`;

const STYLES: readonly string[] = ["auto", "const-object", "ts-enum", "string-union"];

export class UsageError extends Error {}

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        spec: { type: "string" },
        out: { type: "string" },
        config: { type: "string" },
        "package-name": { type: "string" },
        "enum-style": { type: "string" },
        check: { type: "boolean", default: false },
        watch: { type: "boolean", default: false },
        stats: { type: "boolean", default: false },
        timings: { type: "boolean", default: false },
        changes: { type: "string" },
        reporter: { type: "string", default: "text" },
        "max-warnings": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  if (v["enum-style"] !== undefined && !STYLES.includes(v["enum-style"])) throw new UsageError(`--enum-style must be one of ${STYLES.join(", ")}`);
  if (v.reporter !== "text" && v.reporter !== "json") throw new UsageError("--reporter must be text or json");
  let maxWarnings: number | undefined;
  if (v["max-warnings"] !== undefined) {
    maxWarnings = Number(v["max-warnings"]);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError("--max-warnings takes a whole number ≥ 0");
  }
  return {
    ...(v.spec !== undefined ? { spec: v.spec } : {}),
    ...(v.out !== undefined ? { out: v.out } : {}),
    ...(v.config !== undefined ? { config: v.config } : {}),
    ...(v["package-name"] !== undefined ? { packageName: v["package-name"] } : {}),
    ...(v["enum-style"] !== undefined ? { enumStyle: v["enum-style"] as EnumStyle } : {}),
    ...(v.changes !== undefined ? { changes: v.changes } : {}),
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    check: v.check === true,
    watch: v.watch === true,
    stats: v.stats === true,
    timings: v.timings === true,
    reporter: v.reporter,
    help: v.help === true,
  };
}
