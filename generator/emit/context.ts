/** What every emitter needs to know about the whole spec. */
import { enumForm, modelNames, type EnumStyle, type ModelNames } from "../ir/naming.ts";
import type { Model, Spec } from "../ir/types.ts";
import { modelsNeedingCodec } from "../ir/codec-needs.ts";

export interface EmitOptions {
  /** The generated package's name in its package.json. */
  packageName: string;
  packageVersion?: string;
  enumStyle: EnumStyle;
}

export const RUNTIME_PATH = "runtime/index";

export class EmitContext {
  private readonly byId: Map<string, Model>;
  private readonly names = new Map<string, ModelNames>();
  private codecs: ReadonlySet<string> | undefined;

  /**
   * @param spec the whole spec, or the models printing some units looks at
   *   (ir/codec-needs then needs the whole spec's answer: `codecs`).
   */
  constructor(
    readonly spec: Spec,
    readonly options: EmitOptions,
    codecs?: ReadonlySet<string>,
  ) {
    this.codecs = codecs;
    this.byId = new Map(spec.models.map((m) => [m.id, m]));
  }

  model(id: string): Model {
    const model = this.byId.get(id);
    if (!model) throw new Error(`internal: unresolved model id ${id}`);
    return model;
  }

  namesOf(model: Model): ModelNames {
    let names = this.names.get(model.id);
    if (!names) this.names.set(model.id, (names = modelNames(model, this.options.enumStyle)));
    return names;
  }

  /** Whether a model's JSON form differs from its value (dates, bigints). */
  needsCodec(id: string): boolean {
    this.codecs ??= modelsNeedingCodec(this.spec.models);
    return this.codecs.has(id);
  }

  enumForm(model: Extract<Model, { kind: "enum" }>) {
    return enumForm(model, this.options.enumStyle);
  }
}
