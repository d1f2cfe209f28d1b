/**
 * Shared zod building blocks for Qualys PM/MTG wire payloads.
 *
 * Qualys payloads are quirky (docs/qualys-api.md §8, §14.4): numbers arrive as strings, empty lists
 * arrive as `null`, lists arrive stringified (`"[29995962]"`), timestamps are epoch milliseconds
 * (sometimes as strings) and schedule times are wall-clock strings. These helpers accept every
 * such form and normalise it, so the rest of the gateway sees one shape: numbers are numbers,
 * lists are arrays (never null), absent values are `null` (never `undefined`).
 */
import { z } from 'zod';

// Absent keys: zod 4 accepts a missing object key only when the field schema is optional-in
// (`.optional()`/`.nullish()`); a union containing `z.undefined()` is not, so every helper that
// accepts "absent" is built with `.optional()` before its transform.

const NUMERIC_STRING = /^\s*-?\d+(\.\d+)?\s*$/;

/**
 * A number that Qualys may send as a JSON number or as a numeric string (`"100"`).
 * Output: `number`. Rejects non-numeric strings.
 */
export const numberish = z.union([
  z.number(),
  z
    .string()
    .regex(NUMERIC_STRING, 'expected a numeric string')
    .transform((s) => Number(s.trim())),
]);

/**
 * An optional {@link numberish}: `null`, absent and `""` become `null`.
 * Output: `number | null`.
 */
export const optionalNumber = z
  .union([numberish, z.literal(''), z.null()])
  .optional()
  .transform((v) => (v === '' || v === null || v === undefined ? null : v));

/** An optional string: absent becomes `null`. Output: `string | null`. */
export const optionalString = z
  .string()
  .nullish()
  .transform((v) => v ?? null);

/** An optional boolean: absent becomes `null`; `"true"`/`"false"` strings are accepted. Output: `boolean | null`. */
export const optionalBoolean = z
  .union([z.boolean(), z.enum(['true', 'false']).transform((s) => s === 'true'), z.null()])
  .optional()
  .transform((v) => v ?? null);

/**
 * An epoch-milliseconds timestamp, sent as a number or a numeric string (`"1770014944210"`);
 * `0`, `null` and absent mean "not set". Output: `number | null` (ms since 1970-01-01 UTC).
 */
export const epochMs = z
  .union([numberish, z.null()])
  .optional()
  .transform((v) => (v === null || v === undefined || v === 0 ? null : v));

/**
 * A list that Qualys sends as an array, as `null` (empty) or absent. Output: `T[]`, never null.
 */
export function nullableList<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((v): z.output<T>[] => v ?? []);
}

/**
 * A list of integers that Qualys may send as an array, or stringified (`"[29995962]"`, seed
 * v2.2.0 `unmappedAssets`), or as a comma-separated string, or `null`. Output: `number[]`.
 */
export const integerList = z
  .union([z.array(numberish), z.string(), z.null()])
  .optional()
  .transform((v, ctx): number[] => {
    if (v === null || v === undefined) return [];
    if (Array.isArray(v)) return v;
    const inner = v.trim().replace(/^\[/, '').replace(/\]$/, '').trim();
    if (inner === '') return [];
    const out: number[] = [];
    for (const part of inner.split(',')) {
      const s = part.trim().replace(/^"(.*)"$/, '$1');
      if (!NUMERIC_STRING.test(s)) {
        ctx.addIssue({ code: 'custom', message: `expected an integer list, got element "${s}"` });
        return z.NEVER;
      }
      out.push(Number(s));
    }
    return out;
  });

/** A string list that Qualys sometimes sends as one string (`appFamily`). Output: `string[]`. */
export const stringOrList = z
  .union([z.array(z.string()), z.string(), z.null()])
  .optional()
  .transform((v): string[] =>
    v === null || v === undefined ? [] : Array.isArray(v) ? v : v === '' ? [] : [v],
  );

/**
 * A Qualys wall-clock schedule string such as `"2025-3-19 04:59:17 AM"` (no zone; the zone is
 * in the job's `timezone`/`timezoneType`). Kept as sent; see `parseWallClock` for its parts.
 * Output: `string | null` (`""` becomes `null`).
 */
export const wallClock = z
  .string()
  .nullish()
  .transform((v) => (v === undefined || v === null || v.trim() === '' ? null : v));

/** The parts of a Qualys wall-clock string, on a 24-hour clock. */
export interface WallClockParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const WALL_CLOCK = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?$/i;

/**
 * Parses a Qualys wall-clock string (`"2025-3-19 04:59:17 AM"`, `"2026-01-23 10:09:58 AM"`;
 * create-job docs: "no zero padding required, 12-hour clock with AM/PM") into its parts.
 * Returns `null` when the string is not in that form. Never applies a time zone.
 */
export function parseWallClock(value: string): WallClockParts | null {
  const m = WALL_CLOCK.exec(value.trim());
  if (!m) return null;
  let hour = Number(m[4]);
  const meridiem = m[7]?.toUpperCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return null;
    if (meridiem === 'AM' && hour === 12) hour = 0;
    if (meridiem === 'PM' && hour !== 12) hour += 12;
  }
  const parts: WallClockParts = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour,
    minute: Number(m[5]),
    second: Number(m[6] ?? '0'),
  };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31 || parts.hour > 23) return null;
  if (parts.minute > 59 || parts.second > 59) return null;
  return parts;
}

/**
 * Formats wall-clock parts as ISO-8601 local date-time without offset (`2025-03-19T04:59:17`).
 */
export function formatWallClockIso(p: WallClockParts): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}
