/**
 * `--watch`: a doc edit regenerates the output; a doc that is broken for a
 * moment prints its diagnostics and leaves the last good output in place;
 * adding and deleting docs adds and removes their modules.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, watch as watchFolder, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize } from "node:v8";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../generator/cli/args.ts";
import { loadConfig } from "../../generator/cli/config.ts";
import { main } from "../../generator/cli/main.ts";
import { MANIFEST } from "../../generator/cli/output.ts";
import { watch } from "../../generator/cli/watch.ts";
import { tempDir } from "../support/generate.ts";

const FIELDS = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |";
const pair = (description: string) => `# Pair\n\n## Fields\n\n${FIELDS}\n| \`key\` | *string* | :heavy_check_mark: | ${description} |`;

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("watch mode", () => {
  it("regenerates on add, edit and delete, and keeps the last good output while a doc is broken", async () => {
    const cwd = tempDir("watch");
    mkdirSync(join(cwd, "spec"));
    writeFileSync(join(cwd, "spec/pair.md"), pair("First text."));
    let stdout = "";
    let stderr = "";
    const io = { cwd, stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
    const args = parseCliArgs(["--spec", "spec", "--out", "out", "--package-name", "watched"]);
    const controller = new AbortController();
    const done = watch(args, loadConfig(args, cwd), io, controller.signal);
    const dts = join(cwd, "out/models/pair.d.ts");

    await until(() => stdout.includes("watching spec"), "the first run");
    expect(readFileSync(dts, "utf8")).toContain("First text.");
    // The folder is updated in place: tools watching it (dev servers, tsc --watch) keep seeing changes.
    const folder = statSync(join(cwd, "out/models")).ino;
    const seen: string[] = [];
    const downstream = watchFolder(join(cwd, "out/models"), (_event, file) => void seen.push(String(file)));

    writeFileSync(join(cwd, "spec/pair.md"), pair("Second text."));
    await until(() => existsSync(dts) && readFileSync(dts, "utf8").includes("Second text."), "the edit");
    expect(stdout).toContain("changed: pair.md");
    await until(() => seen.includes("pair.d.ts"), "a watcher of the output folder to see the edit");
    downstream.close();
    expect(statSync(join(cwd, "out/models")).ino).toBe(folder);

    const good = readFileSync(dts, "utf8");
    writeFileSync(join(cwd, "spec/pair.md"), pair("Broken.").replace(":heavy_check_mark:", "yes"));
    await until(() => stderr.includes("field-required-marker"), "the diagnostic");
    expect(stderr).toMatch(/spec\/pair\.md:7:\d+: error: unknown Required marker/);
    expect(readFileSync(dts, "utf8")).toBe(good);

    writeFileSync(join(cwd, "spec/pair.md"), pair("Fixed."));
    writeFileSync(join(cwd, "spec/note.md"), `# Note\n\n## Fields\n\n${FIELDS}\n| \`text\` | *string* | :heavy_minus_sign: | N/A |`);
    await until(() => existsSync(join(cwd, "out/models/note.js")) && readFileSync(dts, "utf8").includes("Fixed."), "the added doc");

    rmSync(join(cwd, "spec/note.md"));
    await until(() => !existsSync(join(cwd, "out/models/note.js")), "the deleted doc's module to go");
    const manifest = JSON.parse(readFileSync(join(cwd, "out", MANIFEST), "utf8")) as { files: string[] };
    expect(manifest.files.filter((f) => f.includes("note"))).toEqual([]);
    expect(readdirSync(join(cwd, "out/models")).filter((f) => f.includes(".tmp"))).toEqual([]);

    controller.abort();
    await expect(done).resolves.toBe(0);

    // The cache is written when watching stops (not after every edit): the next process starts warm.
    const cacheDir = join(cwd, "node_modules/.cache/md-model-codegen");
    const cacheFile = readdirSync(cacheDir).find((f) => f.endsWith(".v8"))!;
    const cache = deserialize(readFileSync(join(cacheDir, cacheFile))) as { parsed: Record<string, unknown> };
    expect(Object.keys(cache.parsed)).toEqual(["pair.md"]);
    let again = "";
    expect(await main(["--spec", "spec", "--out", "out", "--package-name", "watched"], { cwd, stdout: (t) => void (again += t), stderr: () => {} })).toBe(0);
    expect(again).toMatch(/\(up to date: parsed 0\/1, printed 0 units\)/);
  });
});
