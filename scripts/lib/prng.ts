/**
 * mulberry32: a small seeded pseudo-random generator, so a seed gives the same sequence on every
 * run (the soak's request mix, the tests' hold times and payload mutations).
 *
 * @param seed - any integer (taken modulo 2^32).
 * @returns a function giving numbers in [0, 1).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
