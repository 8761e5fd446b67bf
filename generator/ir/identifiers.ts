/** What makes a string usable as a JavaScript identifier, in one place. */

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface " +
    "package private protected public await arguments eval undefined NaN Infinity globalThis"
  ).split(" "),
);

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED.has(name);
}

/**
 * The one rule that turns any name into a safe identifier: invalid characters
 * become `_`, a leading digit gets a `_` prefix, reserved words get a `_`
 * suffix. Valid names are returned unchanged.
 */
export function toIdentifier(name: string): string {
  if (isIdentifier(name)) return name;
  let id = [...name].map((ch) => (/[\p{ID_Continue}$\u200c\u200d]/u.test(ch) ? ch : "_")).join("");
  if (id === "" || !/^[\p{ID_Start}$_]/u.test(id)) id = `_${id}`;
  return RESERVED.has(id) ? `${id}_` : id;
}

/** `Pair` → `pair`, `HTTPError` → `httpError`: the SDKs' camel case for helpers. */
export function lowerFirst(name: string): string {
  const leadingCaps = /^[A-Z]+/.exec(name)?.[0] ?? "";
  if (leadingCaps.length <= 1) return name.charAt(0).toLowerCase() + name.slice(1);
  // `HTTPError` → `httpError`: keep the last capital when a word follows it.
  const keep = leadingCaps.length < name.length && /[a-z]/.test(name.charAt(leadingCaps.length)) ? 1 : 0;
  return leadingCaps.slice(0, leadingCaps.length - keep).toLowerCase() + name.slice(leadingCaps.length - keep);
}
