/**
 * fast-check arbitraries driven by the IR: valid values of any model, and
 * single mutations of valid values that make them invalid at one known path.
 *
 * Also a reference oracle (`accepts`): a small, independent interpreter of
 * the documented semantics, used to pick replacement values that a type
 * surely rejects and to cross-check the generated validators.
 */
import fc from "fast-check";
import type { EnumModel, Model, ObjectModel, Spec, TypeExpr } from "../../generator/ir/types.ts";

export type Path = Array<string | number>;

export interface ValueOptions {
  /**
   * How many nested object models deep values go before optional fields
   * that reach other models are left out and arrays/records of models are
   * empty (required fields are still filled). Default 3.
   */
  maxDepth?: number;
  /** Longest array and largest record. Default 3. */
  maxLength?: number;
  /**
   * Only values whose JSON form reads back as an equal value: no web
   * objects, `any` as JSON values, no `-0`, no explicit `undefined`, and
   * union members that reviving could not tell apart are left out.
   */
  json?: boolean;
  /**
   * Also objects of other shapes that the types allow: null-prototype
   * objects and optional keys set to `undefined`. Default true unless `json`.
   */
  exotic?: boolean;
}

/** The marker for "leave this key out". */
const ABSENT: unique symbol = Symbol("absent");
type MaybeAbsent = unknown | typeof ABSENT;

/** An own data property; `__proto__` and friends stay plain keys. */
function setOwn(object: object, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function ownValue(object: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

// --- the spec as a lookup ----------------------------------------------------

export class SpecIndex {
  readonly byId: ReadonlyMap<string, Model>;
  constructor(readonly spec: Spec) {
    this.byId = new Map(spec.models.map((m) => [m.id, m]));
  }
  model(id: string): Model {
    const model = this.byId.get(id);
    if (!model) throw new Error(`no model ${id}`);
    return model;
  }
  /** The model a type refers to, when it is a ref. */
  target(type: TypeExpr): Model | undefined {
    return type.kind === "ref" ? this.model(type.target!) : undefined;
  }
}

function indexOf(spec: Spec | SpecIndex): SpecIndex {
  return spec instanceof SpecIndex ? spec : new SpecIndex(spec);
}

/** Whether a type tree holds a reference to another model (so it may recurse). */
export function hasRef(type: TypeExpr): boolean {
  switch (type.kind) {
    case "ref":
      return true;
    case "array":
      return hasRef(type.element);
    case "record":
      return hasRef(type.value);
    case "union":
      return type.members.some(hasRef);
    default:
      return false;
  }
}

/** Whether any value of the model (through refs) may hold a web object (File, Blob, …): not JSON. */
export function reachesWeb(spec: Spec | SpecIndex, id: string): boolean {
  const index = indexOf(spec);
  const seen = new Set<string>();
  const visitType = (type: TypeExpr): boolean => {
    switch (type.kind) {
      case "web":
        return true;
      case "array":
        return visitType(type.element);
      case "record":
        return visitType(type.value);
      case "union":
        return type.members.some(visitType);
      case "ref":
        return visitModel(type.target!);
      default:
        return false;
    }
  };
  const visitModel = (modelId: string): boolean => {
    if (seen.has(modelId)) return false;
    seen.add(modelId);
    const model = index.model(modelId);
    if (model.kind === "object") return model.fields.some((f) => visitType(f.type));
    if (model.kind === "union") return model.members.some((m) => visitType(m.type));
    return false;
  };
  return visitModel(id);
}

/** Whether a model's values may hold dates or bigints (through refs). */
export function reachesCodec(spec: Spec | SpecIndex, id: string): boolean {
  const index = indexOf(spec);
  const seen = new Set<string>();
  const visitType = (type: TypeExpr): boolean => {
    switch (type.kind) {
      case "date":
      case "bigint":
        return true;
      case "array":
        return visitType(type.element);
      case "record":
        return visitType(type.value);
      case "union":
        return type.members.some(visitType);
      case "ref":
        return visitModel(type.target!);
      default:
        return false;
    }
  };
  const visitModel = (modelId: string): boolean => {
    if (seen.has(modelId)) return false;
    seen.add(modelId);
    const model = index.model(modelId);
    if (model.kind === "object") return model.fields.some((f) => visitType(f.type));
    if (model.kind === "union") return model.members.some((m) => visitType(m.type));
    return false;
  };
  return visitModel(id);
}

// --- the reference oracle -------------------------------------------------------

/**
 * Whether `value` is a value of `type`, by the documented semantics, written
 * independently of the generated code. Inputs must be harmless (no throwing
 * getters or proxies) and acyclic.
 */
export function accepts(spec: Spec | SpecIndex, type: TypeExpr, value: unknown, strict = false): boolean {
  const index = indexOf(spec);
  const go = (t: TypeExpr, v: unknown): boolean => {
    switch (t.kind) {
      case "primitive":
        if (t.name === "any") return true;
        if (t.name === "number") return typeof v === "number" && Number.isFinite(v);
        return typeof v === t.name;
      case "bigint":
        return typeof v === "bigint";
      case "literal":
        return v === t.value;
      case "date":
        return v instanceof Date && !Number.isNaN(v.getTime());
      case "web": {
        const ctor = (globalThis as Record<string, unknown>)[t.name];
        return typeof ctor === "function" && v instanceof (ctor as new () => unknown);
      }
      case "array":
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i++) if (!go(t.element, v[i])) return false;
        return true;
      case "record":
        return isObjectShape(v) && Object.keys(v).every((k) => go(t.value, (v as Record<string, unknown>)[k]));
      case "union":
        return t.members.some((m) => go(m, v));
      case "ref":
        return modelAccepts(index.model(t.target!), v);
    }
  };
  const modelAccepts = (model: Model, v: unknown): boolean => {
    switch (model.kind) {
      case "enum":
        if (model.open) return model.valueType === "number" ? typeof v === "number" && Number.isFinite(v) : typeof v === "string";
        return model.members.some((m) => m.value === v);
      case "union":
        return model.members.some((m) => go(m.type, v));
      case "object": {
        if (!isObjectShape(v)) return false;
        for (const field of model.fields) {
          const f = ownValue(v, field.name);
          if (f === undefined) {
            if (field.required) return false;
          } else if (!go(field.type, f)) return false;
        }
        if (strict) {
          const known = new Set(model.fields.map((f) => f.name));
          // Unknown keys are own enumerable string keys; symbols are no data.
          if (Object.keys(v).some((k) => !known.has(k))) return false;
        }
        return true;
      }
    }
  };
  return go(type, value);
}

/** A model's id as a type. */
export function refTo(id: string): TypeExpr {
  return { kind: "ref", name: id, target: id };
}

/** An object of fields: not null, an array or a Date (a Date is its time, written to JSON as a string). */
function isObjectShape(v: unknown): v is object {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/**
 * Whether the validator rejects `value` as a whole, so that its only issue is
 * at the value's own path (not at some key inside it).
 */
export function rejectsAtRoot(spec: Spec | SpecIndex, type: TypeExpr, value: unknown): boolean {
  const index = indexOf(spec);
  switch (type.kind) {
    case "array":
      return !Array.isArray(value);
    case "record":
      return !isObjectShape(value);
    case "ref": {
      const model = index.model(type.target!);
      if (model.kind === "object") return !isObjectShape(value);
      return !accepts(index, type, value);
    }
    default:
      return !accepts(index, type, value);
  }
}

// --- valid values -----------------------------------------------------------------

const MIN_DATE = new Date("1900-01-01T00:00:00.000Z");
const MAX_DATE = new Date("2199-12-31T23:59:59.999Z");

class ValueBuilder {
  private readonly memo = new Map<string, fc.Arbitrary<unknown>>();
  private readonly building = new Set<string>();
  readonly maxDepth: number;
  readonly maxLength: number;
  readonly json: boolean;
  readonly exotic: boolean;

  constructor(
    readonly index: SpecIndex,
    options: ValueOptions,
  ) {
    this.maxDepth = options.maxDepth ?? 3;
    this.maxLength = options.maxLength ?? 3;
    this.json = options.json ?? false;
    this.exotic = options.exotic ?? !this.json;
  }

  /** Strings; inside unions that also revive dates or bigints from strings, ones that cannot look like those. */
  private string(plain: boolean): fc.Arbitrary<string> {
    const any = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ maxLength: 6, unit: "binary" }), fc.constantFrom("__proto__", "constructor", ""));
    return plain ? any : any.map((s) => (/^[-\d]/.test(s) ? `s${s}` : s));
  }

  private number(): fc.Arbitrary<number> {
    const n = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, Number.MAX_SAFE_INTEGER, -1));
    return this.json ? n.map((x) => (Object.is(x, -0) ? 0 : x)) : n;
  }

  private any(): fc.Arbitrary<unknown> {
    return this.json ? fc.jsonValue({ maxDepth: 2 }) : fc.anything({ maxDepth: 2, maxKeys: 3 }).filter((v) => v !== undefined);
  }

  private web(name: string): fc.Arbitrary<unknown> {
    if (this.json) throw new Error(`a ${name} has no JSON form`);
    switch (name) {
      case "File":
        return fc.string({ maxLength: 4 }).map((s) => new File([s], "upload.txt", { type: "text/plain" }));
      case "Blob":
        return fc.string({ maxLength: 4 }).map((s) => new Blob([s]));
      case "ReadableStream":
        return fc.constant(null).map(() => new ReadableStream<Uint8Array>());
      case "Response":
        return fc.constant(null).map(() => new Response("ok"));
      case "Request":
        return fc.constant(null).map(() => new Request("http://localhost/"));
      default:
        throw new Error(`unknown web type ${name}`);
    }
  }

  /** Values of `type` found `depth` object models below the root. */
  type(type: TypeExpr, depth: number, plainStrings = true): fc.Arbitrary<unknown> {
    const atLimit = depth >= this.maxDepth;
    switch (type.kind) {
      case "primitive":
        if (type.name === "any") return this.any();
        if (type.name === "string") return this.string(plainStrings);
        if (type.name === "number") return this.number();
        return fc.boolean();
      case "bigint":
        return fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n });
      case "literal":
        return fc.constant(type.value);
      case "date": {
        const date = fc.date({ min: MIN_DATE, max: MAX_DATE, noInvalidDate: true });
        return type.dateOnly ? date.map((d) => new Date(`${d.toISOString().slice(0, 10)}T00:00:00.000Z`)) : date;
      }
      case "web":
        return this.web(type.name);
      case "array":
        if (atLimit && hasRef(type.element)) return fc.constant([]);
        return fc.array(this.type(type.element, depth), { maxLength: this.maxLength });
      case "record":
        if (atLimit && hasRef(type.value)) return fc.constant({});
        return this.record(this.type(type.value, depth));
      case "union":
        return this.union(type.members, depth);
      case "ref":
        return this.model(this.index.model(type.target!), depth, plainStrings);
    }
  }

  private record(value: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
    const key = fc.oneof({ weight: 4, arbitrary: fc.string({ maxLength: 6 }) }, { weight: 1, arbitrary: fc.constantFrom("__proto__", "constructor", "hasOwnProperty", "toString") });
    return fc.uniqueArray(fc.tuple(key, value), { selector: (entry) => entry[0], maxLength: this.maxLength }).map((entries) => {
      const out = {};
      for (const [k, v] of entries) setOwn(out, k, v);
      return out;
    });
  }

  private union(members: TypeExpr[], depth: number): fc.Arbitrary<unknown> {
    let usable = members;
    let plainStrings = true;
    if (this.json) {
      // Reviving takes the first member that accepts the revived value: a
      // date after a string member always comes back as a string, a bigint
      // after a number or string member as that. Strings before a date or
      // bigint member must not look like one.
      usable = members.filter((m, i) => {
        const earlier = members.slice(0, i);
        if (m.kind === "date") return !earlier.some((e) => this.takesJsonStrings(e));
        if (m.kind === "bigint") return !earlier.some((e) => this.takesJsonStrings(e) || this.takesJsonNumbers(e));
        return true;
      });
      plainStrings = !members.some((m) => m.kind === "date" || m.kind === "bigint");
    }
    if (depth >= this.maxDepth) {
      const flat = usable.filter((m) => !hasRef(m));
      if (flat.length > 0) usable = flat;
    }
    if (usable.length === 0) throw new Error("union without usable members");
    return fc.oneof(...usable.map((m) => this.type(m, depth, plainStrings)));
  }

  private takesJsonStrings(type: TypeExpr): boolean {
    if (type.kind === "primitive") return type.name === "string" || type.name === "any";
    const target = this.index.target(type);
    return target?.kind === "enum" && target.open && target.valueType === "string";
  }

  private takesJsonNumbers(type: TypeExpr): boolean {
    if (type.kind === "primitive") return type.name === "number" || type.name === "any";
    const target = this.index.target(type);
    return target?.kind === "enum" && target.open && target.valueType === "number";
  }

  model(model: Model, depth: number, plainStrings = true): fc.Arbitrary<unknown> {
    switch (model.kind) {
      case "enum":
        return this.enumValues(model, plainStrings);
      case "union":
        return this.union(
          model.members.map((m) => m.type),
          depth,
        );
      case "object":
        return this.object(model, depth);
    }
  }

  private enumValues(model: EnumModel, plainStrings: boolean): fc.Arbitrary<unknown> {
    const listed = model.members.map((m) => m.value);
    if (!model.open) {
      if (listed.length === 0) throw new Error(`closed enum ${model.name} has no values`);
      return fc.constantFrom(...listed);
    }
    const other = model.valueType === "number" ? this.number() : this.string(plainStrings);
    return listed.length ? fc.oneof(fc.constantFrom(...listed), other) : other;
  }

  /** Objects of a model found `depth` object models below the root (the root is depth 0). */
  private object(model: ObjectModel, depth: number): fc.Arbitrary<unknown> {
    const level = Math.min(depth, this.maxDepth);
    const key = `${model.id}@${level}`;
    const known = this.memo.get(key);
    if (known) return known;
    if (this.building.has(key)) throw new Error(`${model.name}: required fields recurse without end`);
    this.building.add(key);
    const atLimit = depth >= this.maxDepth;
    const fields = model.fields.map((field): fc.Arbitrary<MaybeAbsent> => {
      if (!field.required && atLimit && hasRef(field.type)) return fc.constant(ABSENT);
      const value = this.type(field.type, depth + 1);
      if (field.required) return value;
      const choices: Array<fc.WeightedArbitrary<MaybeAbsent>> = [
        { weight: 5, arbitrary: value },
        { weight: 2, arbitrary: fc.constant(ABSENT) },
      ];
      if (this.exotic) choices.push({ weight: 1, arbitrary: fc.constant(undefined) });
      return fc.oneof(...choices);
    });
    const shape = this.exotic ? fc.oneof({ weight: 5, arbitrary: fc.constant("plain") }, { weight: 1, arbitrary: fc.constant("null-prototype") }) : fc.constant("plain");
    const arbitrary = fc.tuple(shape, ...fields).map(([kind, ...values]) => {
      const out = kind === "plain" ? {} : Object.create(null);
      model.fields.forEach((field, i) => {
        if (values[i] !== ABSENT) setOwn(out, field.name, values[i]);
      });
      return out as unknown;
    });
    this.building.delete(key);
    this.memo.set(key, arbitrary);
    return arbitrary;
  }
}

/** Arbitrary valid values of a model. */
export function validValue(spec: Spec | SpecIndex, id: string, options: ValueOptions = {}): fc.Arbitrary<unknown> {
  const index = indexOf(spec);
  return new ValueBuilder(index, options).model(index.model(id), 0);
}

/** Arbitrary valid values of a type (e.g. a field's). */
export function validOfType(spec: Spec | SpecIndex, type: TypeExpr, options: ValueOptions = {}): fc.Arbitrary<unknown> {
  return new ValueBuilder(indexOf(spec), options).type(type, 0);
}

// --- mutations ----------------------------------------------------------------------

export type MutationKind = "drop-required" | "wrong-primitive" | "bad-enum" | "null" | "wrong-element";

export interface Mutation {
  kind: MutationKind;
  /** Where the value was damaged: the path of the one issue validation must report. */
  path: Path;
  /** The damaged copy of the valid value (the valid value itself is left as it was). */
  value: unknown;
  /** The valid value it was made from. */
  original: unknown;
  /** What now stands at `path` (absent for `drop-required`). */
  replacement?: unknown;
  /** How many object models enclose the damaged place (0: the root value itself). */
  modelDepth: number;
}

interface Site {
  kind: MutationKind;
  path: Path;
  replacement?: unknown;
  modelDepth: number;
}

/** Replacement values; each site keeps those its type rejects outright. */
const WRONG_VALUES: readonly unknown[] = [
  "1",
  "true",
  "2020-01-01T00:00:00Z",
  // Date strings that are no JSON form of a date: no such day, no offset, no time.
  "2021-02-30",
  "2020-01-01T10:00:00",
  "2020-01-01",
  1,
  1.5,
  -7,
  true,
  false,
  7n,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  [],
  ["x"],
  {},
  new Date(Number.NaN),
  new Date(0),
  Symbol("wrong"),
  () => 1,
];

function badEnumValue(model: EnumModel): string | number {
  const values = new Set<string | number>(model.members.map((m) => m.value));
  if (model.valueType === "number") {
    let n = 9_999;
    while (values.has(n)) n++;
    return n;
  }
  const first = String(model.members[0]?.value ?? "X");
  for (const candidate of [`${first}_NOT_LISTED`, first.toLowerCase() === first ? first.toUpperCase() : first.toLowerCase(), "not-a-member"]) {
    if (!values.has(candidate)) return candidate;
  }
  return "\u0000not-a-member";
}

/** A place in a valid value where a value of `type` stands (not `any`), or a required key that can be dropped. */
interface Place {
  path: Path;
  /** Absent for a droppable required key. */
  type?: TypeExpr;
  modelDepth: number;
  inArray: boolean;
}

/** Every place of a valid value where a single change can make it invalid. */
function collectPlaces(index: SpecIndex, type: TypeExpr, value: unknown, path: Path, modelDepth: number, places: Place[], inArray: boolean): void {
  if (type.kind === "primitive" && type.name === "any") return;
  places.push({ path, type, modelDepth, inArray });
  // Go inside; union members are checked as a whole, so never inside them.
  switch (type.kind) {
    case "array":
      if (Array.isArray(value)) value.forEach((element, i) => collectPlaces(index, type.element, element, [...path, i], modelDepth, places, true));
      return;
    case "record":
      if (isObjectShape(value)) for (const key of Object.keys(value)) collectPlaces(index, type.value, (value as Record<string, unknown>)[key], [...path, key], modelDepth, places, false);
      return;
    case "ref": {
      const target = index.model(type.target!);
      if (target.kind === "object" && isObjectShape(value)) {
        for (const field of target.fields) {
          const f = ownValue(value, field.name);
          if (f === undefined) continue;
          if (field.required) places.push({ path: [...path, field.name], modelDepth: modelDepth + 1, inArray: false });
          collectPlaces(index, field.type, f, [...path, field.name], modelDepth + 1, places, false);
        }
      }
      return;
    }
    default:
      return;
  }
}

/** The mutations of one kind a place admits (one per replacement value). */
function sitesAt(index: SpecIndex, place: Place, kind: MutationKind): Site[] {
  const { path, type, modelDepth } = place;
  if (!type) return kind === "drop-required" ? [{ kind, path, modelDepth }] : [];
  switch (kind) {
    case "drop-required":
      return [];
    case "null":
      return rejectsAtRoot(index, type, null) ? [{ kind, path, replacement: null, modelDepth }] : [];
    case "bad-enum": {
      const target = index.target(type);
      return target?.kind === "enum" && !target.open ? [{ kind, path, replacement: badEnumValue(target), modelDepth }] : [];
    }
    case "wrong-primitive":
    case "wrong-element":
      if ((kind === "wrong-element") !== place.inArray) return [];
      return WRONG_VALUES.filter((wrong) => wrong !== null && rejectsAtRoot(index, type, wrong)).map((replacement) => ({ kind, path, replacement, modelDepth }));
  }
}

const KINDS: readonly MutationKind[] = ["drop-required", "wrong-primitive", "bad-enum", "null", "wrong-element"];

/** Whether a place may admit a mutation of this kind (cheap; `sitesAt` decides). */
function mayAdmit(index: SpecIndex, place: Place, kind: MutationKind): boolean {
  if (!place.type) return kind === "drop-required";
  switch (kind) {
    case "drop-required":
      return false;
    case "bad-enum": {
      const target = index.target(place.type);
      return target?.kind === "enum" && !target.open;
    }
    case "null":
      return rejectsAtRoot(index, place.type, null);
    case "wrong-element":
      return place.inArray;
    case "wrong-primitive":
      return !place.inArray;
  }
}

/** Every single mutation a value admits. */
function collectSites(index: SpecIndex, type: TypeExpr, value: unknown): Site[] {
  const places: Place[] = [];
  collectPlaces(index, type, value, [], 0, places, false);
  return places.flatMap((place) => KINDS.flatMap((kind) => sitesAt(index, place, kind)));
}

/** One mutation picked by three numbers: its kind, its place, its replacement value. */
function pickSite(index: SpecIndex, type: TypeExpr, value: unknown, picks: readonly [number, number, number], kinds: ReadonlySet<MutationKind> | undefined, minDepth: number): Site | undefined {
  const places: Place[] = [];
  collectPlaces(index, type, value, [], 0, places, false);
  const usable = places.filter((p) => p.modelDepth >= minDepth);
  // Pick a kind first so that rare kinds (a dropped key) are not drowned by many wrong values.
  const byKind = KINDS.filter((k) => !kinds || kinds.has(k))
    .map((kind) => ({ kind, places: usable.filter((p) => mayAdmit(index, p, kind)) }))
    .filter((k) => k.places.length > 0);
  for (let attempt = 0; attempt < byKind.length; attempt++) {
    const { kind, places: candidates } = byKind[(picks[0] + attempt) % byKind.length]!;
    for (let tried = 0; tried < candidates.length; tried++) {
      const sites = sitesAt(index, candidates[(picks[1] + tried) % candidates.length]!, kind);
      if (sites.length > 0) return sites[picks[2] % sites.length];
    }
  }
  return undefined;
}

/** A copy of a container with the same prototype and own properties. */
function shallowCopy(value: object): object {
  if (Array.isArray(value)) return value.slice();
  return Object.defineProperties(Object.create(Object.getPrototypeOf(value)), Object.getOwnPropertyDescriptors(value));
}

/** A copy of `root` with `edit` applied to the container at `path` minus its last key; only the containers on the path are copied. */
export function editAt(root: unknown, path: Path, edit: (container: Record<string | number, unknown>, key: string | number) => void): unknown {
  if (path.length === 0) throw new Error("editAt needs a non-empty path");
  const copy = shallowCopy(root as object) as Record<string | number, unknown>;
  let node = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    const child = shallowCopy(node[key] as object) as Record<string | number, unknown>;
    setOwn(node, String(key), child);
    node = child;
  }
  edit(node, path[path.length - 1]!);
  return copy;
}

function applySite(root: unknown, site: Site): unknown {
  if (site.kind === "drop-required") return editAt(root, site.path, (container, key) => void delete container[key]);
  if (site.path.length === 0) return site.replacement;
  return editAt(root, site.path, (container, key) => {
    if (Array.isArray(container)) container[key as number] = site.replacement;
    else setOwn(container, String(key), site.replacement);
  });
}

export interface MutationOptions extends ValueOptions {
  /** Only mutations of these kinds (values without such a place are skipped). */
  kinds?: readonly MutationKind[];
  /** Only places enclosed by at least this many object models. */
  minModelDepth?: number;
}

/** Every single mutation a valid value admits (for exhaustive checks of one value). */
export function allMutations(spec: Spec | SpecIndex, id: string, value: unknown): Mutation[] {
  const index = indexOf(spec);
  return collectSites(index, refTo(id), value).map((site) => ({ ...site, value: applySite(value, site), original: value }));
}

/**
 * Arbitrary single mutations of valid values of a model: each makes the value
 * invalid with exactly one issue, at `path`.
 */
export function mutation(spec: Spec | SpecIndex, id: string, options: MutationOptions = {}): fc.Arbitrary<Mutation> {
  const index = indexOf(spec);
  const kinds = options.kinds ? new Set(options.kinds) : undefined;
  const minDepth = options.minModelDepth ?? 0;
  return fc
    .tuple(validValue(index, id, options), fc.nat(), fc.nat(), fc.nat())
    .map(([value, pickKind, pickPlace, pickValue]) => {
      const site = pickSite(index, refTo(id), value, [pickKind, pickPlace, pickValue], kinds, minDepth);
      return site && ({ ...site, value: applySite(value, site), original: value } satisfies Mutation);
    })
    .filter((m): m is Mutation => m !== undefined);
}

export interface MultiMutation {
  /** The damaged copy: one issue at each of `paths`, none elsewhere. */
  value: unknown;
  paths: Path[];
  kinds: MutationKind[];
  original: unknown;
}

function isPrefix(a: Path, b: Path): boolean {
  return a.length <= b.length && a.every((segment, i) => segment === b[i]);
}

/**
 * Arbitrary values damaged at several places at once (up to `max`), no place
 * inside another: validation must report every one of them. `undefined`
 * when the value drawn had no two such places.
 */
export function multiMutation(spec: Spec | SpecIndex, id: string, max = 4, options: ValueOptions = {}): fc.Arbitrary<MultiMutation | undefined> {
  const index = indexOf(spec);
  return fc
    .tuple(validValue(index, id, options), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 2, maxLength: max }))
    .map(([value, picks]) => {
      const chosen: Site[] = [];
      for (const pick of picks) {
        const site = pickSite(index, refTo(id), value, pick, undefined, 0);
        if (!site || chosen.some((c) => isPrefix(c.path, site.path) || isPrefix(site.path, c.path))) continue;
        chosen.push(site);
      }
      if (chosen.length < 2) return undefined;
      let damaged = value;
      for (const site of chosen) damaged = applySite(damaged, site);
      return { value: damaged, paths: chosen.map((c) => c.path), kinds: chosen.map((c) => c.kind), original: value } satisfies MultiMutation;
    });
}

/** Whether valid values of a model (a sample of them) have two places to damage, neither inside the other. */
export function admitsSeveral(spec: Spec | SpecIndex, id: string, options: ValueOptions = {}): boolean {
  const index = indexOf(spec);
  return fc.sample(validValue(index, id, options), { numRuns: 10, seed: 1 }).some((value) => {
    const places: Place[] = [];
    collectPlaces(index, refTo(id), value, [], 0, places, false);
    return places.some((a) => places.some((b) => !isPrefix(a.path, b.path) && !isPrefix(b.path, a.path)));
  });
}

export interface ExtraKey {
  /** The value with one unknown key added to one of its model objects. */
  value: unknown;
  /** The path of the added key: strict validation reports exactly this one issue. */
  path: Path;
  original: unknown;
}

/** Places where an object of an object model stands in a valid value. */
function objectSites(index: SpecIndex, type: TypeExpr, value: unknown, path: Path, out: Array<{ path: Path; model: ObjectModel }>): void {
  switch (type.kind) {
    case "array":
      if (Array.isArray(value)) value.forEach((e, i) => objectSites(index, type.element, e, [...path, i], out));
      return;
    case "record":
      if (isObjectShape(value)) for (const key of Object.keys(value)) objectSites(index, type.value, (value as Record<string, unknown>)[key], [...path, key], out);
      return;
    case "ref": {
      const target = index.model(type.target!);
      if (target.kind !== "object" || !isObjectShape(value)) return;
      out.push({ path, model: target });
      for (const field of target.fields) {
        const f = ownValue(value, field.name);
        if (f !== undefined) objectSites(index, field.type, f, [...path, field.name], out);
      }
      return;
    }
    default:
      return;
  }
}

/** Arbitrary valid values of an object model with one unknown key added somewhere (root or nested). */
export function extraKey(spec: Spec | SpecIndex, id: string, options: ValueOptions = {}): fc.Arbitrary<ExtraKey> {
  const index = indexOf(spec);
  const name = fc.oneof(fc.constantFrom("unknownKey", "__proto__", "constructor", "hasOwnProperty", "toString", "x-extra"), fc.string({ minLength: 1, maxLength: 8 }));
  return fc
    .tuple(validValue(index, id, options), fc.nat(), name, fc.anything({ maxDepth: 1 }))
    .map(([value, pick, key, extra]) => {
      const sites: Array<{ path: Path; model: ObjectModel }> = [];
      objectSites(index, refTo(id), value, [], sites);
      if (sites.length === 0) return undefined;
      const site = sites[pick % sites.length]!;
      if (site.model.fields.some((f) => f.name === key)) return undefined;
      const add = (container: object) => setOwn(container, key, extra);
      const changed = site.path.length === 0 ? (() => {
        const copy = shallowCopy(value as object);
        add(copy);
        return copy;
      })() : editAt(value, site.path, (container, k) => {
        const inner = shallowCopy(container[k] as object);
        add(inner);
        setOwn(container, String(k), inner);
      });
      return { value: changed, path: [...site.path, key], original: value };
    })
    .filter((x): x is ExtraKey => x !== undefined);
}

// --- generated packages, imported in-process ------------------------------------------

export interface ModelApi {
  model: Model;
  /** The runtime of the package the model belongs to (its ValidationError, RFCDate, …). */
  runtime: Record<string, unknown>;
  /** The model module's exports (`isX`, `validateX`, …). */
  module: Record<string, unknown>;
  is: (value: unknown, options?: { strict?: boolean }) => boolean;
  validate: (value: unknown, options?: { strict?: boolean }) => ValidationResultLike;
  assert: (value: unknown, options?: { strict?: boolean }) => void;
  schema: { "~standard": { version: number; vendor: string; validate: (value: unknown) => unknown } };
  fromJSON: (text: string) => ValidationResultLike;
  toJSON: (value: unknown) => string;
  jsonSchema: () => Record<string, unknown>;
}

export interface IssueLike {
  path: Path;
  pointer: string;
  expected: string;
  received: string;
  message: string;
}

export type ValidationResultLike = { ok: true; value: unknown } | { ok: false; issues: IssueLike[] };

export interface LoadedPackage {
  spec: Spec;
  index: SpecIndex;
  dir: string;
  api(id: string): ModelApi;
  /** The package runtime (ValidationError, RFCDate, …). */
  runtime: Record<string, unknown>;
}

/** Generate a spec folder into a temp dir and import every model module. */
export async function loadGenerated(specRoot: string, prefix: string): Promise<LoadedPackage> {
  const { generateFolder, tempDir, writeFiles } = await import("./generate.ts");
  const { modelNames } = await import("../../generator/ir/naming.ts");
  const { join } = await import("node:path");
  const { pathToFileURL } = await import("node:url");
  const generated = generateFolder(specRoot);
  if (!generated.spec || !generated.files) throw new Error(`${specRoot}: ${generated.diagnostics.map((d) => d.message).join("; ")}`);
  const dir = tempDir(prefix);
  writeFiles(dir, generated.files);
  const spec = generated.spec;
  const apis = new Map<string, ModelApi>();
  const runtime = (await import(pathToFileURL(join(dir, "runtime", "index.js")).href)) as Record<string, unknown>;
  for (const model of spec.models) {
    const module = (await import(pathToFileURL(join(dir, "models", `${model.id}.js`)).href)) as Record<string, unknown>;
    const n = modelNames(model, "auto");
    const pick = <T>(name: string): T => {
      const value = module[name];
      if (value === undefined) throw new Error(`${model.id}.js does not export ${name}`);
      return value as T;
    };
    apis.set(model.id, {
      model,
      runtime,
      module,
      is: pick(n.is),
      validate: pick(n.validate),
      assert: pick(n.assert),
      schema: pick(n.schema),
      fromJSON: pick(n.fromJSON),
      toJSON: pick(n.toJSON),
      jsonSchema: pick(n.jsonSchema),
    });
  }
  return {
    spec,
    index: new SpecIndex(spec),
    dir,
    runtime,
    api(id) {
      const api = apis.get(id);
      if (!api) throw new Error(`no model ${id}`);
      return api;
    },
  };
}
