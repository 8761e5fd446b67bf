/**
 * The committed example package's Standard Schema objects, at the type level
 * (checked by `npx tsc -p tsconfig.json`, which covers test/) and at run time.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  Category$schema,
  DunningLevel$schema,
  Pair$schema,
  PaymentReference$schema,
  SubscriptionPeriod$schema,
  isPair,
  validatePair,
  type Category,
  type DunningLevel,
  type Pair,
  type PaymentReference,
  type SubscriptionPeriod,
} from "../../generated/models/index.js";
import { TranscodePriority$schema, type TranscodePriorityOpen } from "../../generated/models/media/index.js";
import type { StandardSchemaV1, ValidationIssue, ValidationResult } from "../../generated/runtime/index.js";

describe("Standard Schema v1 (types)", () => {
  it("InferOutput and InferInput of X$schema are X", () => {
    expectTypeOf<StandardSchemaV1.InferOutput<typeof Pair$schema>>().toEqualTypeOf<Pair>();
    expectTypeOf<StandardSchemaV1.InferInput<typeof Pair$schema>>().toEqualTypeOf<Pair>();
    expectTypeOf<StandardSchemaV1.InferOutput<typeof Category$schema>>().toEqualTypeOf<Category>();
    expectTypeOf<StandardSchemaV1.InferOutput<typeof SubscriptionPeriod$schema>>().toEqualTypeOf<SubscriptionPeriod>();
    expectTypeOf<StandardSchemaV1.InferOutput<typeof PaymentReference$schema>>().toEqualTypeOf<PaymentReference>();
    expectTypeOf<StandardSchemaV1.InferOutput<typeof DunningLevel$schema>>().toEqualTypeOf<DunningLevel>();
    // Open TS enums: the output admits values the docs do not list.
    expectTypeOf<StandardSchemaV1.InferOutput<typeof TranscodePriority$schema>>().toEqualTypeOf<TranscodePriorityOpen>();
  });

  it("the `~standard` props and results have the spec's shape", () => {
    expectTypeOf(Pair$schema["~standard"].version).toEqualTypeOf<1>();
    expectTypeOf(Pair$schema["~standard"].vendor).toEqualTypeOf<string>();
    expectTypeOf(Pair$schema["~standard"].validate).parameters.toEqualTypeOf<[unknown]>();
    expectTypeOf(Pair$schema["~standard"].validate).returns.toEqualTypeOf<StandardSchemaV1.Result<Pair> | Promise<StandardSchemaV1.Result<Pair>>>();
    expectTypeOf(Pair$schema).toMatchTypeOf<StandardSchemaV1>();
  });

  it("isX narrows and validateX's result carries the type", () => {
    const value: unknown = { key: "k" };
    if (isPair(value)) expectTypeOf(value).toEqualTypeOf<Pair>();
    expectTypeOf(validatePair).returns.toEqualTypeOf<ValidationResult<Pair>>();
    const result = validatePair(value);
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<Pair>();
    else expectTypeOf(result.issues).toEqualTypeOf<readonly ValidationIssue[]>();
  });
});

describe("Standard Schema v1 (run time)", () => {
  it("validates synchronously with value or issues", () => {
    const props = Pair$schema["~standard"];
    expect(props.version).toBe(1);
    expect(props.vendor).toBe("md-model-codegen");
    expect(Object.isFrozen(Pair$schema) && Object.isFrozen(props)).toBe(true);
    const good = { key: "k", value: "v" };
    expect(props.validate(good)).toEqual({ value: good });
    const bad = props.validate({ key: 1, value: null }) as StandardSchemaV1.FailureResult;
    expect(bad.issues.map((i) => i.path)).toEqual([["key"], ["value"]]);
    expect(bad.issues.every((i) => typeof i.message === "string" && i.message !== "")).toBe(true);
    expect((Category$schema["~standard"].validate({ id: "c" }) as StandardSchemaV1.FailureResult).issues).toEqual([{ message: 'required key "name" is missing', path: ["name"] }]);
  });
});
