/**
 * The change summary (generator/ir/changes.ts): every kind of change, in
 * model order, as JSON and as the text the CLI prints.
 */
import { describe, expect, it } from "vitest";
import { diffFacts, diffSpecs, formatChanges, specFacts } from "../../generator/ir/changes.ts";
import type { Spec } from "../../generator/ir/types.ts";
import { buildSpec } from "../../generator/pipeline.ts";

const object = (title: string, rows: Array<[name: string, type: string, required: boolean]>) =>
  [`# ${title}`, "", "## Fields", "", "| Field | Type | Required | Description |", "| --- | --- | --- | --- |", ...rows.map(([n, t, r]) => `| \`${n}\` | ${t} | ${r ? ":heavy_check_mark:" : ":heavy_minus_sign:"} | N/A |`)].join("\n");
const enumBlock = (title: string, values: string) => [`# ${title}`, "", "## Values", "", "```typescript", values, "```"].join("\n");
const union = (title: string, ...members: string[]) => [`# ${title}`, "", "## Supported Types", "", ...members.flatMap((m) => [`### \`${m}\``, ""])].join("\n");

function spec(docs: Record<string, string>): Spec {
  const built = buildSpec(Object.entries(docs).map(([path, text]) => ({ path, text })), { rootPath: "/spec", enumStyle: "auto" });
  expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return built.spec!;
}

const before = spec({
  "pair.md": object("Pair", [["key", "*string*", true], ["value", "*string*", false], ["gone", "*number*", false]]),
  "status.md": enumBlock("Status", '"on" | "off"'),
  "answer.md": union("Answer", "string", "number"),
  "old.md": object("Old", []),
  "shape.md": object("Shape", []),
});
const after = spec({
  "pair.md": object("Pair", [["key", "*number*", true], ["value", "*string*", true], ["added", "[models.Status](status.md)[]", false]]),
  "status.md": enumBlock("Status", '"on" | "paused" | Unrecognized<string>'),
  "answer.md": union("Answer", "string", "boolean"),
  "new.md": object("New", []),
  "shape.md": enumBlock("Shape", '"round"'),
});

describe("change summary", () => {
  it("lists every kind of change, model by model", () => {
    expect(diffSpecs(before, after)).toEqual([
      { kind: "union-member-removed", model: "answer", member: "number" },
      { kind: "union-member-added", model: "answer", member: "boolean" },
      { kind: "model-added", model: "new", modelKind: "object" },
      { kind: "model-removed", model: "old", modelKind: "object" },
      { kind: "field-removed", model: "pair", field: "gone" },
      { kind: "field-type-changed", model: "pair", field: "key", from: "string", to: "number" },
      { kind: "field-optionality-changed", model: "pair", field: "value", required: true },
      { kind: "field-added", model: "pair", field: "added", type: "status[]", required: false },
      { kind: "model-kind-changed", model: "shape", from: "object", to: "enum" },
      { kind: "enum-value-removed", model: "status", value: "off" },
      { kind: "enum-value-added", model: "status", value: "paused" },
      { kind: "enum-openness-changed", model: "status", open: true },
    ]);
    expect(diffSpecs(after, after)).toEqual([]);
  });

  it("compares the facts the cache keeps exactly as it compares specs, also after a round trip through JSON", () => {
    const kept = JSON.parse(JSON.stringify(specFacts(before))) as ReturnType<typeof specFacts>;
    expect(diffFacts(kept, specFacts(after))).toEqual(diffSpecs(before, after));
  });

  it("prints one line per change", () => {
    expect(formatChanges(diffSpecs(before, after))).toBe(
      [
        "12 model changes:",
        "  - answer: member number",
        "  + answer: member boolean",
        "  + new (object)",
        "  - old (object)",
        "  - pair.gone",
        "  ~ pair.key: string → number",
        "  ~ pair.value: now required",
        "  + pair.added?: status[]",
        "  ~ shape: object → enum",
        '  - status: "off"',
        '  + status: "paused"',
        "  ~ status: now open",
        "",
      ].join("\n"),
    );
    expect(formatChanges([])).toBe("no model changes\n");
  });
});
