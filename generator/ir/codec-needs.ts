/**
 * Which models have a JSON form that differs from their value: they hold
 * dates or bigints, directly or through references (cycles included).
 */
import type { Model } from "./types.ts";
import { modelTypes, typeNodes } from "./walk.ts";

/** What the answer depends on, per model: whether it holds dates or bigints itself, and what it references. */
export interface CodecInputs {
  id: string;
  direct: boolean;
  /** The ids it references, sorted, each once. */
  targets: string[];
}

export function codecInputs(model: Model): CodecInputs {
  let direct = false;
  const targets = new Set<string>();
  for (const type of modelTypes(model)) {
    for (const node of typeNodes(type)) {
      if (node.kind === "date" || node.kind === "bigint") direct = true;
      else if (node.kind === "ref" && node.target !== undefined) targets.add(node.target);
    }
  }
  return { id: model.id, direct, targets: [...targets].sort() };
}

/** The models needing a codec: those holding dates or bigints, and everything that reaches one. */
export function codecClosure(models: readonly CodecInputs[]): Set<string> {
  const referrers = new Map<string, string[]>();
  const needs = new Set<string>();
  for (const model of models) {
    if (model.direct) needs.add(model.id);
    for (const target of model.targets) {
      const list = referrers.get(target);
      if (list) list.push(model.id);
      else referrers.set(target, [model.id]);
    }
  }
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

export function modelsNeedingCodec(models: readonly Model[]): Set<string> {
  return codecClosure(models.map(codecInputs));
}
