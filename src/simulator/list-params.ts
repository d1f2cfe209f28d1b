/**
 * Parameters shared by the list endpoints: `platform`, offset paging (`pageNumber` from 0,
 * `pageSize` default 10, the 10,000-record cap answered with errorCode 2501 — docs/qualys-api.md §4),
 * `sort` (a JSON array string like `[{"name":"asc"}]`, §4) and `attributes` projection.
 *
 * @module
 */

import { badParameter, SimulatorErrorCode, SimulatorHttpError } from './errors.js';
import type { Platform } from './fleet/types.js';
import { type JsonObject, type JsonValue, readPath } from './json.js';

/** Largest number of records offset paging reaches (docs/qualys-api.md §4: "a maximum of 10,000 records"). */
export const OFFSET_PAGING_RECORD_LIMIT = 10_000;

/** An offset page request. */
export interface OffsetPage {
  /** 0-based page index. */
  readonly pageNumber: number;
  /** Records per page, >= 1. */
  readonly pageSize: number;
}

/** One sort key. */
export interface SortKey {
  /** Dotted field path of the wire object. */
  readonly field: string;
  readonly descending: boolean;
}

const DIGITS = /^\d+$/;

/**
 * Parses a non-negative integer parameter.
 *
 * @param name - parameter name, for the error message.
 * @param raw - the raw value; `null`/`undefined`/`''` give `fallback`.
 * @param fallback - default value.
 * @throws SimulatorHttpError 400 (9001) when not a non-negative integer.
 */
export function parseNonNegativeInt(
  name: string,
  raw: string | number | null | undefined,
  fallback: number,
): number {
  if (raw === null || raw === undefined || raw === '') {
    return fallback;
  }
  if (typeof raw === 'number' ? !Number.isSafeInteger(raw) || raw < 0 : !DIGITS.test(raw)) {
    throw badParameter(`Invalid ${name} '${raw}': expected a non-negative integer`);
  }
  return Number(raw);
}

/**
 * Parses the `platform` parameter (case-sensitive, docs/qualys-api.md §1).
 *
 * @param raw - the raw value.
 * @param fallback - used when absent; `null` makes the parameter required.
 * @throws SimulatorHttpError 400 (9001) when missing (and required) or not `Windows`/`Linux`.
 */
export function parsePlatform(raw: string | null, fallback: Platform | null): Platform {
  if (raw === null || raw === '') {
    if (fallback === null) {
      throw badParameter("Missing required parameter 'platform': expected Windows or Linux");
    }
    return fallback;
  }
  if (raw !== 'Windows' && raw !== 'Linux') {
    throw badParameter(`Invalid platform '${raw}': expected Windows or Linux (case-sensitive)`);
  }
  return raw;
}

/**
 * Parses offset paging and enforces the record cap.
 *
 * @param pageNumber - raw `pageNumber` (default 0).
 * @param pageSize - raw `pageSize` (default `defaultPageSize`).
 * @param options - `defaultPageSize` (10 unless given) and an optional `maxPageSize`.
 * @throws SimulatorHttpError 400 (9001) on a malformed value or `pageSize` 0; 400 (9003) above
 * `maxPageSize`; 400 with errorCode 2501 when `(pageNumber + 1) * pageSize` exceeds 10,000.
 */
export function parseOffsetPage(
  pageNumber: string | number | null | undefined,
  pageSize: string | number | null | undefined,
  options: { readonly defaultPageSize?: number; readonly maxPageSize?: number } = {},
): OffsetPage {
  const page = {
    pageNumber: parseNonNegativeInt('pageNumber', pageNumber, 0),
    pageSize: parsePageSize(pageSize, options),
  };
  if ((page.pageNumber + 1) * page.pageSize > OFFSET_PAGING_RECORD_LIMIT) {
    throw new SimulatorHttpError(
      400,
      SimulatorErrorCode.OFFSET_LIMIT,
      `Offset paging is limited to ${OFFSET_PAGING_RECORD_LIMIT} records: pageNumber ${page.pageNumber} with pageSize ${page.pageSize} goes beyond it`,
    );
  }
  return page;
}

/**
 * Parses a `pageSize`.
 *
 * @param raw - raw value.
 * @param options - `defaultPageSize` (10 unless given), optional `maxPageSize`.
 * @throws SimulatorHttpError 400 (9001) when malformed or 0, 400 (9003) above the maximum.
 */
export function parsePageSize(
  raw: string | number | null | undefined,
  options: { readonly defaultPageSize?: number; readonly maxPageSize?: number } = {},
): number {
  const size = parseNonNegativeInt('pageSize', raw, options.defaultPageSize ?? 10);
  if (size === 0) {
    throw badParameter('Invalid pageSize 0: expected at least 1');
  }
  if (options.maxPageSize !== undefined && size > options.maxPageSize) {
    throw new SimulatorHttpError(
      400,
      SimulatorErrorCode.LIMIT_EXCEEDED,
      `pageSize ${size} exceeds the maximum of ${options.maxPageSize}`,
    );
  }
  return size;
}

/**
 * The items of one offset page.
 *
 * @param items - all matching items, in order.
 * @param page - the page.
 */
export function slicePage<T>(items: readonly T[], page: OffsetPage): T[] {
  const start = page.pageNumber * page.pageSize;
  return items.slice(start, start + page.pageSize);
}

/**
 * Parses `sort`: a JSON array of single-key objects, e.g. `[{"vendorSeverity":"asc"}]`.
 *
 * @param raw - the raw parameter (or body value: a string or an already-parsed array).
 * @returns the keys; `[]` when absent.
 * @throws SimulatorHttpError 400 (9001) when it is not such an array or a direction is not asc/desc.
 */
export function parseSort(raw: unknown): SortKey[] {
  if (raw === null || raw === undefined || raw === '') {
    return [];
  }
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw badParameter(`Invalid sort '${raw}': expected a JSON array such as [{"name":"asc"}]`);
    }
  }
  if (!Array.isArray(parsed)) {
    throw badParameter('Invalid sort: expected a JSON array such as [{"name":"asc"}]');
  }
  return parsed.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw badParameter('Invalid sort: every element must be an object like {"field":"asc"}');
    }
    return Object.entries(entry).map(([field, direction]) => {
      const lower = typeof direction === 'string' ? direction.toLowerCase() : '';
      if (lower !== 'asc' && lower !== 'desc') {
        throw badParameter(`Invalid sort direction for '${field}': expected asc or desc`);
      }
      return { field, descending: lower === 'desc' };
    });
  });
}

function sortValue(value: unknown): number | string | null {
  const scalar = Array.isArray(value) ? value[0] : value;
  if (typeof scalar === 'number') {
    return scalar;
  }
  if (typeof scalar === 'boolean') {
    return scalar ? 1 : 0;
  }
  if (typeof scalar === 'string') {
    const asNumber = Number(scalar);
    return scalar.trim() !== '' && Number.isFinite(asNumber) ? asNumber : scalar.toLowerCase();
  }
  return null;
}

/**
 * Sorts wire objects by the keys (stable; `null`/absent values last whatever the direction;
 * numbers and digit strings numerically, other strings case-insensitively).
 *
 * @param items - wire objects.
 * @param keys - sort keys; `[]` keeps the order.
 * @returns a new array.
 */
export function sortItems<T extends JsonObject>(items: readonly T[], keys: readonly SortKey[]): T[] {
  if (keys.length === 0) {
    return items.slice();
  }
  const decorated = items.map((item, index) => ({
    item,
    index,
    values: keys.map((key) => sortValue(readPath(item, key.field))),
  }));
  decorated.sort((a, b) => {
    for (let k = 0; k < keys.length; k += 1) {
      const left = a.values[k] ?? null;
      const right = b.values[k] ?? null;
      if (left === right) {
        continue;
      }
      if (left === null) {
        return 1;
      }
      if (right === null) {
        return -1;
      }
      const order =
        typeof left === typeof right ? (left < right ? -1 : 1) : typeof left === 'number' ? -1 : 1;
      return keys[k]?.descending === true ? -order : order;
    }
    return a.index - b.index;
  });
  return decorated.map((entry) => entry.item);
}

/**
 * Parses an `attributes` list: a comma-separated string (query parameter) or an array (body).
 *
 * @returns the trimmed names, or `null` when absent or empty (= all fields).
 * @throws SimulatorHttpError 400 (9001) when neither a string nor an array of strings.
 */
export function parseAttributes(raw: unknown): string[] | null {
  if (raw === null || raw === undefined) {
    return null;
  }
  const parts =
    typeof raw === 'string'
      ? raw.split(',')
      : Array.isArray(raw) && raw.every((v) => typeof v === 'string')
        ? (raw as string[])
        : null;
  if (parts === null) {
    throw badParameter('Invalid attributes: expected a comma-separated list of field names');
  }
  const names = parts.map((part) => part.trim()).filter((part) => part !== '');
  return names.length === 0 ? null : names;
}

/**
 * Keeps only the requested attributes of a wire object, in its key order; `id` is always kept.
 *
 * @param item - a wire object.
 * @param attributes - field names, or `null` for all. Unknown names are ignored.
 */
export function project(item: JsonObject, attributes: readonly string[] | null): JsonObject {
  if (attributes === null) {
    return item;
  }
  const wanted = new Set([...attributes, 'id']);
  const out: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(item)) {
    if (wanted.has(key)) {
      out[key] = value;
    }
  }
  return out;
}
