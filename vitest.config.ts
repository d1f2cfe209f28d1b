import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One `graphql` module instance: Pothos (loaded by Node) gets graphql's CommonJS entry, while
    // vitest would hand compiled files the ESM one; two instances break `instanceof` checks
    // ("Cannot use GraphQLSchema from another module", and Yoga masking our GraphQLErrors).
    alias: [
      {
        find: /^graphql$/,
        replacement: fileURLToPath(new URL('./node_modules/graphql/index.js', import.meta.url)),
      },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // Prints one line at the end of a run that had to skip the Redis tests (test/helpers/redis.ts).
    globalSetup: ['test/helpers/redis-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Two cores here: keep the pool small so simulator + gateway tests do not starve each other.
    pool: 'forks',
    maxWorkers: 2,
  },
});
