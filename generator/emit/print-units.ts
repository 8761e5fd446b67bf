/** Turning units into file texts: plans for each unit, printed by printer.ts (which loads ts-morph only for files its memo lacks). */
import type { Spec } from "../ir/types.ts";
import { barrelPlans } from "./barrels.ts";
import { EmitContext, type EmitOptions } from "./context.ts";
import { modelModule } from "./model-module.ts";
import { printFiles } from "./printer.ts";
import type { Unit } from "./units.ts";

export interface PrintedUnits {
  /** Unit key → the files that unit produced. */
  units: Map<string, Record<string, string>>;
  /** Shape key → skeleton of each file printed (printer.ts). */
  skeletons: Map<string, string>;
  printedByTsMorph: number;
}

/**
 * @param spec the models printing may look at: the units' models and those
 *   they reference (a barrel's folder needs its members).
 * @param codecs the models needing JSON codecs, when `spec` is not the whole spec.
 */
export function printUnits(spec: Spec, options: EmitOptions, units: readonly Unit[], memo?: ReadonlyMap<string, string>, codecs?: ReadonlySet<string>): PrintedUnits {
  const ctx = new EmitContext(spec, options, codecs);
  const plans = units.map((unit) => ({ unit, plans: unit.kind === "model" ? modelModule(unit.model, ctx) : barrelPlans(ctx, unit.folder) }));
  const printed = printFiles(
    plans.flatMap((p) => p.plans),
    memo,
  );
  const out = new Map<string, Record<string, string>>();
  for (const { unit, plans: files } of plans) out.set(unit.key, Object.fromEntries(files.map((f) => [f.path, printed.texts.get(f.path)!])));
  return { units: out, skeletons: printed.skeletons, printedByTsMorph: printed.printedByTsMorph };
}
