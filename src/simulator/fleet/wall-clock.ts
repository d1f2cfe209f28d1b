/**
 * Date formats the PM API uses: the wall-clock schedule string of jobs (`"2025-3-19 04:59:17 AM"`,
 * seeds 000/001/003; month without zero padding, day, hours, minutes, seconds padded as in
 * `"2022-5-03 02:54:49 PM"`) and the ISO-8601 run times with offset (`GET .../runs`, docs/qualys-api.md §7.8).
 *
 * @module
 */

interface WallClockParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Offset of the zone from UTC at that instant, in minutes. */
  readonly offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsIn(epochMs: number, timeZone: string | null): WallClockParts {
  const instant = Math.floor(epochMs / 1000) * 1000;
  let year = 1970;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(timeZone ?? 'UTC').formatToParts(new Date(instant))) {
    const value = Number(part.value);
    switch (part.type) {
      case 'year':
        year = value;
        break;
      case 'month':
        month = value;
        break;
      case 'day':
        day = value;
        break;
      case 'hour':
        hour = value % 24;
        break;
      case 'minute':
        minute = value;
        break;
      case 'second':
        second = value;
        break;
      default:
        break;
    }
  }
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return { year, month, day, hour, minute, second, offsetMinutes: Math.round((asUtc - instant) / 60_000) };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Formats an instant as a Qualys job wall-clock string in a time zone.
 *
 * @param epochMs - the instant, epoch ms.
 * @param timeZone - an IANA zone (`UTC`, `Asia/Kolkata`); `null` (agent time zone) formats in UTC.
 * @returns e.g. `2025-3-19 04:59:17 AM`.
 */
export function formatWallClock(epochMs: number, timeZone: string | null): string {
  const p = partsIn(epochMs, timeZone);
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  const meridiem = p.hour < 12 ? 'AM' : 'PM';
  return `${p.year}-${p.month}-${pad2(p.day)} ${pad2(hour12)}:${pad2(p.minute)}:${pad2(p.second)} ${meridiem}`;
}

/**
 * Formats an instant as ISO-8601 with the zone's offset at that instant.
 *
 * @param epochMs - the instant, epoch ms.
 * @param timeZone - an IANA zone; `null` gives UTC (`+00:00`).
 * @returns e.g. `2025-03-19T10:29:17+05:30`.
 */
export function formatIsoWithOffset(epochMs: number, timeZone: string | null): string {
  const p = partsIn(epochMs, timeZone);
  const sign = p.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(p.offsetMinutes);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/**
 * Whether a string is a time zone this runtime knows (an IANA name such as `UTC` or
 * `Asia/Kolkata`; Qualys lists the zones it accepts on its time-zones page, docs/qualys-api.md §7.1).
 *
 * @param timeZone - the candidate.
 */
export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone.trim() === '') {
    return false;
  }
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const WALL_CLOCK = /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/;

/**
 * Parses a Qualys job wall-clock string (`2022-2-20 01:18:30 PM`: no zero padding required,
 * 12-hour clock with AM/PM; docs/qualys-api.md §7.1) as a local time in a zone.
 *
 * @param text - the wall-clock string.
 * @param timeZone - an IANA zone; `null` (agent time zone) reads it as UTC.
 * @returns the instant in epoch ms, or `null` when the text is not such a string or names no real
 * date (e.g. `2025-2-30`).
 */
export function parseWallClock(text: string, timeZone: string | null): number | null {
  const match = WALL_CLOCK.exec(text.trim());
  if (match === null) {
    return null;
  }
  const [year, month, day, hour12, minute, second] = match.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour12 < 1 || hour12 > 12 || minute > 59 || second > 59 || month < 1 || month > 12 || day < 1) {
    return null;
  }
  const hour = (hour12 % 12) + (match[7] === 'PM' ? 12 : 0);
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(asUtc).getUTCDate() !== day) {
    return null;
  }
  // The zone's offset at the guessed instant, then once more at the corrected one (DST edges).
  let epoch = asUtc - partsIn(asUtc, timeZone).offsetMinutes * 60_000;
  epoch = asUtc - partsIn(epoch, timeZone).offsetMinutes * 60_000;
  return epoch;
}
