/**
 * Which models have a JSON form that differs from their value: they hold
 * dates or bigints, directly or through references (cycles included).
 */
import type { Model } from "./types.ts";
import { modelTypes, typeNodes } from "./walk.ts";

export function modelsNeedingCodec(models: readonly Model[]): Set<string> {
  const referrers = new Map<string, string[]>();
  const needs = new Set<string>();
  for (const model of models) {
    for (const type of modelTypes(model)) {
      for (const node of typeNodes(type)) {
        if (node.kind === "date" || node.kind === "bigint") needs.add(model.id);
        else if (node.kind === "ref" && node.target !== undefined) {
          const list = referrers.get(node.target);
          if (list) list.push(model.id);
          else referrers.set(node.target, [model.id]);
        }
      }
    }
  }
  // Everything that reaches a model with dates or bigints needs conversion too.
  const queue = [...needs];
  while (queue.length > 0) {
    for (const referrer of referrers.get(queue.pop()!) ?? []) {
      if (!needs.has(referrer)) {
        needs.add(referrer);
        queue.push(referrer);
      }
    }
  }
  return needs;
}
