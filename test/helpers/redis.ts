/**
 * A real Redis for the tests that need one, never a mock in its place.
 *
 * Where it comes from, in order:
 * - `REDIS_TEST_URL` (`redis://host:port/db`): a Redis the caller gives the tests. They flush the
 *   URL's database (`FLUSHDB`), so give them one of their own (e.g. `redis://127.0.0.1:6379/15`).
 * - `redis-server` on `PATH`: each test file starts its own child on a free 127.0.0.1 port, with
 *   no persistence, and stops it at the end.
 * - neither: the suites declared with {@link describeWithRedis} are skipped, and the run prints
 *   {@link REDIS_SKIP_LINE} once (`./redis-global-setup.ts`). Under `CI=true` a skip is a failure:
 *   the suites fail with that line instead.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { connect, createServer } from 'node:net';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, it } from 'vitest';

/** Where the tests' Redis comes from; `none` when neither source exists. */
export type RedisSource =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'server'; readonly binary: string }
  | { readonly kind: 'none' };

/** The line a run without Redis prints (and fails with under `CI=true`). */
export const REDIS_SKIP_LINE =
  "Redis tests not run (the suites marked 'needs Redis'): no redis-server on PATH and " +
  'REDIS_TEST_URL is unset. Run them with ' +
  '`apt-get install redis-server` (the tests start their own on a free port), or ' +
  '`REDIS_TEST_URL=redis://127.0.0.1:6379/15 npm test` (a database the tests may flush).';

/** `true` when the run is CI's (`CI=true` or `CI=1`): there a Redis test may not be skipped. */
export function isCi(): boolean {
  const ci = process.env['CI']?.toLowerCase();
  return ci === 'true' || ci === '1';
}

/** First executable named `name` on `PATH`, or `undefined`. */
function onPath(name: string): string | undefined {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Finds the tests' Redis (see the module comment); synchronous, so suites can decide at import. */
export function findRedis(): RedisSource {
  const url = process.env['REDIS_TEST_URL'];
  if (url !== undefined && url !== '') return { kind: 'url', url };
  const binary = onPath('redis-server');
  return binary === undefined ? { kind: 'none' } : { kind: 'server', binary };
}

/** A Redis the tests may use and flush. */
export interface TestRedis {
  /** `redis://127.0.0.1:<port>` for a started child, else `REDIS_TEST_URL` as given. */
  readonly url: string;
  /** Stops the child (no-op for `REDIS_TEST_URL`). */
  stop(): Promise<void>;
  /**
   * For a started child only (`undefined` for `REDIS_TEST_URL`, which the tests may not stop):
   * `kill()` SIGKILLs it (an outage), `restart()` starts a new one on the same port.
   */
  readonly child?: Pick<OwnRedisServer, 'kill' | 'restart'> | undefined;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

async function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** Spawns `binary` on `port` with no persistence; resolves once it answers PING. */
async function spawnRedisServer(
  binary: string,
  port: number,
): Promise<{ child: ChildProcess; exited: Promise<void> }> {
  const child: ChildProcess = spawn(
    binary,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  for (let i = 0; i < 100 && !(await answersPing(port)); i++) {
    if (spawnError !== undefined) throw new Error(`redis-server did not start: ${spawnError.message}`);
    await sleep(50);
  }
  if (!(await answersPing(port))) {
    child.kill('SIGKILL');
    throw new Error('redis-server did not answer PING within 5 s');
  }
  return { child, exited };
}

/** `redis-server` on `PATH`, or `undefined`: the tests that kill and restart a Redis need one of their own. */
export const REDIS_SERVER_BINARY: string | undefined = onPath('redis-server');

/** A `redis-server` child a test owns: it may kill it (an outage) and start it again on the same port. */
export interface OwnRedisServer {
  readonly url: string;
  readonly port: number;
  /** Ends the child (default SIGKILL: no goodbye to the clients) and waits for it to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts a new child on the same port (after {@link OwnRedisServer.kill}); resolves once it answers PING. */
  restart(): Promise<void>;
}

/** Starts `binary` (default {@link REDIS_SERVER_BINARY}) on a free loopback port with no persistence. */
export async function startOwnRedisServer(binary = REDIS_SERVER_BINARY): Promise<OwnRedisServer> {
  if (binary === undefined) throw new Error(REDIS_SKIP_LINE);
  const port = await freePort();
  let current: { child: ChildProcess; exited: Promise<void> } | undefined = await spawnRedisServer(
    binary,
    port,
  );
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    const running = current;
    current = undefined;
    if (running === undefined || running.child.exitCode !== null || running.child.signalCode !== null) return;
    running.child.kill(signal);
    await running.exited;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    async restart() {
      await kill();
      current = await spawnRedisServer(binary, port);
    },
  };
}

/** Starts `binary` on a free loopback port with no persistence; resolves once it answers PING. */
async function startRedisServer(binary: string): Promise<TestRedis> {
  const server = await startOwnRedisServer(binary);
  return { url: server.url, stop: () => server.kill('SIGTERM'), child: server };
}

/**
 * A Redis from {@link findRedis}: a started child, or `REDIS_TEST_URL`.
 * Throws `Error(REDIS_SKIP_LINE)` when there is none.
 */
export async function startTestRedis(source: RedisSource = findRedis()): Promise<TestRedis> {
  switch (source.kind) {
    case 'url':
      return { url: source.url, async stop() {} };
    case 'server':
      return startRedisServer(source.binary);
    case 'none':
      throw new Error(REDIS_SKIP_LINE);
  }
}

/**
 * `describe` for a suite that needs a real Redis. With one (see the module comment) the suite
 * runs, `redis()` giving the Redis started for it in a `beforeAll` (and stopped in an `afterAll`).
 * Without one it is skipped, or, under `CI=true`, replaced by one failing test whose error is
 * {@link REDIS_SKIP_LINE}.
 */
export function describeWithRedis(name: string, body: (redis: () => TestRedis) => void): void {
  const source = findRedis();
  if (source.kind === 'none') {
    if (isCi()) {
      describe(name, () => {
        it('needs a real Redis (CI may not skip it)', () => {
          throw new Error(REDIS_SKIP_LINE);
        });
      });
    } else {
      describe.skip(`${name} (needs Redis)`, () => body(() => notStarted()));
    }
    return;
  }
  describe(name, () => {
    let started: TestRedis | undefined;
    beforeAll(async () => {
      started = await startTestRedis(source);
    });
    afterAll(async () => {
      await started?.stop();
    });
    body(() => started ?? notStarted());
  });
}

function notStarted(): never {
  throw new Error('Redis not started (used outside a test of describeWithRedis)');
}
