/**
 * Turning doc cell and paragraph markdown into clean description text:
 * `<br/>` becomes a line break, HTML entities are decoded, markdown backslash
 * escapes are removed. The result is still markdown (links are kept); the
 * emitters decide how to make it safe for their target.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  mdash: "\u2014",
  ndash: "\u2013",
  hellip: "\u2026",
  laquo: "\u00ab",
  raquo: "\u00bb",
  copy: "\u00a9",
  reg: "\u00ae",
  trade: "\u2122",
};

/** Decode `&name;`, `&#123;` and `&#x7B;`; unknown or invalid ones stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});/g, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** CommonMark: a backslash before ASCII punctuation escapes it. */
export function removeBackslashEscapes(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** `<br/>`, `<br>` and `<br />` (any case) become line breaks. */
export function breaksToNewlines(text: string): string {
  return text.replace(/<br\s*\/?>/gi, "\n");
}

/**
 * Clean a description (a table cell or prose) written in doc markdown.
 * `N/A` and empty text mean "no description".
 */
export function cleanDescription(raw: string): string | undefined {
  const text = decodeEntities(removeBackslashEscapes(breaksToNewlines(raw)))
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trim();
  if (text === "" || text === "N/A") return undefined;
  return text;
}

/** An Example cell: same cleaning, but `<nil>`, empty and N/A are kept apart. */
export function cleanExampleCell(raw: string): string | undefined {
  const text = decodeEntities(removeBackslashEscapes(breaksToNewlines(raw.trim())));
  return text === "" ? undefined : text;
}
