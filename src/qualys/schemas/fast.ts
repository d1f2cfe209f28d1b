/**
 * Compiled normalisers for the largest wire payloads: the same checks and normalisations as
 * their zod schemas (`common.ts` and the schema modules stay the specification), written as
 * plain functions that normalise the freshly parsed JSON in place.
 *
 * Why: zod 4 builds a transformed deep copy of every field of every item. For a job run's result
 * summary (one item per asset, 45 fields each, 6 MB for the 50 jobs of a dashboard) that cost
 * about 7x `JSON.parse` of the same bytes, and its garbage was a third of the gateway's CPU.
 * The functions here walk the parsed value once and replace only the fields whose form changes
 * (numeric strings, `null` lists, absent values), so a valid payload costs a fraction of that.
 *
 * Equivalence is tested, not assumed: `test/qualys/fast-schemas.test.ts` runs every registered
 * normaliser and its zod schema over the seed samples, simulator payloads and mutated variants,
 * and requires the same output, or both to reject. On a rejection {@link parseWire} runs the zod
 * schema, so the logged issues are zod's (and a normaliser stricter than its schema can never
 * lose a valid payload).
 */
import type { z } from 'zod';

/** Returned by a normaliser for a value its schema rejects. */
export const INVALID: unique symbol = Symbol('invalid wire value');

/** A normaliser: the normalised value, or {@link INVALID}. May mutate (and return) `value`. */
export type Normaliser<T> = (value: unknown) => T | typeof INVALID;

const NUMERIC_STRING = /^\s*-?\d+(\.\d+)?\s*$/;

/** `numberish`: a finite number, or a numeric string. */
export function numberishValue(v: unknown): number | typeof INVALID {
  if (typeof v === 'number') return Number.isFinite(v) ? v : INVALID;
  if (typeof v === 'string' && NUMERIC_STRING.test(v)) return Number(v.trim());
  return INVALID;
}

/** `z.string()`. */
export const string: Normaliser<string> = (v) => (typeof v === 'string' ? v : INVALID);

/** `optionalString`: absent and `null` become `null`. */
export const optionalString: Normaliser<string | null> = (v) =>
  v === undefined || v === null ? null : typeof v === 'string' ? v : INVALID;

/** `optionalNumber`: absent, `null` and `""` become `null`. */
export const optionalNumber: Normaliser<number | null> = (v) =>
  v === undefined || v === null || v === '' ? null : numberishValue(v);

/** `epochMs`: absent, `null` and `0` become `null`. */
export const epochMs: Normaliser<number | null> = (v) => {
  if (v === undefined || v === null) return null;
  const n = numberishValue(v);
  return n === 0 ? null : n;
};

/** `optionalBoolean`: `"true"`/`"false"` accepted; absent and `null` become `null`. */
export const optionalBoolean: Normaliser<boolean | null> = (v) => {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return INVALID;
};

/** A 0/1, boolean or null flag: absent and `null` become `null`, numbers `!== 0`. */
export const flag: Normaliser<boolean | null> = (v) => {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v;
  const n = numberishValue(v);
  return n === INVALID ? INVALID : n !== 0;
};

/** `nullableList(item)`: absent and `null` become `[]`; the items are normalised in place. */
export function nullableList<T>(item: Normaliser<T>): Normaliser<T[]> {
  return (v) => {
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) return INVALID;
    for (let i = 0; i < v.length; i++) {
      const out = item(v[i]);
      if (out === INVALID) return INVALID;
      v[i] = out;
    }
    return v as T[];
  };
}

/** `stringOrList`: a string list Qualys sometimes sends as one string; absent, `null` and `""` become `[]`. */
export const stringOrList: Normaliser<string[]> = (v) => {
  if (v === undefined || v === null || v === '') return [];
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) return INVALID;
  for (const item of v) if (typeof item !== 'string') return INVALID;
  return v as string[];
};

/** The fields of an object and their normalisers. */
export type Shape = Readonly<Record<string, Normaliser<unknown>>>;

type Output<S extends Shape> = { [K in keyof S]: Exclude<ReturnType<S[K]>, typeof INVALID> };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `z.looseObject(shape)`: unknown keys are kept; the known ones are normalised in place. */
export function looseObject<S extends Shape>(shape: S): Normaliser<Output<S> & Record<string, unknown>> {
  const keys = Object.keys(shape);
  const normalisers = keys.map((k) => shape[k] as Normaliser<unknown>);
  return (v) => {
    if (!isRecord(v)) return INVALID;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const out = (normalisers[i] as Normaliser<unknown>)(v[key]);
      if (out === INVALID) return INVALID;
      // zod leaves an absent key absent when its output is `undefined`.
      if (out !== undefined || key in v) v[key] = out;
    }
    return v as Output<S> & Record<string, unknown>;
  };
}

/** `z.object(shape)`: a new object with the known keys only (zod strips unknown keys). */
export function object<S extends Shape>(shape: S): Normaliser<Output<S>> {
  const keys = Object.keys(shape);
  const normalisers = keys.map((k) => shape[k] as Normaliser<unknown>);
  return (v) => {
    if (!isRecord(v)) return INVALID;
    const result: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const out = (normalisers[i] as Normaliser<unknown>)(v[key]);
      if (out === INVALID) return INVALID;
      if (out !== undefined || key in v) result[key] = out;
    }
    return result as Output<S>;
  };
}

/** `schema.nullish().transform((v) => v ?? null)`. */
export function nullOr<T>(item: Normaliser<T>): Normaliser<T | null> {
  return (v) => (v === undefined || v === null ? null : item(v));
}

const registry = new WeakMap<z.ZodType, Normaliser<unknown>>();

/**
 * Registers `normaliser` as the compiled form of `schema` (same output, same rejections; see the
 * module comment). Returns `schema`, so a schema module can export it as before.
 */
export function withCompiled<S extends z.ZodType>(schema: S, normaliser: Normaliser<z.output<S>>): S {
  registry.set(schema, normaliser as Normaliser<unknown>);
  return schema;
}

/** The compiled normaliser registered for `schema`, if any (tests). */
export function compiledOf(schema: z.ZodType): Normaliser<unknown> | undefined {
  return registry.get(schema);
}

/**
 * Parses a freshly decoded JSON value (it may be mutated) with `schema`: through its compiled
 * normaliser when one is registered, falling back to zod when the normaliser rejects (so the
 * issues are zod's). Shape: zod's `safeParse` result.
 */
export function parseWire<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  const compiled = registry.get(schema);
  if (compiled !== undefined) {
    const out = compiled(input);
    if (out !== INVALID) return { success: true, data: out as z.output<S> };
  }
  return schema.safeParse(input);
}
