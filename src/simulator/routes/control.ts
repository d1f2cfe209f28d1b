/**
 * The simulator's own control endpoints under `/__simulator/` (no token, no latency, not logged):
 *
 * - `GET /__simulator/requests` -> `{"requests": [SimulatorRequestLogEntry, ...]}`;
 * - `DELETE /__simulator/requests` -> 204, empties the log;
 * - `POST /__simulator/faults` with a JSON fault (`path` a string or `{"regex": "...", "flags": "i"}`)
 *   -> 201 `{"id": n}`; an invalid fault -> 400 (9001);
 * - `DELETE /__simulator/faults` -> 204, removes every fault;
 * - `GET /__simulator/config` -> the fault modes in force; `PUT /__simulator/config` with a JSON
 *   object of fault modes (present keys replace, `null` switches off) -> 200 with the modes now in
 *   force; invalid -> 400 (9001);
 * - `GET /__simulator/stats` -> `{"stats": {"<username>": SimulatorTenantStats}}`;
 *   `DELETE /__simulator/stats` -> 204, zeroes the counters;
 * - `POST /__simulator/expire-tokens` -> 204, every token issued so far answers 401 `JWT expired`.
 *
 * @module
 */
import { z } from 'zod';
import { badParameter, SimulatorErrorCode, SimulatorHttpError } from '../errors.js';
import { type FaultModes, parseFaultModes } from '../fault-modes.js';
import type { FaultRegistry } from '../faults.js';
import type { RequestLog } from '../request-log.js';
import type { RouteAnswer } from '../router.js';
import type { SimulatorFault } from '../types.js';

/** Path prefix of the control endpoints. */
export const CONTROL_PREFIX = '/__simulator/';

/** The JSON form of a {@link SimulatorFault}. */
export const FaultRequestSchema = z.object({
  method: z.string().min(1).optional(),
  path: z.union([z.string().min(1), z.object({ regex: z.string().min(1), flags: z.string().optional() })]),
  status: z.number().int().min(100).max(599),
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  times: z.number().int().positive().optional(),
  delayMs: z.number().int().nonnegative().optional(),
  malformed: z.boolean().optional(),
});

/** What the control endpoints act on. */
export interface ControlDeps {
  readonly log: RequestLog;
  readonly faults: FaultRegistry;
  readonly modes: FaultModes;
  readonly expireTokens: () => void;
}

function methodNotAllowed(method: string, path: string, allow: string): SimulatorHttpError {
  return new SimulatorHttpError(
    405,
    SimulatorErrorCode.METHOD_NOT_ALLOWED,
    `Method ${method} not allowed on ${path}`,
    { Allow: allow },
  );
}

function parseConfig(rawBody: string): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw badParameter('Invalid config: the body must be a JSON object');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw badParameter('Invalid config: the body must be a JSON object');
  }
  const parsed = parseFaultModes(json);
  if (!parsed.ok) {
    throw badParameter(`Invalid config: ${parsed.problems.join('; ')}`);
  }
  return json as Record<string, unknown>;
}

function parseFault(rawBody: string): SimulatorFault {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw badParameter('Invalid fault: the body must be a JSON object');
  }
  const result = FaultRequestSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`,
    );
    throw badParameter(`Invalid fault: ${problems.join('; ')}`);
  }
  const { path, ...rest } = result.data;
  let matcher: string | RegExp;
  if (typeof path === 'string') {
    matcher = path;
  } else {
    try {
      matcher = new RegExp(path.regex, path.flags);
    } catch (error) {
      throw badParameter(`Invalid fault: path.regex: ${(error as Error).message}`);
    }
  }
  const fault: SimulatorFault = {
    path: matcher,
    status: rest.status,
    ...(rest.method === undefined ? {} : { method: rest.method }),
    ...(rest.body === undefined ? {} : { body: rest.body }),
    ...(rest.headers === undefined ? {} : { headers: rest.headers }),
    ...(rest.times === undefined ? {} : { times: rest.times }),
    ...(rest.delayMs === undefined ? {} : { delayMs: rest.delayMs }),
    ...(rest.malformed === undefined ? {} : { malformed: rest.malformed }),
  };
  return fault;
}

/**
 * Handles one control request.
 *
 * @param method - request method.
 * @param path - request path (starts with {@link CONTROL_PREFIX}).
 * @param rawBody - request body.
 * @param deps - the log, the faults, the fault modes and token expiry.
 * @throws SimulatorHttpError 404 (9005) for an unknown control path, 405 (9006) for a wrong method,
 * 400 (9001) for an invalid fault or fault modes.
 */
export function handleControl(method: string, path: string, rawBody: string, deps: ControlDeps): RouteAnswer {
  const name = path.slice(CONTROL_PREFIX.length).replace(/\/$/, '');
  if (name === 'requests') {
    if (method === 'GET') {
      return { json: { requests: deps.log.list() } };
    }
    if (method === 'DELETE') {
      deps.log.reset();
      return { status: 204 };
    }
    throw methodNotAllowed(method, path, 'GET, DELETE');
  }
  if (name === 'faults') {
    if (method === 'POST') {
      const { id } = deps.faults.add(parseFault(rawBody));
      return { status: 201, json: { id } };
    }
    if (method === 'DELETE') {
      deps.faults.clear();
      return { status: 204 };
    }
    throw methodNotAllowed(method, path, 'POST, DELETE');
  }
  if (name === 'config') {
    if (method === 'GET') {
      return { json: deps.modes.modes() };
    }
    if (method === 'PUT') {
      return { json: deps.modes.configure(parseConfig(rawBody)) };
    }
    throw methodNotAllowed(method, path, 'GET, PUT');
  }
  if (name === 'stats') {
    if (method === 'GET') {
      return { json: { stats: deps.modes.stats() } };
    }
    if (method === 'DELETE') {
      deps.modes.resetStats();
      return { status: 204 };
    }
    throw methodNotAllowed(method, path, 'GET, DELETE');
  }
  if (name === 'expire-tokens') {
    if (method === 'POST') {
      deps.expireTokens();
      return { status: 204 };
    }
    throw methodNotAllowed(method, path, 'POST');
  }
  throw new SimulatorHttpError(404, SimulatorErrorCode.NO_ROUTE, `No simulator control endpoint ${path}`);
}
