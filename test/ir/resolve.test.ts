/**
 * The whole-spec step (generator/ir/resolve.ts): links and italic names
 * become model ids, duplicates and dangling references are reported where
 * they are written, enum members and model names become identifiers.
 */
import { describe, expect, it } from "vitest";
import { createResolveMemo, resolveSpec } from "../../generator/ir/resolve.ts";
import type { Diagnostic, EnumModel, Model, ObjectModel, RefType } from "../../generator/ir/types.ts";
import { modelRefs } from "../../generator/ir/walk.ts";
import { parseDoc } from "../../generator/parse/doc.ts";
import { buildSpec } from "../../generator/pipeline.ts";
import { generateDocs } from "../support/generate.ts";

const ROOT = "/work/sdk/docs/models";

function objectDoc(title: string, rows: Array<[name: string, type: string]>): string {
  return [`# ${title}`, "", "## Fields", "", "| Field | Type | Required | Description |", "| ----- | ---- | -------- | ----------- |", ...rows.map(([n, t]) => `| \`${n}\` | ${t} | :heavy_check_mark: | N/A |`)].join(
    "\n",
  );
}

function enumDoc(title: string, values: string): string {
  return [`# ${title}`, "", "## Values", "", "```typescript", values, "```"].join("\n");
}

function tableEnumDoc(title: string, rows: Array<[name: string, value: string]>): string {
  return [`# ${title}`, "", "## Values", "", "| Name | Value |", "| ---- | ----- |", ...rows.map(([n, v]) => `| \`${n}\` | ${v} |`)].join("\n");
}

function unionDoc(title: string, ...members: string[]): string {
  return [`# ${title}`, "", "", "## Supported Types", "", ...members.flatMap((m) => [`### \`${m}\``, ""])].join("\n");
}

/** Parse every doc (which must parse cleanly) and resolve them. */
function resolve(docs: Record<string, string>, rootPath = ROOT) {
  const models: Model[] = [];
  for (const [path, text] of Object.entries(docs)) {
    const parsed = parseDoc(text, path);
    expect(parsed.diagnostics.filter((d) => d.severity === "error"), path).toEqual([]);
    models.push(parsed.model!);
  }
  return resolveSpec(models, rootPath);
}

function summary(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId}`);
}

function targets(model: Model | undefined): Array<string | undefined> {
  return modelRefs(model!).map((r: RefType) => r.target);
}

const byId = (models: Model[], id: string) => models.find((m) => m.id === id);

describe("links", () => {
  it("are relative to the referencing doc's folder", () => {
    const { spec, diagnostics } = resolve({
      "pair.md": objectDoc("Pair", []),
      "components/holder.md": objectDoc("Holder", [
        ["a", "[components.Item](item.md)"],
        ["b", "[models.Pair](../pair.md)"],
        ["c", "[operations.Req](../operations/req.md)"],
        ["d", "[components.Item](./item.md#anchor)"],
      ]),
      "components/item.md": objectDoc("Item", []),
      "operations/req.md": objectDoc("Req", [["back", "[components.Holder](../components/holder.md)"]]),
    });
    expect(diagnostics).toEqual([]);
    expect(targets(byId(spec.models, "components/holder"))).toEqual(["components/item", "pair", "operations/req", "components/item"]);
    expect(targets(byId(spec.models, "operations/req"))).toEqual(["components/holder"]);
  });

  it("may climb above the root and come back through its name", () => {
    const { spec, diagnostics } = resolve({
      "pair.md": objectDoc("Pair", []),
      "components/item.md": objectDoc("Item", []),
      "flat.md": objectDoc("Flat", [
        ["a", "[models.Pair](../models/pair.md)"],
        ["b", "[components.Item](../models/components/item.md)"],
      ]),
      "components/deep.md": objectDoc("Deep", [
        ["a", "[components.Item](../../models/components/item.md)"],
        ["b", "[models.Pair](../../../docs/models/pair.md)"],
      ]),
    });
    expect(diagnostics).toEqual([]);
    expect(targets(byId(spec.models, "flat"))).toEqual(["pair", "components/item"]);
    expect(targets(byId(spec.models, "components/deep"))).toEqual(["components/item", "pair"]);
  });

  it("a relative root path works like an absolute one", () => {
    const { spec, diagnostics } = resolve({ "pair.md": objectDoc("Pair", []), "a.md": objectDoc("A", [["p", "[models.Pair](../models/pair.md)"]]) }, "spec/docs/models");
    expect(diagnostics).toEqual([]);
    expect(targets(byId(spec.models, "a"))).toEqual(["pair"]);
  });

  it("a link to no doc is an error at the link", () => {
    const { diagnostics } = resolve({
      "components/a.md": objectDoc("A", [
        ["ok", "*string*"],
        ["x", "[components.Missing](missing.md)[]"],
      ]),
    });
    expect(summary(diagnostics)).toEqual(["components/a.md:8:9 error dangling-link"]);
    expect(diagnostics[0]!.message).toBe("link `missing.md` for `components.Missing` does not lead to a doc in the spec");
  });

  it("a link leaving the root is resolved by namespace and name, with a warning", () => {
    // formance-style links through a folder the spec root does not have.
    const { spec, diagnostics } = resolve({
      "ledger/volume.md": objectDoc("Volume", []),
      "pair.md": objectDoc("Pair", []),
      "ledger/account.md": objectDoc("Account", [
        ["volumes", "Record<string, Record<string, [ledger.Volume](../../../sdk/models/ledger/volume.md)>>"],
        ["pair", "[models.Pair](../../elsewhere/pair.md)"],
      ]),
    });
    expect(summary(diagnostics)).toEqual(["ledger/account.md:7:45 warning link-outside-root", "ledger/account.md:8:12 warning link-outside-root"]);
    expect(diagnostics[0]!.message).toBe("link `../../../sdk/models/ledger/volume.md` leaves the spec root; resolved `ledger.Volume` by name to `ledger/volume.md`");
    expect(targets(byId(spec.models, "ledger/account"))).toEqual(["ledger/volume", "pair"]);
  });

  it("a link leaving the root to a name that does not exist is dangling", () => {
    const { diagnostics } = resolve({ "a.md": objectDoc("A", [["x", "[ledger.Gone](../../x/ledger/gone.md)"]]) });
    expect(summary(diagnostics)).toEqual(["a.md:7:9 error dangling-link"]);
  });
});

describe("docs that did not parse", () => {
  it("references to them stay unresolved without a second error; other dangling refs are still errors", () => {
    const holder = parseDoc(
      objectDoc("Holder", [
        ["a", "[components.Broken](broken.md)"],
        ["b", "*components.Broken*"],
        ["c", "[components.Gone](gone.md)"],
      ]),
      "components/holder.md",
    ).model!;
    const { spec, diagnostics } = resolveSpec([holder], ROOT, new Set(["components/broken"]));
    expect(summary(diagnostics)).toEqual(["components/holder.md:9:9 error dangling-link"]);
    expect(targets(spec.models[0])).toEqual([undefined, undefined, undefined]);
  });

  it("the pipeline reports only the broken doc's own error", () => {
    const built = buildSpec(
      [
        { path: "components/broken.md", text: "# Broken\n\n## Fields\n\n| Field | Type |\n| - | - |" },
        { path: "components/holder.md", text: objectDoc("Holder", [["a", "[components.Broken](broken.md)"], ["b", "*components.Broken*"]]) },
      ],
      { rootPath: ROOT, enumStyle: "auto" },
    );
    expect(built.spec).toBeUndefined();
    expect(summary(built.diagnostics)).toEqual(["components/broken.md:5:1 error fields-table-header"]);
  });
});

describe("italic refs (union docs)", () => {
  it("resolve by namespace folder and lower-cased title", () => {
    const { spec, diagnostics } = resolve({
      "components/choice.md": unionDoc("Choice", "string", "components.Item"),
      "components/item.md": objectDoc("Item", []),
      "operations/holder.md": objectDoc("Holder", [
        ["a", "*components.Choice*"],
        ["b", "*components.Choice*[]"],
        ["c", "Record<string, *components.Choice*>"],
      ]),
    });
    expect(diagnostics).toEqual([]);
    expect(targets(byId(spec.models, "operations/holder"))).toEqual(["components/choice", "components/choice", "components/choice"]);
    expect(targets(byId(spec.models, "components/choice"))).toEqual(["components/item"]);
  });

  it("`models.X` and bare names are the flat root; a nested namespace is found by its last segment", () => {
    const { spec, diagnostics } = resolve({
      "choice.md": unionDoc("Choice", "string"),
      "sdk/ledger/u.md": unionDoc("U", "number"),
      "operations/holder.md": objectDoc("Holder", [
        ["a", "*models.Choice*"],
        ["b", "*Choice*"],
        ["c", "*ledger.U*"],
      ]),
    });
    expect(diagnostics).toEqual([]);
    expect(targets(byId(spec.models, "operations/holder"))).toEqual(["choice", "choice", "sdk/ledger/u"]);
  });

  it("the root folder's own name is a namespace for the root (formance `docs/sdk/models`)", () => {
    const { spec, diagnostics } = resolve({ "choice.md": unionDoc("Choice", "string"), "holder.md": objectDoc("Holder", [["a", "*shared.Choice*"]]) }, "/x/docs/shared");
    expect(diagnostics).toEqual([]);
    expect(targets(byId(spec.models, "holder"))).toEqual(["choice"]);
  });

  it("an unknown name is an error at the italic ref; union member titles too", () => {
    const { diagnostics } = resolve({
      "components/holder.md": objectDoc("Holder", [["a", "*components.Nope*"]]),
      "components/choice.md": unionDoc("Choice", "string", "components.Zip"),
      "components/other.md": objectDoc("Other", [["a", "*nowhere.Thing*"]]),
    });
    expect(summary(diagnostics)).toEqual(["components/choice.md:8:6 error unknown-type", "components/holder.md:7:9 error unknown-type", "components/other.md:7:9 error unknown-type"]);
  });

  it("linking a union doc, or naming an object in italics, is a warning", () => {
    const { spec, diagnostics } = resolve({
      "components/choice.md": unionDoc("Choice", "string"),
      "components/item.md": objectDoc("Item", []),
      "components/holder.md": objectDoc("Holder", [
        ["a", "[components.Choice](choice.md)"],
        ["b", "*components.Item*"],
      ]),
    });
    expect(summary(diagnostics)).toEqual(["components/holder.md:7:9 warning ref-kind", "components/holder.md:8:9 warning ref-kind"]);
    expect(diagnostics[1]!.message).toBe("`*components.Item*` names an object doc; those are linked");
    expect(targets(byId(spec.models, "components/holder"))).toEqual(["components/choice", "components/item"]);
  });
});

describe("model names", () => {
  it("duplicate titles in one folder are an error at the later doc, reported once", () => {
    const built = buildSpec(
      [
        { path: "components/pair.md", text: objectDoc("Pair", []) },
        { path: "components/pair-copy.md", text: objectDoc("Pair", [["x", "*string*"]]) },
      ],
      { rootPath: ROOT, enumStyle: "auto" },
    );
    expect(built.spec).toBeUndefined();
    expect(summary(built.diagnostics)).toEqual(["components/pair-copy.md:1:1 error duplicate-model"]);
    expect(built.diagnostics[0]!.message).toBe("model `Pair` is also defined in components/pair.md; names are unique within a folder");
  });

  it("titles differing only in case are duplicates too", () => {
    const { diagnostics } = resolve({ "a.md": objectDoc("Pair", []), "b.md": objectDoc("PAIR", []) });
    expect(summary(diagnostics)).toEqual(["b.md:1:1 error duplicate-model"]);
  });

  it("the same title in two folders is fine", () => {
    const { spec, diagnostics } = resolve({
      "ledger/account.md": objectDoc("Account", []),
      "payments/account.md": objectDoc("Account", []),
      "orchestration/account.md": objectDoc("Account", []),
    });
    expect(diagnostics).toEqual([]);
    expect(spec.models.map((m) => [m.id, m.name])).toEqual([
      ["ledger/account", "Account"],
      ["orchestration/account", "Account"],
      ["payments/account", "Account"],
    ]);
    expect(spec.folders).toEqual(["ledger", "orchestration", "payments"]);
  });

  it("an object referencing both: the module imports one under an alias", () => {
    const result = generateDocs([
      { path: "ledger/account.md", text: objectDoc("Account", [["id", "*string*"]]) },
      { path: "payments/account.md", text: objectDoc("Account", [["id", "*number*"]]) },
      {
        path: "payments/transfer.md",
        text: objectDoc("Transfer", [
          ["from", "[ledger.Account](../ledger/account.md)"],
          ["to", "[payments.Account](account.md)"],
          ["all", "[ledger.Account](../ledger/account.md)[]"],
        ]),
      },
    ]);
    expect(result.diagnostics).toEqual([]);
    const dts = result.files!.get("models/payments/transfer.d.ts")!;
    // The local name each module's `Account` got: one plain, one aliased with its folder.
    const local = (specifier: string) => {
      const match = new RegExp(`import type \\{ Account(?: as (\\w+))? \\} from "${specifier.replace(/[./]/g, "\\$&")}";`).exec(dts);
      expect(match, `an import of Account from ${specifier}`).not.toBeNull();
      return match![1] ?? "Account";
    };
    const ledger = local("../ledger/account.js");
    const payments = local("./account.js");
    expect([ledger, payments].sort()).toEqual(ledger === "Account" ? ["Account", "Account_payments"] : ["Account", "Account_ledger"]);
    expect(dts).toContain(`export type Transfer = {\n  from: ${ledger};\n  to: ${payments};\n  all: ${ledger}[];\n};`);
    // The JavaScript module aliases the helpers the same way.
    const js = result.files!.get("models/payments/transfer.js")!;
    const aliased = ledger === "Account" ? { specifier: "./account.js", suffix: "_payments" } : { specifier: "../ledger/account.js", suffix: "_ledger" };
    expect(js).toContain(`$isAccount as $isAccount${aliased.suffix}`);
    expect(js).toContain(`} from "${aliased.specifier}";`);
  });

  it("a referenced name that equals the referencing model's own name is aliased", () => {
    const result = generateDocs([
      { path: "ledger/account.md", text: objectDoc("Account", [["id", "*string*"]]) },
      { path: "payments/account.md", text: objectDoc("Account", [["ledger", "[ledger.Account](../ledger/account.md)"]]) },
    ]);
    expect(result.diagnostics).toEqual([]);
    const dts = result.files!.get("models/payments/account.d.ts")!;
    expect(dts).toContain('import type { Account as Account_ledger } from "../ledger/account.js";');
    expect(dts).toMatch(/export type Account = \{\n {2}ledger: Account_ledger;\n\};/);
  });

  it("titles that are not identifiers: a warning and a deterministic rename", () => {
    const { spec, diagnostics } = resolve({
      "my-model.md": objectDoc("My Model", []),
      "class.md": objectDoc("class", []),
      "1password.md": objectDoc("1Password", []),
      "ok.md": objectDoc("Ok", []),
    });
    expect(summary(diagnostics)).toEqual(["1password.md:1:1 warning model-name", "class.md:1:1 warning model-name", "my-model.md:1:1 warning model-name"]);
    expect(spec.models.map((m) => [m.id, m.name, m.title])).toEqual([
      ["1password", "_1Password", "1Password"],
      ["class", "class_", "class"],
      ["my-model", "My_Model", "My Model"],
      ["ok", "Ok", undefined],
    ]);
    expect(diagnostics[2]!.message).toBe("title `My Model` is not a valid identifier; emitted as `My_Model`");
    // Same input, same names.
    expect(resolve({ "my-model.md": objectDoc("My Model", []), "class.md": objectDoc("class", []), "1password.md": objectDoc("1Password", []), "ok.md": objectDoc("Ok", []) }).spec).toEqual(spec);
  });

  it("renamed models are still found by their title", () => {
    const { spec, diagnostics } = resolve({ "x/class.md": unionDoc("class", "string"), "x/holder.md": objectDoc("Holder", [["c", "*x.class*"]]) });
    expect(summary(diagnostics)).toEqual(["x/class.md:1:1 warning model-name"]);
    expect(targets(byId(spec.models, "x/holder"))).toEqual(["x/class"]);
  });
});

describe("enum members", () => {
  it("union-block members are named from their values", () => {
    const { spec, diagnostics } = resolve({ "e.md": enumDoc("E", '"SERVER_ERROR" | "created_at" | "-created_at" | "24h" | "*" | "TLSv1.2"'), "n.md": enumDoc("N", "0 | 42 | 101") });
    expect(diagnostics).toEqual([]);
    expect((byId(spec.models, "e") as EnumModel).members.map((m) => m.name)).toEqual(["ServerError", "CreatedAt", "MinusCreatedAt", "TwentyFourh", "Wildcard", "TLSv12"]);
    expect((byId(spec.models, "n") as EnumModel).members.map((m) => m.name)).toEqual(["Zero", "FortyTwo", "OneHundredAndOne"]);
  });

  it("values that derive the same name are numbered in order, skipping taken names", () => {
    const { spec, diagnostics } = resolve({ "e.md": enumDoc("E", '"a-b" | "a_b" | "A B" | "1" | "one" | "a b 2" | "aB"') });
    expect(diagnostics).toEqual([]);
    expect((byId(spec.models, "e") as EnumModel).members.map((m) => [m.name, m.value])).toEqual([
      ["AB", "a-b"],
      ["AB2", "a_b"],
      ["AB3", "A B"],
      ["One", "1"],
      ["One2", "one"],
      ["AB22", "a b 2"],
      ["AB4", "aB"],
    ]);
  });

  it("table names are kept; non-identifiers are renamed with a warning; duplicates are an error", () => {
    const renamed = resolve({ "t.md": tableEnumDoc("T", [["my-name", "a"], ["class", "b"], ["Ok", "c"]]) });
    expect(summary(renamed.diagnostics)).toEqual(["t.md:7:1 warning enum-member-name", "t.md:8:1 warning enum-member-name"]);
    expect((renamed.spec.models[0] as EnumModel).members.map((m) => m.name)).toEqual(["my_name", "class_", "Ok"]);

    const duplicate = resolve({ "t.md": tableEnumDoc("T", [["X", "a"], ["X", "b"]]) });
    expect(summary(duplicate.diagnostics)).toEqual(["t.md:8:1 error duplicate-enum-member"]);
  });
});

describe("resolveSpec as a function", () => {
  it("does not mutate its input and sorts models by id", () => {
    const parsed = ["z.md", "a.md", "m/b.md"].map((path) => parseDoc(objectDoc(path === "z.md" ? "Z" : path === "a.md" ? "A" : "B", [["x", "*string*"]]), path).model!);
    const before = JSON.stringify(parsed);
    const { spec } = resolveSpec(parsed, ROOT);
    expect(JSON.stringify(parsed)).toBe(before);
    expect(spec.models.map((m) => m.id)).toEqual(["a", "m/b", "z"]);
    expect(spec.folders).toEqual(["", "m"]);
    expect((spec.models[0] as ObjectModel).fields[0]!.name).toBe("x");
  });
});

describe("a resolve memo (watch mode)", () => {
  const parseAll = (docs: Record<string, string>) => Object.entries(docs).map(([path, text]) => parseDoc(text, path).model!);
  const sorted = (diagnostics: Diagnostic[]) => summary(diagnostics).sort();
  const docs = {
    "pair.md": objectDoc("Pair", [["first", "*string*"]]),
    "holder.md": objectDoc("Holder", [["p", "[Pair](pair.md)"], ["k", "[Kind](kind.md)"]]),
    "kind.md": tableEnumDoc("Kind", [["a-b", "x"]]),
    "bad-name.md": objectDoc("bad-name", []),
  };

  it("reuses the models that did not change and gives what a fresh resolve gives", () => {
    const memo = createResolveMemo();
    const models = parseAll(docs);
    const first = resolveSpec(models, ROOT, new Set(), memo);
    expect(first).toEqual(resolveSpec(models, ROOT));
    // Pair's doc is edited (a new parsed object); the others are the same objects as before.
    const edited = models.map((m) => (m.id === "pair" ? parseDoc(objectDoc("Pair", [["second", "*number*"]]), "pair.md").model! : m));
    const second = resolveSpec(edited, ROOT, new Set(), memo);
    expect(second).toEqual(resolveSpec(edited, ROOT));
    expect(byId(second.spec.models, "holder")).toBe(byId(first.spec.models, "holder"));
    expect(byId(second.spec.models, "pair")).not.toBe(byId(first.spec.models, "pair"));
    expect(sorted(second.diagnostics)).toEqual(["bad-name.md:1:1 warning model-name", "kind.md:7:1 warning enum-member-name"]);
  });

  it("starts over when what other docs can see changes: a doc removed, retitled, or broken", () => {
    const memo = createResolveMemo();
    const models = parseAll(docs);
    resolveSpec(models, ROOT, new Set(), memo);
    // Without pair.md, the unchanged holder doc now has a dangling link.
    const removed = models.filter((m) => m.id !== "pair");
    const afterRemove = resolveSpec(removed, ROOT, new Set(), memo);
    expect(afterRemove).toEqual(resolveSpec(removed, ROOT));
    expect(sorted(afterRemove.diagnostics)).toContain("holder.md:7:9 error dangling-link");
    // The same doc, broken for a moment: no error of its own from holder.
    const broken = resolveSpec(removed, ROOT, new Set(["pair"]), memo);
    expect(broken).toEqual(resolveSpec(removed, ROOT, new Set(["pair"])));
    expect(sorted(broken.diagnostics)).not.toContain("holder.md:7:9 error dangling-link");
    // Kind retitled to a union's name form and kind: holder's link now names a union.
    const retitled = [...models.filter((m) => m.id !== "kind"), parseDoc(unionDoc("Kind", "string", "number"), "kind.md").model!];
    const afterRetitle = resolveSpec(retitled, ROOT, new Set(), memo);
    expect(afterRetitle).toEqual(resolveSpec(retitled, ROOT));
    expect(sorted(afterRetitle.diagnostics)).toContain("holder.md:8:9 warning ref-kind");
  });

  it("a duplicate name is found whichever of the two docs changed", () => {
    const memo = createResolveMemo();
    const models = parseAll(docs);
    resolveSpec(models, ROOT, new Set(), memo);
    const twin = [...models, parseDoc(objectDoc("Pair", []), "pair2.md").model!];
    const result = resolveSpec(twin, ROOT, new Set(), memo);
    expect(result).toEqual(resolveSpec(twin, ROOT));
    expect(sorted(result.diagnostics)).toContain("pair2.md:1:1 error duplicate-model");
  });
});
