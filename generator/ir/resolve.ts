/**
 * The whole-spec step: links become references to model ids, names become
 * safe identifiers, enum members get their names, and models are sorted once.
 *
 * What one model resolves to depends only on that model and on the spec's
 * directory (every model's id, folder, name and kind, the root and the docs
 * that did not parse). A ResolveMemo keeps each model's result for as long
 * as the directory stays the same, so watch mode re-resolves only the docs
 * that changed; the result is the same as without it.
 */
import { posix } from "node:path";
import { enumMemberName } from "./enum-member-names.ts";
import { isIdentifier, toIdentifier } from "./identifiers.ts";
import type { Diagnostic, Model, Position, RefType, Spec } from "./types.ts";
import { modelRefs } from "./walk.ts";

export interface ResolveResult {
  spec: Spec;
  diagnostics: Diagnostic[];
  /** What resolving each model found (aligned with spec.models); `diagnostics` holds them all. */
  modelDiagnostics: Diagnostic[][];
  /** The key of the directory the models were resolved under (see ResolveMemo): with a model's input, all its result depends on. */
  directory: string;
}

export interface ResolvedModel {
  model: Model;
  diagnostics: Diagnostic[];
}

/** Per parsed model object, its resolution under `directory`. Resolved models are shared: treat them as read-only. */
export interface ResolveMemo {
  directory?: string;
  models: WeakMap<Model, ResolvedModel>;
}

export function createResolveMemo(): ResolveMemo {
  return { models: new WeakMap() };
}

/** What the directory knows of a model: all that resolving another model may look at. */
export interface DirectoryEntry {
  id: string;
  folder: string;
  /** The title as written (resolving names a model only by that; its identifier may differ). */
  name: string;
  kind: Model["kind"];
}

/** What resolving any one model may look at besides the model itself. */
export interface Directory {
  /** Names the directory: equal keys, equal directories (the ResolveMemo key). */
  key: string;
  root: string;
  byId: Map<string, DirectoryEntry>;
  byFolderAndName: Map<string, DirectoryEntry>;
  namespaceFolder: (ns: string | undefined) => string | undefined;
  broken: ReadonlySet<string>;
}

export function directoryEntry(model: Model): DirectoryEntry {
  return { id: model.id, folder: model.folder, name: model.name, kind: model.kind };
}

/**
 * The directory of a spec: its models' entries (sorted by id), the root and
 * the ids of docs that did not parse.
 */
export function makeDirectory(entries: readonly DirectoryEntry[], rootPath: string, broken: ReadonlySet<string> = new Set()): Directory {
  const root = posix.resolve("/", rootPath);
  const folders = [...new Set(entries.map((m) => m.folder))].sort();
  return {
    key: JSON.stringify([root, [...broken].sort(), entries.map((m) => [m.id, m.folder, m.name, m.kind])]),
    root,
    byId: new Map(entries.map((m) => [m.id, m])),
    // Keyed by the title as written: resolving names a model only by that (its identifier may differ).
    byFolderAndName: new Map(entries.map((m) => [`${m.folder}\0${m.name.toLowerCase()}`, m])),
    namespaceFolder: namespaceFolders(folders, posix.basename(root)),
    broken,
  };
}

/** The directory a key names (see `makeDirectory`): what a later run resolves one edited model under. */
export function directoryFromKey(key: string): Directory {
  const [root, broken, entries] = JSON.parse(key) as [string, string[], Array<[string, string, string, Model["kind"]]>];
  return makeDirectory(
    entries.map(([id, folder, name, kind]) => ({ id, folder, name, kind })),
    root,
    new Set(broken),
  );
}

/**
 * Deep copy of plain IR data (objects, arrays, primitives): resolve never
 * mutates its input. Written out because structuredClone, which also
 * handles cycles, Maps and Dates the IR never holds, was most of the time of
 * a watch-mode rebuild.
 */
function clone<T>(value: T): T {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(clone) as T;
  const copy: Record<string, unknown> = {};
  for (const key in value) copy[key] = clone((value as Record<string, unknown>)[key]);
  return copy as T;
}

function diagnostic(at: Position, severity: Diagnostic["severity"], ruleId: string, message: string, hint?: string): Diagnostic {
  return { file: at.file, line: at.line, column: at.column, severity, ruleId, message, ...(hint ? { hint } : {}) };
}

/**
 * @param rootPath the spec root as a posix path (absolute, or any stable
 *   prefix): links may climb above the root and come back through its name.
 * @param broken ids of docs that exist but did not parse: their errors are
 *   already reported, so references to them are left unresolved quietly
 *   instead of cascading into "no such doc" errors in every doc that uses them.
 * @param memo results of earlier calls to reuse (see ResolveMemo).
 */
export function resolveSpec(parsed: readonly Model[], rootPath: string, broken: ReadonlySet<string> = new Set(), memo?: ResolveMemo): ResolveResult {
  const sorted = [...parsed].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const folders = [...new Set(sorted.map((m) => m.folder))].sort();
  const directory = makeDirectory(sorted.map(directoryEntry), rootPath, broken);
  if (memo && memo.directory !== directory.key) {
    memo.directory = directory.key;
    memo.models = new WeakMap();
  }
  const diagnostics: Diagnostic[] = [];
  const modelDiagnostics: Diagnostic[][] = [];
  const models = sorted.map((input) => {
    let resolved = memo?.models.get(input);
    if (!resolved) {
      resolved = resolveModel(input, directory);
      memo?.models.set(input, resolved);
    }
    diagnostics.push(...resolved.diagnostics);
    modelDiagnostics.push(resolved.diagnostics);
    return resolved.model;
  });
  findDuplicateNames(models, diagnostics);
  return { spec: { models, folders }, diagnostics, modelDiagnostics, directory: directory.key };
}

/** One model's copy with safe names and resolved references, and what was found on the way. */
export function resolveModel(input: Model, directory: Directory): ResolvedModel {
  const model = clone(input);
  const diagnostics: Diagnostic[] = [];
  const name = toIdentifier(model.name);
  if (name !== model.name) {
    diagnostics.push(diagnostic(model.position, "warning", "model-name", `title \`${model.name}\` is not a valid identifier; emitted as \`${name}\``));
    model.title = model.name;
    model.name = name;
  }
  if (model.kind === "enum") nameEnumMembers(model, diagnostics);
  for (const ref of modelRefs(model)) {
    const at = ref.position ?? model.position;
    const target = resolveRef(ref, model, directory, at, diagnostics);
    if (!target) continue;
    ref.target = target.id;
    const linked = ref.link !== undefined;
    // Union member titles name every kind without links; only field cells follow the link/italic convention.
    if (model.kind !== "object") continue;
    if (linked && target.kind === "union")
      diagnostics.push(diagnostic(at, "warning", "ref-kind", `\`${ref.name}\` is linked but is a union doc; union docs are named in italics`));
    if (!linked && target.kind !== "union")
      diagnostics.push(diagnostic(at, "warning", "ref-kind", `\`*${ref.namespace ? `${ref.namespace}.` : ""}${ref.name}*\` names ${target.kind === "object" ? "an" : "a"} ${target.kind} doc; those are linked`));
  }
  return { model, diagnostics };
}

function namespaceFolders(folders: string[], rootName: string): (ns: string | undefined) => string | undefined {
  const map = new Map<string, string>();
  for (const folder of folders) {
    const last = folder.split("/").pop()!;
    if (folder !== "" && !map.has(last)) map.set(last, folder);
  }
  return (ns) => {
    if (ns === undefined) return "";
    if (map.has(ns)) return map.get(ns);
    if (ns === "models" || ns === rootName) return folders.includes("") ? "" : undefined;
    return undefined;
  };
}

function resolveRef(
  ref: RefType,
  from: Model,
  { root, byId, byFolderAndName, namespaceFolder, broken }: Directory,
  at: Position,
  diagnostics: Diagnostic[],
): DirectoryEntry | undefined {
  const display = `${ref.namespace ? `${ref.namespace}.` : ""}${ref.name}`;
  if (ref.link !== undefined) {
    const path = linkPath(ref.link);
    const absolute = posix.resolve(root, from.folder, path);
    const relative = posix.relative(root, absolute);
    const inside = relative !== "" && !relative.startsWith("../") && relative !== "..";
    const target = inside ? byId.get(relative.replace(/\.md$/i, "")) : undefined;
    if (target) return target;
    if (inside && broken.has(relative.replace(/\.md$/i, ""))) return undefined;
    // A copied or renamed docs folder breaks links that climb above the root:
    // fall back to the namespace and name, and say so.
    const folder = namespaceFolder(ref.namespace);
    const byName = folder === undefined ? undefined : byFolderAndName.get(`${folder}\0${ref.name.toLowerCase()}`);
    if (byName && !inside) {
      diagnostics.push(diagnostic(at, "warning", "link-outside-root", `link \`${ref.link}\` leaves the spec root; resolved \`${display}\` by name to \`${byName.id}.md\``));
      return byName;
    }
    diagnostics.push(diagnostic(at, "error", "dangling-link", `link \`${ref.link}\` for \`${display}\` does not lead to a doc in the spec`, "fix the link, or add the missing doc"));
    return undefined;
  }
  const folder = namespaceFolder(ref.namespace);
  const target = folder === undefined ? undefined : byFolderAndName.get(`${folder}\0${ref.name.toLowerCase()}`);
  // File name = lower-cased title: a doc of that name that did not parse has reported its own errors.
  if (!target && folder !== undefined && broken.has(folder === "" ? ref.name.toLowerCase() : `${folder}/${ref.name.toLowerCase()}`)) return undefined;
  if (!target) {
    diagnostics.push(diagnostic(at, "error", "unknown-type", `\`${display}\` names no doc in the spec`, "unlinked names must match a doc's title in the namespace's folder"));
  }
  return target;
}

function linkPath(link: string): string {
  const bare = link.split("#")[0]!.split("?")[0]!;
  try {
    return decodeURI(bare);
  } catch {
    return bare;
  }
}

/** Model names are unique within a folder (case-insensitively: they become file and export names). */
function findDuplicateNames(models: readonly Model[], diagnostics: Diagnostic[]): void {
  const seen = new Map<string, Model>();
  for (const model of models) {
    const key = `${model.folder}\0${model.name.toLowerCase()}`;
    const first = seen.get(key);
    if (first) {
      diagnostics.push(diagnostic(model.position, "error", "duplicate-model", `model \`${model.name}\` is also defined in ${first.id}.md; names are unique within a folder`));
    } else seen.set(key, model);
  }
}

function nameEnumMembers(model: Extract<Model, { kind: "enum" }>, diagnostics: Diagnostic[]): void {
  const used = new Set<string>();
  // Per derived name, where to look for the next free number: every smaller one is taken
  // for good, so thousands of values deriving one name stay linear.
  const nextNumber = new Map<string, number>();
  for (const member of model.members) {
    let name = model.syntax === "union-block" ? enumMemberName(member.value) : member.name;
    if (!isIdentifier(name)) {
      const safe = toIdentifier(name);
      diagnostics.push(diagnostic(member.position, "warning", "enum-member-name", `member name \`${name}\` is not a valid identifier; emitted as \`${safe}\``));
      name = safe;
    }
    if (used.has(name)) {
      if (model.syntax === "table") {
        diagnostics.push(diagnostic(member.position, "error", "duplicate-enum-member", `member \`${name}\` is listed twice`));
        continue;
      }
      // Two values that derive the same name: number the later ones, deterministically.
      let n = nextNumber.get(name) ?? 2;
      while (used.has(`${name}${n}`)) n++;
      nextNumber.set(name, n + 1);
      name = `${name}${n}`;
    }
    used.add(name);
    member.name = name;
  }
}
