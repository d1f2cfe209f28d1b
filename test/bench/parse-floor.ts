/**
 * The parse floor of a benchmark scenario: the CPU any gateway must spend on one request's data,
 * measured in the benchmark process. It is `JSON.parse` of every upstream answer body the
 * request needed, plus `JSON.stringify` of the GraphQL answer. The gateway's CPU per request, as
 * a multiple of this floor, says how much it spends beyond reading its inputs and writing its
 * output.
 *
 * The bodies come from replaying, from this process, the requests the simulator logged for one
 * gateway request (same method, path, query and JSON body, with a token of the simulator's
 * tenant). The simulator is deterministic, so the answers are the ones the gateway read. The
 * time is the median of `rounds` repetitions, after one warm-up.
 *
 * @module
 */
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { SIMULATOR_CREDENTIALS } from '../../scripts/lib/processes.js';

/** One entry of the simulator's request log (the fields replayed). */
export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** The floor of one request. */
export interface ParseFloor {
  /** Median ms of parsing every upstream body and serialising the answer once. */
  readonly floorMs: number;
  /** Bytes of upstream bodies parsed. */
  readonly upstreamBytes: number;
  /** Bytes of the serialised answer. */
  readonly answerBytes: number;
}

async function token(simulatorUrl: string): Promise<string> {
  const res = await request(`${simulatorUrl}/auth`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...SIMULATOR_CREDENTIALS, token: 'true' }).toString(),
  });
  return (await res.body.text()).trim();
}

/** Replays `logged` against the simulator and times the floor of those bodies and `answer`. */
export async function measureParseFloor(
  simulatorUrl: string,
  logged: readonly LoggedRequest[],
  answer: unknown,
  rounds = 7,
): Promise<ParseFloor> {
  const bearer = await token(simulatorUrl);
  const bodies: string[] = [];
  for (const entry of logged) {
    if (entry.path === '/auth') continue;
    const query = new URLSearchParams(entry.query).toString();
    const res = await request(`${simulatorUrl}${entry.path}${query === '' ? '' : `?${query}`}`, {
      method: entry.method as 'GET',
      headers: {
        authorization: `Bearer ${bearer}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      ...(entry.body === null || entry.body === undefined ? {} : { body: JSON.stringify(entry.body) }),
    });
    bodies.push(await res.body.text());
  }
  const once = () => {
    for (const body of bodies) if (body !== '') JSON.parse(body);
    return JSON.stringify(answer).length;
  };
  const answerBytes = once();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    once();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    floorMs: times[Math.floor(times.length / 2)] ?? Number.NaN,
    upstreamBytes: bodies.reduce((sum, b) => sum + Buffer.byteLength(b), 0),
    answerBytes,
  };
}
