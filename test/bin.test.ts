import { execFileSync, spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONFIG_TABLE } from '../src/config.js';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Runs `node bin/qualys-pm-gateway.js <args>` and collects its exit code and output. */
function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['bin/qualys-pm-gateway.js', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stdout, stderr })));
}

describe('the qualys-pm-gateway bin (package.json "bin")', () => {
  // The bin runs the compiled gateway and builds it when dist/ is stale: built here first, so
  // the assertions below see the bin's own output.
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: root, stdio: 'ignore' });
  }, 120_000);

  it('is executable', () => {
    expect(statSync(new URL('../bin/qualys-pm-gateway.js', import.meta.url)).mode & 0o111).not.toBe(0);
  });

  it('--help exits 0 and prints every variable of the configuration table with its default', async () => {
    const { code, stdout, stderr } = await run(['--help']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^qualys-pm-gateway: /);
    for (const [variable, , defaultValue] of CONFIG_TABLE) {
      expect(stdout).toContain(variable);
      expect(stdout).toContain(`(default: ${defaultValue})`);
    }
  });
});
