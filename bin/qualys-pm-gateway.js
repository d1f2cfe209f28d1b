#!/usr/bin/env node
// The `qualys-pm-gateway` command (package.json `bin`): runs the compiled gateway (`dist/main.js`),
// building it first when `dist/` is missing or older than `src/` (as `npm start` does), so
// `npx qualys-pm-gateway --help` prints the configuration table and `npx qualys-pm-gateway`
// starts the gateway. Reads the same environment variables.
import { build, buildNeeded } from '../scripts/build.mjs';

if (buildNeeded()) {
  process.stderr.write('building dist/ (tsc -p tsconfig.build.json)\n');
  build();
}
await import('../dist/main.js');
