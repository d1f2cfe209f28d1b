import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  epochMs,
  formatWallClockIso,
  integerList,
  nullableList,
  numberish,
  optionalBoolean,
  optionalNumber,
  optionalString,
  parseWallClock,
  stringOrList,
  wallClock,
} from '../../src/qualys/schemas/common.js';

describe('numberish', () => {
  it.each([
    [100, 100],
    ['100', 100],
    [' 42 ', 42],
    ['-3', -3],
    ['2.5', 2.5],
  ])('accepts %j as %j', (input, output) => {
    expect(numberish.parse(input)).toBe(output);
  });

  it.each(['', 'abc', '1e3', '12px', null, true])('rejects %j', (input) => {
    expect(numberish.safeParse(input).success).toBe(false);
  });
});

describe('optionalNumber, optionalString, optionalBoolean, epochMs', () => {
  it('normalise null, "" and absent to null', () => {
    expect(optionalNumber.parse(null)).toBeNull();
    expect(optionalNumber.parse('')).toBeNull();
    expect(optionalNumber.parse(undefined)).toBeNull();
    expect(optionalNumber.parse('80')).toBe(80);
    expect(optionalString.parse(undefined)).toBeNull();
    expect(optionalBoolean.parse('true')).toBe(true);
    expect(optionalBoolean.parse(undefined)).toBeNull();
    expect(epochMs.parse('1770014944210')).toBe(1770014944210);
    expect(epochMs.parse(0)).toBeNull();
  });

  it('accept absent object keys as null', () => {
    const schema = z.object({
      n: optionalNumber,
      s: optionalString,
      b: optionalBoolean,
      t: epochMs,
      l: integerList,
      f: stringOrList,
      w: wallClock,
      a: nullableList(z.string()),
    });
    expect(schema.parse({})).toEqual({ n: null, s: null, b: null, t: null, l: [], f: [], w: null, a: [] });
  });
});

describe('integerList', () => {
  it.each([
    [
      [1, 2],
      [1, 2],
    ],
    [['90931'], [90931]],
    ['[29995962]', [29995962]],
    ['[1, 2 ,3]', [1, 2, 3]],
    ['["1","2"]', [1, 2]],
    ['4,5', [4, 5]],
    ['[]', []],
    ['', []],
    [null, []],
    [undefined, []],
  ])('normalises %j to %j', (input, output) => {
    expect(integerList.parse(input)).toEqual(output);
  });

  it.each(['[1, x]', 'abc', [['1']]])('rejects %j', (input) => {
    expect(integerList.safeParse(input).success).toBe(false);
  });
});

describe('stringOrList', () => {
  it('makes a string a one-item list and null or "" an empty list', () => {
    expect(stringOrList.parse('Windows')).toEqual(['Windows']);
    expect(stringOrList.parse(['a', 'b'])).toEqual(['a', 'b']);
    expect(stringOrList.parse('')).toEqual([]);
    expect(stringOrList.parse(null)).toEqual([]);
  });
});

describe('wallClock', () => {
  it('keeps the string as sent; blank becomes null', () => {
    expect(wallClock.parse('2025-3-19 04:59:17 AM')).toBe('2025-3-19 04:59:17 AM');
    expect(wallClock.parse(' ')).toBeNull();
    expect(wallClock.parse(null)).toBeNull();
  });
});

describe('parseWallClock', () => {
  it('parses the seed form without zero padding', () => {
    expect(parseWallClock('2025-3-19 04:59:17 AM')).toEqual({
      year: 2025,
      month: 3,
      day: 19,
      hour: 4,
      minute: 59,
      second: 17,
    });
  });

  it.each([
    ['2025-3-19 12:00:00 AM', 0],
    ['2025-3-19 12:30:00 AM', 0],
    ['2025-3-19 12:00:00 PM', 12],
    ['2025-3-19 01:00:00 PM', 13],
    ['2025-3-19 11:59:59 PM', 23],
    ['2025-3-19 01:00:00 am', 1],
    ['2023-3-13 03:58:37 PM', 15],
  ])('%s has hour %i', (input, hour) => {
    expect(parseWallClock(input)?.hour).toBe(hour);
  });

  it('accepts a 24-hour string without AM/PM and missing seconds', () => {
    expect(parseWallClock('2026-01-23 17:09')).toEqual({
      year: 2026,
      month: 1,
      day: 23,
      hour: 17,
      minute: 9,
      second: 0,
    });
  });

  it.each([
    '2025-3-19 00:00:00 AM',
    '2025-3-19 13:00:00 PM',
    '2025-13-01 01:00:00 AM',
    '2025-3-19 24:00:00',
    '2025-3-19 10:60:00',
    'soon',
    '',
  ])('rejects %j', (input) => {
    expect(parseWallClock(input)).toBeNull();
  });

  it('formats parts as ISO-8601 local time without an offset', () => {
    const parts = parseWallClock('2025-3-19 12:05:07 AM');
    expect(parts && formatWallClockIso(parts)).toBe('2025-03-19T00:05:07');
  });
});
