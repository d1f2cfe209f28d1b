/**
 * Generates a tenant's directory data: its ~30 asset tags and its PM users (job creators and
 * co-authors; user objects `{id, name, fullName}` as in the seed 001/003 `createdBy.user`).
 *
 * @module
 */
import type { Prng } from '../prng.js';
import type { SimTag, SimUser } from './types.js';
import { FIRST_NAMES, LAST_NAMES, TAG_NAMES } from './vocabulary.js';

/** Number of users generated per tenant. */
const USER_COUNT = 8;

/**
 * @param prng - the tenant's `tags` stream.
 * @returns one tag per {@link TAG_NAMES} entry, in that order.
 */
export function generateTags(prng: Prng): SimTag[] {
  return TAG_NAMES.map((name) => ({ id: prng.uuid(4), name }));
}

/**
 * @param prng - the tenant's `users` stream.
 * @returns {@link USER_COUNT} users with login names like `quays_ab12` (seed 001 shows `quays_vy59`).
 */
export function generateUsers(prng: Prng): SimUser[] {
  return Array.from({ length: USER_COUNT }, () => {
    const first = prng.pick(FIRST_NAMES);
    const last = prng.pick(LAST_NAMES);
    const suffix = `${String.fromCharCode(97 + prng.int(0, 25))}${String.fromCharCode(97 + prng.int(0, 25))}${prng.int(10, 99)}`;
    return { id: prng.uuid(4), name: `quays_${suffix}`, fullName: `${first} ${last}` };
  });
}
