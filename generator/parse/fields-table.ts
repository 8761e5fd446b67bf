/**
 * The `## Fields` table (docs-grammar.md §3):
 * `| Field | Type | Required | Description [| Example] |`.
 */
import type { PhrasingContent, RootContent, Table, TableCell } from "mdast";
import type { Field } from "../ir/types.ts";
import { cellSource, cellStart, inlineText, startOf } from "./inline.ts";
import type { DocMessages } from "./messages.ts";
import { cleanDescription, cleanExampleCell } from "./text.ts";
import { parseTypeCell } from "./type-cell.ts";

export const FIELDS_HEADER = ["Field", "Type", "Required", "Description"];
/** The Required markers. Written exactly so (blanks aside), a cell is read from the source: remark is not shown it (elide-unread.ts). */
export const REQUIRED: Readonly<Record<string, boolean>> = { ":heavy_check_mark:": true, ":heavy_minus_sign:": false };
/** `: warning: ** DEPRECATED **: message<br/><br/>original`, as the docs write it. */
const DEPRECATED_PREFIX = /^:\s*warning\s*:\s*\*\*\s*DEPRECATED\s*\*\*\s*:\s*/i;

export function readFieldsTable(nodes: RootContent[], text: string, file: string, messages: DocMessages, at: { line: number; column: number }): Field[] {
  const tables = nodes.filter((n): n is Table => n.type === "table");
  const table = tables[0];
  if (!table) {
    messages.error(at, "fields-table-missing", "`## Fields` has no table", "add a `| Field | Type | Required | Description |` table");
    return [];
  }
  if (tables.length > 1) messages.warn(startOf(tables[1]), "fields-extra-table", "only the first table of `## Fields` is read");
  const header = table.children[0]!.children.map((cell) => inlineText(cell).trim());
  const hasExample = header.length === 5 && header[4] === "Example";
  if (header.length < 4 || header.slice(0, 4).join("|") !== FIELDS_HEADER.join("|") || (header.length === 5 && !hasExample) || header.length > 5) {
    messages.error(
      startOf(table),
      "fields-table-header",
      `the fields table header is \`| ${header.join(" | ")} |\``,
      "expected `| Field | Type | Required | Description |`, optionally followed by `| Example |`",
    );
    return [];
  }

  const fields: Field[] = [];
  const seen = new Map<string, number>();
  for (const row of table.children.slice(1)) {
    const place = startOf(row);
    if (row.children.length !== header.length) {
      messages.error(place, "fields-row-cells", `the row has ${row.children.length} cells, the header has ${header.length}`, "escape `|` inside a cell as `\\|`");
      continue;
    }
    const [nameCell, typeCell, requiredCell, descriptionCell, exampleCell] = row.children as [TableCell, TableCell, TableCell, TableCell, TableCell?];
    const name = plainFieldName(cellSource(nameCell, text)) ?? fieldName(nameCell.children);
    if (!name) {
      messages.error(cellStart(nameCell), "field-name", "the Field cell must be a name in backticks, like `` `name` `` or `` ~~`name`~~ ``");
      continue;
    }
    const previous = seen.get(name.name);
    if (previous !== undefined) {
      messages.error(cellStart(nameCell), "duplicate-field", `field \`${name.name}\` is listed twice (first on line ${previous})`);
      continue;
    }
    seen.set(name.name, place.line);

    // A marker as written is plain text in markdown too (no escapes, no emphasis inside a word).
    const source = cellSource(requiredCell, text);
    const requiredText = Object.hasOwn(REQUIRED, source) ? source : inlineText(requiredCell).trim();
    const required = Object.hasOwn(REQUIRED, requiredText) ? REQUIRED[requiredText] : undefined;
    if (required === undefined) {
      messages.error(cellStart(requiredCell), "field-required-marker", `unknown Required marker \`${requiredText}\``, "use `:heavy_check_mark:` or `:heavy_minus_sign:`");
      continue;
    }
    const type = parseTypeCell(typeCell.children, file, cellStart(typeCell), text);
    if (!type.ok) {
      messages.error(type.error, "type-syntax", type.error.message, "see the Type cell grammar in the README");
      continue;
    }

    let rawDescription = cellSource(descriptionCell, text);
    let deprecatedMessage: string | undefined;
    const prefix = DEPRECATED_PREFIX.exec(rawDescription);
    if (prefix) {
      const rest = rawDescription.slice(prefix[0].length);
      const split = /<br\s*\/?>\s*<br\s*\/?>/i.exec(rest);
      deprecatedMessage = cleanDescription(split ? rest.slice(0, split.index) : rest);
      rawDescription = split ? rest.slice(split.index + split[0].length) : "";
    }
    const description = cleanDescription(rawDescription);
    const example = exampleCell ? cleanExampleCell(cellSource(exampleCell, text)) : undefined;
    fields.push({
      name: name.name,
      type: type.type,
      required,
      ...(description !== undefined ? { description } : {}),
      ...(name.deprecated || prefix ? { deprecated: deprecatedMessage !== undefined ? { message: deprecatedMessage } : {} } : {}),
      ...(example !== undefined ? { example: { text: example, position: { file, ...cellStart(exampleCell) } } } : {}),
      position: { file, ...place },
    });
  }
  return fields;
}

/**
 * A Field cell that is one plain code span, `` `name` ``, read from the
 * source: remark is not shown it (elide-unread.ts). The content holds no
 * backtick, backslash or pipe, so it means in markdown what it says
 * (code spans have no escapes; GFM unescapes `\|` in cells).
 */
export function plainFieldName(source: string): { name: string; deprecated: false } | undefined {
  const match = PLAIN_CODE_SPAN.exec(source);
  if (!match) return undefined;
  let name = match[1]!;
  // CommonMark: one space is stripped from each side when both have one and not all is space.
  if (name.length >= 2 && name.startsWith(" ") && name.endsWith(" ") && name.trim() !== "") name = name.slice(1, -1);
  return name === "" ? undefined : { name, deprecated: false };
}

const PLAIN_CODE_SPAN = /^`([^`\\|\n]+)`$/;

/** `` `name` `` or `` ~~`name`~~ ``; anything else is not a field name. */
function fieldName(nodes: PhrasingContent[]): { name: string; deprecated: boolean } | undefined {
  const meaningful = nodes.filter((n) => !(n.type === "text" && n.value.trim() === ""));
  if (meaningful.length !== 1) return undefined;
  const node = meaningful[0]!;
  if (node.type === "inlineCode") return node.value === "" ? undefined : { name: node.value, deprecated: false };
  if (node.type === "delete") {
    const inner = fieldName(node.children);
    return inner ? { name: inner.name, deprecated: true } : undefined;
  }
  return undefined;
}
