/**
 * Property-based tests of the seven job mutations through the gateway, in process, against the
 * simulator: arbitraries build an otherwise valid input, then break a random subset of the
 * documented rules (at most one change per group of fields, so the expected violations are
 * known). Properties: never a crash (no top-level error but BAD_USER_INPUT for malformed
 * arguments, never INTERNAL_SERVER_ERROR); invalid input makes no write (creates: no call at
 * all) and answers exactly one user error per broken rule, at its path; valid input answers the
 * job and makes exactly the expected upstream calls. Fixed seeds, so runs are reproducible.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CreateMitigationJobDocument,
  type CreateMitigationJobInput,
  CreatePatchJobDocument,
  type CreatePatchJobInput,
  DeletePatchJobsDocument,
  SetMitigationJobsStatusDocument,
  SetPatchJobsStatusDocument,
  UpdateMitigationJobDocument,
  type UpdateMitigationJobInput,
  UpdatePatchJobDocument,
  type UpdatePatchJobInput,
} from '../../schema/generated/graphql.js';
import { WEEKDAYS } from '../../src/jobs/index.js';
import { type GraphQLResponse, type Harness, startHarness } from '../helpers/harness.js';
import { userIds } from '../jobs/fixtures.js';

const RUNS = 150;
const ASSETS = [
  'fd64d050-a794-46c0-b714-4aecb286ff9d',
  '28e69c01-8e59-4520-83da-a934becf9d88',
  '08a028e6-7e1d-4dbf-b040-48d9059dee08',
];
const TAGS = ['576b4fab-2682-433e-b3e6-c4ea9861ae75', 'c4c928b0-ab93-44ff-9da9-f56ad109d2eb'];
const PATCHES = ['0536aeee-60c0-383b-bbdd-8b8d1a35b6fa', '444ba31a-0f94-3199-870e-ef8ab1a5a477'];
const EMAILS = ['ops@example.com', 'sec@example.org', 'john.doe@example.com'];
const TIMEZONES = ['UTC', 'Asia/Kolkata', 'America/New_York', 'Europe/Berlin'];
const UNKNOWN_JOB = '00000000-0000-4000-8000-00000000beef';

type Platform = 'WINDOWS' | 'LINUX';
type Input = Record<string, unknown>;
/**
 * A violation: code, path under `input`, and (for updates) whether the input alone decides it
 * (default) or the rule needs the current job (`'needs-job'`, e.g. platform-only settings).
 */
type Violation = readonly [code: string, path: readonly string[], needs?: 'needs-job'];

/** One way to break one rule: the change, and the violations it causes on the final input. */
interface Break {
  readonly apply: (input: Input) => void;
  readonly expected: (input: Input) => readonly Violation[];
}

const set =
  (values: Input): Break['apply'] =>
  (input) => {
    Object.assign(input, values);
  };
const only =
  (...violations: Violation[]): Break['expected'] =>
  () =>
    violations;

// Valid parts ---------------------------------------------------------------------------------

const localDateTime = fc
  .record({
    y: fc.integer({ min: 2026, max: 2030 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ y, mo, d, h, mi, s }) => {
    const p = (n: number) => String(n).padStart(2, '0');
    return `${y}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}`;
  });
const timezone = fc.constantFrom(...TIMEZONES);
const weekday = fc.constantFrom(...WEEKDAYS);
const zone = fc.oneof(
  timezone.map((tz) => ({ timezone: tz })),
  fc.constant({ timezoneType: 'AGENT_TZ' }),
);

const validPatchSchedule = fc.oneof(
  fc.constant({ type: 'ON_DEMAND' }),
  fc
    .record({ start: localDateTime, zone })
    .map(({ start, zone: z }) => ({ type: 'ONCE', startDateTime: start, ...z })),
  fc
    .record({ start: localDateTime, zone })
    .map(({ start, zone: z }) => ({ type: 'DAILY', startDateTime: start, ...z })),
  fc
    .record({ start: localDateTime, zone, days: fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }) })
    .map(({ start, zone: z, days }) => ({ type: 'WEEKLY', startDateTime: start, weekDays: days, ...z })),
  fc
    .record({
      start: localDateTime,
      zone,
      rule: fc.oneof(
        fc.integer({ min: 1, max: 31 }).map((d) => ({ dayOfMonth: d })),
        fc.constant({ lastDayOfMonth: true }),
        fc.record({ weekOfMonth: fc.integer({ min: 1, max: 5 }), weekDayOfMonth: weekday }),
        fc
          .oneof(fc.integer({ min: -27, max: -1 }), fc.integer({ min: 1, max: 27 }))
          .map((o) => ({ patchTuesdayOffsetDays: o })),
      ),
    })
    .map(({ start, zone: z, rule }) => ({ type: 'MONTHLY', startDateTime: start, ...z, ...rule })),
);

const validMitigationSchedule = fc.oneof(
  fc.constant({ type: 'ON_DEMAND' }),
  fc
    .record({ start: localDateTime, tz: timezone })
    .map(({ start, tz }) => ({ type: 'ONCE', startDateTime: start, timezone: tz })),
);

const targets = fc
  .record({
    assetIds: fc.subarray(ASSETS, { minLength: 1 }),
    tagIds: fc.subarray(TAGS),
    tagMatch: fc.constantFrom('ANY', 'ALL'),
  })
  .map((t) => ({ ...t, exclusionTagIds: [] }));

const notification = fc.record(
  {
    recipientEmails: fc.subarray(EMAILS, { minLength: 1 }),
    completedPercentage: fc.integer({ min: 1, max: 100 }),
    onJobStart: fc.boolean(),
    onJobComplete: fc.boolean(),
  },
  { requiredKeys: ['recipientEmails'] },
);

const duration = (hours: [number, number], minutes: [number, number]) =>
  fc.oneof(
    fc.integer({ min: hours[0], max: hours[1] }).map((value) => ({ value, unit: 'HOURS' })),
    fc.integer({ min: minutes[0], max: minutes[1] }).map((value) => ({ value, unit: 'MINUTES' })),
  );
const deferment = fc.record({
  count: fc.integer({ min: 0, max: 99 }),
  interval: fc.integer({ min: 0, max: 168 }),
  intervalUnit: fc.constant('HOURS'),
});
const message = fc.record(
  { message: fc.string({ maxLength: 20 }), description: fc.string({ maxLength: 20 }) },
  { requiredKeys: [] },
);

/** The settings valid on a platform (keys omitted at random). */
function validSettings(platform: Platform) {
  const common = {
    description: fc.string({ maxLength: 30 }),
    status: fc.constantFrom('ENABLED', 'DISABLED'),
    targets,
    preDeploymentMessage: message,
    deferment,
    rebootSettings: fc.record(
      {
        suppressReboots: fc.boolean(),
        honorUserLogin: fc.boolean(),
        countdown: duration([1, 24], [1, 1440]),
        deferment,
      },
      { requiredKeys: [] },
    ),
    completionMessage: message,
    downloadRandomization: duration([0, 8], [0, 480]),
    timeout: duration([1, 168], [1, 10_080]),
    coAuthorIds: fc.subarray(userIds(5)),
    notification,
  };
  if (platform === 'WINDOWS') {
    const windows = {
      reattemptFailedPatches: fc.record({
        attempts: fc.integer({ min: 1, max: 5 }),
        backoffInterval: fc.integer({ min: 1, max: 15 }),
      }),
      opportunisticDownloads: fc.boolean(),
      minimizeWindow: fc.boolean(),
      alwaysShowCompletedPrompt: fc.boolean(),
    };
    return fc.record({ ...common, ...windows }, { requiredKeys: ['targets'] }).map((x): Input => x);
  }
  const linux = { updatePackageCache: fc.boolean(), continueOnPatchFailure: fc.boolean() };
  return fc.record({ ...common, ...linux }, { requiredKeys: ['targets'] }).map((x): Input => x);
}

/** Type and patch source, consistent (QQL for Install jobs only). */
function validTypeAndPatches(linkable: string) {
  return fc.oneof(
    fc.record({
      type: fc.constantFrom('INSTALL', 'ROLLBACK'),
      patches: fc.subarray(PATCHES, { minLength: 1 }).map((ids) => ({ patchIds: ids })),
    }),
    fc
      .constantFrom('isSecurity:true', 'vendorSeverity:Critical')
      .map((qql) => ({ type: 'INSTALL', patches: { qql } })),
    fc.constant({ type: 'INSTALL', patches: { linkedJobId: linkable } }),
  );
}

// Breakers ------------------------------------------------------------------------------------

const START = '2026-12-01T22:00:00';

/**
 * Schedule breakers (each a full schedule with a type, so also local in updates); `types` are the
 * schedule types valid for the job kind.
 */
const scheduleBreaks = (types: readonly [string, ...string[]]): fc.Arbitrary<Break>[] => [
  fc.constantFrom(...types).map((type) => ({
    apply: set({ schedule: { type, timezone: 'UTC' } }),
    expected: only(['START_TIME_REQUIRED', ['schedule', 'startDateTime']]),
  })),
  fc.constantFrom('2026-02-30T10:00:00', '2026-13-01T10:00:00', '2027-04-31T00:00:00').map((start) => ({
    apply: set({ schedule: { type: 'ONCE', startDateTime: start, timezone: 'UTC' } }),
    expected: only(['INVALID_DATE_TIME', ['schedule', 'startDateTime']]),
  })),
  fc.constantFrom('Mars/Base', 'GMT+25', 'utc/x').map((tz) => ({
    apply: set({ schedule: { type: 'ONCE', startDateTime: START, timezone: tz } }),
    expected: only(['INVALID_TIMEZONE', ['schedule', 'timezone']]),
  })),
  fc.constant({
    apply: set({ schedule: { type: 'ONCE', startDateTime: START } }),
    expected: only(['REQUIRED', ['schedule', 'timezone']]),
  }),
  fc.constant({
    apply: set({
      schedule: { type: 'ONCE', startDateTime: START, timezone: 'UTC', timezoneType: 'AGENT_TZ' },
    }),
    expected: only(['SCHEDULE_FIELD_MISMATCH', ['schedule', 'timezone']]),
  }),
];

/** Patch-job schedule breakers. */
const patchScheduleBreaks: fc.Arbitrary<Break>[] = [
  ...scheduleBreaks(['ONCE', 'DAILY']),
  fc.constant({
    apply: set({ schedule: { type: 'WEEKLY', startDateTime: START, timezone: 'UTC' } }),
    expected: only(['REQUIRED', ['schedule', 'weekDays']]),
  }),
  fc.constant({
    apply: set({ schedule: { type: 'DAILY', startDateTime: START, timezone: 'UTC', weekDays: ['MONDAY'] } }),
    expected: only(['SCHEDULE_FIELD_MISMATCH', ['schedule', 'weekDays']]),
  }),
  fc.constant({
    apply: set({
      schedule: {
        type: 'MONTHLY',
        startDateTime: START,
        timezone: 'UTC',
        dayOfMonth: 2,
        patchTuesdayOffsetDays: 1,
      },
    }),
    expected: only(['MONTHLY_DAY_CONFLICT', ['schedule']]),
  }),
  fc.constant({
    apply: set({ schedule: { type: 'MONTHLY', startDateTime: START, timezone: 'UTC' } }),
    expected: only(['MONTHLY_DAY_MISSING', ['schedule']]),
  }),
  fc.integer({ min: 32, max: 400 }).map((day) => ({
    apply: set({ schedule: { type: 'MONTHLY', startDateTime: START, timezone: 'UTC', dayOfMonth: day } }),
    expected: only(['OUT_OF_RANGE', ['schedule', 'dayOfMonth']]),
  })),
  fc
    .oneof(fc.constant(0), fc.integer({ min: 28, max: 90 }), fc.integer({ min: -90, max: -28 }))
    .map((offset) => ({
      apply: set({
        schedule: { type: 'MONTHLY', startDateTime: START, timezone: 'UTC', patchTuesdayOffsetDays: offset },
      }),
      expected: only(['OUT_OF_RANGE', ['schedule', 'patchTuesdayOffsetDays']]),
    })),
  fc.integer({ min: 6, max: 50 }).map((week) => ({
    apply: set({
      schedule: {
        type: 'MONTHLY',
        startDateTime: START,
        timezone: 'UTC',
        weekOfMonth: week,
        weekDayOfMonth: 'FRIDAY',
      },
    }),
    expected: only(['OUT_OF_RANGE', ['schedule', 'weekOfMonth']]),
  })),
];

const notificationBreaks: fc.Arbitrary<Break>[] = [
  fc.constantFrom('nope', 'a@', '@example.com', 'a b@example.com').map((bad) => ({
    apply: set({ notification: { recipientEmails: [bad, 'ops@example.com'] } }),
    expected: only(['INVALID_EMAIL', ['notification', 'recipientEmails', '0']]),
  })),
  fc.oneof(fc.integer({ min: -50, max: 0 }), fc.integer({ min: 101, max: 1000 })).map((pct) => ({
    apply: set({ notification: { recipientEmails: ['ops@example.com'], completedPercentage: pct } }),
    expected: only(['OUT_OF_RANGE', ['notification', 'completedPercentage']]),
  })),
  fc.constant({
    apply: set({ notification: { emailEnabled: true, recipientEmails: [] } }),
    expected: only(['REQUIRED', ['notification', 'recipientEmails']]),
  }),
];

/** Groups of breakers shared by both job kinds; one option per group at most. */
function commonGroups(): fc.Arbitrary<Break>[][] {
  return [
    [
      fc
        .constantFrom('', '   ', '\t')
        .map((name) => ({ apply: set({ name }), expected: only(['REQUIRED', ['name']]) })),
    ],
    [
      fc.integer({ min: 201, max: 260 }).map((n) => ({
        apply: set({ coAuthorIds: userIds(n) }),
        expected: only(['TOO_MANY', ['coAuthorIds']]),
      })),
    ],
    [
      fc.constant({
        apply: set({ targets: { assetIds: [], tagIds: [] } }),
        expected: only(['TARGETS_MISSING', ['targets']]),
      }),
    ],
    notificationBreaks,
  ];
}

/** The final platform's name in an input. */
const platformOf = (input: Input) => input['platform'];

/** Breaker groups of patch jobs for a base platform. */
function patchGroups(platform: Platform, forUpdate: boolean): fc.Arbitrary<Break>[][] {
  const platformOnly: fc.Arbitrary<Break>[] = (
    platform === 'WINDOWS'
      ? [
          ['updatePackageCache', true],
          ['continueOnPatchFailure', true],
        ]
      : [
          ['opportunisticDownloads', true],
          ['minimizeWindow', true],
          ['alwaysShowCompletedPrompt', true],
          ['reattemptFailedPatches', { attempts: 2, backoffInterval: 3 }],
        ]
  ).map(([field, value]) =>
    fc.constant({
      apply: set({ [field as string]: value }),
      // MAC (below) is not in the same group, and the rule is skipped for MAC: see `expected`.
      expected: (input: Input) =>
        platformOf(input) === 'MAC'
          ? []
          : ([['PLATFORM_UNSUPPORTED', [field as string], 'needs-job']] as Violation[]),
    }),
  );
  const groups: fc.Arbitrary<Break>[][] = [
    ...commonGroups(),
    [
      fc.constant({
        apply: set({ patches: { patchIds: [PATCHES[0]], linkedJobId: UNKNOWN_JOB } }),
        expected: only(['PATCH_SOURCE_CONFLICT', ['patches']]),
      }),
      fc.constant({ apply: set({ patches: {} }), expected: only(['PATCH_SOURCE_MISSING', ['patches']]) }),
      fc.constant({
        apply: set({ type: 'ROLLBACK', patches: { qql: 'isSecurity:true' } }),
        expected: only(['QQL_NOT_ALLOWED_FOR_ROLLBACK', ['patches', 'qql']]),
      }),
    ],
    patchScheduleBreaks,
    platformOnly,
    [
      fc.oneof(fc.constant(0), fc.integer({ min: 6, max: 20 })).map((attempts) => ({
        apply: set({ reattemptFailedPatches: { attempts, backoffInterval: 1 } }),
        expected: (input: Input) => [
          ['OUT_OF_RANGE', ['reattemptFailedPatches', 'attempts']] as Violation,
          ...(platformOf(input) === 'LINUX'
            ? [['PLATFORM_UNSUPPORTED', ['reattemptFailedPatches'], 'needs-job'] as Violation]
            : []),
        ],
      })),
    ],
    [
      duration([169, 1000], [10_081, 50_000])
        .chain((d) => fc.constantFrom(d, { ...d, value: 0 }))
        .map((timeout) => ({
          apply: set({ timeout }),
          expected: only(['OUT_OF_RANGE', ['timeout', 'value']]),
        })),
    ],
    [
      duration([9, 100], [481, 5000]).map((downloadRandomization) => ({
        apply: set({ downloadRandomization }),
        expected: only(['OUT_OF_RANGE', ['downloadRandomization', 'value']]),
      })),
    ],
    [
      fc.integer({ min: 100, max: 999 }).map((count) => ({
        apply: set({ deferment: { count, interval: 1, intervalUnit: 'HOURS' } }),
        expected: only(['OUT_OF_RANGE', ['deferment', 'count']]),
      })),
    ],
    [
      fc.integer({ min: 25, max: 500 }).map((value) => ({
        apply: set({ rebootSettings: { countdown: { value, unit: 'HOURS' } } }),
        expected: only(['OUT_OF_RANGE', ['rebootSettings', 'countdown', 'value']]),
      })),
    ],
  ];
  if (!forUpdate) {
    groups.push([
      fc.constant({
        apply: set({ platform: 'MAC' }),
        expected: only(['PLATFORM_UNSUPPORTED', ['platform']]),
      }),
    ]);
  }
  return groups;
}

/** Breaker groups of mitigation jobs. */
function mitigationGroups(forUpdate: boolean): fc.Arbitrary<Break>[][] {
  const groups: fc.Arbitrary<Break>[][] = [
    ...commonGroups(),
    [
      ...scheduleBreaks(['ONCE']),
      fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY').map((type) => ({
        apply: set({ schedule: { type, startDateTime: START, timezone: 'UTC' } }),
        expected: only(['MTG_SCHEDULE_UNSUPPORTED', ['schedule', 'type']]),
      })),
    ],
    [
      fc.constant({ apply: set({ qids: [] }), expected: only(['REQUIRED', ['qids']]) }),
      fc.integer({ min: -100_000, max: 0 }).map((qid) => ({
        apply: set({ qids: [90007, qid] }),
        expected: only(['OUT_OF_RANGE', ['qids', '1']]),
      })),
    ],
  ];
  if (!forUpdate) {
    groups.push([
      fc.constant({
        apply: set({ platform: 'MAC' }),
        expected: only(['PLATFORM_UNSUPPORTED', ['platform']]),
      }),
    ]);
  }
  return groups;
}

/** A base input with a random subset of groups broken (at most one breaker per group). */
function withBreaks(base: fc.Arbitrary<Input>, groups: fc.Arbitrary<Break>[][]) {
  return fc
    .tuple(base, fc.subarray(groups, { maxLength: 4 }))
    .chain(([input, chosen]) =>
      fc.tuple(fc.constant(input), fc.tuple(...chosen.map((options) => fc.oneof(...options)))),
    )
    .map(([input, breaks]) => {
      const out = structuredClone(input);
      for (const b of breaks) b.apply(out);
      const expected = breaks.flatMap((b) => b.expected(out));
      return { input: out, breaks, expected };
    });
}

// Assertions ----------------------------------------------------------------------------------

/** No crash: no top-level error, or only BAD_USER_INPUT. */
function expectNoCrash(result: GraphQLResponse<unknown>): void {
  for (const error of result.errors ?? []) {
    expect(error.extensions?.['code'], error.message).toBe('BAD_USER_INPUT');
  }
}

/** The user errors as sorted `CODE@path` strings. */
function asStrings(errors: readonly { code: string; field: readonly string[] | null }[]): string[] {
  return errors.map((e) => `${e.code}@${(e.field ?? []).join('.')}`).sort();
}

function expectedStrings(expected: readonly Violation[]): string[] {
  return [...new Set(expected.map(([code, path]) => `${code}@${['input', ...path].join('.')}`))].sort();
}

const methodsOf = (h: Harness) => h.calls().map((c) => c.method);

/** Counts how often a property took its valid and its invalid branch. */
function branches() {
  const seen = { valid: 0, invalid: 0 };
  return {
    seen,
    /** Both branches ran often enough for the property to mean something. */
    expectBoth: () => {
      expect(seen.valid, 'valid inputs').toBeGreaterThanOrEqual(10);
      expect(seen.invalid, 'invalid inputs').toBeGreaterThanOrEqual(10);
    },
  };
}

describe('job mutations, property-based (fast-check, fixed seeds)', () => {
  let h: Harness;
  const linkable: Record<Platform, string> = { WINDOWS: '', LINUX: '' };

  beforeAll(async () => {
    h = await startHarness({
      simulator: { fleet: { assets: 200, patches: 300, patchJobs: 40, mitigationJobs: 10 } },
    });
    for (const platform of ['WINDOWS', 'LINUX'] as const) {
      const created = await h.execute(CreatePatchJobDocument, {
        input: {
          name: `Linkable ${platform}`,
          platform,
          targets: { assetIds: [ASSETS[0] ?? ''] },
          patches: { patchIds: PATCHES },
        },
      });
      linkable[platform] = created.data?.createPatchJob?.job?.id ?? '';
    }
  });
  afterAll(() => h.close());
  beforeEach(() => h.resetCalls());

  const patchCreateInputs = fc.constantFrom<Platform>('WINDOWS', 'LINUX').chain((platform) =>
    withBreaks(
      fc
        .tuple(
          validSettings(platform),
          validTypeAndPatches(linkable[platform]),
          validPatchSchedule,
          fc.string({ minLength: 1, maxLength: 40 }),
        )
        .map(([settings, typed, schedule, name]) => ({
          name: `Job ${name}`,
          platform,
          ...settings,
          ...typed,
          schedule,
        })),
      patchGroups(platform, false),
    ),
  );

  it('createPatchJob', async () => {
    const b = branches();
    await fc.assert(
      fc.asyncProperty(patchCreateInputs, async ({ input, expected }) => {
        h.resetCalls();
        const result = await h.execute(CreatePatchJobDocument, { input: input as CreatePatchJobInput });
        expectNoCrash(result);
        expect(result.errors).toBeUndefined();
        const payload = result.data?.createPatchJob;
        if (expected.length > 0) {
          b.seen.invalid += 1;
          expect(asStrings(payload?.userErrors ?? [])).toEqual(expectedStrings(expected));
          expect(payload?.job).toBeNull();
          expect(h.calls()).toEqual([]);
        } else {
          b.seen.valid += 1;
          expect(payload?.userErrors).toEqual([]);
          expect(payload?.job?.name).toBe(input['name']);
          expect(h.callCounts()).toEqual({ 'POST /pm/v2/deploymentjob': 1 });
          expect(h.calls()[0]?.status).toBe(201);
        }
      }),
      { seed: 20_260_209, numRuns: RUNS },
    );
    b.expectBoth();
  });

  it('createMitigationJob', async () => {
    const inputs = withBreaks(
      fc.record(
        {
          name: fc.string({ minLength: 1, maxLength: 40 }).map((n) => `MTG ${n}`),
          platform: fc.constantFrom('WINDOWS', 'LINUX'),
          qids: fc.uniqueArray(fc.constantFrom(90007, 90043, 105_000, 38_170), { minLength: 1 }),
          targets,
          schedule: validMitigationSchedule,
          description: fc.string({ maxLength: 20 }),
          status: fc.constantFrom('ENABLED', 'DISABLED'),
          coAuthorIds: fc.subarray(userIds(3)),
          notification,
        },
        { requiredKeys: ['name', 'platform', 'qids', 'targets'] },
      ),
      mitigationGroups(false),
    );
    const b = branches();
    await fc.assert(
      fc.asyncProperty(inputs, async ({ input, expected }) => {
        h.resetCalls();
        const result = await h.execute(CreateMitigationJobDocument, {
          input: input as CreateMitigationJobInput,
        });
        expectNoCrash(result);
        expect(result.errors).toBeUndefined();
        const payload = result.data?.createMitigationJob;
        if (expected.length > 0) {
          b.seen.invalid += 1;
          expect(asStrings(payload?.userErrors ?? [])).toEqual(expectedStrings(expected));
          expect(h.calls()).toEqual([]);
        } else {
          b.seen.valid += 1;
          expect(payload?.userErrors).toEqual([]);
          expect(payload?.job?.qids).toEqual(input['qids']);
          expect(h.callCounts()).toEqual({ 'POST /mtg/v2/deploymentjob': 1 });
        }
      }),
      { seed: 20_260_123, numRuns: RUNS },
    );
    b.expectBoth();
  });

  it('updatePatchJob (a Windows and a Linux job, changed run after run)', async () => {
    const jobs: Record<Platform, string> = { WINDOWS: '', LINUX: '' };
    for (const platform of ['WINDOWS', 'LINUX'] as const) {
      const created = await h.execute(CreatePatchJobDocument, {
        input: {
          name: `Update me ${platform}`,
          platform,
          targets: { assetIds: [ASSETS[1] ?? ''] },
          patches: { patchIds: PATCHES },
        },
      });
      jobs[platform] = created.data?.createPatchJob?.job?.id ?? '';
    }
    const updates = fc.constantFrom<Platform>('WINDOWS', 'LINUX').chain((platform) =>
      withBreaks(
        fc
          .record(
            {
              name: fc.string({ minLength: 1, maxLength: 30 }),
              settings: validSettings(platform),
              typed: validTypeAndPatches(linkable[platform]),
              schedule: validPatchSchedule,
            },
            { requiredKeys: [] },
          )
          .map(({ settings, typed, ...rest }) => ({ ...rest, ...settings, ...typed, platform }) as Input),
        patchGroups(platform, true),
      ),
    );
    const b = branches();
    await fc.assert(
      fc.asyncProperty(updates, async ({ input, expected }) => {
        h.resetCalls();
        const { platform, ...update } = input;
        const id = jobs[platform as Platform];
        const result = await h.execute(UpdatePatchJobDocument, { id, input: update as UpdatePatchJobInput });
        expectNoCrash(result);
        expect(result.errors).toBeUndefined();
        const payload = result.data?.updatePatchJob;
        if (expected.length > 0) {
          b.seen.invalid += 1;
          // Rules the input alone breaks are answered first, with no call; the others after one read.
          const localExpected = expected.filter(([, , needs]) => needs === undefined);
          if (localExpected.length > 0) {
            expect(asStrings(payload?.userErrors ?? [])).toEqual(expectedStrings(localExpected));
            expect(h.calls()).toEqual([]);
          } else {
            expect(asStrings(payload?.userErrors ?? [])).toEqual(expectedStrings(expected));
            expect(methodsOf(h)).toEqual(['GET']);
          }
          expect(payload?.job).toBeNull();
        } else {
          b.seen.valid += 1;
          expect(payload?.userErrors).toEqual([]);
          expect(payload?.job?.id).toBe(id);
          expect(h.callCounts()).toEqual({
            'GET /pm/v1/deploymentjob/{id}': 1,
            'PATCH /pm/v2/deploymentjob/update/{id}': 1,
          });
          if (update['name'] !== undefined) expect(payload?.job?.name).toBe(update['name']);
        }
      }),
      { seed: 3_012, numRuns: RUNS },
    );
    b.expectBoth();
  });

  it('updateMitigationJob', async () => {
    const created = await h.execute(CreateMitigationJobDocument, {
      input: {
        name: 'MTG update me',
        platform: 'WINDOWS',
        qids: [90007],
        targets: { tagIds: [TAGS[0] ?? ''] },
      },
    });
    const id = created.data?.createMitigationJob?.job?.id ?? '';
    const updates = withBreaks(
      fc.record(
        {
          name: fc.string({ minLength: 1, maxLength: 30 }),
          qids: fc.uniqueArray(fc.constantFrom(90007, 90043, 105_000), { minLength: 1 }),
          targets,
          schedule: validMitigationSchedule,
          status: fc.constantFrom('ENABLED', 'DISABLED'),
          notification,
        },
        { requiredKeys: [] },
      ),
      mitigationGroups(true),
    );
    const b = branches();
    await fc.assert(
      fc.asyncProperty(updates, async ({ input, expected }) => {
        h.resetCalls();
        const result = await h.execute(UpdateMitigationJobDocument, {
          id,
          input: input as UpdateMitigationJobInput,
        });
        expectNoCrash(result);
        expect(result.errors).toBeUndefined();
        const payload = result.data?.updateMitigationJob;
        if (expected.length > 0) {
          b.seen.invalid += 1;
          // Every mitigation rule is decidable from the update input alone: no call.
          expect(asStrings(payload?.userErrors ?? [])).toEqual(expectedStrings(expected));
          expect(h.calls()).toEqual([]);
        } else {
          b.seen.valid += 1;
          expect(payload?.userErrors).toEqual([]);
          expect(h.callCounts()).toEqual({
            'GET /mtg/v1/deploymentjob/{id}': 1,
            'PATCH /mtg/v2/deploymentjob/{id}': 1,
          });
          if (input['qids'] !== undefined) expect(payload?.job?.qids).toEqual(input['qids']);
        }
      }),
      { seed: 3_013, numRuns: RUNS },
    );
    b.expectBoth();
  });

  /** Bulk id lists: known jobs, unknown UUIDs, and (sometimes) malformed or oversized lists. */
  function bulkIds(known: () => readonly string[]) {
    const wellFormed = fc.array(
      fc.oneof(
        fc
          .integer({ min: 0, max: 1_000 })
          .map((i) => known()[i % Math.max(known().length, 1)] ?? UNKNOWN_JOB),
        fc.uuid(),
      ),
      { minLength: 1, maxLength: 12 },
    );
    return fc.oneof(
      { weight: 8, arbitrary: wellFormed.map((ids) => ({ ids, valid: true })) },
      {
        weight: 2,
        arbitrary: fc
          .oneof(
            fc.constant([] as string[]),
            fc.constant(Array.from({ length: 1_001 }, () => UNKNOWN_JOB)),
            fc
              .tuple(wellFormed, fc.constantFrom('not an id', 'a/b', '', '?x=1'))
              .map(([ids, bad]) => [...ids, bad]),
          )
          .map((ids) => ({ ids, valid: false })),
      },
    );
  }

  function checkBulk(
    result: GraphQLResponse<unknown>,
    payload:
      | { results: { id: string; success: boolean; message: string | null }[]; userErrors: unknown[] }
      | null
      | undefined,
    ids: readonly string[],
    valid: boolean,
    endpoint: string,
  ): void {
    expectNoCrash(result);
    if (!valid) {
      expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(h.calls()).toEqual([]);
      return;
    }
    expect(result.errors).toBeUndefined();
    expect(payload?.userErrors).toEqual([]);
    expect(payload?.results.map((r) => r.id)).toEqual(ids);
    for (const r of payload?.results ?? []) expect(r.message === null).toBe(r.success);
    expect(Object.keys(h.callCounts())).toEqual([endpoint]);
    expect(h.calls()).toHaveLength(1);
  }

  it('setPatchJobsStatus', async () => {
    const known = () => h.simulator.store().patchJobs.map((j) => j.id);
    await fc.assert(
      fc.asyncProperty(
        bulkIds(known),
        fc.constantFrom('ENABLED', 'DISABLED'),
        async ({ ids, valid }, status) => {
          h.resetCalls();
          const result = await h.execute(SetPatchJobsStatusDocument, {
            ids,
            status: status as 'ENABLED' | 'DISABLED',
          });
          const endpoint = `POST /pm/v1/deploymentjobs/update/status/${status === 'ENABLED' ? 'Enabled' : 'Disabled'}`;
          checkBulk(result, result.data?.setPatchJobsStatus, ids, valid, endpoint);
          for (const r of result.data?.setPatchJobsStatus?.results ?? []) {
            if (!known().includes(r.id)) expect(r.success).toBe(false);
          }
        },
      ),
      { seed: 7_005, numRuns: RUNS },
    );
  });

  it('setMitigationJobsStatus', async () => {
    const known = () => h.simulator.store().mitigationJobs.map((j) => j.id);
    await fc.assert(
      fc.asyncProperty(
        bulkIds(known),
        fc.constantFrom('ENABLED', 'DISABLED'),
        async ({ ids, valid }, status) => {
          h.resetCalls();
          const result = await h.execute(SetMitigationJobsStatusDocument, {
            ids,
            status: status as 'ENABLED' | 'DISABLED',
          });
          const endpoint = `POST /mtg/v1/deploymentjobs/update/status/${status === 'ENABLED' ? 'Enabled' : 'Disabled'}`;
          checkBulk(result, result.data?.setMitigationJobsStatus, ids, valid, endpoint);
        },
      ),
      { seed: 7_006, numRuns: RUNS },
    );
  });

  it('deletePatchJobs', async () => {
    const known = () => h.simulator.store().patchJobs.map((j) => j.id);
    await fc.assert(
      fc.asyncProperty(bulkIds(known), async ({ ids, valid }) => {
        h.resetCalls();
        const existing = new Set(ids.filter((id) => h.simulator.store().patchJob(id) !== undefined));
        const result = await h.execute(DeletePatchJobsDocument, { ids });
        checkBulk(result, result.data?.deletePatchJobs, ids, valid, 'DELETE /pm/v1/deploymentjobs');
        if (valid) {
          for (const r of result.data?.deletePatchJobs?.results ?? [])
            expect(r.success, r.id).toBe(existing.has(r.id));
          for (const id of existing) expect(h.simulator.store().patchJob(id)).toBeUndefined();
        }
      }),
      { seed: 7_007, numRuns: RUNS },
    );
  });
});
