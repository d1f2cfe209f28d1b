/**
 * Vitest global setup: when the run has no Redis (see `./redis.ts`), says so once, in one line, at
 * the end of the run (after the summary, where a reader looks), with how to run those tests. The
 * suites themselves skip (or, under `CI=true`, fail).
 */
import { findRedis, isCi, REDIS_SKIP_LINE } from './redis.js';

export default function setup(): () => void {
  const missing = findRedis().kind === 'none';
  return () => {
    if (!missing) return;
    const prefix = isCi() ? 'FAILED (under CI=true a skip is a failure): ' : 'SKIPPED: ';
    process.stdout.write(`\n${prefix}${REDIS_SKIP_LINE}\n`);
  };
}
