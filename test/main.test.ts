import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Starts `src/main.ts` as `npm start` does (tsx), with the given environment. */
function startMain(env: Record<string, string>): ChildProcess {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !k.startsWith('QUALYS_') && !k.startsWith('SIMULATOR_')) clean[k] = v;
  }
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...clean, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function output(child: ChildProcess): { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return { stdout: () => out, stderr: () => err };
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('npm start (src/main.ts)', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
  });

  it('without QUALYS_BASE_URL starts the simulator, serves GraphiQL with the Dashboard, and answers it', async () => {
    const child = startMain({ PORT: '0', HOST: '127.0.0.1' });
    children.push(child);
    const io = output(child);
    const url = await waitFor(
      () => /Qualys PM gateway: (http:\/\/\S+\/graphql)/.exec(io.stdout())?.[1],
      30_000,
    );
    expect(io.stdout()).toMatch(/Qualys simulator: http:\/\/127\.0\.0\.1:\d+/);

    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('query Dashboard');
    expect(html).not.toContain('unpkg.com'); // GraphiQL's assets are served locally

    const query = readFileSync(new URL('../schema/operations/dashboard.graphql', import.meta.url), 'utf8');
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { first: 5 } }),
    });
    const body = (await response.json()) as {
      data?: { patchJobs: { nodes: Array<{ id: string; latestResult: unknown }> } };
      errors?: unknown;
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.patchJobs.nodes).toHaveLength(5);

    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
  });

  it('serves /health, /readiness and /metrics, and logs JSON lines with the request id', async () => {
    const child = startMain({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', SIMULATOR_PATCH_JOBS: '5' });
    children.push(child);
    const io = output(child);
    const url = await waitFor(
      () => /Qualys PM gateway: (http:\/\/\S+)\/graphql/.exec(io.stdout())?.[1],
      30_000,
    );
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect(await (await fetch(`${url}/readiness`)).json()).toEqual({ status: 'ready' });
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'main-req-1' },
      body: JSON.stringify({
        query: 'query Jobs { patchJobs(platform: WINDOWS, first: 2) { nodes { id } } }',
      }),
    });
    expect(response.headers.get('x-request-id')).toBe('main-req-1');
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(
      /^qualys_pm_gateway_upstream_calls_total\{endpoint="POST \/auth",status="\d+"\} [1-9]/m,
    );
    expect(metrics).toMatch(
      /^qualys_pm_gateway_upstream_calls_total\{endpoint="GET \/pm\/v1\/deploymentjobs",status="200"\} 1$/m,
    );
    expect(metrics).toMatch(
      /^qualys_pm_gateway_operation_duration_seconds_count\{operation="Jobs",operation_type="query"\} 1$/m,
    );
    expect(metrics).toContain('qualys_pm_gateway_process_resident_memory_bytes');

    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    const entries = io
      .stderr()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries).toContainEqual(
      expect.objectContaining({
        level: 'info',
        reqId: 'main-req-1',
        msg: 'request completed',
        path: '/graphql',
        status: 200,
      }),
    );
    expect(entries.every((e) => typeof e['reqId'] === 'string')).toBe(true);
  });

  it('exits 1 with one clear line per configuration problem', async () => {
    const child = startMain({ PORT: 'eighty', QUALYS_BASE_URL: 'not a url', QUALYS_USERNAME: 'svc' });
    children.push(child);
    const io = output(child);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    const lines = io.stderr().trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.startsWith('configuration error: '))).toBe(true);
    expect(io.stderr()).toMatch(/PORT: /);
    expect(io.stderr()).toMatch(/QUALYS_BASE_URL: /);
    expect(io.stderr()).toMatch(/QUALYS_PASSWORD: /);
  });

  it('--help prints the configuration table', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--help'], { cwd: root });
    children.push(child);
    const io = output(child);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    expect(io.stdout()).toContain('QUALYS_BASE_URL');
    expect(io.stdout()).toContain('QUALYS_TIMEOUT_MS');
  });
});
