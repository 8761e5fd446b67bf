/**
 * One walk over a type tree that writes validation code, with two combiners
 * (as typia does): `is` returns `false` at the first mismatch and allocates
 * nothing; `check` records an issue with its path and goes on.
 *
 * The written code is what a careful person would write by hand: `typeof`
 * checks, plain loops, early returns. Names of other models' checks are
 * imported, so recursive and mutually recursive models need no laziness.
 */
import type { Model, TypeExpr } from "../ir/types.ts";
import { RUNTIME_PATH, type EmitContext } from "./context.ts";
import { stringLiteral, valueLiteral } from "./escape.ts";
import { modulePath, type ModuleScope } from "./module-scope.ts";
import { functionDeclaration, type Statement } from "./statements.ts";

export type Mode = "is" | "check";

/** Closed enums with more values than this are checked with a Set. */
const SET_THRESHOLD = 8;

export class CheckWriter {
  /** Module-level helpers (union members that need loops, value sets). */
  readonly helpers: Statement[] = [];
  private helperCount = 0;
  private varCount = 0;
  private readonly helperByKey = new Map<string, string>();

  constructor(
    private readonly ctx: EmitContext,
    private readonly scope: ModuleScope,
  ) {}

  /** A runtime helper's local name (imported from the package runtime). */
  rt(name: string): string {
    return this.scope.import(RUNTIME_PATH, name);
  }

  /** A global as reachable from this module. */
  global(name: string): string {
    return this.scope.global(name);
  }

  fresh(prefix: string): string {
    return `${prefix}${this.varCount++}`;
  }

  resetVars(): void {
    this.varCount = 0;
  }

  /** How a type is described to people in issues. */
  describe(type: TypeExpr): string {
    switch (type.kind) {
      case "primitive":
        return type.name === "number" ? "finite number" : type.name;
      case "bigint":
        return "bigint";
      case "literal":
        return valueLiteral(type.value);
      case "date":
        return type.dateOnly ? "Date (date only)" : "Date";
      case "web":
        return type.name === "ReadableStream" ? "ReadableStream<Uint8Array>" : type.name;
      case "array":
        return `array of ${this.describe(type.element)}`;
      case "record":
        return `record of ${this.describe(type.value)}`;
      case "union":
        return [...new Set(type.members.map((m) => this.describe(m)))].join(" | ");
      case "ref": {
        const target = this.ctx.model(type.target!);
        return target.kind === "object" ? `${target.name} object` : target.name;
      }
    }
  }

  /** A boolean expression for `v` matching `type`, when one exists without loops. */
  cond(type: TypeExpr, v: string): string | undefined {
    switch (type.kind) {
      case "primitive":
        if (type.name === "any") return "true";
        if (type.name === "number") return `${this.scope.global("Number")}.isFinite(${v})`;
        return `typeof ${v} === "${type.name}"`;
      case "bigint":
        return `typeof ${v} === "bigint"`;
      case "literal":
        return `${v} === ${valueLiteral(type.value)}`;
      case "date":
        return `${this.rt("$isDate")}(${v})`;
      case "web":
        return `${this.rt("$isInstance")}(${v}, ${stringLiteral(type.name)})`;
      case "ref":
        return `${this.fastIsOf(this.ctx.model(type.target!))}(${v}, s)`;
      case "array":
        return isAny(type.element) ? `${this.scope.global("Array")}.isArray(${v})` : undefined;
      case "record":
        return isAny(type.value) ? `${this.rt("$isObject")}(${v})` : undefined;
      case "union":
        // Repeated members (`number` twice: integer and float in the docs) collapse.
        return `(${[...new Set(type.members.map((m) => this.test(m, v)))].join(" || ")})`;
    }
  }

  /** A boolean expression for any type: `cond`, or a call of a module-level helper. */
  test(type: TypeExpr, v: string): string {
    return this.cond(type, v) ?? `${this.helperFor(type)}(${v}, s)`;
  }

  private fastIsOf(target: Model): string {
    return this.scope.import(modulePath(target), this.ctx.namesOf(target).fastIs);
  }

  /** A module-level `function $isN(v, s)` for a member that needs statements. */
  private helperFor(type: TypeExpr): string {
    const key = JSON.stringify(type);
    const known = this.helperByKey.get(key);
    if (known) return known;
    const name = `$is_${this.helperCount++}`;
    this.helperByKey.set(key, name);
    const saved = this.varCount;
    this.varCount = 0;
    const body = `${this.statements(type, "v", "is")}\nreturn true;`;
    this.varCount = saved;
    this.helpers.push(functionDeclaration(name, ["v", "s"], body, undefined, false));
    return name;
  }

  /**
   * Statements checking `v` (a plain variable) against `type`, run only when
   * `guard` (e.g. `f0 !== undefined`) holds.
   */
  statements(type: TypeExpr, v: string, mode: Mode, guard?: string): string {
    const guarded = (code: string) => (guard && code !== "" ? `if (${guard}) {\n${code}\n}` : code);
    if (type.kind === "ref" && mode === "check") {
      const target = this.ctx.model(type.target!);
      if (target.kind === "object") return guarded(`${this.scope.import(modulePath(target), this.ctx.namesOf(target).check)}(${v}, path, issues, s);`);
    }
    if (type.kind === "array" && !isAny(type.element)) return guarded(this.loop(type.element, v, mode, "array"));
    if (type.kind === "record" && !isAny(type.value)) return guarded(this.loop(type.value, v, mode, "record"));
    const cond = this.cond(type, v)!;
    if (cond === "true") return "";
    const failIf = `${guard ? `${guard} && ` : ""}${negate(cond)}`;
    return mode === "is" ? `if (${failIf}) return false;` : `if (${failIf}) ${this.issue(type, v)}`;
  }

  issue(type: TypeExpr, v: string, message?: string): string {
    return `${this.rt("$issue")}(issues, path, ${stringLiteral(this.describe(type))}, ${v}${message ? `, ${stringLiteral(message)}` : ""});`;
  }

  private loop(element: TypeExpr, v: string, mode: Mode, shape: "array" | "record"): string {
    const e = this.fresh("e");
    const shapeCond = shape === "array" ? `${this.scope.global("Array")}.isArray(${v})` : `${this.rt("$isObject")}(${v})`;
    const describe = shape === "array" ? { kind: "array", element } : { kind: "record", value: element };
    const fail = mode === "is" ? "return false;" : this.issue(describe as TypeExpr, v);
    const inner = this.statements(element, e, mode);
    if (inner === "") return `if (${negate(shapeCond)}) ${fail}`;
    const head =
      shape === "array"
        ? (() => {
            const i = this.fresh("i");
            return { open: `for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {\nconst ${e} = ${v}[${i}];`, key: i };
          })()
        : (() => {
            const k = this.fresh("k");
            return { open: `for (const ${k} in ${v}) {\nif (!${this.rt("$hasOwn")}.call(${v}, ${k})) continue;\nconst ${e} = ${v}[${k}];`, key: k };
          })();
    const body = mode === "is" ? inner : `path.push(${head.key});\n${inner}\npath.pop();`;
    const loop = `${head.open}\n${body}\n}`;
    return mode === "is" ? `if (${negate(shapeCond)}) return false;\n${loop}` : `if (${negate(shapeCond)}) ${fail}\nelse {\n${loop}\n}`;
  }
}

function isAny(type: TypeExpr): boolean {
  return type.kind === "primitive" && type.name === "any";
}

/**
 * The negation of a condition this module wrote, as a person would write it:
 * `typeof x !== "string"`, `x !== 1`, `!f(x)`, `!(a || b)`.
 */
export function negate(cond: string): string {
  const comparison = /^(typeof [\w$]+|[\w$]+) === ("[a-z]+"|[^\s()|&]+)$/.exec(cond);
  if (comparison) return `${comparison[1]} !== ${comparison[2]}`;
  // Calls and conditions this module already grouped in parentheses.
  if (/^[\w$.]+\([^()]*\)$/.test(cond) || cond.startsWith("(")) return `!${cond}`;
  return `!(${cond})`;
}

export { SET_THRESHOLD };
