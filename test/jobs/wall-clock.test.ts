import { describe, expect, it } from 'vitest';
import {
  fromQualysWallClock,
  isValidLocalDateTime,
  isValidTimezone,
  toQualysWallClock,
} from '../../src/jobs/index.js';

describe('Qualys wall-clock conversion', () => {
  it.each([
    ['2026-12-01T22:00:00', '2026-12-1 10:00:00 PM'],
    ['2026-01-23T10:09:58', '2026-1-23 10:09:58 AM'],
    ['2026-03-05T00:00:00', '2026-3-5 12:00:00 AM'],
    ['2026-03-05T00:59:59', '2026-3-5 12:59:59 AM'],
    ['2026-03-05T12:00:00', '2026-3-5 12:00:00 PM'],
    ['2026-03-05T12:30:00', '2026-3-5 12:30:00 PM'],
    ['2026-03-05T13:05:09', '2026-3-5 01:05:09 PM'],
    ['2026-03-05T11:59:59', '2026-3-5 11:59:59 AM'],
    ['2026-03-05T23:59:59', '2026-3-5 11:59:59 PM'],
    ['2025-03-19T04:59:17', '2025-3-19 04:59:17 AM'],
    ['2024-02-29T06:00:00', '2024-2-29 06:00:00 AM'],
  ])('%s <-> "%s" (no zone shift, no month/day padding, 12-hour clock)', (iso, wire) => {
    expect(toQualysWallClock(iso)).toBe(wire);
    expect(fromQualysWallClock(wire)).toBe(iso);
  });

  it('reads the padded form Qualys also sends (seed 003 run-once request)', () => {
    expect(fromQualysWallClock('2026-01-23 10:09:58 AM')).toBe('2026-01-23T10:09:58');
    expect(fromQualysWallClock('2026-1-23 10:09:58 am')).toBe('2026-01-23T10:09:58');
  });

  it('refuses what is not a real date or time', () => {
    for (const iso of [
      '2026-02-29T10:00:00',
      '2026-13-01T10:00:00',
      '2026-04-31T10:00:00',
      '2026-01-01T24:00:00',
      '2026-01-01T10:60:00',
      '2026-1-1T10:00:00',
    ]) {
      expect(isValidLocalDateTime(iso), iso).toBe(false);
      expect(() => toQualysWallClock(iso)).toThrow(RangeError);
    }
    expect(isValidLocalDateTime('2024-02-29T23:59:59')).toBe(true);
    for (const wire of [
      '2026-1-1 13:00:00 PM',
      '2026-1-1 00:10:00 AM',
      '2026-2-30 10:00:00 AM',
      '2026-1-1 10:00:00',
      '',
    ]) {
      expect(fromQualysWallClock(wire), wire).toBeNull();
    }
  });

  it('accepts IANA time zone names only', () => {
    for (const tz of ['UTC', 'Asia/Kolkata', 'America/New_York', 'Europe/Berlin', 'Etc/GMT+5']) {
      expect(isValidTimezone(tz), tz).toBe(true);
    }
    for (const tz of ['', ' UTC', 'Mars/Olympus_Mons', '+05:30', '-01:00', 'Berlin']) {
      expect(isValidTimezone(tz), tz).toBe(false);
    }
  });
});
