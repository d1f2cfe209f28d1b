/**
 * Patch deployment jobs on the wire: the full v2 create/update body built from a
 * {@link PatchJobSpec}, the spec read back from a job Qualys sent, and the merge of an updated
 * spec into that job.
 *
 * Sources: the create and update request bodies of seed 001 (release 3.5: Windows reattempt,
 * Linux MakeCache), seed 002 (Rollback), seed 003 (release 3.12: download randomisation, the v2
 * co-author sample); docs/qualys-api.md §7.1 (field table and rules), §7.3 (update = the GET body
 * with edits), §8.1.
 */
import type { QualysWireObject } from '../qualys/api.js';
import { type QualysDeploymentJob, QualysDeploymentJobSchema } from '../qualys/schemas/index.js';
import {
  CONFIG_STATUS_WIRE,
  configStatusFromWire,
  PLATFORM_WIRE,
  platformFromWire,
  timeUnitFromWire,
  WEEKDAYS,
  weekdayFromNumber,
  weekdaysFromBitmap,
  weekdaysToBitmap,
} from '../qualys/vocabulary.js';
import type {
  DefermentSpec,
  JobScheduleSpec,
  PatchJobSpec,
  RebootSettingsSpec,
  UserMessageSpec,
} from './spec.js';
import {
  isPlainObject,
  notificationFromJob,
  notificationToWire,
  scheduleTimeFromJob,
  scheduleTimeToWire,
  targetsFromJob,
  targetsToWire,
  writeChanges,
} from './wire-common.js';

/** Qualys' default deferment in its samples: 3 times, 1 hour each (seed 001). */
const DEFAULT_DEFERMENT: DefermentSpec = { count: 3, interval: 1, intervalUnit: 'HOURS' };

/** Qualys' default reboot countdown and its messages (seed 001 Windows create request). */
const DEFAULT_REBOOT_COUNTDOWN = {
  interval: 15,
  intervalUnit: 'MINUTES',
  userMessage: 'Reboot countdown started',
  description: 'The system reboot is initiated. It will reboot automatically after the timer countdown.',
} as const;

/**
 * The Linux "Package Cache Update" pre-action exactly as seed 001 (release 3.5) sends it:
 * `script` must be empty; Qualys fills in its own MakeCache script.
 */
export function makeCachePreAction(): QualysWireObject {
  return {
    action: 'Run Script',
    params: { actionItem: 'makecache Pre-Action', remediationScope: false, defaultScriptType: 'MakeCache' },
    scriptType: 'sh',
    script: '',
  };
}

/** True for a MakeCache pre-action, as sent or as Qualys answers it. */
function isMakeCacheAction(action: unknown): boolean {
  if (!isPlainObject(action)) return false;
  const params = action['params'];
  return isPlainObject(params) && String(params['defaultScriptType'] ?? '').toUpperCase() === 'MAKECACHE';
}

/** A user message block; `null` is Qualys' empty message. */
function messageToWire(m: UserMessageSpec | null): { userMessage: string; description: string } {
  return { userMessage: m?.message ?? '', description: m?.description ?? '' };
}

function defermentToWire(d: DefermentSpec | null): QualysWireObject {
  const deferment = d ?? DEFAULT_DEFERMENT;
  return { count: deferment.count, interval: deferment.interval, intervalUnit: deferment.intervalUnit };
}

/** `postDeployment`, in the request spelling `suppressreboots` (seeds 001, 003). */
function postDeploymentToWire(spec: PatchJobSpec): QualysWireObject {
  const r: RebootSettingsSpec | null = spec.rebootSettings;
  const countdownMessage = r?.countdownMessage
    ? messageToWire(r.countdownMessage)
    : {
        userMessage: DEFAULT_REBOOT_COUNTDOWN.userMessage,
        description: DEFAULT_REBOOT_COUNTDOWN.description,
      };
  return {
    suppressreboots: r?.suppressReboots ?? false,
    rebootHonorOnUserLogin: r?.honorUserLogin ?? false,
    onComplete: {
      ...messageToWire(spec.completionMessage),
      alwaysShowCompletedPrompt: spec.alwaysShowCompletedPrompt,
    },
    rebootCountdown: {
      interval: r?.countdown?.value ?? DEFAULT_REBOOT_COUNTDOWN.interval,
      intervalUnit: r?.countdown?.unit ?? DEFAULT_REBOOT_COUNTDOWN.intervalUnit,
      ...countdownMessage,
    },
    rebootOption: { deferment: defermentToWire(r?.deferment ?? null), ...messageToWire(r?.prompt ?? null) },
  };
}

/** The schedule fields of a patch job body (docs/qualys-api.md §7.1). Monthly fields are strings. */
function scheduleToWire(s: JobScheduleSpec): QualysWireObject {
  const monthly = s.type === 'MONTHLY';
  const patchTuesday = monthly && s.patchTuesdayOffsetDays !== null;
  const nthWeekday = monthly && !patchTuesday && s.weekOfMonth !== null && s.weekDayOfMonth !== null;
  return {
    recurring: s.type === 'DAILY' || s.type === 'WEEKLY' || s.type === 'MONTHLY',
    dayOfMonth:
      monthly && !patchTuesday && !nthWeekday && s.dayOfMonth !== null ? String(s.dayOfMonth) : null,
    recurringLastDayOfMonth: monthly && !patchTuesday && !nthWeekday && s.lastDayOfMonth,
    patchTuesdayPlusXDays: patchTuesday ? String(s.patchTuesdayOffsetDays) : null,
    monthlyRecurringType: monthly ? (patchTuesday ? '1' : '0') : null,
    recurringDayOfMonth: nthWeekday ? String(s.weekOfMonth) : null,
    recurringWeekDayOfMonth:
      nthWeekday && s.weekDayOfMonth !== null ? String(WEEKDAYS.indexOf(s.weekDayOfMonth)) : null,
    recurringWeekDays: s.type === 'WEEKLY' ? weekdaysToBitmap(s.weekDays) : '',
    ...scheduleTimeToWire(s),
  };
}

/**
 * Builds the full v2 create body (`POST /pm/v2/deploymentjob`) of a patch job: every field of
 * Qualys' own create samples, with the spec's settings and the samples' values for the rest
 * (`schemaVersion` "1.0", `dynamicQQLType` 1, `jobSource` 2, `subCategory` "Patch", deferment 3 x 1
 * hour, reboot countdown 15 minutes, `timeout` -1 `HOURS` when unset, `downloadRandomizeTime` 0
 * `MINUTES` when unset, ...). Wall-clock times are converted without any zone shift.
 *
 * Shape: a valid {@link PatchJobSpec} (run `validatePatchJobSpec` first) -> `QualysWireObject`.
 * The key set is the same for every spec. Pure.
 * @throws RangeError when `startDateTime` is not a valid local date-time (an unvalidated spec).
 * Source: seeds 001, 002, 003 create/update request bodies; docs/qualys-api.md §7.1.
 */
export function buildPatchJobWireBody(spec: PatchJobSpec): QualysWireObject {
  const { patches, targets } = spec;
  return {
    approvedPatches: [...patches.patchIds],
    dynamicPatchesQQL: patches.qql ?? '',
    isDynamicPatchesQQL: patches.qql !== null,
    additionalDynamicPatchesQQL: '',
    additionalDynamicQQLType: '',
    dynamicQQLType: 1,
    linkedJobId: patches.linkedJobId ?? '',
    chainedJobRule: [],
    isAssetImported: false,
    assetFilePath: null,
    deleted: false,
    duringDeployment: messageToWire(spec.duringDeploymentMessage),
    name: spec.name,
    description: spec.description ?? '',
    createdBy: null,
    patchCount: patches.patchIds.length,
    postDeployment: postDeploymentToWire(spec),
    preDeployment: {
      deferment: defermentToWire(spec.deferment),
      ...messageToWire(spec.preDeploymentMessage),
    },
    ...scheduleToWire(spec.schedule),
    schemaVersion: '1.0',
    status: CONFIG_STATUS_WIRE[spec.status],
    opportunisticDownloads: spec.opportunisticDownloads,
    minimizeWindow: spec.minimizeWindow,
    enableReattemptFailedPatches: spec.reattemptFailedPatches !== null,
    reattemptFailedPatches: {
      noOfReattempts: spec.reattemptFailedPatches?.attempts ?? 0,
      exponentialBackoffInterval: spec.reattemptFailedPatches?.backoffInterval ?? 0,
    },
    allowExecutionWithPendingReboot: false,
    timeout: spec.timeout?.value ?? -1,
    timeoutUnit: spec.timeout?.unit ?? 'HOURS',
    downloadRandomizeTime: spec.downloadRandomization?.value ?? 0,
    downloadRandomizeTimeUnit: spec.downloadRandomization?.unit ?? 'MINUTES',
    type: spec.type === 'ROLLBACK' ? 'Rollback' : 'Install',
    ...targetsToWire(targets),
    matchAllTagIds: [],
    coAuthorUserIds: [...spec.coAuthorIds],
    platform: spec.platform === null ? null : PLATFORM_WIRE[spec.platform],
    continueOnPatchFailure: spec.continueOnPatchFailure,
    preDeployActions: spec.updatePackageCache ? [makeCachePreAction()] : [],
    postDeployActions: [],
    jobCategory: null,
    jobSource: 2,
    notification: notificationToWire(spec.notification),
    customPatchURLId: null,
    remediationQids: [],
    isVulnContext: false,
    subCategory: 'Patch',
    hostIsolationConfig: null,
    quarantineAssetRequestNotification: null,
    isDefaultJob: false,
    defaultJobConfiguration: { onAssetActivation: false, onAssetInactiveForXDays: null },
  };
}

/** A user message block of a job; `null` when the job has none. */
function messageFromJob(
  block: { userMessage: string | null; description: string | null } | null | undefined,
): UserMessageSpec | null {
  if (!block) return null;
  return { message: block.userMessage || null, description: block.description || null };
}

function defermentFromJob(
  d: { count: number | null; interval: number | null; intervalUnit: string | null } | null | undefined,
): DefermentSpec | null {
  if (!d || d.count === null || d.interval === null) return null;
  return { count: d.count, interval: d.interval, intervalUnit: timeUnitFromWire(d.intervalUnit) ?? 'HOURS' };
}

function rebootFromJob(j: QualysDeploymentJob): RebootSettingsSpec | null {
  const post = j.postDeployment;
  if (post === null) return null;
  const countdown = post.rebootCountdown;
  return {
    suppressReboots: post.suppressReboots ?? false,
    honorUserLogin: post.rebootHonorOnUserLogin ?? false,
    prompt: messageFromJob(post.rebootOption),
    deferment: defermentFromJob(post.rebootOption?.deferment),
    countdown:
      countdown?.interval === null || countdown?.interval === undefined
        ? null
        : { value: countdown.interval, unit: timeUnitFromWire(countdown.intervalUnit) ?? 'MINUTES' },
    countdownMessage: countdown
      ? { message: countdown.userMessage ?? '', description: countdown.description ?? '' }
      : null,
  };
}

/** The schedule of a job; monthly day rules are read in Qualys' precedence (Patch Tuesday first). */
function scheduleFromJob(j: QualysDeploymentJob): JobScheduleSpec {
  const time = scheduleTimeFromJob(j);
  const schedule: JobScheduleSpec = {
    ...time,
    weekDays: [],
    dayOfMonth: null,
    lastDayOfMonth: false,
    weekOfMonth: null,
    weekDayOfMonth: null,
    patchTuesdayOffsetDays: null,
  };
  if (time.type === 'WEEKLY') {
    schedule.weekDays = weekdaysFromBitmap(j.recurringWeekDays);
  }
  if (time.type === 'MONTHLY') {
    if (j.monthlyRecurringType === 1 && j.patchTuesdayPlusXDays !== null) {
      schedule.patchTuesdayOffsetDays = j.patchTuesdayPlusXDays;
    } else if (j.recurringDayOfMonth !== null && j.recurringWeekDayOfMonth !== null) {
      schedule.weekOfMonth = j.recurringDayOfMonth;
      schedule.weekDayOfMonth = weekdayFromNumber(j.recurringWeekDayOfMonth);
    } else if (j.recurringLastDayOfMonth === true) {
      schedule.lastDayOfMonth = true;
    } else {
      schedule.dayOfMonth = j.dayOfMonth;
    }
  }
  return schedule;
}

/**
 * Reads the spec of a patch job Qualys sent (`GET /pm/v1/deploymentjob/{id}`, or a create/update
 * answer), normalised with `QualysDeploymentJobSchema` (numbers as strings, null lists, both
 * `suppressReboots` spellings). Settings the spec does not model stay in the wire object and are
 * kept by {@link mergePatchJobIntoWire}.
 *
 * Shape: `QualysWireObject` -> {@link PatchJobSpec} (`platform` null when the job does not say).
 * Pure. @throws Error when the object is not a job (no string `id`).
 */
export function specFromPatchJobWire(wire: QualysWireObject): PatchJobSpec {
  const j = QualysDeploymentJobSchema.parse(wire);
  const qql = j.isDynamicPatchesQQL === true && j.dynamicPatchesQQL ? j.dynamicPatchesQQL : null;
  const linkedJobId = qql === null ? j.linkedJobId : null;
  const post = j.postDeployment;
  const type = j.type?.trim().toUpperCase();
  return {
    name: j.name ?? '',
    description: j.description || null,
    platform: platformFromWire(j.platform),
    type: type === 'ROLLBACK' || type === 'UNINSTALL' ? 'ROLLBACK' : 'INSTALL',
    status: configStatusFromWire(j.status),
    targets: targetsFromJob(j),
    patches: {
      patchIds: qql === null && linkedJobId === null ? [...j.approvedPatches] : [],
      qql,
      linkedJobId,
    },
    schedule: scheduleFromJob(j),
    preDeploymentMessage: messageFromJob(j.preDeployment),
    deferment: defermentFromJob(j.preDeployment?.deferment),
    duringDeploymentMessage: messageFromJob(j.duringDeployment),
    rebootSettings: rebootFromJob(j),
    completionMessage: messageFromJob(post?.onComplete),
    alwaysShowCompletedPrompt: post?.onComplete?.alwaysShowCompletedPrompt ?? false,
    updatePackageCache: j.preDeployActions.some(
      (a) => String(a.params?.defaultScriptType ?? '').toUpperCase() === 'MAKECACHE',
    ),
    reattemptFailedPatches:
      j.enableReattemptFailedPatches === true && j.reattemptFailedPatches !== null
        ? {
            attempts: j.reattemptFailedPatches.noOfReattempts ?? 0,
            backoffInterval: j.reattemptFailedPatches.exponentialBackoffInterval ?? 0,
          }
        : null,
    downloadRandomization:
      j.downloadRandomizeTime !== null && j.downloadRandomizeTime > 0
        ? { value: j.downloadRandomizeTime, unit: timeUnitFromWire(j.downloadRandomizeTimeUnit) ?? 'MINUTES' }
        : null,
    timeout:
      j.timeout !== null && j.timeout > 0
        ? { value: j.timeout, unit: timeUnitFromWire(j.timeoutUnit) ?? 'HOURS' }
        : null,
    opportunisticDownloads: j.opportunisticDownloads ?? false,
    minimizeWindow: j.minimizeWindow ?? false,
    continueOnPatchFailure: j.continueOnPatchFailure ?? false,
    coAuthorIds: [...j.coAuthorUserIds],
    notification: notificationFromJob(j),
  };
}

const PRE_DEPLOY_ACTIONS = new Set(['preDeployActions']);

/**
 * The full update body (`PATCH /pm/v2/deploymentjob/update/{id}`) for a merged spec: the job as
 * Qualys sent it (docs/qualys-api.md §7.3: "send the GET body back with edits"), with exactly the
 * fields whose built value changed between the current spec and `merged` overwritten. Unknown
 * wire fields, spellings and value types of untouched settings are kept. The MakeCache pre-action
 * is added or removed without touching other pre-deploy actions.
 *
 * Shape: current `QualysWireObject` + merged {@link PatchJobSpec} -> a new `QualysWireObject`
 * (the input is not modified). Pure.
 */
export function mergePatchJobIntoWire(current: QualysWireObject, merged: PatchJobSpec): QualysWireObject {
  const before = buildPatchJobWireBody(specFromPatchJobWire(current));
  const after = buildPatchJobWireBody(merged);
  const body = structuredClone(current);
  writeChanges(body, before, after, PRE_DEPLOY_ACTIONS);
  const wanted = merged.updatePackageCache;
  if (wanted !== specFromPatchJobWire(current).updatePackageCache) {
    const actions = Array.isArray(body['preDeployActions']) ? (body['preDeployActions'] as unknown[]) : [];
    body['preDeployActions'] = wanted
      ? [...actions, makeCachePreAction()]
      : actions.filter((action) => !isMakeCacheAction(action));
  }
  return body;
}
