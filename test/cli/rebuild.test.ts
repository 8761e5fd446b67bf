/**
 * The rebuild of an edit (generator/rebuild.ts) against the full build.
 * After each edit, a CLI run with its cache must leave exactly the package
 * the pipeline makes of the docs, print the diagnostics of a full build and
 * the change summary of comparing the two full specs, whether it took the
 * rebuild or fell back to the full build; and it must take the rebuild for
 * the edits that keep the spec's directory.
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCliArgs } from "../../generator/cli/args.ts";
import { loadConfig } from "../../generator/cli/config.ts";
import { runOnce } from "../../generator/cli/main.ts";
import { manifestText, MANIFEST } from "../../generator/cli/output.ts";
import { listFiles, listSpecFiles, readSpec, toSpecPath } from "../../generator/cli/read-spec.ts";
import { loadRuntimeSources } from "../../generator/cli/runtime-sources.ts";
import { emitPackageWith, type EmitCache } from "../../generator/emit/index.ts";
import { printUnits } from "../../generator/emit/print-units.ts";
import { diffSpecs } from "../../generator/ir/changes.ts";
import type { Diagnostic, Model, Spec } from "../../generator/ir/types.ts";
import { parseDoc } from "../../generator/parse/doc.ts";
import { buildSpec } from "../../generator/pipeline.ts";
import { AUTHLETE, HAS_SHARED, PROJECT_ROOT, SKIP_NOTE } from "../support/shared.ts";
import { tempDir } from "../support/generate.ts";

const RUNTIME = loadRuntimeSources();
const PACKAGE = "rebuild-models";

interface Step {
  code: number;
  rebuilt: boolean;
}

/**
 * A project whose spec is edited step by step: each step runs the CLI (with
 * its cache, as an SDK build does) and checks it against the pipeline.
 */
class EditedProject {
  readonly cwd = tempDir("rebuild");
  readonly spec = join(this.cwd, "docs");
  private readonly parsed = new Map<string, { text: string; result: { model?: Model; diagnostics: Diagnostic[] } }>();
  private units: EmitCache | undefined;
  private lastSpec: Spec | undefined;
  private readonly args = parseCliArgs(["--spec", "docs", "--out", "out", "--package-name", PACKAGE, "--reporter", "json", "--changes", "changes.json", "--timings"]);

  constructor(from: string) {
    cpSync(from, this.spec, { recursive: true });
  }

  write(path: string, text: string): void {
    writeFileSync(join(this.spec, path), text);
  }

  read(path: string): string {
    return readFileSync(join(this.spec, path), "utf8");
  }

  remove(path: string): void {
    rmSync(join(this.spec, path));
  }

  /** Run the CLI and check everything it did against a full build of the same docs. */
  async step(label: string): Promise<Step> {
    let stdout = "";
    let stderr = "";
    const code = await runOnce(this.args, loadConfig(this.args, this.cwd), { cwd: this.cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
    const context = `${label}\n${stdout}\n${stderr.slice(0, 2000)}`;

    const read = readSpec(this.spec);
    const parsed = new Map(
      read.docs.map((doc) => {
        const known = this.parsed.get(doc.path);
        const result = known?.text === doc.text ? known.result : parseDoc(doc.text, doc.path);
        this.parsed.set(doc.path, { text: doc.text, result });
        return [doc.path, result];
      }),
    );
    const built = buildSpec(read.docs, { rootPath: this.spec, enumStyle: "auto" }, parsed);
    const diagnostics = [...read.diagnostics, ...built.diagnostics].map((d) => ({ ...d, file: `docs/${d.file}` }));
    const printed = stderr.slice(0, stderr.lastIndexOf("]") + 1);
    expect(printed ? JSON.parse(printed) : [], context).toEqual(diagnostics);
    const ok = built.spec !== undefined && !diagnostics.some((d) => d.severity === "error");
    expect(code, context).toBe(ok ? 0 : 1);
    if (!ok) return { code, rebuilt: false };

    const emitted = emitPackageWith(printUnits, built.spec!, { packageName: PACKAGE, enumStyle: "auto" }, RUNTIME, this.units);
    this.units = emitted.cache;
    const out = join(this.cwd, "out");
    const onDisk = new Map(listFiles(out, true).map((f) => [f.path, readFileSync(f.absolute, "utf8")]));
    const want = new Map([...emitted.files, [MANIFEST, manifestText(emitted.files.keys())]]);
    expect([...onDisk.keys()].sort(), context).toEqual([...want.keys()].sort());
    for (const [path, text] of want) expect(onDisk.get(path), `${path}: ${context}`).toBe(text);

    const changes = JSON.parse(readFileSync(join(this.cwd, "changes.json"), "utf8")) as unknown;
    expect(changes, context).toEqual(this.lastSpec ? diffSpecs(this.lastSpec, built.spec!) : []);
    const kinds = { object: 0, enum: 0, union: 0 };
    for (const model of built.spec!.models) kinds[model.kind]++;
    expect(stdout, context).toContain(`from ${read.docs.length} docs (${kinds.object} objects, ${kinds.enum} enums, ${kinds.union} unions)`);
    this.lastSpec = built.spec;
    return { code, rebuilt: /rebuild \d+ edited docs?/.test(stderr) };
  }
}

/** Replace the first match, failing loudly when the doc no longer has it. */
function edit(text: string, from: string | RegExp, to: string | ((match: string) => string)): string {
  const next = typeof to === "string" ? text.replace(from, to) : text.replace(from, to);
  if (next === text) throw new Error(`edit found nothing to replace: ${String(from)}`);
  return next;
}

const FIELD_ROW = /\n\| `taxable` .*\n/;

describe("rebuilding an edit from the last build's record (the project's spec)", () => {
  it("takes the rebuild when the directory holds, falls back when it cannot, and always matches a full build", async () => {
    const project = new EditedProject(join(PROJECT_ROOT, "spec"));
    expect((await project.step("first run")).rebuilt).toBe(false);
    const expectStep = async (label: string, change: () => void, expected: Partial<Step>) => {
      change();
      expect(await project.step(label), label).toMatchObject(expected);
    };

    await expectStep("a description", () => project.write("lineitem.md", edit(project.read("lineitem.md"), "Number of units billed.", "How many units are billed.")), { code: 0, rebuilt: true });
    await expectStep("a field added", () => project.write("lineitem.md", edit(project.read("lineitem.md"), FIELD_ROW, (row) => `${row}| \`sku\` | *string* | :heavy_minus_sign: | Stock keeping unit. |\n`)), { code: 0, rebuilt: true });
    await expectStep("a field made required", () => project.write("lineitem.md", edit(project.read("lineitem.md"), /(\| `taxable` +\| \*boolean\* +\| ):heavy_minus_sign:/, "$1:heavy_check_mark:")), {
      code: 0,
      rebuilt: true,
    });
    await expectStep("an enum value added", () => project.write("invoicestatus.md", edit(project.read("invoicestatus.md"), `"void" |`, `"void" | "refunded" |`)), { code: 0, rebuilt: true });
    await expectStep("a reference added", () => project.write("lineitem.md", edit(project.read("lineitem.md"), FIELD_ROW, (row) => `${row}| \`status\` | [models.InvoiceStatus](../models/invoicestatus.md) | :heavy_minus_sign: | Status of the invoice it belongs to. |\n`)), {
      code: 0,
      rebuilt: true,
    });
    // An unlinked non-union name is a warning (ref-kind): printed as a full build prints it.
    await expectStep("a warning", () => project.write("lineitem.md", edit(project.read("lineitem.md"), "[models.InvoiceStatus](../models/invoicestatus.md)", "*models.InvoiceStatus*")), { code: 0, rebuilt: true });
    // Dates make LineItem need a JSON codec, which the modules referencing it see: only a full build can tell what they become.
    await expectStep("a date field", () => project.write("lineitem.md", edit(project.read("lineitem.md"), FIELD_ROW, (row) => `${row}| \`servicedAt\` | [Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date) | :heavy_minus_sign: | When the service was delivered. |\n`)), {
      code: 0,
      rebuilt: false,
    });
    await expectStep("a closed enum opened", () => project.write("invoicestatus.md", edit(project.read("invoicestatus.md"), ` | Unrecognized<string>`, ``)), { code: 0, rebuilt: false });
    await expectStep("an error", () => project.write("lineitem.md", edit(project.read("lineitem.md"), "*models.InvoiceStatus*", "*models.NoSuchThing*")), { code: 1, rebuilt: false });
    // Fixed, and edited again (fixed back to the last good docs, the run would be up to date).
    await expectStep("the error fixed", () => project.write("lineitem.md", edit(edit(project.read("lineitem.md"), "*models.NoSuchThing*", "*models.InvoiceStatus*"), "Stock keeping unit.", "The SKU.")), {
      code: 0,
      rebuilt: true,
    });
    await expectStep("a title changed", () => project.write("lineitem.md", edit(project.read("lineitem.md"), /^# LineItem/, "# LineItemRenamed")), { code: 1, rebuilt: false });
    await expectStep("the title back, a description edited", () => project.write("lineitem.md", edit(edit(project.read("lineitem.md"), /^# LineItemRenamed/, "# LineItem"), "The SKU.", "Its SKU.")), { code: 0, rebuilt: true });
    await expectStep("a doc removed", () => project.remove("media/transcodepriority.md"), { rebuilt: false });
  });
});

describe.skipIf(!HAS_SHARED)(`rebuilding real edits one doc at a time${SKIP_NOTE}`, () => {
  it.each([
    [AUTHLETE[1]!, AUTHLETE[2]!, 1],
    [AUTHLETE[0]!, AUTHLETE[1]!, 9],
  ])("$name → the next version: every step matches a full build", async (from, to, every) => {
    const project = new EditedProject(from.specRoot);
    await project.step("first run");
    const texts = (root: string) => new Map(listSpecFiles(root).map((f) => [toSpecPath(root, f), readFileSync(f, "utf8")]));
    const before = texts(from.specRoot);
    const after = texts(to.specRoot);
    const edited = [...after.keys()].filter((path) => before.has(path) && before.get(path) !== after.get(path)).sort();
    const added = [...after.keys()].filter((path) => !before.has(path)).sort();
    const removed = [...before.keys()].filter((path) => !after.has(path)).sort();
    let rebuilt = 0;
    let succeeded = 0;
    // Each changed doc alone, then back: two edits of the older spec (mixing versions would leave dangling links for good).
    for (const [index, path] of edited.entries()) {
      if (index % every !== 0) continue;
      for (const [text, label] of [
        [after.get(path)!, `${path} as in ${to.name}`],
        [before.get(path)!, `${path} back`],
      ] as const) {
        project.write(path, text);
        const step = await project.step(label);
        if (step.code === 0) succeeded++;
        if (step.rebuilt) rebuilt++;
      }
    }
    for (const path of added.slice(0, 3)) {
      project.write(path, after.get(path)!);
      await project.step(`${path} added`);
    }
    for (const path of removed.slice(0, 3)) {
      project.remove(path);
      await project.step(`${path} removed`);
    }
    console.log(`${from.name} → ${to.name}: ${rebuilt} of ${succeeded} successful one-doc edits rebuilt from the record, the rest (and ${added.slice(0, 3).length} adds, ${removed.slice(0, 3).length} removals) by a full build`);
    // Most edits of real docs keep the directory and what other modules see of the model.
    expect(rebuilt).toBeGreaterThan(succeeded / 2);
  });
});
