/**
 * Fuzzing with damaged real docs: small, self-contained groups of docs taken
 * from the corpora (read in place) and from spec/, with random damage
 * applied to one doc (lines deleted, duplicated, swapped; truncation; random
 * text and bytes, invalid UTF-8 included; broken table pipes; a removed H1;
 * duplicated sections; corrupted links; unbalanced `Record<`; nesting
 * thousands deep).
 *
 * In memory: generating never throws; it either succeeds (complete output,
 * no errors) or returns error diagnostics whose file, line and column lie
 * inside the docs, each with a rule id. Through the CLI (`main()`) on a temp
 * spec whose previous output is good: exit code 1 on errors, and the output
 * folder is byte-identical afterwards (nothing half-written); exit code 0
 * only with a complete, consistent output.
 *
 * The seed is random per run and printed; FUZZ_SEED replays one, and
 * FUZZ_TRACE=<file> writes each case to <file> before running it (the last
 * one is the culprit when a case hangs) and logs cases slower than 1 s.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../generator/cli/main.ts";
import { MANIFEST, manifestText } from "../../generator/cli/output.ts";
import { listSpecFiles, readSpec, toSpecPath } from "../../generator/cli/read-spec.ts";
import { loadRuntimeSources } from "../../generator/cli/runtime-sources.ts";
import { emitPackageWith } from "../../generator/emit/index.ts";
import { printUnits } from "../../generator/emit/print-units.ts";
import type { EnumStyle } from "../../generator/ir/naming.ts";
import type { Diagnostic, Model } from "../../generator/ir/types.ts";
import { parseDoc } from "../../generator/parse/doc.ts";
import { parseMarkdown } from "../../generator/parse/markdown.ts";
import { buildSpec, type SourceDoc } from "../../generator/pipeline.ts";
import { generateDocs, tempDir } from "../support/generate.ts";
import { CORPORA, HAS_SHARED, PROJECT_ROOT } from "../support/shared.ts";

const MEMORY_RUNS = Number(process.env.FUZZ_DAMAGE_RUNS ?? 3000);
/** Damaged docs up to this length (every third case) are also read from remark's full parse. */
const ORACLE_MAX = Number(process.env.FUZZ_ORACLE_MAX ?? 100_000);
const CLI_RUNS = Number(process.env.FUZZ_DAMAGE_CLI_RUNS ?? 300);
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
/** Largest group of docs (a doc and everything it references) taken as a seed. */
const MAX_GROUP = 8;
/** Largest group in characters. */
const MAX_GROUP_CHARS = 60_000;
/** Seed groups tried per corpus. */
const GROUPS_PER_CORPUS = 6;

const RUNTIME = loadRuntimeSources();
const STYLES: EnumStyle[] = ["auto", "const-object", "ts-enum", "string-union"];

// --- seeds: small groups of real docs that generate cleanly --------------------------------

interface Group {
  name: string;
  /** The spec root as a posix path (links that climb above it come back through its name). */
  rootPath: string;
  docs: SourceDoc[];
  /** Parse results of the undamaged docs, reused like the CLI's cache does. */
  parsed: Map<string, { model?: Model; diagnostics: Diagnostic[] }>;
}

const LINK = /\]\(([^)\s]+?\.md)(?:#[^)]*)?\)/g;
const QUALIFIED = /(?<![\w$.])([A-Za-z_$][\w$]*)\.([A-Za-z_$][\w$]*)(?![\w$])/g;

/** Docs a doc refers to, read from its text: links, and `ns.Name` in italics and union titles. */
function references(text: string, path: string, rootPath: string, files: Set<string>, folders: string[]): string[] {
  const out = new Set<string>();
  const folder = posix.dirname(path) === "." ? "" : posix.dirname(path);
  for (const match of text.matchAll(LINK)) {
    const absolute = posix.resolve(rootPath, folder, match[1]!);
    const relative = posix.relative(rootPath, absolute);
    if (files.has(relative)) out.add(relative);
  }
  const rootName = posix.basename(rootPath);
  for (const line of text.split("\n")) {
    if (!line.startsWith("|") && !line.startsWith("### ")) continue;
    for (const match of line.matchAll(QUALIFIED)) {
      const ns = match[1]!;
      const target = folders.find((f) => f !== "" && f.split("/").pop() === ns) ?? (ns === "models" || ns === rootName ? "" : undefined);
      if (target === undefined) continue;
      const file = `${target ? `${target}/` : ""}${match[2]!.toLowerCase()}.md`;
      if (files.has(file)) out.add(file);
    }
  }
  out.delete(path);
  return [...out];
}

/** A small deterministic generator for picking seed docs (not part of the fuzzing). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function loadGroups(name: string, root: string, count: number, pick: () => number): Group[] {
  const rootPath = root.split("\\").join("/");
  const files = listSpecFiles(root)
    .map((f) => toSpecPath(root, f))
    .filter((f) => f.endsWith(".md"));
  const fileSet = new Set(files);
  const folders = [...new Set(files.map((f) => (posix.dirname(f) === "." ? "" : posix.dirname(f))))];
  const texts = new Map<string, string>();
  const text = (f: string) => {
    let t = texts.get(f);
    if (t === undefined) texts.set(f, (t = readFileSync(join(root, f), "utf8")));
    return t;
  };
  const groups: Group[] = [];
  const tried = new Set<string>();
  for (let attempt = 0; attempt < count * 8 && groups.length < count; attempt++) {
    const start = files[Math.floor(pick() * files.length)]!;
    if (tried.has(start)) continue;
    tried.add(start);
    const group = [start];
    for (let i = 0; i < group.length && group.length <= MAX_GROUP; i++)
      for (const ref of references(text(group[i]!), group[i]!, rootPath, fileSet, folders)) if (!group.includes(ref)) group.push(ref);
    if (group.length > MAX_GROUP) continue;
    // Small groups keep each case fast; limits.test.ts covers big docs.
    if (group.reduce((n, f) => n + text(f).length, 0) > MAX_GROUP_CHARS) continue;
    const docs = group.map((path) => ({ path, text: text(path) }));
    const parsed = new Map(docs.map((d) => [d.path, parseDoc(d.text, d.path)]));
    const built = buildSpec(docs, { rootPath, enumStyle: "auto" }, parsed);
    if (!built.spec) continue;
    groups.push({ name: `${name}:${start}`, rootPath, docs, parsed });
  }
  return groups;
}

// --- damage -------------------------------------------------------------------------------

type SimpleDamage = "delete-line" | "duplicate-line" | "remove-h1" | "duplicate-h1" | "crlf" | "bom" | "empty";

type Damage =
  | { kind: SimpleDamage; at: number }
  | { kind: "swap-lines"; a: number; b: number }
  | { kind: "truncate"; at: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "break-pipes"; at: number; how: number }
  | { kind: "duplicate-section"; at: number }
  | { kind: "corrupt-link"; at: number; how: number }
  | { kind: "unbalanced-record"; at: number; how: number }
  | { kind: "deep-nesting"; at: number; depth: number; how: number }
  | { kind: "retitle"; title: string }
  | { kind: "lengthen"; at: number; line: number; size: number; text: string[] }
  | { kind: "clone-title"; at: number; case: boolean }
  | { kind: "required-marker"; at: number; text: string };

const FRAGMENTS = [
  "# ", "## ", "### ", "# ~~X~~", "## Fields", "## Values", "## Supported Types", "## Example Usage", "## Other", "| Field | Type | Required | Description |",
  "| Name | Value |", "| - | `Unrecognized<string>` |", "|", "\\|", "||", "`", "```", "```typescript\n", "~~", "*", "**", "*string*", '*"x"*', "*models.Nope*",
  "[models.Nope](nope.md)", "[Date](../../types/rfcdate.md)", "Record<string, ", ">", "[]", "[][][]", "Unrecognized<number>", "Unrecognized<", ":heavy_check_mark:",
  ":heavy_minus_sign:", ": warning: ** DEPRECATED **: ", "> :warning: **DEPRECATED**: ", "<br/>", "&#123;", "&#x110000;", '"', '\\"', "\\", "{ [k: string]: ", "}",
  "let value: X = ", "const value: T = ", 'import { X } from "y";', "1e400", "-0", "\u2028", "\u0000", "\ud800", "\udc00", "\ufeff", "\u00a0", "\u000b", "\u000c", "\u3000", "\r\n", "\r", "\n", "\n\n", "\t",
  "<!--", "-->", "<div>", "[x]: http://example.com", "    ", "---", "===", "> ", "- ", "1. ", "\\`", "&", "<", "(", ")", "$",
];

const damageArb: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constantFrom<SimpleDamage>("delete-line", "duplicate-line", "remove-h1", "duplicate-h1", "crlf", "bom", "empty"), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap-lines" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6, unit: "binary" }), fc.string({ maxLength: 12 }), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 4 }).map((a) => a.join(""))),
  }),
  fc.record({ kind: fc.constant("break-pipes" as const), at: fc.nat(), how: fc.nat(5) }),
  fc.record({ kind: fc.constant("duplicate-section" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("corrupt-link" as const), at: fc.nat(), how: fc.nat(9) }),
  fc.record({ kind: fc.constant("unbalanced-record" as const), at: fc.nat(), how: fc.nat(3) }),
  fc.record({ kind: fc.constant("deep-nesting" as const), at: fc.nat(), depth: fc.constantFrom(31, 32, 33, 34, 64, 300), how: fc.nat(4) }),
  fc.record({
    kind: fc.constant("lengthen" as const),
    at: fc.nat(),
    line: fc.nat(),
    size: fc.integer({ min: 1500, max: 12_000 }),
    text: fc.array(fc.constantFrom(...FRAGMENTS.filter((f) => !/[\r\n]/.test(f)), "word", "longer words", "`code`", "\\|", "&amp;"), { minLength: 1, maxLength: 6 }),
  }),
  fc.record({ kind: fc.constant("clone-title" as const), at: fc.nat(), case: fc.boolean() }),
  fc.record({ kind: fc.constant("retitle" as const), title: fc.oneof(fc.constantFrom("", "class", "1Up", "A B", "Foo-Bar", "~~X~~", "ValidationError", "Date", "`x`", "*x*", "a\u2028b"), fc.string({ maxLength: 8 })) }),
  fc.record({ kind: fc.constant("required-marker" as const), at: fc.nat(), text: fc.constantFrom("", "yes", ":heavy_check_mark::heavy_check_mark:", ":x:", "✔️", "`:heavy_check_mark:`") }),
);

function lineIndexes(lines: string[], test: (line: string) => boolean): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => test(l) && out.push(i));
  return out;
}

function pickFrom<T>(items: T[], n: number): T | undefined {
  return items.length ? items[n % items.length] : undefined;
}

/** Split a table row into cells on unescaped pipes (enough for choosing a cell to damage). */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/);
}

/** @param titles the H1 lines of the other docs of the group (for duplicate titles). */
function applyDamage(text: string, d: Damage, titles: string[] = []): string {
  const lines = text.split("\n");
  const lineAt = (n: number) => n % Math.max(1, lines.length);
  const pos = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  const rows = () => lineIndexes(lines, (l) => /^\s*\|/.test(l));
  const typeRows = () => lineIndexes(lines, (l) => /^\s*\|\s*(~~)?`/.test(l) && cells(l).length >= 5);
  switch (d.kind) {
    case "delete-line":
      lines.splice(lineAt(d.at), 1);
      return lines.join("\n");
    case "duplicate-line":
      lines.splice(lineAt(d.at), 0, lines[lineAt(d.at)]!);
      return lines.join("\n");
    case "swap-lines": {
      const a = lineAt(d.a);
      const b = lineAt(d.b);
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join("\n");
    }
    case "truncate":
      return text.slice(0, pos(d.at));
    case "insert":
      return text.slice(0, pos(d.at)) + d.text + text.slice(pos(d.at));
    case "remove-h1":
      return lines.filter((l) => !/^#\s/.test(l)).join("\n");
    case "duplicate-h1": {
      const h1 = lines.find((l) => /^#\s/.test(l)) ?? "# Again";
      lines.splice(lineAt(d.at), 0, h1);
      return lines.join("\n");
    }
    case "crlf":
      return text.replace(/\n/g, d.at % 2 ? "\r\n" : "\r");
    case "bom":
      return `\ufeff${text}`;
    case "empty":
      return d.at % 2 ? "" : " \n\n \t";
    case "break-pipes": {
      const i = pickFrom(rows(), d.at);
      if (i === undefined) return text;
      const row = lines[i]!;
      const pipes = [...row.matchAll(/\|/g)].map((m) => m.index!);
      const p = pipes[d.at % pipes.length]!;
      switch (d.how) {
        case 0: // drop a pipe
          lines[i] = row.slice(0, p) + row.slice(p + 1);
          break;
        case 1: // an extra cell
          lines[i] = `${row.slice(0, p)}| x |${row.slice(p + 1)}`;
          break;
        case 2: // unescape escaped pipes
          lines[i] = row.replace(/\\\|/g, "|");
          break;
        case 3: // escape a delimiting pipe
          lines[i] = `${row.slice(0, p)}\\|${row.slice(p + 1)}`;
          break;
        case 4: // the delimiter row loses its dashes
          lines[i] = row.replace(/-/g, "");
          break;
        default: // pipes only
          lines[i] = row.replace(/[^|]/g, "");
      }
      return lines.join("\n");
    }
    case "duplicate-section": {
      const heads = lineIndexes(lines, (l) => /^##\s/.test(l));
      const start = pickFrom(heads, d.at);
      if (start === undefined) return text;
      const end = heads.find((h) => h > start) ?? lines.length;
      lines.splice(end, 0, "", ...lines.slice(start, end));
      return lines.join("\n");
    }
    case "corrupt-link": {
      const links = [...text.matchAll(/\]\(([^)]*)\)/g)];
      const link = pickFrom(links, d.at);
      if (!link) return text;
      const url = link[1]!;
      const broken = [
        `${url}x`,
        url.replace(/^(\.\.\/)/, ""),
        `../${url}`,
        "nope.md",
        `/${url}`,
        url.replace(/\.md$/, ""),
        `${url.slice(0, -3)}%ZZ.md`,
        "",
        "../../../../../../../../../../etc/passwd.md",
        `${url}#frag?query`,
      ][d.how % 10]!;
      const start = link.index! + 2;
      return text.slice(0, start) + broken + text.slice(start + url.length);
    }
    case "unbalanced-record": {
      const i = pickFrom(typeRows(), d.at);
      if (i === undefined) return `${text}\nRecord<string, `;
      const parts = cells(lines[i]!);
      const type = parts[2]!;
      parts[2] = [` Record<string, ${type.trim()} `, ` ${type.replace(">", "")} `, ` ${type.trim()}> `, ` Record<string ${type.trim()}> `][d.how % 4]!;
      lines[i] = parts.join("|");
      return lines.join("\n");
    }
    case "deep-nesting": {
      const n = d.depth;
      const cell = [
        `${"Record<string, ".repeat(n)}*string*${">".repeat(n)}`,
        `*string*${"[]".repeat(n)}`,
        `${"Record<string, ".repeat(n)}*string*`,
        `${"Record<string, *number*[]".repeat(Math.min(n, 2000))}${">".repeat(Math.min(n, 2000))}`,
        `${"Record<string, ".repeat(n >> 1)}*string*${"[]".repeat(n >> 1)}${">".repeat(n >> 1)}`,
      ][d.how % 5]!;
      const i = pickFrom(typeRows(), d.at);
      if (i !== undefined) {
        const parts = cells(lines[i]!);
        parts[2] = ` ${cell} `;
        lines[i] = parts.join("|");
        return lines.join("\n");
      }
      // No fields table: nest a union member title or an enum block instead.
      const h3 = pickFrom(lineIndexes(lines, (l) => l.startsWith("### `")), d.at);
      if (h3 !== undefined) {
        lines[h3] = d.how % 2 ? `### \`${"Record<string, ".repeat(n)}string${">".repeat(n)}\`` : `### \`${"(".repeat(n)}string${")".repeat(n)}${"[]".repeat(n)}\``;
        return lines.join("\n");
      }
      return `${text}\n\n| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n| \`deep\` | ${cell} | :heavy_check_mark: | N/A |`;
    }
    case "retitle":
      return text.replace(/^#\s.*$/m, `# ${d.title}`);
    case "clone-title": {
      // Another doc's title, as written or in other case: duplicate models and export clashes.
      const other = pickFrom(titles, d.at);
      if (other === undefined) return text;
      return text.replace(/^#\s.*$/m, () => (d.case ? other.toUpperCase().replace(/^#/, "#") : other));
    }
    case "lengthen": {
      // A line made long (past the parser's 2,000-character masking threshold) at some place inside it.
      const i = lineAt(d.line);
      const line = lines[i]!;
      const piece = d.text.join(" ");
      const filler = `${piece} `.repeat(Math.ceil(d.size / (piece.length + 1))).slice(0, d.size);
      const at = d.at % (line.length + 1);
      lines[i] = line.slice(0, at) + filler + line.slice(at);
      return lines.join("\n");
    }
    case "required-marker": {
      const i = pickFrom(typeRows(), d.at);
      if (i === undefined) return text;
      const parts = cells(lines[i]!);
      parts[3] = ` ${d.text} `;
      lines[i] = parts.join("|");
      return lines.join("\n");
    }
  }
}

// --- checks -----------------------------------------------------------------------------

const stats = {
  memory: 0,
  /** Cases whose damaged doc was also read from remark's full parse (the oracle for elision). */
  oracle: 0,
  memoryOk: 0,
  memoryErrors: 0,
  viaGenerateDocs: 0,
  rules: new Map<string, number>(),
  cli: 0,
  cliOk: 0,
  cliErrors: 0,
  invalidUtf8: 0,
  groups: 0,
  memoryMs: 0,
  cliMs: 0,
};

function lineCount(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Every diagnostic points inside one of the docs and names its rule. */
function checkDiagnostics(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string>, context: () => string): void {
  for (const d of diagnostics) {
    const fail = (why: string) => {
      throw new Error(`${why}: ${JSON.stringify(d)}\n${context()}`);
    };
    if (typeof d.ruleId !== "string" || d.ruleId === "" || d.ruleId === "unknown") fail("a diagnostic without a rule id");
    if (d.severity !== "error" && d.severity !== "warning") fail("a diagnostic without a severity");
    if (typeof d.message !== "string" || d.message === "") fail("a diagnostic without a message");
    const text = texts.get(d.file);
    if (text === undefined) fail("a diagnostic names a file that is not in the spec");
    const lines = lineCount(text!);
    if (!Number.isInteger(d.line) || d.line < 1 || d.line > lines.length) fail(`line outside the doc (it has ${lines.length} lines)`);
    const line = lines[d.line - 1] ?? "";
    if (!Number.isInteger(d.column) || d.column < 1 || d.column > line.length + 1) fail(`column outside line ${d.line} (${line.length} characters)`);
  }
}

interface Outcome {
  spec?: unknown;
  diagnostics: Diagnostic[];
  files?: Map<string, string>;
}

/** The pipeline as the CLI runs it: undamaged docs come from the parse cache. */
function generateCached(group: Group, docs: SourceDoc[], damaged: string, enumStyle: EnumStyle): Outcome {
  const parsed = new Map(group.parsed);
  parsed.delete(damaged);
  const built = buildSpec(docs, { rootPath: group.rootPath, enumStyle }, parsed);
  if (!built.spec) return { diagnostics: built.diagnostics };
  const { files } = emitPackageWith(printUnits, built.spec, { packageName: "fuzz-damage", enumStyle }, RUNTIME);
  return { spec: built.spec, diagnostics: built.diagnostics, files };
}

function checkOutcome(outcome: Outcome, docs: SourceDoc[], context: () => string): void {
  const texts = new Map(docs.map((d) => [d.path, d.text]));
  checkDiagnostics(outcome.diagnostics, texts, context);
  for (const d of outcome.diagnostics) stats.rules.set(d.ruleId, (stats.rules.get(d.ruleId) ?? 0) + 1);
  const errors = outcome.diagnostics.filter((d) => d.severity === "error");
  if (outcome.spec) {
    if (errors.length) throw new Error(`a spec came back with errors: ${JSON.stringify(errors)}\n${context()}`);
    if (!outcome.files) throw new Error(`a spec came back without files\n${context()}`);
    const spec = outcome.spec as { models: Model[] };
    for (const model of spec.models)
      for (const ext of [".js", ".d.ts"]) if (typeof outcome.files.get(`models/${model.id}${ext}`) !== "string") throw new Error(`incomplete output: no models/${model.id}${ext}\n${context()}`);
    stats.memoryOk++;
  } else {
    if (errors.length === 0) throw new Error(`no spec and no error\n${context()}`);
    if (outcome.files) throw new Error(`files despite errors\n${context()}`);
    stats.memoryErrors++;
  }
}

// --- the output folder as bytes -------------------------------------------------------------

function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  if (!existsSync(dir)) return out;
  for (const file of listSpecFiles(dir, true)) out.set(toSpecPath(dir, file), readFileSync(file));
  return out;
}

function sameSnapshot(a: Map<string, Buffer>, b: Map<string, Buffer>): string | undefined {
  for (const [path, bytes] of a) {
    const other = b.get(path);
    if (!other) return `missing ${path}`;
    if (!other.equals(bytes)) return `changed ${path}`;
  }
  for (const path of b.keys()) if (!a.has(path)) return `extra ${path}`;
  return undefined;
}

// --- byte damage for the CLI ------------------------------------------------------------------

const INVALID_UTF8: number[][] = [[0xff], [0xfe], [0xc0, 0x80], [0xe2, 0x82], [0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xc3], [0xe0, 0x80, 0x80]];

const byteDamageArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("invalid-utf8" as const), at: fc.nat(), bytes: fc.constantFrom(...INVALID_UTF8) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("random-bytes" as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }).map((a) => [...a]) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("utf16" as const), at: fc.nat(), bytes: fc.constant([] as number[]) }) },
);

function damageBytes(bytes: Buffer, d: { kind: "invalid-utf8" | "random-bytes" | "utf16"; at: number; bytes: number[] }): Buffer {
  if (d.kind === "utf16") return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString("utf8"), "utf16le")]);
  const at = d.at % (bytes.length + 1);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(d.bytes), bytes.subarray(at)]);
}

// --- the tests ---------------------------------------------------------------------------------

// The properties run synchronously for tens of seconds; a generous timeout keeps a busy machine from failing them.
describe(`fuzz: damaged real docs never crash the generator (seed ${SEED})${HAS_SHARED ? "" : " (corpus docs skipped: ../shared/corpora not found; spec/ only)"}`, { timeout: 300_000 }, () => {
  const groups: Group[] = [];

  beforeAll(() => {
    const pick = lcg(20250101);
    groups.push(...loadGroups("spec", join(PROJECT_ROOT, "spec"), GROUPS_PER_CORPUS, pick));
    if (HAS_SHARED) for (const corpus of CORPORA) groups.push(...loadGroups(corpus.name, corpus.specRoot, GROUPS_PER_CORPUS, pick));
    stats.groups = groups.length;
  });

  afterAll(() => {
    const rules = [...stats.rules].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`);
    console.log(
      `[fuzz damage] seed ${SEED}: ${stats.groups} seed groups; in memory ${stats.memory} cases in ${stats.memoryMs} ms (${stats.oracle} also read from remark's full parse) ` +
        `(${stats.memoryOk} generated, ${stats.memoryErrors} ended in errors, ${stats.viaGenerateDocs} through generateDocs); ` +
        `CLI ${stats.cli} cases in ${stats.cliMs} ms (${stats.cliOk} exit 0, ${stats.cliErrors} exit 1, ${stats.invalidUtf8} invalid UTF-8)\n  rules: ${rules.join(", ")}`,
    );
  });

  it(`generating never throws: output or error diagnostics inside the docs (${MEMORY_RUNS} cases)`, () => {
    expect(groups.length).toBeGreaterThan(HAS_SHARED ? 20 : 3);
    const started = performance.now();
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.array(damageArb, { minLength: 1, maxLength: 3 }), fc.constantFrom(...STYLES), fc.nat(9), (g, t, damages, enumStyle, via) => {
        const group = groups[g % groups.length]!;
        // The seed doc most of the time, sometimes one it references.
        const target = group.docs[t % 3 === 0 ? t % group.docs.length : 0]!;
        let text = target.text;
        const titles = group.docs.filter((d) => d !== target).map((d) => /^#\s.*$/m.exec(d.text)?.[0] ?? "");
        for (const d of damages) text = applyDamage(text, d, titles);
        const docs = group.docs.map((d) => (d === target ? { path: d.path, text } : d));
        const context = () => `group ${group.name}, doc ${target.path}, damage ${JSON.stringify(damages).slice(0, 400)}\n--- damaged text (first 1500 chars):\n${text.slice(0, 1500)}`;
        stats.memory++;
        if (process.env.FUZZ_TRACE) writeFileSync(process.env.FUZZ_TRACE, `${group.name} ${target.path}\n${JSON.stringify(damages)}\n${text}`);
        const t0 = performance.now();
        let outcome: Outcome;
        try {
          // One case in ten runs the test helper end to end (parsing every doc again).
          if (via === 0) {
            stats.viaGenerateDocs++;
            outcome = generateDocs(docs, { rootPath: group.rootPath, enumStyle });
          } else outcome = generateCached(group, docs, target.path, enumStyle);
        } catch (error) {
          throw new Error(`the generator threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n${context()}`);
        }
        if (process.env.FUZZ_TRACE && performance.now() - t0 > 1000) console.log("SLOW", Math.round(performance.now() - t0), group.name, target.path, JSON.stringify(damages).slice(0, 300));
        checkOutcome(outcome, docs, context);
        // What spares remark work (masking, cuts, left-out lines, the tree memo) changes nothing: the damaged doc reads
        // as from remark's full parse. Every third case (the full parse is most of a case's time), up to ORACLE_MAX
        // characters (on long damaged text remark alone can take minutes).
        if (stats.memory % 3 === 0 && text.length <= ORACLE_MAX) {
          stats.oracle++;
          if (!isDeepStrictEqual(parseDoc(text, target.path), parseDoc(text, target.path, parseMarkdown))) throw new Error(`the doc reads otherwise from remark's full parse\n${context()}`);
        }
      }),
      { numRuns: MEMORY_RUNS, seed: SEED, endOnFailure: true },
    );
    stats.memoryMs = Math.round(performance.now() - started);
  });

  it(`through the CLI: exit 1 on errors and the previous output untouched, byte for byte (${CLI_RUNS} cases)`, async () => {
    const work = tempDir("fuzz-damage-cli");
    // The whole of spec/, and two corpus groups; each copied to a temp spec root named like its original.
    const cliGroups = [{ name: "spec", rootPath: join(PROJECT_ROOT, "spec"), docs: readSpec(join(PROJECT_ROOT, "spec")).docs }, ...groups.filter((g) => !g.name.startsWith("spec:")).slice(0, 2)];
    const setups = cliGroups.map((group, i) => {
      const base = join(work, `g${i}`);
      const tail = group.rootPath.split("/").slice(-3);
      const spec = join(base, ...tail);
      mkdirSync(spec, { recursive: true });
      for (const doc of group.docs) {
        mkdirSync(dirname(join(spec, doc.path)), { recursive: true });
        writeFileSync(join(spec, doc.path), doc.text);
      }
      return {
        group,
        base,
        spec,
        out: join(base, "out"),
        original: new Map(group.docs.map((d) => [d.path, Buffer.from(d.text, "utf8")])),
        parsed: new Map(group.docs.map((d) => [d.path, parseDoc(d.text, d.path)])),
        units: new Map<string, Record<string, string>>(),
      };
    });
    const run = async (cwd: string, spec: string, out: string, enumStyle: EnumStyle) => {
      let stdout = "";
      let stderr = "";
      const code = await main(["--spec", spec, "--out", out, "--enum-style", enumStyle, "--reporter", "json"], { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      return { code, stdout, stderr };
    };
    const good = new Map<number, Map<string, Buffer>>();
    for (const [i, s] of setups.entries()) {
      const first = await run(s.base, s.spec, s.out, "auto");
      expect(first.code, first.stderr).toBe(0);
      good.set(i, snapshot(s.out));
    }

    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        fc.oneof({ weight: 3, arbitrary: fc.array(damageArb, { minLength: 1, maxLength: 3 }).map((text) => ({ text })) }, { weight: 1, arbitrary: byteDamageArb.map((bytes) => ({ bytes })) }),
        fc.constantFrom(...STYLES),
        async (g, t, damage, enumStyle) => {
          const index = g % setups.length;
          const s = setups[index]!;
          const target = s.group.docs[t % s.group.docs.length]!;
          const original = s.original.get(target.path)!;
          let bytes: Buffer;
          if ("text" in damage) {
            let text = target.text;
            const titles = s.group.docs.filter((d) => d !== target).map((d) => /^#\s.*$/m.exec(d.text)?.[0] ?? "");
            for (const d of damage.text) text = applyDamage(text, d, titles);
            bytes = Buffer.from(text, "utf8");
          } else bytes = damageBytes(original, damage.bytes);
          const file = join(s.spec, target.path);
          const context = () => `${s.group.name} ${target.path} ${JSON.stringify(damage).slice(0, 300)}`;
          stats.cli++;
          writeFileSync(file, bytes);
          try {
            const before = good.get(index)!;
            const result = await run(s.base, s.spec, s.out, enumStyle);
            if (result.stderr.includes("internal error")) throw new Error(`internal error: ${result.stderr.slice(0, 2000)}\n${context()}`);
            if (result.code !== 0 && result.code !== 1) throw new Error(`exit code ${result.code}: ${result.stderr.slice(0, 2000)}\n${context()}`);
            // Nothing is left beside the output folder (staging or backup copies).
            const leftovers = readdirSync(s.base).filter((n) => n.startsWith(".out."));
            if (leftovers.length) throw new Error(`left beside the output: ${leftovers.join(", ")}\n${context()}`);
            const read = readSpec(s.spec);
            if (result.code === 1) {
              stats.cliErrors++;
              const diagnostics = JSON.parse(result.stderr.slice(0, result.stderr.lastIndexOf("]") + 1)) as Diagnostic[];
              if (!diagnostics.some((d) => d.severity === "error") && !/more than --max-warnings/.test(result.stderr)) throw new Error(`exit 1 without an error: ${result.stderr.slice(0, 1000)}\n${context()}`);
              if (diagnostics.some((d) => d.ruleId === "invalid-utf8")) stats.invalidUtf8++;
              // Diagnostics name files relative to the cwd; check them against the docs as read (invalid UTF-8 decoded leniently).
              const label = posix.relative(s.base, s.spec);
              const texts = new Map(listSpecFiles(s.spec).map((f) => [`${label}/${toSpecPath(s.spec, f)}`, new TextDecoder().decode(readFileSync(f)).replace(/^\ufeff/, "")]));
              checkDiagnostics(diagnostics, texts, context);
              const after = snapshot(s.out);
              const diff = sameSnapshot(before, after);
              if (diff) throw new Error(`the previous output changed although the run failed: ${diff}\n${context()}`);
            } else {
              stats.cliOk++;
              // A complete, consistent package: exactly what the pipeline makes of the docs, plus the
              // manifest. Computed with parse and emit caches (only the damaged doc and what it touches are redone).
              const parsed = new Map(s.parsed);
              parsed.delete(target.path);
              const built = buildSpec(read.docs, { rootPath: s.spec, enumStyle }, parsed);
              if (!built.spec) throw new Error(`the CLI succeeded where the pipeline fails: ${JSON.stringify(built.diagnostics.slice(0, 3))}\n${context()}`);
              const expected = emitPackageWith(printUnits, built.spec, { packageName: "generated-models", enumStyle }, RUNTIME, s.units);
              s.units = expected.cache;
              const want = new Map([...expected.files].map(([p, text]) => [p, Buffer.from(text, "utf8")]));
              want.set(MANIFEST, Buffer.from(manifestText(expected.files.keys()), "utf8"));
              const after = snapshot(s.out);
              for (const p of [...after.keys()]) if (p.startsWith("node_modules/")) after.delete(p);
              const diff = sameSnapshot(want, after);
              if (diff) throw new Error(`the output is not the complete package: ${diff}\n${context()}`);
              good.set(index, after);
            }
          } finally {
            writeFileSync(file, original);
          }
        },
      ),
      { numRuns: CLI_RUNS, seed: SEED, endOnFailure: true },
    );
    stats.cliMs = Math.round(performance.now() - started);
    rmSync(work, { recursive: true, force: true });
  });
});
