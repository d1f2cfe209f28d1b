#!/usr/bin/env node
/**
 * `npm run build`, and the "build if needed" step of `npm start` and the `qualys-pm-gateway`
 * command: compiles `src/` into `dist/` with tsc (`tsconfig.build.json`, source maps next to the
 * files) and copies the data files the code reads at run time (the simulator's seed samples).
 *
 * `node scripts/build.mjs --if-needed` builds only when `dist/main.js` is missing or older than a
 * file under `src/` (or the build config), so a start after `npm ci` builds once and later
 * starts cost a directory walk. Plain JavaScript, so it runs before anything is compiled.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
const ENTRY = join(DIST, 'main.js');
/** Files outside `src/` whose change needs a new build. */
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'].map((f) => join(ROOT, f));

/** Every file under `dir`, recursively. */
function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}

/** Whether `dist/` is missing or older than its sources. */
export function buildNeeded() {
  if (!existsSync(ENTRY)) return true;
  const built = statSync(ENTRY).mtimeMs;
  return [...walk(SRC), ...CONFIG_FILES.filter(existsSync)].some((file) => statSync(file).mtimeMs > built);
}

/** Compiles `src/` into `dist/` and copies the run-time data files. */
export function build() {
  rmSync(DIST, { recursive: true, force: true });
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  for (const file of walk(SRC)) {
    if (!file.endsWith('.json')) continue;
    const target = join(DIST, relative(SRC, file));
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(file, target);
  }
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const ifNeeded = process.argv.includes('--if-needed');
  if (!ifNeeded || buildNeeded()) {
    process.stderr.write('building dist/ (tsc -p tsconfig.build.json)\n');
    build();
  }
}
