/** Turning units into file texts: the part that needs ts-morph, loaded only on a cache miss. */
import type { Spec } from "../ir/types.ts";
import { barrelPlans } from "./barrels.ts";
import { EmitContext, type EmitOptions } from "./context.ts";
import { modelModule } from "./model-module.ts";
import { printFiles } from "./printer.ts";
import type { Unit } from "./units.ts";

export function printUnits(spec: Spec, options: EmitOptions, units: readonly Unit[]): Map<string, Record<string, string>> {
  const ctx = new EmitContext(spec, options);
  const plans = units.map((unit) => ({ unit, plans: unit.kind === "model" ? modelModule(unit.model, ctx) : barrelPlans(ctx, unit.folder) }));
  const texts = printFiles(plans.flatMap((p) => p.plans));
  const out = new Map<string, Record<string, string>>();
  for (const { unit, plans: files } of plans) out.set(unit.key, Object.fromEntries(files.map((f) => [f.path, texts.get(f.path)!])));
  return out;
}
