/**
 * The same docs always give the same bytes: generating twice, or with the
 * docs given in another order, yields byte-identical files in the same order.
 */
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readSpec } from "../../generator/cli/read-spec.ts";
import type { EnumStyle } from "../../generator/ir/naming.ts";
import type { SourceDoc } from "../../generator/pipeline.ts";
import { generateDocs } from "../support/generate.ts";
import { PROJECT_ROOT } from "../support/shared.ts";

const SPEC_ROOT = join(PROJECT_ROOT, "spec");

function objectDoc(title: string, rows: Array<[name: string, type: string]>): string {
  return [`# ${title}`, "", `${title} description.`, "", "## Fields", "", "| Field | Type | Required | Description |", "| ----- | ---- | -------- | ----------- |", ...rows.map(([n, t]) => `| \`${n}\` | ${t} | :heavy_check_mark: | N/A |`)].join("\n");
}

/** A small spec with cross-folder refs, same-name models, aliases, helpers and codecs. */
const SMALL: SourceDoc[] = [
  { path: "ledger/account.md", text: objectDoc("Account", [["id", "*string*"], ["opened", "[Date](https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Date)"]]) },
  { path: "payments/account.md", text: objectDoc("Account", [["balance", "*BigInt*"]]) },
  {
    path: "payments/transfer.md",
    text: objectDoc("Transfer", [
      ["to", "[payments.Account](account.md)"],
      ["from", "[ledger.Account](../ledger/account.md)"],
      ["tags", "Record<string, *string*[]>"],
      ["choice", "*payments.Choice*"],
      ["status", "[payments.Status](status.md)"],
    ]),
  },
  { path: "payments/choice.md", text: ["# Choice", "", "", "## Supported Types", "", "### `payments.Account`", "", "### `ledger.Account[]`", "", "### `string`", ""].join("\n") },
  { path: "payments/status.md", text: ["# Status", "", "## Values", "", "```typescript", '"b" | "a" | "c" | "a-b" | "a_b" | Unrecognized<string>', "```"].join("\n") },
  { path: "payments/level.md", text: ["# Level", "", "## Values", "", "| Name | Value |", "| ---- | ----- |", "| `High` | 2 |", "| `Low` | 1 |"].join("\n") },
  { path: "pair.md", text: objectDoc("Pair", [["self", "[models.Pair](pair.md)"], ["transfer", "[payments.Transfer](payments/transfer.md)"]]) },
];

function generate(docs: readonly SourceDoc[], enumStyle: EnumStyle = "auto"): Map<string, string> {
  const result = generateDocs([...docs], { enumStyle });
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return result.files!;
}

/** Files as an ordered list of [path, text]: order and bytes both count. */
const entries = (files: Map<string, string>) => [...files.entries()];

describe("determinism", () => {
  it("the same docs twice give identical files, in the same order", () => {
    const first = generate(SMALL);
    const second = generate(SMALL);
    expect(entries(second)).toEqual(entries(first));
    expect([...first.keys()]).toEqual([...first.keys()].sort());
  });

  it("the docs in reverse order give identical files", () => {
    expect(entries(generate([...SMALL].reverse()))).toEqual(entries(generate(SMALL)));
  });

  it("any order of the docs gives identical files (property, 15 runs)", () => {
    const expected = entries(generate(SMALL));
    fc.assert(
      fc.property(fc.shuffledSubarray(SMALL, { minLength: SMALL.length, maxLength: SMALL.length }), (docs) => {
        expect(entries(generate(docs))).toEqual(expected);
      }),
      { numRuns: 15, seed: 42 },
    );
  });

  it.each(["auto", "const-object", "ts-enum", "string-union"] as const)("enum style %s is deterministic too", (style) => {
    expect(entries(generate([...SMALL].reverse(), style))).toEqual(entries(generate(SMALL, style)));
  });

  it("the project's spec/ in reverse order gives identical files", () => {
    const read = readSpec(SPEC_ROOT);
    expect(read.diagnostics).toEqual([]);
    const inOrder = generateDocs(read.docs, { rootPath: SPEC_ROOT, packageName: "md-model-codegen-example" });
    const reversed = generateDocs([...read.docs].reverse(), { rootPath: SPEC_ROOT, packageName: "md-model-codegen-example" });
    expect(inOrder.files).toBeDefined();
    expect(entries(reversed.files!)).toEqual(entries(inOrder.files!));
  });

  it("the spec root's absolute location does not leak into the output", () => {
    const a = generateDocs(SMALL, { rootPath: "/a/docs/models" });
    const b = generateDocs(SMALL, { rootPath: "/somewhere/else/docs/models" });
    expect(entries(b.files!)).toEqual(entries(a.files!));
  });
});
