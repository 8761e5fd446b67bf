/**
 * The only place where doc-derived text enters generated code. Everything a
 * doc says ends up as an escaped string literal, a quoted property name, or
 * a sanitized comment: never as code.
 */
import { isIdentifier } from "../ir/identifiers.ts";

/** A JS/TS string literal for any string, including U+2028/U+2029 and lone surrogates. */
export function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** A literal for an enum or literal-type value. */
export function valueLiteral(value: string | number | boolean): string {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return Number.isFinite(value) ? (Object.is(value, -0) ? "0" : String(value)) : "0";
  return value ? "true" : "false";
}

/** A property name in an object type or literal: bare when safe, quoted otherwise. */
export function propertyKey(name: string): string {
  return isIdentifier(name) || /^(?:0|[1-9]\d{0,14})$/.test(name) ? name : stringLiteral(name);
}

/** A key in a JS object literal: `__proto__` must be computed, or it would set the prototype. */
export function objectLiteralKey(name: string): string {
  return name === "__proto__" ? `[${stringLiteral(name)}]` : propertyKey(name);
}

/** A property access: `.name` when safe, `["name"]` otherwise. */
export function propertyAccess(name: string): string {
  return isIdentifier(name) ? `.${name}` : `[${stringLiteral(name)}]`;
}

/**
 * Text for inside a `/** … *\/` block: no comment terminator, no control
 * characters, no line separators that some tools treat as newlines, and no
 * `@` at a line start that would read as a JSDoc tag.
 */
export function commentText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[\u2028\u2029]/g, "\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/\*\//g, "*\\/")
    .replace(/\/\*/g, "/\\*")
    .split("\n")
    .map((line) => line.replace(/^(\s*)@/, "$1\\@").trimEnd())
    .join("\n")
    .trim();
}

/** A whole JSDoc block (with the given indent), or "" when there is nothing to say. */
export function jsDoc(parts: { description?: string | undefined; deprecated?: { message?: string } | undefined; tags?: string[] }, indent = ""): string {
  const lines: string[] = [];
  if (parts.description) lines.push(...commentText(parts.description).split("\n"));
  if (parts.deprecated) {
    if (lines.length) lines.push("");
    const message = parts.deprecated.message ? commentText(parts.deprecated.message).replace(/\n+/g, " ") : "";
    lines.push(message ? `@deprecated ${message}` : "@deprecated");
  }
  for (const tag of parts.tags ?? []) lines.push(tag);
  if (lines.length === 0) return "";
  return `${indent}/**\n${lines.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)).join("\n")}\n${indent} */\n`;
}
