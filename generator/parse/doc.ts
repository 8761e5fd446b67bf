/**
 * One doc's text → one model (or none) plus diagnostics. Pure: no file
 * system, no knowledge of other docs; links stay unresolved until ir/.
 */
import type { Code, Root } from "mdast";
import type { Diagnostic, Example, Model } from "../ir/types.ts";
import { codeValue } from "./code-blocks.ts";
import { compactTables, type Compacted } from "./compact-tables.ts";
import { parseForReading } from "./elide-unread.ts";
import { readEnumValues } from "./enum-values.ts";
import { readExampleCode } from "./example-code.ts";
import { readFieldsTable } from "./fields-table.ts";
import { startOf } from "./inline.ts";
import { DocMessages } from "./messages.ts";
import { KNOWN_SECTIONS, readSkeleton, type Section } from "./skeleton.ts";
import { readUnionMembers } from "./union-members.ts";

export interface ParsedDoc {
  model?: Model;
  diagnostics: Diagnostic[];
}

const BODY_SECTIONS = ["Fields", "Values", "Supported Types"];

/** Model id and folder from a spec-relative path such as `operations/foo.md`. */
export function idOf(file: string): { id: string; folder: string } {
  const id = file.replace(/\.md$/i, "");
  const slash = id.lastIndexOf("/");
  return { id, folder: slash < 0 ? "" : id.slice(0, slash) };
}

/**
 * `read` turns the doc's text into mdast: parseForReading (remark shown as
 * little as it takes), or in tests remark's full parse, the oracle.
 */
export function parseDoc(original: string, file: string, read: (text: string) => Root = parseForReading): ParsedDoc {
  // A leading BOM is no text: remark skips one and counts positions without it (the CLI's UTF-8 decoding drops one too); more are dropped alike.
  const compact = compactTables(original.replace(/^\uFEFF+/, ""));
  const messages = new DocMessages(file, compact.text);
  let model: Model | undefined;
  try {
    model = readModel(compact.text, file, messages, read);
  } catch (error) {
    // remark and its tree walks recurse once per level: quotes or emphasis nested thousands
    // deep overflow the stack. That is a fact about the doc, not a crash of the generator.
    if (!(error instanceof RangeError)) throw error;
    messages.error(deepestLine(compact.text), "markdown-too-deep", "the doc's markdown nests too deeply to read (quotes, lists or emphasis thousands of levels deep)");
    model = undefined;
  }
  const result = { ...(model && !messages.hasErrors ? { model } : {}), diagnostics: messages.toDiagnostics() };
  mapPositions(result, compact.toOriginal);
  return result;
}

/** Where deep nesting most likely is: the line with the most quote and list markers in front, else the longest line. */
function deepestLine(text: string): { line: number; column: number } {
  const lines = text.split(/\r\n|\r|\n/);
  let best = 0;
  let bestMarkers = 0;
  lines.forEach((line, i) => {
    const markers = (/^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])))*/.exec(line)![0].match(/[>*+\-.)]/g) ?? []).length;
    if (markers > bestMarkers || (bestMarkers === 0 && line.length > lines[best]!.length)) {
      best = i;
      bestMarkers = Math.max(bestMarkers, markers);
    }
  });
  return { line: best + 1, column: 1 };
}

/** Point every position (IR nodes and diagnostics) back at the original text. */
function mapPositions(value: unknown, toOriginal: Compacted["toOriginal"]): void {
  if (typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) mapPositions(item, toOriginal);
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.line === "number" && typeof record.column === "number" && typeof record.file === "string") {
    const mapped = toOriginal(record.line, record.column);
    record.line = mapped.line;
    record.column = mapped.column;
  }
  for (const key in record) if (key !== "file") mapPositions(record[key], toOriginal);
}

function readModel(text: string, file: string, messages: DocMessages, read: (text: string) => Root): Model | undefined {
  if (text.trim() === "") {
    messages.error({ line: 1, column: 1 }, "empty-file", "the doc is empty");
    return undefined;
  }
  // Free text is masked, and unread cells, prose and lines are cut for remark (elide-unread.ts); positions are as in `text`.
  const tree = read(text);
  const skeleton = readSkeleton(tree, text, messages);
  if (!skeleton) return undefined;

  const seen = new Map<string, Section>();
  for (const section of skeleton.sections) {
    if (!(KNOWN_SECTIONS as readonly string[]).includes(section.title))
      messages.error(startOf(section.heading), "unknown-section", `unknown section \`## ${section.title}\``, `sections are ${KNOWN_SECTIONS.map((s) => `\`## ${s}\``).join(", ")}`);
    else if (seen.has(section.title)) messages.error(startOf(section.heading), "duplicate-section", `\`## ${section.title}\` appears twice`);
    else seen.set(section.title, section);
  }
  const bodies = BODY_SECTIONS.filter((title) => seen.has(title));
  if (bodies.length !== 1) {
    const at = bodies.length > 1 ? startOf(seen.get(bodies[1]!)!.heading) : startOf(skeleton.titleNode);
    messages.error(at, bodies.length ? "conflicting-sections" : "missing-body-section", bodies.length ? `a doc has exactly one of ${BODY_SECTIONS.map((s) => `\`## ${s}\``).join(", ")}; found ${bodies.join(" and ")}` : "the doc has no `## Fields`, `## Values` or `## Supported Types` section");
    return undefined;
  }

  const { id, folder } = idOf(file);
  const usage = seen.get("Example Usage");
  const usageCode = usage?.nodes.find((n): n is Code => n.type === "code");
  const code = usageCode ? readExampleCode(codeValue(usageCode, text)) : undefined;
  const importPath = code?.imports.find((i) => i.names.includes(skeleton.title))?.from;
  const example: Example | undefined =
    code?.value !== undefined && usageCode
      ? { text: code.value, ...(code.imports.length ? { imports: code.imports } : {}), position: { file, ...startOf(usageCode) } }
      : undefined;
  const common = {
    id,
    name: skeleton.title,
    folder,
    ...(skeleton.description !== undefined ? { description: skeleton.description } : {}),
    ...(skeleton.deprecated ? { deprecated: skeleton.deprecationMessage !== undefined ? { message: skeleton.deprecationMessage } : {} } : {}),
    ...(importPath !== undefined ? { importPath } : {}),
    ...(example ? { example } : {}),
    position: { file, ...startOf(skeleton.titleNode) },
  };

  const body = seen.get(bodies[0]!)!;
  const at = startOf(body.heading);
  switch (body.title) {
    case "Fields":
      return { ...common, kind: "object", fields: readFieldsTable(body.nodes, text, file, messages, at) };
    case "Values": {
      const values = readEnumValues(body.nodes, text, file, messages, at);
      return values ? { ...common, kind: "enum", ...values } : undefined;
    }
    default:
      return { ...common, kind: "union", members: readUnionMembers(body.nodes, text, file, messages, at) };
  }
}
