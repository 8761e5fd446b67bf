/**
 * Turn the docs' example code into TypeScript modules inside a generated
 * package: one module per doc, `examples/<model id>.ts`, whose imports are
 * the doc's own, rewritten from the SDK's module paths to the package's
 * folder barrels, and whose values are declared with the generated type and
 * checked by the generated validator at run time.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import type { ExampleImport, Model, Spec, TypeExpr } from "../../generator/ir/types.ts";

export interface ExampleCase {
  model: Model;
  /** "Example Usage", or the union member's H3 title. */
  label: string;
  /** Member index for union member blocks. */
  member?: number;
  text: string;
  imports: ExampleImport[];
  /** Doc line of the example's code block. */
  line: number;
}

export interface SkippedCase {
  doc: string;
  line: number;
  label: string;
  why: string;
}

export interface ExampleModule {
  /** Package-relative path of the .ts module. */
  path: string;
  doc: string;
  cases: ExampleCase[];
  /** Names imported although the doc's code does not import them (see `shimImports`). */
  shimmed: string[];
  /** `null`s of the docs' values replaced by `$$null` (see `rewriteNulls`). */
  nulls: number;
}

/** Whole-line comments only: `// No examples available for this model`. */
function isCommentOnly(text: string): boolean {
  return text.replace(/^[ \t]*\/\/.*$/gm, "").trim() === "";
}

/**
 * Example cases that cannot compile because the docs' own sample code is
 * ill-typed, with the reason. Matched by shape, never by file name.
 */
function knownBadSample(label: string, text: string): string | undefined {
  // plex: `const value: ReadableStream<Uint8Array> = await openAsBlob("example.file");`
  // openAsBlob resolves to a Blob, which is not a ReadableStream.
  if (/^ReadableStream\b/.test(label) && /^await openAsBlob\(/.test(text.trim())) return "the doc's sample assigns a Blob (openAsBlob) to a ReadableStream<Uint8Array>";
  return undefined;
}

export function collectCases(spec: Spec): { cases: ExampleCase[]; skipped: SkippedCase[] } {
  const cases: ExampleCase[] = [];
  const skipped: SkippedCase[] = [];
  const add = (model: Model, label: string, example: NonNullable<Model["example"]>, member?: number) => {
    if (isCommentOnly(example.text)) return;
    const bad = knownBadSample(label, example.text);
    if (bad) {
      skipped.push({ doc: example.position.file, line: example.position.line, label, why: bad });
      return;
    }
    cases.push({ model, label, ...(member !== undefined ? { member } : {}), text: example.text, imports: example.imports ?? [], line: example.position.line });
  };
  for (const model of spec.models) {
    if (model.example) add(model, "Example Usage", model.example);
    if (model.kind === "union") model.members.forEach((m, i) => m.example && add(model, m.title, m.example, i));
  }
  return { cases, skipped };
}

/** The package folder an SDK import path names, or undefined when it is not a models path. */
export function folderOfImport(from: string, folders: readonly string[]): string | undefined {
  const match = /(?:^|\/)models(?:\/(.*))?$/.exec(from);
  if (!match) return undefined;
  const rest = (match[1] ?? "").replace(/\.js$/, "").replace(/\/index$/, "");
  if (rest === "" || folders.includes(rest)) return rest;
  // A module file inside a folder: `models/components/benefit.js`.
  const dir = posix.dirname(rest);
  return dir === "." ? "" : dir;
}

const RUNTIME_IMPORT = /(?:^|\/)types(?:\/rfcdate(?:\.js)?|\/index(?:\.js)?)?$/;

/** Where an SDK import path points inside the generated package (package-relative, no leading `./`). */
export function targetOfImport(from: string, folders: readonly string[]): string | undefined {
  if (from.startsWith("node:")) return from;
  if (RUNTIME_IMPORT.test(from)) return "runtime/index.js";
  const folder = folderOfImport(from, folders);
  if (folder === undefined || (folder !== "" && !folders.includes(folder))) return undefined;
  return folder === "" ? "models/index.js" : `models/${folder}/index.js`;
}

function relativeImport(fromFile: string, target: string): string {
  if (target.startsWith("node:")) return target;
  const rel = posix.relative(posix.dirname(fromFile), target);
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/** Identifiers the value text uses as `Name.Member` (enum members), outside string literals. */
function memberAccesses(text: string): string[] {
  const code = text.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');
  return [...new Set([...code.matchAll(/(?<![\w$.])([A-Z][\w$]*)\.[A-Za-z_$]/g)].map((m) => m[1]!))];
}

/**
 * Names the docs use without importing them, and where the SDK has them:
 * union member blocks never carry imports, yet use enum members
 * (`V2LogDataSetMetadataTargetType.Account`), `RFCDate` and `openAsBlob`.
 * An enum is looked up in the doc's own folder first, then anywhere when unique.
 */
function shimImports(text: string, model: Model, spec: Spec, imported: ReadonlySet<string>): Array<{ name: string; target: string }> {
  const shims: Array<{ name: string; target: string }> = [];
  for (const name of memberAccesses(text)) {
    if (imported.has(name) || name === "Math" || name === "JSON" || name === "Number" || name === "Date" || name === "BigInt" || name === "Object") continue;
    const enums = spec.models.filter((m) => m.kind === "enum" && m.name === name);
    const local = enums.find((m) => m.folder === model.folder);
    const found = local ?? (enums.length === 1 ? enums[0] : undefined);
    if (found) shims.push({ name, target: found.folder === "" ? "models/index.js" : `models/${found.folder}/index.js` });
  }
  if (/\bRFCDate\b/.test(text) && !imported.has("RFCDate")) shims.push({ name: "RFCDate", target: "runtime/index.js" });
  if (/\bopenAsBlob\b/.test(text) && !imported.has("openAsBlob")) shims.push({ name: "openAsBlob", target: "node:fs" });
  return shims;
}

/** A string-literal-aware scan: `null` and `NaN` tokens of the value text, outside strings. */
const TOKENS = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)|(?<![\w$.])(null|NaN)(?![\w$])/g;

/**
 * Replace each `null` of the value by `$$null` (declared `never`, and null at
 * run time). The docs carry no nullability (docs-grammar.md §6), so the
 * generated types reject null, while Speakeasy examples write `null` where the
 * SDK's type is nullable. Everything else in the value is still checked.
 */
export function rewriteNulls(text: string): { text: string; nulls: number; nans: number } {
  let nulls = 0;
  let nans = 0;
  const out = text.replace(TOKENS, (match, str: string | undefined, token: string | undefined) => {
    if (str !== undefined) return match;
    if (token === "NaN") {
      nans++;
      return match;
    }
    nulls++;
    return "$$null";
  });
  return { text: out, nulls, nans };
}

/**
 * Required fields of an object model whose value needs a Response, Request,
 * Blob, File or stream (directly, or through a referenced object whose required
 * fields do): Speakeasy's example generator cannot write such values and omits
 * those fields (apideck `httpMeta`, formance `rawResponse`).
 */
export function webRequiredFields(model: Model, spec: Spec): string[] {
  const byId = new Map(spec.models.map((m) => [m.id, m]));
  const memo = new Map<string, boolean>();
  const needsWeb = (type: TypeExpr): boolean => {
    if (type.kind === "web") return true;
    if (type.kind !== "ref" || !type.target) return false;
    const target = byId.get(type.target);
    if (!target || target.kind !== "object") return false;
    if (memo.has(target.id)) return memo.get(target.id)!;
    memo.set(target.id, false);
    const result = target.fields.some((f) => f.required && needsWeb(f.type));
    memo.set(target.id, result);
    return result;
  };
  if (model.kind !== "object") return [];
  return model.fields.filter((f) => f.required && needsWeb(f.type)).map((f) => f.name);
}

/** The module and its text. Throws on an import path that names nothing in the package. */
export function exampleModule(spec: Spec, model: Model, cases: ExampleCase[]): { module: ExampleModule; text: string; nulls: number } {
  const path = `examples/${model.id}.ts`;
  const byTarget = new Map<string, Set<string>>();
  const nameSource = new Map<string, string>();
  const problems: string[] = [];
  const addImport = (name: string, target: string) => {
    const local = name.split(/\s+as\s+/).pop()!.trim();
    const previous = nameSource.get(local);
    if (previous !== undefined && previous !== target) problems.push(`${model.id}.md: ${local} is imported from both ${previous} and ${target}`);
    nameSource.set(local, target);
    let names = byTarget.get(target);
    if (!names) byTarget.set(target, (names = new Set()));
    names.add(name);
  };
  for (const c of cases) {
    for (const imp of c.imports) {
      const target = targetOfImport(imp.from, spec.folders);
      if (!target) {
        problems.push(`${model.id}.md: import from "${imp.from}" names no module of the package`);
        continue;
      }
      for (const name of imp.names) addImport(name, target);
    }
  }
  const shimmed: string[] = [];
  for (const c of cases) {
    for (const shim of shimImports(c.text, model, spec, new Set(nameSource.keys()))) {
      addImport(shim.name, shim.target);
      shimmed.push(shim.name);
    }
  }
  if (problems.length) throw new Error(problems.join("\n"));

  const webFields = webRequiredFields(model, spec);
  const self = relativeImport(path, `models/${model.id}.js`);
  const lines: string[] = [`// Examples of ${model.id}.md, compiled against the generated package.`];
  for (const [target, names] of byTarget) lines.push(`import { ${[...names].join(", ")} } from ${JSON.stringify(relativeImport(path, target))};`);
  lines.push(`import type { ${model.name} as $$Target } from ${JSON.stringify(self)};`);
  lines.push(`import { validate${model.name} as $$validate } from ${JSON.stringify(self)};`);
  lines.push("");
  lines.push("/** A `null` written by the docs: see rewriteNulls. */");
  lines.push("const $$null = null as never;");
  lines.push("/** Fields whose values need a Response/Request, which the docs' examples omit: see webRequiredFields. */");
  lines.push("type $$WebOptional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;");
  lines.push("");
  lines.push("export const results: Array<{ line: number; label: string; ok: boolean; issues?: unknown; value: unknown; allow: { nulls: boolean; nan: boolean; missing: string[] } }> = [];");
  lines.push("export async function run(): Promise<void> {");
  let nulls = 0;
  cases.forEach((c, i) => {
    const rewritten = rewriteNulls(c.text.trim());
    nulls += rewritten.nulls;
    // Only the Example Usage value is a whole `model` value; member values are of the union.
    const missing = c.member === undefined ? webFields : [];
    const type = missing.length ? `$$WebOptional<$$Target, ${missing.map((f) => JSON.stringify(f)).join(" | ")}>` : "$$Target";
    const allow = { nulls: rewritten.nulls > 0, nan: rewritten.nans > 0, missing };
    lines.push(`  // ${model.id}.md:${c.line} ${c.label.replace(/\s+/g, " ")}`);
    lines.push(`  const value_${i}: ${type} = ${rewritten.text};`);
    lines.push(`  { const r = $$validate(value_${i}); results.push({ line: ${c.line}, label: ${JSON.stringify(c.label)}, ok: r.ok, ...(r.ok ? {} : { issues: r.issues }), value: value_${i}, allow: ${JSON.stringify(allow)} }); }`);
  });
  lines.push("}");
  lines.push("");
  return { module: { path, doc: `${model.id}.md`, cases, shimmed, nulls }, text: lines.join("\n"), nulls };
}

/** Write one module per model that has examples into the package folder. */
export function writeExampleModules(dir: string, spec: Spec, cases: readonly ExampleCase[]): ExampleModule[] {
  const byModel = new Map<Model, ExampleCase[]>();
  for (const c of cases) {
    let list = byModel.get(c.model);
    if (!list) byModel.set(c.model, (list = []));
    list.push(c);
  }
  const modules: ExampleModule[] = [];
  const problems: string[] = [];
  for (const [model, list] of byModel) {
    try {
      const { module, text } = exampleModule(spec, model, list);
      mkdirSync(dirname(join(dir, module.path)), { recursive: true });
      writeFileSync(join(dir, module.path), text);
      modules.push(module);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (problems.length) throw new Error(`example imports that name nothing in the package:\n${problems.join("\n")}`);
  return modules;
}
