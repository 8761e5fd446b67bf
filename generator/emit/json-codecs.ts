/**
 * The JSON helpers of a model: `xFromJSON` revives dates (ISO strings) and
 * bigints (numbers or digit strings) where the type has them, then
 * validates; `xToJSON` writes them back (date-only as `YYYY-MM-DD`).
 * Models whose types hold neither need no reviving or serializing code.
 */
import type { Model, TypeExpr } from "../ir/types.ts";
import type { CheckWriter } from "./checks.ts";
import type { EmitContext } from "./context.ts";
import { objectLiteralKey, stringLiteral } from "./escape.ts";
import { modulePath, type ModuleScope } from "./module-scope.ts";
import { RUNTIME_PATH } from "./context.ts";
import { declareFunction, functionDeclaration, type Statement } from "./statements.ts";

type Direction = "revive" | "serialize";

class CodecWriter {
  constructor(
    private readonly ctx: EmitContext,
    private readonly scope: ModuleScope,
    private readonly checks: CheckWriter,
    private readonly direction: Direction,
  ) {}

  private rt(name: string): string {
    return this.scope.import(RUNTIME_PATH, name);
  }

  /** An expression converting `v`, or undefined when the type needs no conversion. */
  expr(type: TypeExpr, v: string, depth: number): string | undefined {
    const e = `e${depth}`;
    switch (type.kind) {
      case "date":
        return `${this.rt(this.direction === "revive" ? "$reviveDate" : "$serializeDate")}(${v}, ${type.dateOnly})`;
      case "bigint":
        // Serializing leaves bigints to the JSON replacer, which writes digit strings.
        return this.direction === "revive" ? `${this.rt("$reviveBigInt")}(${v})` : undefined;
      case "array": {
        const inner = this.expr(type.element, e, depth + 1);
        return inner && `${this.rt("$mapArray")}(${v}, (${e}) => ${inner})`;
      }
      case "record": {
        const inner = this.expr(type.value, e, depth + 1);
        return inner && `${this.rt("$mapRecord")}(${v}, (${e}) => ${inner})`;
      }
      case "ref": {
        if (!this.ctx.needsCodec(type.target!)) return undefined;
        const target = this.ctx.model(type.target!);
        const names = this.ctx.namesOf(target);
        return `${this.scope.import(modulePath(target), this.direction === "revive" ? names.revive : names.serialize)}(${v})`;
      }
      case "union": {
        const maps = type.members.map((m) => this.expr(m, e, depth + 1));
        if (maps.every((m) => m === undefined)) return undefined;
        let pairs = type.members.map((m, i) => ({ converts: maps[i] !== undefined, text: `[(${e}) => ${maps[i] ?? e}, (${e}, s) => ${this.checks.test(m, e)}]` }));
        // Serializing takes the first member the value belongs to, and the members that convert
        // go first. A Date also passes as a record, `any` or an object model, at any depth (an
        // array of records takes an array of Dates): written by such a member it becomes a full
        // ISO string that a date-only member cannot revive. Written by a converting member it
        // becomes what that member revives, so fromJSON(toJSON(v)) always validates.
        if (this.direction === "serialize") pairs = [...pairs.filter((p) => p.converts), ...pairs.filter((p) => !p.converts)];
        return `${this.rt(this.direction === "revive" ? "$reviveUnion" : "$serializeUnion")}(${v}, [${pairs.map((p) => p.text).join(", ")}])`;
      }
      default:
        return undefined;
    }
  }
}

export function codecStatements(model: Model, ctx: EmitContext, scope: ModuleScope, checks: CheckWriter): Statement[] {
  const names = ctx.namesOf(model);
  const rt = (name: string) => scope.import(RUNTIME_PATH, name);
  const statements: Statement[] = [];
  const needs = ctx.needsCodec(model.id);
  if (needs) {
    for (const direction of ["revive", "serialize"] as const) {
      const writer = new CodecWriter(ctx, scope, checks, direction);
      const name = direction === "revive" ? names.revive : names.serialize;
      let body: string;
      if (model.kind === "object") {
        const maps = model.fields
          .map((f) => ({ f, expr: writer.expr(f.type, "e0", 1) }))
          .filter((x) => x.expr !== undefined)
          .map((x) => `${objectLiteralKey(x.f.name)}: (e0) => ${x.expr},`);
        body = `return ${rt("$mapFields")}(v, {\n${maps.join("\n")}\n});`;
      } else if (model.kind === "union") {
        body = `return ${writer.expr({ kind: "union", members: model.members.map((m) => m.type) }, "v", 0) ?? "v"};`;
      } else body = "return v;";
      statements.push(functionDeclaration(name, ["v"], body));
    }
  }
  statements.push(
    functionDeclaration(names.fromJSON, ["text"], `return ${rt("$fromJSON")}(text, ${needs ? names.revive : "undefined"}, ${names.check}, ${stringLiteral(model.name)});`),
    functionDeclaration(names.toJSON, ["value"], `return ${rt("$toJSON")}(value, ${needs ? names.serialize : "undefined"});`),
  );
  return statements;
}

export function codecDeclarations(model: Model, ctx: EmitContext, scope: ModuleScope): Statement[] {
  const names = ctx.namesOf(model);
  const type = names.open ?? names.type;
  return [
    declareFunction(names.fromJSON, [{ name: "text", type: "string" }], `${scope.import(RUNTIME_PATH, "ValidationResult")}<${type}>`, {
      description: `Parse JSON text into a \`${model.name}\`${ctx.needsCodec(model.id) ? ", reviving dates and bigints," : ""} and validate it. Never throws.`,
    }),
    declareFunction(names.toJSON, [{ name: "value", type }], "string", { description: `JSON text for a \`${model.name}\`.` }),
  ];
}
