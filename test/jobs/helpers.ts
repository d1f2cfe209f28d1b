/** Helpers of the job domain tests: seed fixtures and leaf-by-leaf comparison of wire bodies. */
import { readFileSync } from 'node:fs';
import type { QualysWireObject } from '../../src/qualys/api.js';

/** A seed sample of `src/simulator/seed-data/` (the seed documents' JSON, verbatim). */
export function seedFixture(file: string): QualysWireObject {
  return JSON.parse(
    readFileSync(new URL(`../../src/simulator/seed-data/${file}`, import.meta.url), 'utf8'),
  ) as QualysWireObject;
}

/** `[dotted path, value]` of every leaf (non-object value; arrays are leaves). */
export function leaves(value: unknown, path: string[] = []): [string, unknown][] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [[path.join('.'), value]];
}

/** The value at a dotted path, `undefined` when absent. */
export function at(value: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined),
      value,
    );
}

/**
 * Every leaf of `expected` whose value differs in `actual` (absent counts as different), as
 * `path: expected -> actual` lines; `[]` when `actual` has every field of `expected`.
 */
export function leafDiffs(actual: unknown, expected: unknown, ignore: readonly string[] = []): string[] {
  return leaves(expected)
    .filter(([path]) => !ignore.includes(path))
    .filter(([path, v]) => JSON.stringify(at(actual, path)) !== JSON.stringify(v))
    .map(([path, v]) => `${path}: ${JSON.stringify(v)} -> ${JSON.stringify(at(actual, path))}`);
}
