/**
 * A consumer SDK package (test/fixtures/consumer-sdk) whose own `build`
 * script runs the generator and compiles code importing the generated
 * package by its name with strict tsc; the result runs under plain Node.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../support/generate.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

describe("consumer SDK package", () => {
  it("builds against the generated package by name and runs under Node", () => {
    const dir = tempDir("consumer");
    cpSync(join(PROJECT_ROOT, "test/fixtures/consumer-sdk"), dir, { recursive: true });
    const manifest = join(dir, "package.json");
    writeFileSync(manifest, readFileSync(manifest, "utf8").replaceAll("__PROJECT__", PROJECT_ROOT));
    // What `npm install` does for a file: dependency, without touching the network.
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(join(dir, "generated"), join(dir, "node_modules", "md-model-codegen-example"), "dir");

    execFileSync("npm", ["run", "-s", "build"], { cwd: dir, stdio: "pipe" });
    const output = execFileSync(process.execPath, [join(dir, "dist/index.js")], { cwd: dir, encoding: "utf8" }).trim();

    // Bundler resolution (Vite, esbuild, webpack users) resolves the same types.
    const tsc = join(PROJECT_ROOT, "node_modules/typescript/bin/tsc");
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.json", "--noEmit", "--module", "ESNext", "--moduleResolution", "Bundler"], { cwd: dir, stdio: "pipe" });

    expect(output).toBe('valid=true issues=/clientId,/deliveryMode assert=1 json={"key":"k","value":"v"} enum=audio/2 request=0');
  });
});
