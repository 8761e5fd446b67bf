/**
 * An independent oracle for the three authlete corpora: the `## Fields`
 * tables and `## Values` blocks, read from the raw markdown by
 * fields-oracle.ts (not the project's parser), against the generated .d.ts
 * (type-level assertions checked by tsc) and the generated enum objects
 * (imported under plain Node).
 */
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFolder, tempDir, writeFiles } from "../support/generate.ts";
import { AUTHLETE, HAS_SHARED, SKIP_NOTE } from "../support/shared.ts";
import { head, runNodeModule, runTsc, writeTsconfig } from "../support/typecheck.ts";
import { readOracleDocs, type OracleDocs } from "./fields-oracle.ts";

const KEEP = process.env.MMC_KEEP_TEMP === "1";

interface CheckFile {
  text: string;
  /** 1-based line of the check file → what it asserts. */
  lineInfo: Map<number, string>;
  fields: number;
  objects: number;
  enumTypes: number;
}

/** The type-level assertions for every object doc (and the union-block enums' types). */
function buildCheckFile(docs: OracleDocs): CheckFile {
  const lines: string[] = [
    "// Type-level assertions: the docs' Fields tables and Values blocks against the generated .d.ts.",
    'import type { RFCDate, Unrecognized } from "./runtime/index.js";',
    "type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;",
    "type Expect<T extends true> = T;",
    "type IsOptional<T, K extends keyof T> = {} extends Pick<T, K> ? true : false;",
  ];
  const lineInfo = new Map<number, string>();
  const imports = new Map<string, string>(); // "<id>|<Name>" → alias
  const importLines: string[] = [];
  const alias = (id: string, name: string): string => {
    const key = `${id}|${name}`;
    let local = imports.get(key);
    if (!local) {
      local = `T${imports.size}_${name}`;
      imports.set(key, local);
      importLines.push(`import type { ${name} as ${local} } from "./models/${id}.js";`);
    }
    return local;
  };
  const resolveRefs = (type: string) =>
    type.replace(/\$ref\(([^|)]+)\|(\w+)\)/g, (_, id: string, name: string) => alias(id, name)).replace(/\$runtime\((\w+)\)/g, "$1");

  const body: string[] = [];
  const push = (line: string, info: string) => {
    body.push(line);
    lineInfo.set(body.length, info); // body line number, shifted below
  };
  let fields = 0;
  let n = 0;
  for (const object of docs.objects) {
    const model = alias(object.id, object.title);
    const keys = object.fields.length ? object.fields.map((f) => JSON.stringify(f.name)).join(" | ") : "never";
    push(`type _${n}_keys = Expect<Equal<keyof ${model}, ${keys}>>;`, `${object.doc}: the fields are exactly ${keys}`);
    object.fields.forEach((field, i) => {
      const expected = resolveRefs(field.type) + (field.required ? "" : " | undefined");
      const where = `${object.doc}:${field.line} \`${field.name}\``;
      push(`type _${n}_${i}_type = Expect<Equal<${model}[${JSON.stringify(field.name)}], ${expected}>>;`, `${where}: type ${expected}`);
      push(`type _${n}_${i}_optional = Expect<Equal<IsOptional<${model}, ${JSON.stringify(field.name)}>, ${!field.required}>>;`, `${where}: ${field.required ? "required" : "optional"}`);
      fields++;
    });
    n++;
  }
  let enumTypes = 0;
  for (const e of docs.enums) {
    const model = alias(e.id, e.title);
    const literals = e.values.map((v) => JSON.stringify(v));
    const kind = typeof e.values[0] === "number" ? "number" : "string";
    if (e.open) literals.push(`Unrecognized<${kind}>`);
    push(`type _${n}_enum = Expect<Equal<${model}, ${literals.join(" | ")}>>;`, `${e.doc}:${e.line}: enum type ${literals.join(" | ")}`);
    // The const object's declared member values (the closed list, without Unrecognized).
    const closed = e.values.map((v) => JSON.stringify(v)).join(" | ");
    push(`type _${n}_members = Expect<Equal<(typeof ${model})[keyof typeof ${model}], ${closed}>>;`, `${e.doc}:${e.line}: const object values ${closed}`);
    enumTypes++;
    n++;
  }
  const prefix = [...lines, ...importLines];
  const shifted = new Map<number, string>();
  for (const [line, info] of lineInfo) shifted.set(line + prefix.length, info);
  return { text: [...prefix, ...body, ""].join("\n"), lineInfo: shifted, fields, objects: docs.objects.length, enumTypes };
}

/** tsc errors mapped back to the doc facts they assert. */
function explain(output: string, check: CheckFile): string {
  const lines: string[] = [];
  for (const line of output.split("\n")) {
    const m = /^fields-check\.ts\((\d+),\d+\): (.*)$/.exec(line);
    if (m) lines.push(`${check.lineInfo.get(Number(m[1])) ?? `line ${m[1]}`}\n    ${m[2]}`);
    else if (line.trim()) lines.push(line);
  }
  return head(lines.join("\n"), 80);
}

describe.skipIf(!HAS_SHARED)(`corpus oracle: authlete Fields tables and Values blocks${SKIP_NOTE}`, () => {
  for (const corpus of AUTHLETE) {
    describe(`${corpus.name}${SKIP_NOTE}`, () => {
      let dir = "";
      let docs: OracleDocs = { objects: [], enums: [], others: [] };
      let generated = false;

      beforeAll(() => {
        docs = readOracleDocs(corpus.specRoot);
        const result = generateFolder(corpus.specRoot, { packageName: `corpus-${corpus.name}` });
        dir = tempDir(`fields-${corpus.name}`);
        if (result.files) {
          writeFiles(dir, result.files);
          generated = true;
        }
      });
      afterAll(() => {
        if (dir && !KEEP) rmSync(dir, { recursive: true, force: true });
      });

      it("the oracle reads the docs", () => {
        expect(docs.objects.length).toBeGreaterThan(150);
        expect(docs.enums.length).toBeGreaterThan(30);
        expect(docs.objects.reduce((n, o) => n + o.fields.length, 0)).toBeGreaterThan(1000);
        // The flat layout has no union docs and no Name/Value tables.
        expect(docs.others).toEqual([]);
      });

      it("every object's generated type has exactly the documented fields, optionality and types", () => {
        expect(generated, "the corpus generates").toBe(true);
        const check = buildCheckFile(docs);
        writeFileSync(join(dir, "fields-check.ts"), check.text);
        const config = writeTsconfig(dir, "tsconfig.fields.json", { files: ["fields-check.ts"] });
        const result = runTsc(config, dir);
        expect(result.status, `generated types differ from the docs:\n${explain(result.output, check)}`).toBe(0);
        expect(check.fields).toBeGreaterThan(1000);
        console.info(`${corpus.name}: ${check.objects} objects, ${check.fields} fields and ${check.enumTypes} enum types asserted in ${result.ms} ms`);
      });

      it("every union-block enum's runtime object has exactly the documented values", () => {
        expect(generated, "the corpus generates").toBe(true);
        const list = docs.enums.map((e) => ({ doc: e.doc, module: `./models/${e.id}.js`, name: e.title }));
        writeFileSync(join(dir, "enums.json"), JSON.stringify(list));
        const script = `
          import { readFileSync } from "node:fs";
          import { pathToFileURL } from "node:url";
          import { resolve } from "node:path";
          const out = {};
          for (const e of JSON.parse(readFileSync("enums.json", "utf8"))) {
            const mod = await import(pathToFileURL(resolve(e.module)).href);
            const object = mod[e.name];
            out[e.doc] = object && typeof object === "object" ? { entries: Object.entries(object) } : null;
          }
          process.stdout.write(JSON.stringify(out));
        `;
        const result = runNodeModule(script, dir);
        expect(result.status, `node failed:\n${head(result.stderr)}`).toBe(0);
        const loaded = JSON.parse(result.stdout) as Record<string, { entries: Array<[string, string | number]> } | null>;
        const problems: string[] = [];
        for (const e of docs.enums) {
          const got = loaded[e.doc];
          if (!got) {
            problems.push(`${e.doc}: no exported const object ${e.title}`);
            continue;
          }
          const values = got.entries.map(([, v]) => v);
          const sort = (a: Array<string | number>) => [...a].map((v) => JSON.stringify(v)).sort();
          if (JSON.stringify(sort(values)) !== JSON.stringify(sort(e.values))) problems.push(`${e.doc}:${e.line}: values ${JSON.stringify(values)}, documented ${JSON.stringify(e.values)}`);
          if (new Set(got.entries.map(([k]) => k)).size !== got.entries.length) problems.push(`${e.doc}: duplicate member names`);
        }
        expect(problems).toEqual([]);

        // Seed facts (the project's seed doc comes from these docs).
        const entriesOf = (doc: string) => Object.fromEntries(loaded[doc]?.entries ?? []);
        expect(entriesOf("backchannelauthenticationcompleteresponseaction.md").ServerError).toBe("SERVER_ERROR");
        expect(entriesOf("deliverymode.md").Ping).toBe("PING");
        console.info(`${corpus.name}: ${docs.enums.length} enums, ${docs.enums.reduce((n, e) => n + e.values.length, 0)} values checked at run time`);
      });
    });
  }
});
