/**
 * JSON Schema (draft 2020-12) from the IR, describing a model's JSON form:
 * dates are strings with `format`, bigints are integers or digit strings.
 * Each module holds its model's definition; `xJSONSchema()` gathers the
 * definitions it reaches at call time, so cycles between modules are fine.
 */
import type { Model, TypeExpr } from "../ir/types.ts";
import { RUNTIME_PATH, type EmitContext } from "./context.ts";
import { stringLiteral } from "./escape.ts";
import { modulePath, type ModuleScope } from "./module-scope.ts";
import { constStatement, declareFunction, functionDeclaration, type Statement } from "./statements.ts";

type Schema = Record<string, unknown>;

/** The `$defs` key of a model: its id, readable in a JSON Pointer. */
export function defKey(model: Pick<Model, "id">): string {
  return model.id.replace(/\//g, ".");
}

export function typeSchema(type: TypeExpr, ctx: EmitContext, refs: Set<string>): Schema {
  switch (type.kind) {
    case "primitive":
      return type.name === "any" ? {} : { type: type.name };
    case "bigint":
      return { anyOf: [{ type: "integer" }, { type: "string", pattern: "^-?[0-9]+$" }] };
    case "literal":
      return { const: type.value };
    case "date":
      return { type: "string", format: type.dateOnly ? "date" : "date-time" };
    case "web":
      return { description: `${type.name === "ReadableStream" ? "ReadableStream<Uint8Array>" : type.name} (not representable in JSON)` };
    case "array":
      return { type: "array", items: typeSchema(type.element, ctx, refs) };
    case "record":
      return { type: "object", additionalProperties: typeSchema(type.value, ctx, refs) };
    case "union":
      return { anyOf: uniqueSchemas(type.members.map((m) => typeSchema(m, ctx, refs))) };
    case "ref":
      refs.add(type.target!);
      return { $ref: `#/$defs/${defKey(ctx.model(type.target!))}` };
  }
}

/** Repeated union members collapse. */
function uniqueSchemas(schemas: Schema[]): Schema[] {
  const seen = new Set<string>();
  return schemas.filter((s) => {
    const key = JSON.stringify(s);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

export function modelSchema(model: Model, ctx: EmitContext, refs: Set<string>): Schema {
  const common: Schema = { title: model.name };
  if (model.description) common.description = model.description;
  if (model.deprecated) common.deprecated = true;
  switch (model.kind) {
    case "object": {
      const properties: Schema = {};
      for (const field of model.fields) {
        const schema = typeSchema(field.type, ctx, refs);
        if (field.description) schema.description = field.description;
        if (field.deprecated) schema.deprecated = true;
        Object.defineProperty(properties, field.name, { value: schema, enumerable: true, writable: true, configurable: true });
      }
      const required = model.fields.filter((f) => f.required).map((f) => f.name);
      return { ...common, type: "object", properties, ...(required.length ? { required } : {}) };
    }
    case "enum":
      if (model.open) return { ...common, type: model.valueType === "number" ? "number" : "string", examples: model.members.map((m) => m.value) };
      return { ...common, enum: model.members.map((m) => m.value) };
    case "union":
      return { ...common, anyOf: uniqueSchemas(model.members.map((m) => typeSchema(m.type, ctx, refs))) };
  }
}

/**
 * JSON text as a JS expression; doc text inside stays in string literals.
 * A `"__proto__":` key would set the prototype in a JS object literal, so it
 * is written as a computed key (JSON strings never span lines, so a line
 * starting with that key is always a key).
 */
function jsonLiteral(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`)
    .replace(/^(\s*)"__proto__":/gm, '$1["__proto__"]:');
}

export function jsonSchemaStatements(model: Model, ctx: EmitContext, scope: ModuleScope): Statement[] {
  const names = ctx.namesOf(model);
  const refs = new Set<string>();
  const schema = modelSchema(model, ctx, refs);
  const refDefs = [...refs]
    .filter((id) => id !== model.id)
    .sort()
    .map((id) => {
      const target = ctx.model(id);
      return scope.import(modulePath(target), ctx.namesOf(target).jsonDef);
    });
  const def = `{\nkey: ${stringLiteral(defKey(model))},\nschema: ${jsonLiteral(schema)},\nrefs: () => [${refDefs.join(", ")}],\n}`;
  return [
    constStatement(names.jsonDef, def),
    functionDeclaration(names.jsonSchema, [], `return ${scope.import(RUNTIME_PATH, "$jsonSchema")}(${names.jsonDef});`),
  ];
}

export function jsonSchemaDeclarations(model: Model, ctx: EmitContext, scope: ModuleScope): Statement[] {
  return [
    declareFunction(ctx.namesOf(model).jsonSchema, [], scope.import(RUNTIME_PATH, "JSONSchema"), {
      description: `The JSON Schema (draft 2020-12) of \`${model.name}\`'s JSON form, with every model it references under \`$defs\`.`,
    }),
  ];
}
