/**
 * A model's runtime validation: the internal fast walk (`$isX`) and
 * issue-collecting walk (`$checkX`), and the public API around them
 * (`isX`, `validateX`, `assertX`, Standard Schema, JSON helpers).
 */
import type { EnumModel, Model, ObjectModel } from "../ir/types.ts";
import { CheckWriter, SET_THRESHOLD } from "./checks.ts";
import { RUNTIME_PATH, type EmitContext } from "./context.ts";
import { objectLiteralKey, propertyAccess, stringLiteral, valueLiteral } from "./escape.ts";
import type { ModuleScope } from "./module-scope.ts";
import { constStatement, declareConst, declareFunction, functionDeclaration, type Statement } from "./statements.ts";

/** Names that plain objects inherit from `Object.prototype`: read them as own properties only. */
const OBJECT_PROTOTYPE_NAMES = new Set([
  "__proto__",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
  "constructor",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "toString",
  "valueOf",
]);

export function validatorStatements(model: Model, ctx: EmitContext, scope: ModuleScope, writer: CheckWriter): Statement[] {
  const names = ctx.namesOf(model);
  const walks =
    model.kind === "object" ? objectWalks(model, writer) : model.kind === "enum" ? enumWalks(model, ctx, writer) : unionWalks(model, writer);
  const subject = stringLiteral(model.name);
  const rt = (name: string) => writer.rt(name);
  return [
    ...walks,
    functionDeclaration(names.is, ["value", "options"], `try {\nreturn ${names.fastIs}(value, options?.strict === true);\n} catch {\nreturn false;\n}`),
    functionDeclaration(names.validate, ["value", "options"], `return ${rt("$validate")}(${names.check}, value, options);`),
    functionDeclaration(names.assert, ["value", "options"], `${rt("$assert")}(${names.check}, value, options, ${subject});`),
    constStatement(names.schema, `${rt("$standardSchema")}(${names.validate})`),
  ];
}

function ctxGlobal(writer: CheckWriter, name: string): string {
  return writer.global(name);
}

/** Read a field as an own property: plain reads, except names `Object.prototype` also has. */
function readField(object: string, name: string, writer: CheckWriter): string {
  return OBJECT_PROTOTYPE_NAMES.has(name) ? `${writer.rt("$get")}(${object}, ${stringLiteral(name)})` : `${object}${propertyAccess(name)}`;
}

/**
 * `o`: the object whose fields are read, `v` itself when its prototype is
 * `Object.prototype` or null, else a copy of its own properties (`$own`),
 * or none for a Date, which then fails with `notObject`. Reading `$probe`
 * first (a symbol no object has, so only a proxy's trap can see it) gives
 * V8 the object's shape in this very function, and with it the prototype:
 * the check then costs nothing for the shapes a model meets.
 */
function ownObject(writer: CheckWriter, notObject: string): string[] {
  const object = ctxGlobal(writer, "Object");
  return [
    `const proto = v[${writer.rt("$probe")}] ?? ${object}.getPrototypeOf(v);`,
    `const o = proto === ${object}.prototype || proto === null ? v : ${writer.rt("$own")}(v);`,
    `if (o === undefined) ${notObject}`,
  ];
}

function objectWalks(model: ObjectModel, writer: CheckWriter): Statement[] {
  const names = { fastIs: `$is${model.name}`, check: `$check${model.name}` };
  const keys = `$keys${model.name}`;
  const notObject = `typeof v !== "object" || v === null || ${ctxGlobal(writer, "Array")}.isArray(v)`;
  const expected = stringLiteral(`${model.name} object`);

  writer.resetVars();
  const isLines = [`if (${notObject}) return false;`, ...ownObject(writer, "return false;")];
  model.fields.forEach((field, index) => {
    const f = `f${index}`;
    isLines.push(`const ${f} = ${readField("o", field.name, writer)};`);
    if (field.required) isLines.push(`if (${f} === undefined) return false;`, writer.statements(field.type, f, "is"));
    else isLines.push(writer.statements(field.type, f, "is", `${f} !== undefined`));
  });
  isLines.push(`if (s && !${writer.rt("$onlyKeys")}(o, ${keys})) return false;`, "return true;");

  writer.resetVars();
  const fail = `{\n${writer.rt("$issue")}(issues, path, ${expected}, v);\nreturn;\n}`;
  const checkLines = [`if (${notObject}) ${fail}`, ...ownObject(writer, fail)];
  model.fields.forEach((field, index) => {
    const f = `f${index}`;
    const key = stringLiteral(field.name);
    checkLines.push(`const ${f} = ${readField("o", field.name, writer)};`);
    const inner = writer.statements(field.type, f, "check");
    const missing = `${writer.rt("$issue")}(issues, path, ${stringLiteral(writer.describe(field.type))}, ${f}, ${stringLiteral(`required key ${JSON.stringify(field.name)} is missing`)});`;
    if (field.required) checkLines.push(`path.push(${key});\nif (${f} === undefined) ${missing}\nelse {\n${inner}\n}\npath.pop();`);
    else if (inner !== "") checkLines.push(`if (${f} !== undefined) {\npath.push(${key});\n${inner}\npath.pop();\n}`);
  });
  checkLines.push(`if (s) ${writer.rt("$extraKeys")}(o, ${keys}, path, issues);`);

  const keyList = model.fields.map((f) => stringLiteral(f.name)).join(", ");
  return [
    constStatement(keys, `new ${writer.global("Set")}([${keyList}])`, undefined, false),
    functionDeclaration(names.fastIs, ["v", "s"], isLines.filter((l) => l !== "").join("\n")),
    functionDeclaration(names.check, ["v", "path", "issues", "s"], checkLines.filter((l) => l !== "").join("\n")),
  ];
}

function enumWalks(model: EnumModel, ctx: EmitContext, writer: CheckWriter): Statement[] {
  const names = ctx.namesOf(model);
  const statements: Statement[] = [];
  let cond: string;
  if (model.open) {
    cond = model.valueType === "number" ? `${writer.global("Number")}.isFinite(v)` : `typeof v === "string"`;
  } else if (model.members.length > SET_THRESHOLD) {
    const values = `$values${model.name}`;
    statements.push(constStatement(values, `new ${writer.global("Set")}([${model.members.map((m) => valueLiteral(m.value)).join(", ")}])`, undefined, false));
    cond = `${values}.has(v)`;
  } else {
    cond = model.members.length ? model.members.map((m) => `v === ${valueLiteral(m.value)}`).join(" || ") : "false";
  }
  const expected = model.open
    ? `${model.valueType} (${model.name})`
    : `one of ${model.members.map((m) => valueLiteral(m.value)).join(", ") || "no values"} (${model.name})`;
  statements.push(
    functionDeclaration(names.fastIs, ["v", "s"], `return ${cond};`),
    functionDeclaration(names.check, ["v", "path", "issues", "s"], `if (!${names.fastIs}(v, s)) ${writer.rt("$issue")}(issues, path, ${stringLiteral(expected)}, v);`),
  );
  return statements;
}

function unionWalks(model: Extract<Model, { kind: "union" }>, writer: CheckWriter): Statement[] {
  const type = { kind: "union" as const, members: model.members.map((m) => m.type) };
  writer.resetVars();
  const cond = model.members.length ? writer.cond(type, "v")! : "false";
  const expected = stringLiteral(`${model.name} (${writer.describe(type)})`);
  return [
    functionDeclaration(`$is${model.name}`, ["v", "s"], `return ${cond};`),
    functionDeclaration(`$check${model.name}`, ["v", "path", "issues", "s"], `if (!$is${model.name}(v, s)) ${writer.rt("$issue")}(issues, path, ${expected}, v);`),
  ];
}

/** The public validator declarations of a model, for its `.d.ts` file. */
export function validatorDeclarations(model: Model, ctx: EmitContext, scope: ModuleScope): Statement[] {
  const names = ctx.namesOf(model);
  const type = names.open ?? names.type;
  const rt = (name: string) => scope.import(RUNTIME_PATH, name);
  const options = { name: "options", type: rt("ValidateOptions"), optional: true };
  const value = { name: "value", type: "unknown" };
  return [
    declareFunction(names.is, [value, options], `value is ${type}`, { description: `Whether \`value\` is a \`${model.name}\`. Never throws; allocates nothing when it is.` }),
    declareFunction(names.validate, [value, options], `${rt("ValidationResult")}<${type}>`, {
      description: `\`value\` as a \`${model.name}\`, or every issue found, each with its path.`,
    }),
    declareFunction(names.assert, [value, options], `asserts value is ${type}`, { description: `Throws a \`ValidationError\` listing every issue unless \`value\` is a \`${model.name}\`.` }),
    declareConst(names.schema, `${rt("StandardSchemaV1")}<${type}>`, { description: `\`${model.name}\` as a Standard Schema v1 validator.` }),
  ];
}

export { objectLiteralKey };
