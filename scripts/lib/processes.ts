/**
 * Child-process helpers for the soak test and the benchmarks: start the Qualys simulator
 * (`src/simulator/main.ts`) and the gateway (`src/main.ts`) as separate Node processes on
 * loopback, wait until each prints its URL, sample their resident set size, and stop them
 * (SIGTERM, then SIGKILL) without leaving orphans, also when the calling script fails.
 *
 * Each child is `node --import tsx <entry>` spawned directly, so the child's pid IS the Node
 * process serving requests (no `tsx` wrapper in between) and `/proc/<pid>/status` measures it.
 *
 * @module
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root (the children's working directory). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Username and password of the simulator's default tenant (src/simulator/README.md). */
export const SIMULATOR_CREDENTIALS = { username: 'simulator', password: 'simulator' } as const;

/** How a child process ended. */
export interface ExitStatus {
  /** Exit code, or `null` when a signal ended it. */
  readonly code: number | null;
  /** The signal that ended it, or `null`. */
  readonly signal: NodeJS.Signals | null;
}

/** A started child process that printed its URL. */
export interface ManagedProcess {
  /** Label used in messages (`gateway`, `simulator`). */
  readonly name: string;
  /** The Node process id (the one to sample with {@link readRssBytes}). */
  readonly pid: number;
  /** The URL the child printed when it became ready. */
  readonly url: string;
  /** Everything the child wrote to stdout so far. */
  stdout(): string;
  /** Everything the child wrote to stderr so far. */
  stderr(): string;
  /** Calls `listener` with every complete stderr line from now on (without the newline). */
  onStderrLine(listener: (line: string) => void): void;
  /** Calls `listener` with every complete stdout line from now on (without the newline). */
  onStdoutLine(listener: (line: string) => void): void;
  /** Whether the child is still running. */
  isRunning(): boolean;
  /** Resolves when the child has exited. */
  readonly exited: Promise<ExitStatus>;
  /**
   * Sends SIGTERM, then SIGKILL when the child has not exited after `graceMs` (default 5,000 ms).
   * Resolves with how it ended; a no-op returning the status when it already had.
   */
  stop(graceMs?: number): Promise<ExitStatus>;
}

/** Options of {@link startNodeProcess}. */
export interface StartNodeProcessOptions {
  /** Label used in messages. */
  readonly name: string;
  /** The entry module, relative to {@link REPO_ROOT} (e.g. `src/main.ts`). */
  readonly entry: string;
  /** Variables added to the environment (inherited `QUALYS_*`/`SIMULATOR_*` variables are dropped). */
  readonly env?: Readonly<Record<string, string>> | undefined;
  /** Extra `node` flags placed before the entry (e.g. `--expose-gc`). */
  readonly nodeArgs?: readonly string[] | undefined;
  /** Matches the ready line on stdout; capture group 1 is the URL. */
  readonly readyPattern: RegExp;
  /** How long to wait for the ready line, in ms. Default 60,000. */
  readonly readyTimeoutMs?: number | undefined;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Last resort for a script that exits without stopping its children (an exception, `process.exit`):
 * SIGKILL whatever is still running. `exit` listeners must be synchronous, so no grace period here.
 */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}

/** Stops every child started by this module (SIGTERM, then SIGKILL after `graceMs`). */
export async function stopAll(graceMs = 5_000): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
          }
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** Keeps the tail of a child's output stream (at most ~1 MB) and hands out complete lines. */
function captureLines(stream: NodeJS.ReadableStream | null) {
  let text = '';
  let partial = '';
  const listeners: Array<(line: string) => void> = [];
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    text += chunk;
    // A soak can log for minutes: keep the tail, the listeners see every line.
    if (text.length > 2_000_000) text = text.slice(-1_000_000);
    partial += chunk;
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) for (const listener of listeners) listener(line);
  });
  return {
    text: () => text,
    onLine: (listener: (line: string) => void) => {
      listeners.push(listener);
    },
  };
}

/** The parent's environment without `QUALYS_*` and `SIMULATOR_*`, plus `extra`. */
function childEnv(extra: Readonly<Record<string, string>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('QUALYS_') && !key.startsWith('SIMULATOR_')) env[key] = value;
  }
  return { ...env, ...extra };
}

/**
 * Spawns `node [--import tsx] --import ./scripts/lib/exit-with-parent.mjs <entry>` in
 * {@link REPO_ROOT} and resolves once a stdout line matches `readyPattern`.
 *
 * @throws Error when the child exits, or prints nothing matching within `readyTimeoutMs`; the
 *   child is killed then and the error carries the tail of its stderr.
 */
export async function startNodeProcess(options: StartNodeProcessOptions): Promise<ManagedProcess> {
  installExitHook();
  const child = spawn(
    process.execPath,
    [
      ...(options.nodeArgs ?? []),
      // TypeScript entries run under tsx; compiled ones (`dist/…`, `.mjs`) under plain Node.
      ...(options.entry.endsWith('.ts') ? ['--import', 'tsx'] : []),
      '--import',
      './scripts/lib/exit-with-parent.mjs',
      options.entry,
    ],
    { cwd: REPO_ROOT, env: childEnv(options.env ?? {}), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);

  const stdout = captureLines(child.stdout);
  const stderr = captureLines(child.stderr);
  const out = () => stdout.text();
  const err = () => stderr.text();

  const exited = new Promise<ExitStatus>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timeoutMs = options.readyTimeoutMs ?? 60_000;
    const fail = (reason: string) => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`${options.name}: ${reason}; stderr: ${err().slice(-2_000).trim() || '(empty)'}`));
    };
    const timer = setTimeout(() => fail(`not ready after ${timeoutMs} ms`), timeoutMs);
    const onData = () => {
      const match = options.readyPattern.exec(out());
      if (match?.[1] !== undefined) {
        cleanup();
        resolve(match[1]);
      }
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`exited before it was ready (code ${code}, signal ${signal})`);
    const onError = (error: Error) => {
      // A child that never started emits no 'exit': forget it here.
      running.delete(child);
      fail(`could not be started (${error.message})`);
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
    child.once('error', onError);
  });
  // Ready, so spawned: the pid is set.
  const pid = child.pid ?? -1;
  // A later 'error' (a failed kill) must not crash the caller.
  child.on('error', () => {});

  const isRunning = () => child.exitCode === null && child.signalCode === null;
  return {
    name: options.name,
    pid,
    url,
    stdout: out,
    stderr: err,
    onStderrLine: stderr.onLine,
    onStdoutLine: stdout.onLine,
    isRunning,
    exited,
    stop: async (graceMs = 5_000) => {
      if (isRunning()) {
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.kill('SIGTERM');
        const status = await exited;
        clearTimeout(timer);
        return status;
      }
      return exited;
    },
  };
}

/** Options of {@link startSimulator}. */
export interface StartSimulatorOptions {
  /** TCP port; default 0 (any free port). */
  readonly port?: number | undefined;
  /** Further `SIMULATOR_*` variables (see src/simulator/env.ts), e.g. fleet sizes or latency. */
  readonly env?: Readonly<Record<string, string>> | undefined;
}

/**
 * Starts the stand-alone simulator (`src/simulator/main.ts`) on 127.0.0.1. Ready when it prints
 * `Qualys PM/MTG simulator listening on <url>`; {@link ManagedProcess.url} is that base URL.
 */
export function startSimulator(options: StartSimulatorOptions = {}): Promise<ManagedProcess> {
  return startNodeProcess({
    name: 'simulator',
    entry: 'src/simulator/main.ts',
    env: { SIMULATOR_HOST: '127.0.0.1', SIMULATOR_PORT: String(options.port ?? 0), ...options.env },
    readyPattern: /Qualys PM\/MTG simulator listening on (http:\/\/\S+)/,
  });
}

/** Options of {@link startGateway}. */
export interface StartGatewayOptions {
  /** Base URL of the Qualys API (normally a simulator's {@link ManagedProcess.url}). */
  readonly qualysBaseUrl: string;
  /** TCP port; default 0 (any free port). */
  readonly port?: number | undefined;
  /** Further variables (see src/config.ts), e.g. `QUALYS_CONCURRENCY`; they override the defaults here. */
  readonly env?: Readonly<Record<string, string>> | undefined;
  /** Extra `node` flags (e.g. `--max-old-space-size=256`). */
  readonly nodeArgs?: readonly string[] | undefined;
  /**
   * The entry module, relative to {@link REPO_ROOT}. Default `src/main.ts`; the benchmarks pass
   * `test/bench/gateway-process.mjs`, which must print the same ready line.
   */
  readonly entry?: string | undefined;
}

/**
 * Starts the gateway (`src/main.ts`) on 127.0.0.1 against `qualysBaseUrl` with the simulator's
 * service credentials, GraphiQL off and `GATEWAY_OPEN=true`. Ready when it prints
 * `Qualys PM gateway: <url>`; {@link ManagedProcess.url} is the GraphQL endpoint
 * (`http://127.0.0.1:<port>/graphql`).
 */
export function startGateway(options: StartGatewayOptions): Promise<ManagedProcess> {
  return startNodeProcess({
    name: 'gateway',
    entry: options.entry ?? 'src/main.ts',
    nodeArgs: options.nodeArgs,
    env: {
      QUALYS_BASE_URL: options.qualysBaseUrl,
      QUALYS_USERNAME: SIMULATOR_CREDENTIALS.username,
      QUALYS_PASSWORD: SIMULATOR_CREDENTIALS.password,
      HOST: '127.0.0.1',
      PORT: String(options.port ?? 0),
      GRAPHIQL: 'false',
      GATEWAY_OPEN: 'true',
      ...options.env,
    },
    readyPattern: /Qualys PM gateway: (http:\/\/\S+\/graphql)/,
  });
}

/**
 * The resident set size of a process in bytes, from `VmRSS` in `/proc/<pid>/status` (Linux), or
 * `null` when the process is gone or `/proc` is not available.
 */
export function readRssBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
    return match?.[1] === undefined ? null : Number(match[1]) * 1024;
  } catch {
    return null;
  }
}

/**
 * Installs SIGINT/SIGTERM handlers that stop every child (see {@link stopAll}) and then exit with
 * 128 + the signal number, so Ctrl-C during a soak or benchmark leaves nothing running.
 */
export function stopChildrenOnSignals(): void {
  const handle = (signal: NodeJS.Signals, exitCode: number) => {
    process.once(signal, () => {
      process.stderr.write(`${signal}: stopping the child processes\n`);
      void stopAll(2_000).finally(() => process.exit(exitCode));
    });
  };
  handle('SIGINT', 130);
  handle('SIGTERM', 143);
}
