/** What makes a string usable as a JavaScript identifier, in one place. */

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface " +
    "package private protected public await arguments eval undefined NaN Infinity globalThis"
  ).split(" "),
);

/**
 * Characters that Node may call identifier characters but TypeScript may
 * not: the letters Unicode 16 and 17 added inside the BMP, and everything
 * outside the BMP, where new scripts arrive. TypeScript's scanner knows
 * Unicode 15.1 (newer letters are "Invalid character" to it), and Node's
 * tables follow its ICU, so the same docs would give different names on
 * different Node versions. Names keep to the portable rest.
 */
const UNPORTABLE = "[^\\u0000-\\uffff]|[\\u088f\\u0897\\u0c5c\\u0cdc\\u1acf-\\u1add\\u1ae0-\\u1aeb\\u1c89\\u1c8a\\ua7cb-\\ua7cf\\ua7d2\\ua7d4\\ua7da-\\ua7dc\\ua7f1]";
const ID_START = new RegExp(`^(?!${UNPORTABLE})[\\p{ID_Start}$_]$`, "u");
const ID_PART = new RegExp(`^(?!${UNPORTABLE})[\\p{ID_Continue}$\\u200c\\u200d]$`, "u");

/** Whether one character (code point) may start a portable identifier. */
export function isIdentifierStart(ch: string): boolean {
  return ID_START.test(ch);
}

/** Whether one character (code point) may continue a portable identifier. */
export function isIdentifierPart(ch: string): boolean {
  return ID_PART.test(ch);
}

/** Identifier syntax alone (reserved words included). */
export function isIdentifierSyntax(name: string): boolean {
  const chars = [...name];
  return chars.length > 0 && isIdentifierStart(chars[0]!) && chars.every((ch, i) => i === 0 || isIdentifierPart(ch));
}

export function isIdentifier(name: string): boolean {
  return isIdentifierSyntax(name) && !RESERVED.has(name);
}

/**
 * The one rule that turns any name into a safe identifier: invalid characters
 * become `_`, a leading digit gets a `_` prefix, reserved words get a `_`
 * suffix. Valid names are returned unchanged.
 */
export function toIdentifier(name: string): string {
  if (isIdentifier(name)) return name;
  let id = [...name].map((ch) => (isIdentifierPart(ch) ? ch : "_")).join("");
  if (id === "" || !isIdentifierStart([...id][0]!)) id = `_${id}`;
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
