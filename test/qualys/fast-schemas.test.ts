/**
 * The compiled normalisers (`src/qualys/schemas/fast.ts`) against their zod schemas: on the seed
 * samples, on payloads the simulator generates, and on thousands of seeded mutations of them
 * (numbers as strings, null and absent fields, wrong types, unknown keys), each compiled form
 * must give zod's output exactly, or reject exactly when zod does. Its output must also be a
 * valid input with the same output (the fallback to zod after a rejection runs on the partly
 * normalised value).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { mulberry32 } from '../../scripts/lib/prng.js';
import { compiledOf, INVALID, parseWire } from '../../src/qualys/schemas/fast.js';
import { QualysJobResultSummarySchema } from '../../src/qualys/schemas/job-result.js';
import { QualysPatchListSchema } from '../../src/qualys/schemas/patch.js';
import { createSimulator } from '../../src/simulator/index.js';
import { seedResponses } from '../../src/simulator/seed-data/index.js';

/** Replacement values a Qualys payload (or a drifted one) may carry in any field. */
const ODD_VALUES: readonly unknown[] = [
  null,
  undefined,
  '',
  0,
  1,
  -3,
  2.5,
  '42',
  ' 7 ',
  'x',
  'true',
  'false',
  true,
  false,
  [],
  ['a'],
  [1],
  {},
  { user: 'u' },
  { id: 'i' },
  '[1, 2]',
  '["29995962", "7"]',
  '3, 4',
  '[1, x]',
  Number.NaN,
];

/** Every path (as key lists) to a value inside `value`. */
function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([...prefix, i]);
      paths(item, [...prefix, i], out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      out.push([...prefix, key]);
      paths(item, [...prefix, key], out);
    }
  }
  return out;
}

/** `value` with the field at `path` replaced (or deleted, for `undefined`). */
function mutate(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (replacement === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = replacement;
  return copy;
}

/** Both verdicts on `input`: equal outputs or both rejections; and the output is a fixpoint. */
function expectSame(schema: z.ZodType, input: unknown, label: string): boolean {
  const compiled = compiledOf(schema);
  if (compiled === undefined) throw new Error('no compiled normaliser registered');
  const viaZod = schema.safeParse(structuredClone(input));
  const viaCompiled = compiled(structuredClone(input));
  if (!viaZod.success) {
    expect(viaCompiled, `${label}: zod rejects, the compiled form must too`).toBe(INVALID);
    return false;
  }
  expect(viaCompiled, `${label}: zod accepts, the compiled form must too`).not.toBe(INVALID);
  expect(viaCompiled, label).toEqual(viaZod.data);
  expect(schema.safeParse(structuredClone(viaCompiled)).data, `${label}: output is a valid input`).toEqual(
    viaZod.data,
  );
  return true;
}

async function simulatorSummaries(): Promise<unknown[]> {
  const sim = createSimulator({
    seed: 7,
    fleet: { assets: 200, patches: 300, patchJobs: 30, mitigationJobs: 2 },
  });
  const { url } = await sim.listen(0, '127.0.0.1');
  const headers = { authorization: `Bearer ${sim.issueToken('simulator')}` };
  const bodies: unknown[] = [];
  try {
    const jobs = (await (
      await fetch(`${url}/pm/v1/deploymentjobs?platform=Windows&pageSize=30`, { headers })
    ).json()) as Array<{ id: string }>;
    for (const job of jobs) {
      const runs = (await (
        await fetch(`${url}/pm/v1/deploymentjob/${job.id}/runs`, { headers })
      ).json()) as Array<{
        jobInstanceId?: number;
      }> | null;
      const run = Array.isArray(runs) ? runs.at(-1) : undefined;
      if (run?.jobInstanceId === undefined) continue;
      const res = await fetch(
        `${url}/pm/v1/deploymentjob/${job.id}/deploymentjobresult/summary?jobInstanceId=${run.jobInstanceId}`,
        { headers },
      );
      if (res.ok) bodies.push(await res.json());
      if (bodies.length >= 8) break;
    }
  } finally {
    await sim.close();
  }
  return bodies;
}

/** One compiled normaliser under test: its schema, seed samples and simulator payloads. */
interface Case {
  readonly name: string;
  readonly schema: z.ZodType;
  readonly seeds: unknown[];
  readonly simulator: () => Promise<unknown[]>;
  /** The part of a sample the mutations work on (a few items of its lists). */
  readonly shrink: (body: unknown) => unknown;
}

function suite(c: Case): void {
  const { schema } = c;
  const seeds = c.seeds;

  // (A schema without seed samples would start its mutations from simulator payloads.)
  it.skipIf(seeds.length === 0)('gives zod output on every seed sample', () => {
    for (const [i, body] of seeds.entries()) expect(expectSame(schema, body, `seed ${i}`)).toBe(true);
  });

  it('gives zod output on simulator payloads', async () => {
    const bodies = await c.simulator();
    expect(bodies.length).toBeGreaterThanOrEqual(1);
    for (const [i, body] of bodies.entries()) expect(expectSame(schema, body, `simulator ${i}`)).toBe(true);
  });

  it('agrees with zod on every single-field mutation and 3,000 random pairs, accepting and rejecting alike', async () => {
    const bases = seeds.length > 0 ? seeds : (await c.simulator()).slice(0, 1);
    const random = mulberry32(20261204);
    let accepted = 0;
    let rejected = 0;
    const odd = () => ODD_VALUES[Math.floor(random() * ODD_VALUES.length)];
    for (const [s, seed] of bases.entries()) {
      const base = c.shrink(structuredClone(seed));
      const all = paths(base);
      const check = (input: unknown, label: string) => {
        if (expectSame(schema, input, `${c.name} seed ${s} ${label}`)) accepted++;
        else rejected++;
      };
      // Every field replaced by every odd value, and by a one-item list of it (list items are
      // often absent from the samples).
      for (const path of all) {
        for (const value of ODD_VALUES) {
          check(mutate(base, path, value), `${path.join('.')} = ${String(value)}`);
          check(mutate(base, path, [value]), `${path.join('.')} = [${String(value)}]`);
        }
      }
      // Pairs of independent changes.
      for (let n = 0; n < 3_000 / bases.length; n++) {
        const first = all[Math.floor(random() * all.length)] as (string | number)[];
        const second = all[Math.floor(random() * all.length)] as (string | number)[];
        let input = mutate(base, first, random() < 0.33 ? [odd()] : odd());
        try {
          input = mutate(input, second, odd());
        } catch {
          // the first change removed the second path's parent
        }
        check(input, `${first.join('.')} and ${second.join('.')}`);
      }
      // Unknown keys are kept as zod keeps them, or dropped where zod strips them (objects only:
      // a JSON array has no named properties).
      for (const path of all.filter((p) => typeof p[p.length - 1] === 'string')) {
        check(mutate(base, [...path.slice(0, -1), 'unexpectedField'], { x: 1 }), 'unknown key');
      }
    }
    // The mutations exercise both verdicts.
    expect(accepted).toBeGreaterThan(100);
    expect(rejected).toBeGreaterThan(100);
  });
}

async function simulatorPatches(): Promise<unknown[]> {
  const sim = createSimulator({
    seed: 7,
    fleet: { assets: 50, patches: 400, patchJobs: 2, mitigationJobs: 1 },
  });
  const { url } = await sim.listen(0, '127.0.0.1');
  const headers = {
    authorization: `Bearer ${sim.issueToken('simulator')}`,
    'content-type': 'application/json',
  };
  try {
    const bodies: unknown[] = [];
    for (const platform of ['Windows', 'Linux']) {
      const list = await (
        await fetch(`${url}/pm/v1/patches?platform=${platform}&pageSize=50`, { headers })
      ).json();
      bodies.push(list);
      const ids = (list as Array<{ id: string }>).map((p) => p.id).slice(0, 20);
      const catalog = await fetch(`${url}/pm/v1/patchcatalog/patches?platform=${platform}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ patchUuid: ids }),
      });
      expect(catalog.status).toBe(200);
      bodies.push(await catalog.json());
      // With `attributes`, the catalog answers only those (and the id).
      const some = await fetch(
        `${url}/pm/v1/patchcatalog/patches?platform=${platform}&attributes=id,title,qid`,
        {
          method: 'POST',
          headers,
          body: JSON.stringify({ patchUuid: ids }),
        },
      );
      bodies.push(await some.json());
    }
    return bodies;
  } finally {
    await sim.close();
  }
}

describe('compiled normaliser of the job result summary', () => {
  suite({
    name: 'result summary',
    schema: QualysJobResultSummarySchema,
    seeds: seedResponses()
      .filter((s) => s.path.includes('/deploymentjobresult/summary'))
      .map((s) => s.body),
    simulator: simulatorSummaries,
    // The first two asset results of the sample.
    shrink: (body) => {
      const b = body as { assets?: unknown[] };
      if (Array.isArray(b.assets)) b.assets = b.assets.slice(0, 2);
      return b;
    },
  });

  it('parseWire falls back to zod on a rejection, so the issues are zod issues', () => {
    const bad = { id: 'j', assets: [{ asset: { id: 7 } }] };
    const result = parseWire(QualysJobResultSummarySchema, bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['assets', 0, 'asset', 'id']);
  });
});

describe('compiled normaliser of the patch list and catalog', () => {
  suite({
    name: 'patches',
    schema: QualysPatchListSchema,
    seeds: seedResponses()
      .filter((s) => s.method === 'GET' && s.path.startsWith('/pm/v1/patches?'))
      .map((s) => s.body),
    simulator: simulatorPatches,
    // The first two patches (a list of patches is the whole body).
    shrink: (body) => (Array.isArray(body) ? body.slice(0, 2) : body),
  });
});
