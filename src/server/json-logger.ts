/**
 * `createJsonLogger(level, write)`: Yoga's logger as one JSON line per entry, e.g.
 * `{"level":"error","msg":"Qualys answered HTTP 503 (GET /pm/v1/deploymentjobs)","name":"QualysHttpError","code":"QUALYS_HTTP_STATUS"}`.
 * Errors are logged by name, `code` and message, never with their stack or fields: Yoga's
 * default logger prints a multi-line stack for every upstream failure it masks (thousands of
 * lines a second under upstream faults, measured by `npm run soak`), and the fields of a Qualys
 * error are never needed to operate the gateway. Messages are the full internal ones (with the
 * endpoint template); tokens and passwords never appear in them (test/server/error-masking.test.ts).
 */
import type { YogaLogger } from 'graphql-yoga';

/** Yoga's log levels, lowest first. */
const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

function describe(value: unknown): Record<string, unknown> {
  if (value instanceof Error) {
    const code = (value as { code?: unknown }).code;
    const original = (value as { originalError?: unknown }).originalError;
    return {
      name: value.name,
      ...(typeof code === 'string' ? { code } : {}),
      message: value.message,
      ...(original instanceof Error && original !== value ? { cause: describe(original) } : {}),
    };
  }
  return { value: typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)) };
}

/**
 * A Yoga logger writing entries at `level` and above to `write` (default: stderr) as JSON lines
 * `{ level, msg, ...details }`: the first string argument is `msg`; one Error argument adds
 * `name`, `code`, `message` (and `cause` for a wrapped error); other arguments go to `details`.
 */
export function createJsonLogger(
  level: Level,
  write: (line: string) => void = (l) => process.stderr.write(l),
): YogaLogger {
  const min = LEVELS.indexOf(level);
  const entry =
    (at: Level) =>
    (...args: unknown[]): void => {
      if (LEVELS.indexOf(at) < min) return;
      const msg = typeof args[0] === 'string' ? (args.shift() as string) : '';
      const error = args.findIndex((a) => a instanceof Error);
      const fields = error >= 0 ? describe(args.splice(error, 1)[0]) : {};
      const details =
        args.length > 0 ? { details: args.map((a) => describe(a)['value'] ?? describe(a)) } : {};
      write(
        `${JSON.stringify({ level: at, msg: msg || (fields['message'] ?? ''), ...fields, ...details })}\n`,
      );
    };
  return { debug: entry('debug'), info: entry('info'), warn: entry('warn'), error: entry('error') };
}
