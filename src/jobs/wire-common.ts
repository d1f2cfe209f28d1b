/**
 * Pieces shared by the patch and mitigation wire mappers (enum spellings are the wire
 * vocabulary's, `src/qualys/vocabulary.ts`): the targets and notification blocks, the schedule's time fields, and the "change only what changed" merge of a
 * new body into the job Qualys sent.
 */
import type { QualysWireObject } from '../qualys/api.js';
import type { QualysDeploymentJob } from '../qualys/schemas/index.js';
import {
  SCHEDULE_TYPE_WIRE,
  scheduleTypeFromWire,
  TAG_MATCH_WIRE,
  tagMatchFromWire,
} from '../qualys/vocabulary.js';
import type { JobTargetsSpec, NotificationSpec, ScheduleTypeValue } from './spec.js';
import { fromQualysWallClock, toQualysWallClock } from './wall-clock.js';

/** The targets fields of a wire body (Qualys names). */
export function targetsToWire(t: JobTargetsSpec): QualysWireObject {
  return {
    assetIds: [...t.assetIds],
    assetTagIds: [...t.tagIds],
    filterType: TAG_MATCH_WIRE[t.tagMatch],
    exclusionFilterType: TAG_MATCH_WIRE[t.exclusionTagMatch],
    exclusionTagIds: [...t.exclusionTagIds],
    exclusionAssetIds: [...t.exclusionAssetIds],
  };
}

/** The targets of a normalised job. */
export function targetsFromJob(j: QualysDeploymentJob): JobTargetsSpec {
  return {
    assetIds: [...j.assetIds],
    tagIds: [...j.assetTagIds],
    tagMatch: tagMatchFromWire(j.filterType) ?? 'ANY',
    exclusionAssetIds: [...j.exclusionAssetIds],
    exclusionTagIds: [...j.exclusionTagIds],
    exclusionTagMatch: tagMatchFromWire(j.exclusionFilterType) ?? 'ANY',
  };
}

/**
 * The `notification` block (seed 003): `{notificationTypes:{email}, notificationConfigs:
 * {recipientEmails:"a,b", completedPercentage}, notificationEvents:{onJobStart, onJobComplete}}`,
 * or `null` when not configured.
 */
export function notificationToWire(n: NotificationSpec | null): QualysWireObject | null {
  if (n === null) return null;
  return {
    notificationTypes: { email: n.emailEnabled },
    notificationConfigs: {
      recipientEmails: n.recipientEmails.join(','),
      completedPercentage: n.completedPercentage,
    },
    notificationEvents: { onJobStart: n.onJobStart, onJobComplete: n.onJobComplete },
  };
}

/** The notification of a normalised job (recipients split on commas). */
export function notificationFromJob(j: QualysDeploymentJob): NotificationSpec | null {
  const n = j.notification;
  if (n === null) return null;
  return {
    emailEnabled: n.notificationTypes?.email ?? false,
    recipientEmails: (n.notificationConfigs?.recipientEmails ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    completedPercentage: n.notificationConfigs?.completedPercentage ?? null,
    onJobStart: n.notificationEvents?.onJobStart ?? false,
    onJobComplete: n.notificationEvents?.onJobComplete ?? false,
  };
}

/** The shared time fields of a schedule. */
export interface ScheduleTime {
  readonly type: ScheduleTypeValue;
  readonly startDateTime: string | null;
  readonly timezone: string | null;
  readonly timezoneType: 'SPECIFIC_TZ' | 'AGENT_TZ' | null;
}

/**
 * `scheduleType`, `startDateTime` (Qualys wall clock, no zone shift), `timezone` and
 * `timezoneType` of a wire body. A time zone without a type is SPECIFIC_TZ; AGENT_TZ sends no
 * time zone; an on-demand job without either sends `null`s, as the seed samples do.
 */
export function scheduleTimeToWire(s: ScheduleTime): QualysWireObject {
  const timezoneType = s.timezoneType ?? (s.timezone === null ? null : 'SPECIFIC_TZ');
  return {
    scheduleType: SCHEDULE_TYPE_WIRE[s.type],
    startDateTime: s.startDateTime === null ? null : toQualysWallClock(s.startDateTime),
    timezone: timezoneType === 'AGENT_TZ' ? null : s.timezone,
    timezoneType,
  };
}

/** The time fields of a normalised job's schedule (AGENT_TZ jobs have no time zone). */
export function scheduleTimeFromJob(j: QualysDeploymentJob): ScheduleTime {
  const tzType = j.timezoneType?.trim().toUpperCase();
  const timezoneType = tzType === 'AGENT_TZ' ? 'AGENT_TZ' : tzType === 'SPECIFIC_TZ' ? 'SPECIFIC_TZ' : null;
  return {
    // A job without a known schedule type runs when started: on demand.
    type: scheduleTypeFromWire(j.scheduleType) ?? 'ON_DEMAND',
    startDateTime: j.startDateTime === null ? null : fromQualysWallClock(j.startDateTime),
    timezone: timezoneType === 'AGENT_TZ' ? null : j.timezone,
    timezoneType,
  };
}

// Merging a new body into the current job ---------------------------------------------------

/** True for a JSON object (not null, not an array). */
export function isPlainObject(value: unknown): value is QualysWireObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Structural equality of JSON values. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && jsonEqual(a[k], b[k]))
    );
  }
  return false;
}

/**
 * Keys Qualys spells two ways (requests `suppressreboots`, responses `suppressReboots`; the 003
 * co-author sample `opportunisticdownloads`): writing one also writes the other when the current
 * job has it, so Qualys cannot read the stale spelling.
 */
const WIRE_KEY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  suppressreboots: ['suppressReboots'],
  suppressReboots: ['suppressreboots'],
  opportunisticDownloads: ['opportunisticdownloads'],
};

/**
 * Writes into `target` (a copy of the current job) every value of `after` that differs from
 * `before`, recursing into objects present in all three. `before` and `after` are bodies built
 * from the current spec and the merged spec, so a setting the update did not touch builds the
 * same value twice and the current job's own value (spelling, type, extra fields) is kept.
 * Keys in `skip` are left to the caller.
 */
export function writeChanges(
  target: QualysWireObject,
  before: QualysWireObject,
  after: QualysWireObject,
  skip: ReadonlySet<string> = new Set(),
): void {
  for (const [key, next] of Object.entries(after)) {
    if (skip.has(key)) continue;
    const previous = before[key];
    const current = target[key];
    if (isPlainObject(previous) && isPlainObject(next) && isPlainObject(current)) {
      writeChanges(current, previous, next);
      continue;
    }
    if (jsonEqual(previous, next)) continue;
    target[key] = structuredClone(next);
    for (const alias of WIRE_KEY_ALIASES[key] ?? []) {
      if (Object.hasOwn(target, alias)) target[alias] = structuredClone(next);
    }
  }
}
