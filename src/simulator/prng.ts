/**
 * A small seeded pseudo-random generator for the simulator's generated fleet and its jitter.
 * Everything the simulator generates comes from here (never `Math.random` or
 * `crypto.randomUUID`), so the same seed always yields byte-identical data.
 *
 * @module
 */

/** A seeded random stream with the helpers the fleet generators need. */
export interface Prng {
  /** The next float in `[0, 1)`. */
  next(): number;
  /** An integer in `[min, max]` (both inclusive). */
  int(min: number, max: number): number;
  /** `true` with probability `p` (0..1). */
  chance(p: number): boolean;
  /** One element of a non-empty array. @throws Error when `items` is empty. */
  pick<T>(items: readonly T[]): T;
  /** `count` distinct elements of `items` in random order (all of them when `count >= items.length`). */
  sample<T>(items: readonly T[], count: number): T[];
  /** An element chosen by weight: `[[value, weight], ...]`, weights > 0. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T;
  /**
   * A lowercase RFC 4122-shaped UUID string from this stream. `version` sets the version nibble:
   * 4 for job/asset/tag ids, 3 for patch ids (Qualys patch UUIDs are name-based, seed 004).
   */
  uuid(version?: 3 | 4 | 5): string;
  /** An independent stream derived from this stream's seed and `label`; does not advance this stream. */
  fork(label: string): Prng;
}

/**
 * 32-bit string hash (FNV-1a), used to derive independent seeds from labels.
 *
 * @param text - any string.
 * @param basis - a starting value to mix in, e.g. a parent seed; default the FNV offset basis.
 * @returns an unsigned 32-bit integer.
 */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

const HEX = '0123456789abcdef';

/**
 * Creates a mulberry32 stream: fast, 32-bit state, good enough for test data (not for secrets).
 *
 * @param seed - any number; it is truncated to an unsigned 32-bit integer.
 * @returns a {@link Prng}.
 */
export function createPrng(seed: number): Prng {
  const origin = seed >>> 0;
  let state = origin;

  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

  const prng: Prng = {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) {
        throw new Error('Prng.pick: empty list');
      }
      return items[Math.floor(next() * items.length)] as T;
    },
    sample<T>(items: readonly T[], count: number): T[] {
      const n = Math.min(Math.max(count, 0), items.length);
      if (n * 4 < items.length) {
        // Few out of many: rejection sampling avoids copying the whole list.
        const chosen = new Set<number>();
        const out: T[] = [];
        while (out.length < n) {
          const j = Math.floor(next() * items.length);
          if (!chosen.has(j)) {
            chosen.add(j);
            out.push(items[j] as T);
          }
        }
        return out;
      }
      const copy = items.slice();
      for (let i = 0; i < n; i += 1) {
        const j = i + Math.floor(next() * (copy.length - i));
        const tmp = copy[i] as T;
        copy[i] = copy[j] as T;
        copy[j] = tmp;
      }
      return copy.slice(0, n);
    },
    weighted<T>(choices: readonly (readonly [T, number])[]): T {
      const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [value, weight] of choices) {
        roll -= weight;
        if (roll < 0) {
          return value;
        }
      }
      const last = choices[choices.length - 1];
      if (last === undefined) {
        throw new Error('Prng.weighted: empty list');
      }
      return last[0];
    },
    uuid(version: 3 | 4 | 5 = 4): string {
      const word = (): string =>
        Math.floor(next() * 4294967296)
          .toString(16)
          .padStart(8, '0');
      const hex = word() + word() + word() + word();
      const variant = HEX[8 + (Number.parseInt(hex[16] as string, 16) & 3)] as string;
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
    fork: (label) => createPrng(hashString(label, origin ^ 0x9e3779b9)),
  };
  return prng;
}
