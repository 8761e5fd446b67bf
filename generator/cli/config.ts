/**
 * The config file (`md-model-codegen.config.json`), typed by `defineConfig`
 * for projects that build it in TypeScript. CLI flags override it.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { EnumStyle } from "../ir/naming.ts";
import { UsageError, type CliArgs } from "./args.ts";

export interface Config {
  /** The spec root (an SDK's docs/models folder). */
  spec?: string;
  /** The generated package folder. */
  out?: string;
  /** The generated package's name. */
  packageName?: string;
  packageVersion?: string;
  enumStyle?: EnumStyle;
  maxWarnings?: number;
}

export function defineConfig(config: Config): Config {
  return config;
}

export const DEFAULT_CONFIG_FILE = "md-model-codegen.config.json";

export interface ResolvedConfig {
  spec: string;
  out: string;
  packageName: string;
  packageVersion?: string;
  enumStyle: EnumStyle;
  maxWarnings?: number;
}

const KEYS = new Set(["$schema", "spec", "out", "packageName", "packageVersion", "enumStyle", "maxWarnings"]);

export function loadConfig(args: CliArgs, cwd: string): ResolvedConfig {
  const file = args.config ?? (existsSync(resolve(cwd, DEFAULT_CONFIG_FILE)) ? DEFAULT_CONFIG_FILE : undefined);
  let config: Config = {};
  if (file) {
    const path = resolve(cwd, file);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      throw new UsageError(`${file}: cannot read config: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) throw new UsageError(`${file}: the config must be a JSON object`);
    for (const key of Object.keys(raw)) if (!KEYS.has(key)) throw new UsageError(`${file}: unknown config key "${key}"`);
    config = raw as Config;
  }
  const merged = {
    spec: args.spec ?? config.spec ?? "spec",
    out: args.out ?? config.out ?? "generated",
    packageName: args.packageName ?? config.packageName ?? "generated-models",
    enumStyle: args.enumStyle ?? config.enumStyle ?? "auto",
    ...(config.packageVersion !== undefined ? { packageVersion: config.packageVersion } : {}),
    ...((args.maxWarnings ?? config.maxWarnings) !== undefined ? { maxWarnings: (args.maxWarnings ?? config.maxWarnings)! } : {}),
  };
  return merged;
}
