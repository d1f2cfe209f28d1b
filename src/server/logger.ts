/**
 * Structured logs (pino): one JSON line per entry, e.g.
 * `{"level":"error","time":"…","reqId":"5f0c…","msg":"Qualys answered HTTP 503 (GET /pm/v1/deploymentjobs)","err":{"name":"QualysHttpError","code":"QUALYS_HTTP_STATUS",…}}`.
 *
 * - {@link createLogger}: the root logger, with redaction of credential fields (`authorization`,
 *   `password`, `token`, `x-api-key`, at the top level, one level down and under `headers`) and
 *   masking of JWTs and `Bearer`/`ApiKey` values in messages and error messages.
 * - {@link useRequestLogging}: per request, a request id (the caller's `x-request-id` when it is
 *   sane, else a random UUID), echoed as the `x-request-id` response header, and a child logger
 *   carrying it as `reqId`. The child is the current logger for the rest of the request (an
 *   `AsyncLocalStorage` entered in `onRequest`), so Yoga's logger ({@link yogaLoggerFrom}) and
 *   the Qualys client's logger ({@link qualysLoggerFrom}) write the request's `reqId` too.
 *   One `request completed` line per request (method, path, status, duration; at `debug` for
 *   the probe and scrape paths).
 *
 * Errors are logged by name, code and message, never with their stack or fields: Yoga logs
 * every upstream failure it masks (thousands a second under upstream faults, `npm run soak`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { GraphQLError } from 'graphql';
import type { YogaLogger } from 'graphql-yoga';
import { type DestinationStream, destination, type Logger, pino, stdTimeFunctions } from 'pino';
import type { QualysLogger } from '../qualys/api.js';
import { QualysError } from '../qualys/errors.js';

/** pino's levels the gateway uses (`LOG_LEVEL`). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** A log level (`LOG_LEVEL`). */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Paths pino replaces with `[redacted]` (pino `redact.paths`). */
export const REDACTED_PATHS = [
  'authorization',
  'password',
  'token',
  '["x-api-key"]',
  '*.authorization',
  '*.password',
  '*.token',
  '*["x-api-key"]',
  'headers.authorization',
  'headers["x-api-key"]',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
  '*.headers.cookie',
];

/** Masks JWTs and `Bearer`/`ApiKey` credentials in a string. */
export function maskSecrets(text: string): string {
  return text
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[redacted]')
    .replace(/\b(Bearer|ApiKey)\s+(?!\[redacted\])\S+/gi, '$1 [redacted]');
}

/** An error as logged: name, code, message (masked), and the wrapped error the same way. */
function serializeError(value: unknown, depth = 0): Record<string, unknown> {
  if (!(value instanceof Error)) return { message: maskSecrets(String(value)) };
  const code = (value as { code?: unknown }).code;
  const original = (value as { originalError?: unknown }).originalError;
  return {
    name: value.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: maskSecrets(value.message).slice(0, 1000),
    ...(original instanceof Error && original !== value && depth < 3
      ? { cause: serializeError(original, depth + 1) }
      : {}),
  };
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Lowest level written. Default `info`. */
  level?: LogLevel | undefined;
  /** Where lines go. Default: stderr (`pino.destination(2)`). */
  destination?: DestinationStream | undefined;
}

/** Creates the root logger (see the module comment). */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: null,
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: { err: (e: unknown) => serializeError(e) },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === 'string' ? maskSecrets(a) : a));
          method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    options.destination ?? destination({ fd: 2, sync: false }),
  );
}

/** The request's child logger while a request is handled (see {@link useRequestLogging}). */
const requestScope = new AsyncLocalStorage<Logger>();

/**
 * Makes `log` the current logger for the rest of the request being handled (its async context),
 * so later lines (Yoga's, the Qualys client's) carry its `reqId`. Called by `useRequestLogging`.
 */
export function enterRequestLogger(log: Logger): void {
  requestScope.enterWith(log);
}

/** The current request's logger, else `root`. */
export function currentLogger(root: Logger): Logger {
  return requestScope.getStore() ?? root;
}

/**
 * The level an error Yoga logs at `error` deserves: the caller's mistakes (a GraphQL error of
 * its own making: invalid syntax, arguments or variables, a refused operation) `info`; Qualys
 * failing (a `QualysError` that Qualys caused: an answer or its absence) `warn`; a payload the
 * gateway cannot read (`QUALYS_BAD_PAYLOAD`: the API changed under it), errors raised in this
 * process (`QUALYS_REQUEST_INVALID`) and everything else `error`.
 */
export function levelOfLoggedError(err: unknown): 'info' | 'warn' | 'error' {
  if (!(err instanceof GraphQLError)) return 'error';
  const original = err.originalError;
  if (original === undefined || original === null || original instanceof GraphQLError) return 'info';
  if (original instanceof QualysError) {
    return original.code === 'QUALYS_REQUEST_INVALID' || original.code === 'QUALYS_BAD_PAYLOAD'
      ? 'error'
      : 'warn';
  }
  return 'error';
}

/**
 * Yoga's logger over pino: the first string argument is `msg`; an Error argument is `err`
 * (name, code, message); other arguments go to `details`. Writes to the current request's
 * logger, so entries carry its `reqId`. Errors Yoga logs at `error` (every error it masks) are
 * written at {@link levelOfLoggedError}: a caller's bad input is not the operator's problem.
 * Within one request, an error whose underlying failure was already logged is not logged again
 * (one failed Qualys call errors every field that needed it).
 */
export function yogaLoggerFrom(root: Logger): YogaLogger {
  // Failures already logged, per request logger: one failed call errors every field that needed
  // it (thousands, for a catalog lookup of a dashboard's patch references), and one line says it.
  const loggedFailures = new WeakMap<Logger, WeakSet<object>>();
  const alreadyLogged = (log: Logger, error: unknown): boolean => {
    const original = error instanceof GraphQLError ? error.originalError : undefined;
    if (original === undefined || original === null || log === root) return false;
    let seen = loggedFailures.get(log);
    if (seen === undefined) {
      seen = new WeakSet();
      loggedFailures.set(log, seen);
    }
    if (seen.has(original)) return true;
    seen.add(original);
    return false;
  };
  const entry =
    (requested: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]): void => {
      const log = currentLogger(root);
      const firstError = args.find((a) => a instanceof Error);
      if (requested === 'error' && firstError !== undefined && alreadyLogged(log, firstError)) return;
      const level =
        requested === 'error' && firstError !== undefined ? levelOfLoggedError(firstError) : requested;
      if (!log.isLevelEnabled(level)) return;
      const msg = typeof args[0] === 'string' ? (args.shift() as string) : undefined;
      const at = args.findIndex((a) => a instanceof Error);
      const err = at >= 0 ? args.splice(at, 1)[0] : undefined;
      const details =
        args.length > 0 ? args.map((a) => (typeof a === 'string' ? a : safeJson(a))) : undefined;
      log[level](
        { ...(err === undefined ? {} : { err }), ...(details === undefined ? {} : { details }) },
        msg ?? (err instanceof Error ? err.message : ''),
      );
    };
  return { debug: entry('debug'), info: entry('info'), warn: entry('warn'), error: entry('error') };
}

function safeJson(value: unknown): string {
  try {
    return maskSecrets(JSON.stringify(value) ?? String(value)).slice(0, 1000);
  } catch {
    return String(value);
  }
}

/** The Qualys client's logger over pino, writing to the current request's logger. */
export function qualysLoggerFrom(root: Logger): QualysLogger {
  return {
    debug: (obj, msg) => currentLogger(root).debug(obj, msg),
    warn: (obj, msg) => currentLogger(root).warn(obj, msg),
    error: (obj, msg) => currentLogger(root).error(obj, msg),
  };
}
