import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { enumMemberName } from "../../generator/ir/enum-member-names.ts";

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

describe("enumMemberName: the documented rule", () => {
  const cases: Array<[given: string | number, want: string]> = [
    // 1. integers are spelled out; negatives keep their digits after `Minus` (plex: `-1` → `Minus1`)
    [0, "Zero"],
    [42, "FortyTwo"],
    [101, "OneHundredAndOne"],
    ["0", "Zero"],
    ["42", "FortyTwo"],
    ["101", "OneHundredAndOne"],
    [1001, "OneThousandAndOne"],
    [1100, "OneThousandOneHundred"],
    [2_000_015, "TwoMillionAndFifteen"],
    [-1, "Minus1"],
    ["-1", "Minus1"],
    // 2. leading `-` and `/`, symbol-only values, `+` inside a value
    ["-created_at", "MinusCreatedAt"],
    ["/v1/users", "RootV1Users"],
    ["/", "Root"],
    ["*", "Wildcard"],
    [">=", "GreaterThanEqual"],
    [">", "GreaterThan"],
    ["<", "LessThan"],
    ["<=", "LessThanEqual"],
    ["=", "Equal"],
    ["==", "EqualEqual"],
    ["!=", "NotEqual"],
    ["+", "Plus"],
    ["-", "Minus"],
    [".", "Dot"],
    ["", "Empty"],
    [" ", "Space"],
    ["standard+id_document", "StandardPlusIdDocument"],
    // 3. leading digit runs, `.` between digits
    ["24h", "TwentyFourh"],
    ["7d", "Sevend"],
    ["2xx", "Twoxx"],
    ["6.8.4", "SixDot8Dot4"],
    [1.5, "OneDot5"],
    ["007", "ZeroZeroSeven"],
    // 4. no lower-case letter: split letters from digits and title-case each chunk
    ["SERVER_ERROR", "ServerError"],
    ["HS256", "Hs256"],
    ["ES256K", "Es256K"],
    ["A128GCMKW", "A128Gcmkw"],
    ["RSA1_5", "Rsa15"],
    ["ECDH_ES_A192KW", "EcdhEsA192Kw"],
    ["TO DO", "ToDo"],
    // 4. lower-case letters: keep each word's case, upper-case its first letter
    ["EdDSA", "EdDSA"],
    ["created_at", "CreatedAt"],
    ["TLSv1.2", "TLSv12"],
    ["user:read", "UserRead"],
    ["urn:ietf:params:oauth:token-type:jwt", "UrnIetfParamsOauthTokenTypeJwt"],
    // non-ASCII letters are kept; what cannot start an identifier gets a prefix
    ["élan_vital", "ÉlanVital"],
    ["日本語", "日本語"],
    ["٣", "Value٣"],
    ["½", "U00BD"],
  ];

  it.each(cases)("%j → %s", (given, want) => {
    expect(enumMemberName(given)).toBe(want);
  });
});

describe("enumMemberName: properties", () => {
  const symbolic = fc.string({ unit: fc.constantFrom(..."-/+.*<>=!_ :aZ09é٣\u0301\ud800") });
  const anything = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), symbolic, fc.integer(), fc.double());

  it("always returns a valid identifier, without throwing", () => {
    fc.assert(fc.property(anything, (value) => IDENTIFIER.test(enumMemberName(value))), { numRuns: 5000 });
  });

  it("is deterministic", () => {
    fc.assert(fc.property(anything, (value) => enumMemberName(value) === enumMemberName(value)));
  });

  it("names an integer the same whether given as a number or as its digits", () => {
    fc.assert(fc.property(fc.integer(), (n) => enumMemberName(n) === enumMemberName(String(n))));
  });
});

const CORPORA = fileURLToPath(new URL("../../../shared/corpora/", import.meta.url));
const haveCorpora = existsSync(CORPORA);
const skipped = haveCorpora ? "" : ` (skipped: ${CORPORA} not found)`;

function* markdownFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* markdownFiles(path);
    else if (entry.name.endsWith(".md")) yield path;
  }
}

/** The lines after `## Values`, up to the next heading. */
function valuesSection(path: string): string[] {
  const lines = readFileSync(path, "utf8").split("\n");
  const start = lines.indexOf("## Values");
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && line.startsWith("#"));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
const NUMBER_WORDS = /^(Minus|Zero|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety|Hundred|Thousand|Million|And|\d)+$/;

/**
 * Names the doc authors chose by hand (`x-speakeasy-enums`, e.g. plex's
 * `PreferForced = 1`): no rule can derive them from the value. Judged without
 * the rule under test: an integer's name is not made of number words, or a
 * plain word value's name does not spell the same letters.
 */
function isHandNamed(name: string, value: string): boolean {
  if (/^-?\d+$/.test(value)) return !NUMBER_WORDS.test(name);
  return /^\p{L}[\p{L}\p{N}_ -]*$/u.test(value) && squash(name) !== squash(value);
}

describe.skipIf(!haveCorpora)(`enumMemberName on real SDK names${skipped}`, () => {
  it("reproduces the names in plex and formance `| Name | Value |` tables", () => {
    const pairs: Array<{ name: string; value: string }> = [];
    for (const spec of ["plex-59ed98b/docs/models", "formance-afc7c62/docs/sdk/models"]) {
      for (const path of markdownFiles(join(CORPORA, spec))) {
        for (const line of valuesSection(path)) {
          if (!line.startsWith("| `")) continue; // header, separator and `| - | Unrecognized<…> |` rows
          const [name = "", value = ""] = line.slice(1, -1).split(" | ").map((cell) => cell.trim());
          pairs.push({ name: name.replace(/`/g, ""), value });
        }
      }
    }
    expect(pairs.length).toBeGreaterThan(500);

    const name = (value: string) => enumMemberName(/^-?\d+$/.test(value) ? Number(value) : value);
    const misses = pairs.filter((p) => name(p.value) !== p.name);
    const derivable = pairs.filter((p) => !isHandNamed(p.name, p.value));
    const derivableMisses = derivable.filter((p) => name(p.value) !== p.name);
    const rate = 1 - misses.length / pairs.length;
    const derivableRate = 1 - derivableMisses.length / derivable.length;
    console.log(
      `enum member names: ${(rate * 100).toFixed(1)}% of ${pairs.length} rows; ` +
        `${(derivableRate * 100).toFixed(1)}% of the ${derivable.length} not named by hand\n` +
        [...derivableMisses, ...misses.filter((p) => !derivableMisses.includes(p))]
          .slice(0, 15)
          .map((p) => `  ${JSON.stringify(p.value)} → ${name(p.value)}, real ${p.name}${isHandNamed(p.name, p.value) ? " (by hand)" : ""}`)
          .join("\n"),
    );
    expect(derivableRate).toBeGreaterThanOrEqual(0.95);
    expect(rate).toBeGreaterThanOrEqual(0.9); // the rest are hand-chosen names
  });

  it("gives distinct names within every union-block enum of authlete, polar and apideck", () => {
    let enums = 0;
    for (const corpus of readdirSync(CORPORA).filter((c) => /^(authlete|polar|apideck)-/.test(c))) {
      for (const path of markdownFiles(join(CORPORA, corpus, "docs/models"))) {
        const block = valuesSection(path).find((line) => /^["\d-]/.test(line));
        if (!block) continue;
        // `"a" | "b" | 3 | Unrecognized<string>`: JSON strings and bare numbers.
        const values = [...block.matchAll(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?=\s*(?:\||$))/g)].map((m) => JSON.parse(m[0]) as string | number);
        const names = values.map(enumMemberName);
        expect(new Set(names).size, `${path}: ${names.join(", ")}`).toBe(names.length);
        for (const n of names) expect(n).toMatch(IDENTIFIER);
        enums++;
      }
    }
    expect(enums).toBeGreaterThan(100);
  });
});
