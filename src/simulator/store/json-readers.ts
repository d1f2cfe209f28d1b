/**
 * Lenient readers of JSON values (request bodies, seed samples, wire objects): each gives the value
 * when it has the wanted type (digit strings count as numbers, `"true"`/`"false"` as booleans) and
 * `null` (or `[]`) otherwise. Shared by the job body rules, the job wire builders, the catalog view
 * of patches and the seed assets.
 *
 * @module
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';

/** Whether a value is absent: `undefined` or `null`. */
export const isAbsent = (value: unknown): value is null | undefined => value === undefined || value === null;

/** A string, else `null`. */
export function str(value: JsonValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

/** A non-empty string, else `null` (`""` is answered `null`, e.g. `linkedJobId`). */
export function emptyToNull(value: JsonValue | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A boolean; the strings `"true"`/`"false"` count (seed 002 sends `"minimizeWindow": "true"`). */
export function bool(value: JsonValue | undefined): boolean | null {
  if (typeof value === 'boolean') {
    return value;
  }
  return value === 'true' ? true : value === 'false' ? false : null;
}

/** A number, or a string of digits (Qualys samples send both, e.g. `downloadRandomizeTime`); else `null`. */
export function num(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) {
    return Number(value);
  }
  return null;
}

/** A JSON object, else `null`. */
export function obj(value: JsonValue | undefined): JsonObject | null {
  return isJsonObject(value) ? value : null;
}

/** An id list as sent (a copy), `null` when absent. */
export function list(value: JsonValue | undefined): readonly JsonValue[] | null {
  return Array.isArray(value) ? value.slice() : null;
}

/** The strings of a list (other elements skipped); `[]` when not a list. */
export function strings(value: JsonValue | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The value, `null` when absent (`undefined`). */
export function orNull(value: JsonValue | undefined): JsonValue {
  return value === undefined ? null : value;
}
