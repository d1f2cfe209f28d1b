/**
 * Relay connections over Qualys offset paging (`pageNumber`/`pageSize`, no totals, 10,000
 * record cap; docs/qualys-api.md §4).
 *
 * Cursors are opaque base64 strings encoding the absolute offset of an edge; `after` continues
 * at the next offset. A window `[offset, offset + first)` is fetched as one page
 * (`pageSize = first`, `pageNumber = offset / first`) when aligned, otherwise as the pages of
 * size `first` that cover it, concurrently.
 */
import { z } from 'zod';
import { QUALYS_LIMITS } from '../../qualys/api.js';
import { QualysRecordCapError } from '../../qualys/errors.js';

const CURSOR_PREFIX = 'offset:';

/** Largest `first` of offset-paged connections. */
export const MAX_OFFSET_PAGE_SIZE = 1000;

/** Encodes the absolute offset of an edge as an opaque cursor. */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64');
}

/** Decodes a cursor from {@link encodeOffsetCursor}; `null` when it is not one. */
export function decodeOffsetCursor(cursor: string): number | null {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (!text.startsWith(CURSOR_PREFIX)) return null;
  const digits = text.slice(CURSOR_PREFIX.length);
  if (!/^\d{1,9}$/.test(digits)) return null;
  return Number(digits);
}

/** Validation of `first` on offset-paged connections: 1..1000, null = the default. */
export const offsetFirstSchema = z
  .number()
  .int()
  .min(1, 'first must be at least 1')
  .max(MAX_OFFSET_PAGE_SIZE, `first must be at most ${MAX_OFFSET_PAGE_SIZE}`)
  .nullish();

/** Validation of `after` on offset-paged connections: a cursor this gateway issued. */
export const offsetAfterSchema = z
  .string()
  .refine((cursor) => decodeOffsetCursor(cursor) !== null, 'after is not a cursor of this connection')
  .nullish();

/** One fetched window of an offset-paged list. */
export interface OffsetWindow<T> {
  /** The items of the window, in upstream order. */
  readonly items: readonly T[];
  /** Absolute offset of `items[0]`. */
  readonly offset: number;
  /** True when the last page fetched came back full or data beyond the window arrived. */
  readonly hasNextPage: boolean;
}

/**
 * The smallest page size of at least `first` (and at most {@link MAX_OFFSET_PAGE_SIZE}) that
 * divides the record cap, so its pages tile the cap exactly and none reaches past it. The cap
 * (10,000) has 1,000 among its divisors, so one always exists for `first` <= 1,000.
 */
function capTilingPageSize(first: number, cap: number): number {
  for (let size = first; size <= MAX_OFFSET_PAGE_SIZE; size++) {
    if (cap % size === 0) return size;
  }
  return first;
}

/**
 * Fetches the window after `after` of size `first` through `fetchPage(pageNumber, pageSize)`,
 * in at most two calls: pages of `first` items (one call when aligned, two when the window
 * straddles two pages).
 *
 * The window never reaches past Qualys' 10,000-record cap: it is clipped there, and when a page
 * of `first` items would reach past the cap, pages of the smallest size >= `first` that divides
 * the cap are used instead (still at most two), and a window starting at the cap is refused.
 *
 * @throws QualysRecordCapError `QUALYS_RECORD_CAP` (no call made) when `after` points at or past record 10,000;
 *   any `QualysError` of `fetchPage`.
 */
export async function fetchOffsetWindow<T>(
  args: { first: number; after: string | null | undefined },
  endpoint: string,
  fetchPage: (pageNumber: number, pageSize: number) => Promise<readonly T[]>,
): Promise<OffsetWindow<T>> {
  const cap = QUALYS_LIMITS.offsetRecordCap;
  const start = args.after ? (decodeOffsetCursor(args.after) ?? -1) + 1 : 0;
  if (start >= cap) {
    throw QualysRecordCapError.beforeCall(
      endpoint,
      `Qualys serves only the first ${cap} records of this list; narrow the filter to reach the rest`,
    );
  }
  const end = Math.min(start + args.first, cap);
  let pageSize = args.first;
  if ((Math.floor((end - 1) / pageSize) + 1) * pageSize > cap) {
    // The last page would reach past the cap, which Qualys refuses: pages that tile it exactly,
    // never smaller than `first` (a smaller size would multiply the calls).
    pageSize = capTilingPageSize(args.first, cap);
  }
  const firstPage = Math.floor(start / pageSize);
  const lastPage = Math.floor((end - 1) / pageSize);
  const pageNumbers = Array.from({ length: lastPage - firstPage + 1 }, (_, i) => firstPage + i);
  const pages = await Promise.all(pageNumbers.map((n) => fetchPage(n, pageSize)));
  const fetched = pages.flat();
  const skip = start - firstPage * pageSize;
  const items = fetched.slice(skip, skip + (end - start));
  const lastFull = (pages.at(-1)?.length ?? 0) === pageSize;
  const beyond = fetched.length - skip > end - start;
  return { items, offset: start, hasNextPage: beyond || (items.length === end - start && lastFull) };
}

/** A Relay connection value as the relay plugin's connection objects resolve it. */
export interface ConnectionValue<N> {
  edges: { cursor: string; node: N }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/** Builds the connection of an offset window, mapping each item to its node. */
export function offsetConnection<T, N>(window: OffsetWindow<T>, toNode: (item: T) => N): ConnectionValue<N> {
  const edges = window.items.map((item, i) => ({
    cursor: encodeOffsetCursor(window.offset + i),
    node: toNode(item),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: window.hasNextPage,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
