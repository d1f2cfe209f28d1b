/**
 * Conversions between the gateway's ISO local date-time (`2026-12-01T22:00:00`, the GraphQL
 * `LocalDateTime` scalar) and the Qualys wall-clock form (`"2026-12-1 10:00:00 PM"`). Both are
 * wall-clock times: nothing here applies a time zone or shifts the time (docs/architecture.md §3.2).
 */

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;
const QUALYS_WALL_CLOCK = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/i;

/** The parts of a wall-clock time on a 24-hour clock. */
interface LocalParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** Days in `month` (1-12) of `year`, Gregorian. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when the parts name a real calendar date and a time of day. */
function isRealDateTime(p: LocalParts): boolean {
  return (
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth(p.year, p.month) &&
    p.hour <= 23 &&
    p.minute <= 59 &&
    p.second <= 59
  );
}

function isoParts(iso: string): LocalParts | null {
  const m = ISO_LOCAL.exec(iso);
  if (!m) return null;
  const parts: LocalParts = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6]),
  };
  return isRealDateTime(parts) ? parts : null;
}

/**
 * True when `iso` is an ISO local date-time `YYYY-MM-DDTHH:mm:ss` naming a real calendar date
 * (no 2026-02-30, no 24:00:00). The `LocalDateTime` scalar checks only the digits' layout.
 */
export function isValidLocalDateTime(iso: string): boolean {
  return isoParts(iso) !== null;
}

/**
 * Formats an ISO local date-time as Qualys' wall-clock string: month and day without zero
 * padding, a two-digit 12-hour clock with AM/PM (`2026-12-01T22:00:00` -> `"2026-12-1 10:00:00
 * PM"`, `T00:05:00` -> `12:05:00 AM`, `T12:00:00` -> `12:00:00 PM`). No zone shift.
 *
 * Source: docs/qualys-api.md §7.1 `startDateTime` ("no zero padding required, 12-hour clock with
 * AM/PM"); the seed 001/003 responses (`"2025-3-19 04:59:17 AM"`).
 * @throws RangeError when `iso` is not a valid local date-time (validate first).
 */
export function toQualysWallClock(iso: string): string {
  const p = isoParts(iso);
  if (!p) throw new RangeError(`not a valid local date-time: ${iso}`);
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const meridiem = p.hour < 12 ? 'AM' : 'PM';
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${p.month}-${p.day} ${two(hour12)}:${two(p.minute)}:${two(p.second)} ${meridiem}`;
}

/**
 * Parses a Qualys wall-clock string (`"2025-3-19 04:59:17 AM"`, `"2026-01-23 10:09:58 AM"`) into
 * an ISO local date-time (`2025-03-19T04:59:17`); `null` when it is not in that form or names no
 * real date. No zone shift.
 */
export function fromQualysWallClock(wire: string): string | null {
  const m = QUALYS_WALL_CLOCK.exec(wire.trim());
  if (!m) return null;
  const hour12 = Number(m[4]);
  if (hour12 < 1 || hour12 > 12) return null;
  const pm = m[7]?.toUpperCase() === 'PM';
  const parts: LocalParts = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: (hour12 % 12) + (pm ? 12 : 0),
    minute: Number(m[5]),
    second: Number(m[6]),
  };
  if (!isRealDateTime(parts)) return null;
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}`;
}

/**
 * True when `timezone` is an IANA time zone name this runtime knows (`UTC`, `Asia/Kolkata`,
 * `America/New_York`), checked with `Intl.DateTimeFormat`. Offsets such as `+05:30` are refused:
 * Qualys takes zone names (docs/qualys-api.md §7.1 `timezone`).
 */
export function isValidTimezone(timezone: string): boolean {
  if (timezone.trim() !== timezone || timezone === '' || /^[+-]/.test(timezone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}
