/**
 * `## Values` (docs-grammar.md §4), in either syntax:
 * (a) a code block holding a one-line union: `"A" | "B" | Unrecognized<string>`;
 * (b) a `| Name | Value |` table, with an optional open-enum sentence and a
 *     last `| - | \`Unrecognized<…>\` |` row.
 * Union-block member names are left empty here: naming happens once, in ir/.
 */
import type { Code, RootContent, Table } from "mdast";
import type { EnumModel } from "../ir/types.ts";
import { codeValue } from "./code-blocks.ts";
import { cellStart, inlineText, startOf } from "./inline.ts";
import type { DocMessages } from "./messages.ts";

export type EnumValues = Pick<EnumModel, "syntax" | "valueType" | "open" | "members">;

const UNRECOGNIZED = /^Unrecognized\s*<\s*(string|number)\s*>$/;
/**
 * Values are JSON strings (only JSON escapes, no raw control characters) or
 * numbers. Case matters: JSON has `\n` but no `\N`, and the marker is
 * `Unrecognized<…>` exactly as UNRECOGNIZED reads it.
 */
const BLOCK_TOKEN = /\s*(?:("(?:[^"\\\u0000-\u001f]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(Unrecognized\s*<\s*(?:string|number)\s*>)|(\|))/y;

export function readEnumValues(nodes: RootContent[], text: string, file: string, messages: DocMessages, at: { line: number; column: number }): EnumValues | undefined {
  const table = nodes.find((n): n is Table => n.type === "table");
  const code = nodes.find((n): n is Code => n.type === "code");
  if (code && !table) return readUnionBlock(code, codeValue(code, text), file, messages);
  if (table) return readValuesTable(table, nodes, text, file, messages);
  messages.error(at, "values-missing", "`## Values` has neither a union code block nor a `| Name | Value |` table");
  return undefined;
}

function readUnionBlock(code: Code, source: string, file: string, messages: DocMessages): EnumValues | undefined {
  const members: EnumValues["members"] = [];
  let open: "string" | "number" | undefined;
  const base = startOf(code);
  // Line starts, computed once (slicing the source per value was quadratic on long blocks);
  // `\r\n`, `\r` and `\n` end lines, as they do for the markdown parser.
  const lineStarts = [0];
  for (const m of source.matchAll(/\r\n?|\n/g)) lineStarts.push(m.index + m[0].length);
  const placeAt = (offset: number) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    // +1 for the fence line; columns are 1-based.
    return { line: base.line + low + 1, column: offset - lineStarts[low]! + 1 };
  };
  const end = source.trimEnd().length;
  BLOCK_TOKEN.lastIndex = 0;
  let expectValue = true;
  while (BLOCK_TOKEN.lastIndex < end) {
    const start = BLOCK_TOKEN.lastIndex;
    const match = BLOCK_TOKEN.exec(source);
    if (!match || (match[4] !== undefined) === expectValue) {
      // Point at the offending text, not at the blanks before it.
      const blanks = /^\s*/.exec(source.slice(start))![0].length;
      messages.error(placeAt(start + blanks), "enum-values-syntax", `unexpected \`${source.slice(start).trim().slice(0, 30)}\` in the values block`, 'write values as `"a" | "b"` or `1 | 2`');
      return undefined;
    }
    expectValue = match[4] !== undefined;
    const place = placeAt(match.index + match[0].length - match[0].trimStart().length);
    if (match[1] !== undefined) members.push({ name: "", value: JSON.parse(match[1]) as string, position: { file, ...place } });
    else if (match[2] !== undefined) {
      const value = Number(match[2]);
      if (!Number.isFinite(value)) {
        messages.error(place, "enum-values-syntax", `\`${match[2]}\` is not a finite number`);
        return undefined;
      }
      members.push({ name: "", value, position: { file, ...place } });
    }
    else if (match[3] !== undefined) open = UNRECOGNIZED.exec(match[3].replace(/\s+/g, ""))![1] as "string" | "number";
  }
  return finish("union-block", members, open, startOf(code), messages, file);
}

function readValuesTable(table: Table, nodes: RootContent[], text: string, file: string, messages: DocMessages): EnumValues | undefined {
  const header = table.children[0]!.children.map((c) => inlineText(c).trim());
  if (header.join("|") !== "Name|Value") {
    messages.error(startOf(table), "values-table-header", `the values table header is \`| ${header.join(" | ")} |\``, "expected `| Name | Value |`");
    return undefined;
  }
  let open: "string" | "number" | undefined;
  const sentence = nodes.find((n) => n.type === "paragraph" && /open enum/i.test(inlineText(n)));
  const sentenceKind = sentence ? /Unrecognized<(string|number)>/.exec(inlineText(sentence)) : null;
  if (sentenceKind) open = sentenceKind[1] as "string" | "number";
  const members: EnumValues["members"] = [];
  for (const row of table.children.slice(1)) {
    const place = startOf(row);
    if (row.children.length !== 2) {
      messages.error(place, "values-row-cells", `the row has ${row.children.length} cells, expected 2`);
      continue;
    }
    const [nameCell, valueCell] = row.children as [Table["children"][0]["children"][0], Table["children"][0]["children"][0]];
    const valueText = inlineText(valueCell).trim();
    const unrecognized = UNRECOGNIZED.exec(valueText);
    if (inlineText(nameCell).trim() === "-" && unrecognized) {
      open = unrecognized[1] as "string" | "number";
      continue;
    }
    const nameNode = nameCell.children.find((n) => n.type !== "text" || n.value.trim() !== "");
    if (nameNode?.type !== "inlineCode" || nameNode.value === "") {
      messages.error(cellStart(nameCell), "enum-member-name", "the Name cell must be a member name in backticks");
      continue;
    }
        members.push({ name: nameNode.value, value: valueText, position: { file, ...place } });
  }
  // Values are unquoted: the enum is numeric when every value is an integer.
  const numeric = members.length > 0 && members.every((m) => /^-?\d+$/.test(String(m.value)));
  if (numeric || open === "number") {
    for (const member of members) {
      const n = Number(member.value);
      if (!/^-?\d+(\.\d+)?$/.test(String(member.value)) || !Number.isFinite(n)) {
        messages.error(member.position, "enum-value-type", `value \`${member.value}\` is not a number in a numeric enum`);
        return undefined;
      }
      member.value = n;
    }
  }
  return finish("table", members, open, startOf(table), messages, file);
}

function finish(
  syntax: EnumValues["syntax"],
  members: EnumValues["members"],
  open: "string" | "number" | undefined,
  place: { line: number; column: number },
  messages: DocMessages,
  file: string,
): EnumValues | undefined {
  const types = new Set(members.map((m) => typeof m.value));
  if (types.size > 1) {
    messages.error(place, "enum-mixed-values", "an enum mixes string and number values");
    return undefined;
  }
  const valueType = (types.size === 1 ? [...types][0] : open ?? "string") as "string" | "number";
  if (open && open !== valueType) {
    messages.error(place, "enum-open-type", `the enum has ${valueType} values but admits Unrecognized<${open}>`);
    return undefined;
  }
  const seen = new Set<string | number>();
  for (const member of members) {
    if (seen.has(member.value)) messages.error(member.position, "duplicate-enum-value", `value ${JSON.stringify(member.value)} is listed twice`);
    seen.add(member.value);
  }
  if (members.length === 0 && !open && !messages.hasErrors) messages.warn(place, "enum-empty", `the enum has no values (${file})`);
  return { syntax, valueType, open: open !== undefined, members };
}
