/**
 * Member names for enums whose docs list only values (union blocks), derived
 * the way Speakeasy's TypeScript SDKs name them (docs-grammar.md §4). Pure:
 * the same value always gives the same name, and every input gives a valid
 * JavaScript identifier.
 */

import { isIdentifierPart, isIdentifierSyntax } from "./identifiers.ts";

// Word characters: anything that may continue an identifier, except connector
// punctuation such as `_`, which separates words like any other symbol.
// Only portable identifier characters count (see identifiers.ts).
const WORD_CHAR = /^(?!\p{Pc})\p{ID_Continue}$/u;

/** Symbol-only values are named by their symbols, one word per character… */
const SYMBOL_WORDS: Record<string, string> = {
  " ": "Space", "!": "Exclamation", '"': "Quote", "#": "Hash", $: "Dollar", "%": "Percent", "&": "Ampersand",
  "'": "Apostrophe", "(": "LeftParen", ")": "RightParen", "*": "Asterisk", "+": "Plus", ",": "Comma",
  "-": "Minus", ".": "Dot", "/": "Slash", ":": "Colon", ";": "Semicolon", "<": "LessThan", "=": "Equal",
  ">": "GreaterThan", "?": "Question", "@": "At", "[": "LeftBracket", "\\": "Backslash", "]": "RightBracket",
  "^": "Caret", _: "Underscore", "`": "Backtick", "{": "LeftBrace", "|": "Pipe", "}": "RightBrace", "~": "Tilde",
};
/** …except these, whose meaning is more than the sum of their characters. */
const SYMBOL_VALUES: Record<string, string> = { "": "Empty", "*": "Wildcard", "/": "Root", "!=": "NotEqual" };

/** A leading `-` (descending sort keys) or `/` (paths) becomes a word. */
const PREFIXES: Record<string, string> = { "-": "Minus", "/": "Root" };

export function enumMemberName(value: string | number): string {
  const text = typeof value === "number" ? numberText(value) : value;
  return toSafeIdentifier(nameOf(text));
}

function nameOf(value: string): string {
  const chars = [...value];
  if (!chars.some(isWordChar)) {
    return SYMBOL_VALUES[value] ?? chars.map((ch) => SYMBOL_WORDS[ch] ?? codePointWord(ch)).join("");
  }
  // Upper-case-only values (`SERVER_ERROR`, `HS256`) are title-cased chunk by
  // chunk; values with lower-case letters keep the case they were written in.
  const shout = !/\p{Ll}/u.test(value);
  const prefix = PREFIXES[chars[0]!];
  if (prefix) return prefix + splitWords(chars.slice(1), false).map((w) => caseWord(w, shout, true)).join("");

  const words = splitWords(chars, /^[0-9]/.test(value));
  const digits = /^[0-9]+/.exec(words[0]!)?.[0];
  if (!digits) return words.map((w) => caseWord(w, shout, true)).join("");
  // A leading number is spelled out, and the letter after it is not capitalized: `24h` → `TwentyFourh`.
  const [first, ...rest] = words;
  return spellDigits(digits) + caseWord(first!.slice(digits.length), shout, false) + rest.map((w) => caseWord(w, shout, true)).join("");
}

/** Splits on non-word characters; `+` reads as `Plus`, and `.` between digits as `Dot` when asked. */
function splitWords(chars: string[], dots: boolean): string[] {
  const words: string[] = [];
  let word = "";
  chars.forEach((ch, i) => {
    if (isWordChar(ch)) {
      word += ch;
      return;
    }
    if (word) words.push(word);
    word = "";
    if (ch === "+") words.push("Plus");
    else if (dots && ch === "." && isDigit(chars[i - 1]) && isDigit(chars[i + 1])) words.push("Dot");
  });
  if (word) words.push(word);
  return words;
}

function caseWord(word: string, shout: boolean, capitalize: boolean): string {
  if (!shout) return capitalize ? upperFirst(word) : word;
  // `A128GCMKW` → `A` `128` `GCMKW` → `A128Gcmkw`.
  const chunks = word.match(/\p{N}+|\P{N}+/gu) ?? [];
  return chunks.map((c, i) => (capitalize || i > 0 ? upperFirst(c.toLowerCase()) : c.toLowerCase())).join("");
}

function upperFirst(word: string): string {
  const [first = "", ...rest] = [...word];
  return first.toUpperCase() + rest.join("");
}

const SMALL = "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen Seventeen Eighteen Nineteen".split(" ");
const TENS = " Ten Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split(" ");
const SCALES = ["", "Thousand", "Million", "Billion", "Trillion", "Quadrillion", "Quintillion"];

/**
 * British English with `And` (`101` → `OneHundredAndOne`, `1001` →
 * `OneThousandAndOne`). Leading zeros are spelled so `07` and `7` stay apart;
 * runs too long to have a scale word are spelled digit by digit.
 */
function spellDigits(digits: string): string {
  const zeros = /^0*/.exec(digits)![0].length;
  const significant = digits.slice(zeros);
  if (!significant) return "Zero".repeat(zeros);
  if (significant.length > SCALES.length * 3) return [...digits].map((d) => SMALL[Number(d)]).join("");

  const groups: number[] = [];
  for (let end = significant.length; end > 0; end -= 3) groups.push(Number(significant.slice(Math.max(0, end - 3), end)));
  let words = spellGroup(groups[0]!);
  let and = groups[0]! > 0 && groups[0]! < 100;
  for (let i = 1; i < groups.length; i++) {
    if (groups[i] === 0) continue;
    words = spellGroup(groups[i]!) + SCALES[i] + (words && and ? "And" : "") + words;
    and = false;
  }
  return "Zero".repeat(zeros) + words;
}

/** 0–999; empty for 0 because a zero group is silent inside a larger number. */
function spellGroup(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  let words = hundreds ? `${SMALL[hundreds]}Hundred${rest ? "And" : ""}` : "";
  if (rest >= 20) words += TENS[Math.floor(rest / 10)]! + (rest % 10 ? SMALL[rest % 10] : "");
  else if (rest) words += SMALL[rest];
  return words;
}

/** Integers in full decimal (never `1e+21`); other numbers as JavaScript prints them. */
function numberText(n: number): string {
  return Number.isInteger(n) ? BigInt(n).toString() : String(n);
}

/** Anything still not an identifier (a leading mark or non-ASCII digit) gets a `Value` prefix. */
function toSafeIdentifier(name: string): string {
  if (isIdentifierSyntax(name)) return name;
  return "Value" + [...name].filter(isIdentifierPart).join("");
}

function codePointWord(ch: string): string {
  return `U${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

function isWordChar(ch: string): boolean {
  return WORD_CHAR.test(ch) && isIdentifierPart(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}
