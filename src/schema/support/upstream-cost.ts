/**
 * What each field and type costs in Qualys calls, declared where the field is: field
 * `extensions.upstreamCost` ({@link FieldCost}) and type `extensions.upstreamLookup`
 * ({@link TypeLookup}). The upstream-call budget's estimator (`src/server/upstream-estimate.ts`)
 * walks an operation and reads them, so a renamed or moved field keeps its cost.
 *
 * The model: the objects at one point of a query are a {@link Slot} (how many, and where their
 * data came from: the {@link Origin}). A field with a {@link FieldRule} costs calls and yields
 * the objects below it; a field of a type with a lookup costs that lookup unless the slot's origin
 * carries it ({@link FieldCost.carriedBy}).
 */
import { QUALYS_LIMITS } from '../../qualys/api.js';
import { UNKNOWN_PLATFORM_ORDER } from '../../qualys/vocabulary.js';

/**
 * Where an object's data came from, which decides what it can answer without a lookup:
 * `full` the complete record (a `GET` by id, a catalog or asset page); `list` a job-list entry
 * (`GET /pm/v1/deploymentjobs`) or what a job list says about an asset or patch; `linkable` an
 * "available to link" entry; `result` an asset as a job result describes it; `mapped` an asset
 * from the id mapping; `ref` only the id.
 */
export type Origin = 'full' | 'list' | 'linkable' | 'result' | 'mapped' | 'ref';

/** Objects of one concrete type at one point of the query. */
export interface Slot {
  /** How many objects (summed over all parents). */
  readonly count: number;
  readonly origin: Origin;
  /** Items per parent of the list fields directly below (a connection's `first`); else assumed. */
  readonly size?: number | undefined;
}

/** What a field costs and yields, for `slot.count` parents. */
export interface FieldEstimate {
  /** Qualys calls the field makes. */
  readonly calls: number;
  /** Objects it yields (summed over the parents). */
  readonly count: number;
  /** Where their data comes from. */
  readonly origin: Origin;
  /** Items per parent of the list fields directly below. */
  readonly size?: number | undefined;
}

/**
 * A field's cost: `args` are its coerced arguments, `listSize` the items assumed in a list the
 * query does not size (0 for the estimator's certain minimum).
 */
export type FieldRule = (
  slot: Slot,
  args: Readonly<Record<string, unknown>>,
  listSize: number,
) => FieldEstimate;

/** A field's cost facts (`extensions.upstreamCost`). */
export interface FieldCost {
  /** The calls the field itself makes and the objects it yields. Default: none, and its parent's objects. */
  readonly rule?: FieldRule | undefined;
  /**
   * The origins whose payload already carries this field, so reading it costs no lookup of its
   * type; `all` for fields that never need one (the id, fields that make their own calls).
   * Default: only `full`.
   */
  readonly carriedBy?: readonly Origin[] | 'all' | undefined;
}

/** A type's lookup (`extensions.upstreamLookup`): the calls that load `n` of its objects. */
export interface TypeLookup {
  readonly lookup: (n: number) => number;
}

/** The field extension key of {@link FieldCost}. */
export const FIELD_COST_KEY = 'upstreamCost';
/** The type extension key of {@link TypeLookup}. */
export const TYPE_LOOKUP_KEY = 'upstreamLookup';

/** Field options holding a cost: `...cost({ rule })` in a Pothos field definition. */
export function cost(fieldCost: FieldCost): { extensions: { [FIELD_COST_KEY]: FieldCost } } {
  return { extensions: { [FIELD_COST_KEY]: fieldCost } };
}

/** `...carriedBy('list', 'linkable')`: the field costs no lookup when the object came from these. */
export function carriedBy(...origins: Origin[]): { extensions: { [FIELD_COST_KEY]: FieldCost } } {
  return cost({ carriedBy: origins });
}

/** `...carriedByAll`: the field never needs its object's lookup. */
export const carriedByAll = cost({ carriedBy: 'all' });

/** Type options holding a lookup: `...lookupCost((n) => n)` in a Pothos type definition. */
export function lookupCost(lookup: (n: number) => number): { extensions: { [TYPE_LOOKUP_KEY]: TypeLookup } } {
  return { extensions: { [TYPE_LOOKUP_KEY]: { lookup } } };
}

/** `ceil(n / d)`, 0 for no items. */
export const ceilDiv = (n: number, d: number): number => (n <= 0 ? 0 : Math.ceil(n / d));

/** Calls of a batched lookup of `n` ids that runs once per platform when the platform may be unknown. */
export function perPlatformBatches(n: number, batchSize: number): number {
  return UNKNOWN_PLATFORM_ORDER.length * ceilDiv(n, batchSize);
}

const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);
const len = (v: unknown): number => (Array.isArray(v) ? v.length : 0);

/** An offset-paged root list: one page, two when `after` may not fall on a page boundary. */
export const offsetPage =
  (origin: Origin): FieldRule =>
  (_slot, args) => ({ calls: args['after'] ? 2 : 1, count: 1, origin, size: num(args['first'], 20) });

/** A cursor-paged root list (`searchAfter`): one page of `first` items. */
export const cursorPage =
  (defaultSize: number): FieldRule =>
  (_slot, args) => ({ calls: 1, count: 1, origin: 'full', size: num(args['first'], defaultSize) });

/** A root lookup by id: one call, one per platform when the platform is unknown. */
export const byIdOnPlatforms: FieldRule = (_slot, args) => ({
  calls: args['platform'] ? 1 : UNKNOWN_PLATFORM_ORDER.length,
  count: 1,
  origin: 'full',
});

/** One call for the field, whatever its parents (a root lookup, a mutation). */
export const oneCall: FieldRule = () => ({ calls: 1, count: 1, origin: 'full' });

/** `calls` calls per parent, each yielding the full object (an update reads, then writes). */
export const callsPerParent =
  (calls: number): FieldRule =>
  (slot) => ({ calls: calls * slot.count, count: slot.count, origin: 'full' });

/** One call per parent (a result summary of a job or run). */
export const perParent: FieldRule = callsPerParent(1);

/** One call per parent yielding a list (a job's runs). */
export const listPerParent: FieldRule = (slot, _args, listSize) => ({
  calls: slot.count,
  count: slot.count * listSize,
  origin: 'full',
});

/**
 * A list of ids of another entity: no call here; the child's fields decide its lookup. Objects
 * listed by a job-list entry keep what the list says about them (`fromList`).
 */
export const refList =
  (fromList: Origin): FieldRule =>
  (slot, _args, listSize) => ({
    calls: 0,
    count: slot.count * listSize,
    origin: slot.origin === 'list' ? fromList : 'ref',
  });

/** One id of another entity. */
export const refOne: FieldRule = (slot) => ({ calls: 0, count: slot.count, origin: 'ref' });

/** An object described by its parent's payload with the given origin (a result's asset). */
export const describedAs =
  (origin: Origin): FieldRule =>
  (slot) => ({ calls: 0, count: slot.count, origin });

/** A mutation payload's job: the answer of the write is the full job. */
export const payloadJob: FieldRule = describedAs('full');

/** A root list sized by an id list argument, looked up `batchSize` ids per call. */
export const byIdList =
  (argument: string, batchSize: number, origin: Origin): FieldRule =>
  (_slot, args) => ({
    calls: ceilDiv(len(args[argument]), batchSize),
    count: 1,
    origin,
    size: len(args[argument]),
  });

/** The objects a parent sized by an id list holds (the mapped assets of an id mapping). */
export const sizedByParent =
  (origin: Origin): FieldRule =>
  (slot) => ({ calls: 0, count: slot.count * (slot.size ?? 0), origin });

/** The assets-per-call and other batch sizes rules use, from the client's documented limits. */
export const BATCH = QUALYS_LIMITS;
