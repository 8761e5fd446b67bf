/**
 * The names visible inside one generated module: its own exports, the names
 * it imports from other modules (aliased when they clash), and the globals
 * it refers to (reached through `globalThis` when a local name shadows them).
 */
import { posix } from "node:path";
import type { Model } from "../ir/types.ts";

/** Where a model's module lives in the package, without extension. */
export function modulePath(model: Pick<Model, "id">): string {
  return `models/${model.id}`;
}

/** Where a folder's barrel lives in the package, without extension. */
export function barrelPath(folder: string): string {
  return folder === "" ? "models/index" : `models/${folder}/index`;
}

/** An ESM import specifier from one package file to another (`./x.js`, `../y/index.js`). */
export function importSpecifier(fromPath: string, toPath: string): string {
  const relative = posix.relative(posix.dirname(fromPath), toPath);
  return `${relative.startsWith(".") ? "" : "./"}${relative}.js`;
}

export interface ImportedName {
  name: string;
  alias?: string;
}

/** Globals generated code may name; imports never take these names. */
const GLOBALS = new Set(["Date", "Response", "Request", "File", "Blob", "ReadableStream", "Uint8Array", "Array", "Object", "Number", "Set", "JSON", "Error", "BigInt", "String", "Symbol", "globalThis"]);

export class ModuleScope {
  private readonly taken = new Set<string>();
  private readonly own = new Set<string>();
  private readonly imports = new Map<string, Map<string, string>>();
  /** Module path → its import specifier: emitters ask for the same few paths over and over. */
  private readonly specifiers = new Map<string, string>();

  constructor(
    readonly path: string,
    ownNames: Iterable<string>,
  ) {
    for (const name of ownNames) {
      this.taken.add(name);
      this.own.add(name);
    }
  }

  /**
   * The local name for `name` exported by the module at `fromPath`. The
   * first clash-free form wins: `Name`, then `Name_<folder>`, then numbered.
   */
  import(fromPath: string, name: string): string {
    if (fromPath === this.path) return name;
    let specifier = this.specifiers.get(fromPath);
    if (specifier === undefined) this.specifiers.set(fromPath, (specifier = importSpecifier(this.path, fromPath)));
    let names = this.imports.get(specifier);
    if (!names) this.imports.set(specifier, (names = new Map()));
    const existing = names.get(name);
    if (existing) return existing;
    const folder = posix.dirname(fromPath).replace(/^models\/?/, "").replace(/[^\w$]+/g, "_");
    const candidates = [name, `${name}_${folder || "root"}`];
    const free = (c: string) => !this.taken.has(c) && !GLOBALS.has(c);
    let local = candidates.find(free);
    for (let n = 2; !local; n++) if (free(`${name}_${n}`)) local = `${name}_${n}`;
    this.taken.add(local);
    names.set(name, local);
    return local;
  }

  /** A global (`Date`, `Response`, …) as reachable from this module. */
  global(name: string): string {
    return this.own.has(name) ? `globalThis.${name}` : name;
  }

  /** Import lists, sorted by specifier and name, for deterministic output. */
  importList(): Array<{ specifier: string; names: ImportedName[] }> {
    return [...this.imports.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([specifier, names]) => ({
        specifier,
        names: [...names.entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([name, local]) => (name === local ? { name } : { name, alias: local })),
      }));
  }
}
