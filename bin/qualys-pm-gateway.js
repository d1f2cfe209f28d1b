#!/usr/bin/env node
// The `qualys-pm-gateway` command (package.json `bin`): runs src/main.ts under tsx, so
// `npx qualys-pm-gateway --help` prints the configuration table and `npx qualys-pm-gateway`
// starts the gateway as `npm start` does. Reads the same environment variables.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
