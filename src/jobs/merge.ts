/**
 * Partial updates of job specs: what an update input means on top of the current job
 * (`mergePatchJobSpec`, `mergeMitigationJobSpec`), and what it says on its own before the
 * current job is read (`patchJobUpdateView`, `mitigationJobUpdateView`), so the rules can reject
 * a bad update without any upstream call.
 *
 * Semantics (documented on `UpdatePatchJobInput`):
 * - `undefined` (omitted) never changes anything;
 * - `null` on a name, enum, boolean or list means "unchanged"; on an optional setting
 *   (description, messages, deferment, reboot settings, reattempt, durations, notification)
 *   it means "back to the default";
 * - `targets`, `rebootSettings` and `notification` change field by field;
 * - `patches` replaces the patch selection as a whole (it is one of three sources);
 * - `schedule` with a `type` replaces the schedule as a whole; without one it changes only the
 *   fields given (a `null` field is cleared).
 */
import {
  type JobScheduleSpec,
  JobScheduleSpecSchema,
  type JobScheduleUpdate,
  type JobTargetsSpec,
  type JobTargetsUpdate,
  type MitigationJobSpec,
  type MitigationJobUpdateSpec,
  type MitigationJobView,
  type MitigationScheduleSpec,
  MitigationScheduleSpecSchema,
  type MitigationScheduleUpdate,
  type NotificationSpec,
  NotificationSpecSchema,
  type NotificationUpdate,
  type PatchJobSpec,
  type PatchJobUpdateSpec,
  type PatchJobView,
  type RebootSettingsSpec,
  RebootSettingsSpecSchema,
  type RebootSettingsUpdate,
  type SpecView,
} from './spec.js';

/** `undefined` -> `current`, anything else (including `null`) -> `next`. */
function replace<T>(next: T | undefined, current: T): T {
  return next === undefined ? current : next;
}

/** `undefined` or `null` -> `current`, else `next`. */
function keep<T>(next: T | null | undefined, current: T): T {
  return next === undefined || next === null ? current : next;
}

/** Drops `undefined` values so a zod schema with defaults sees absent keys. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function mergeTargets(current: JobTargetsSpec, next: JobTargetsUpdate | null | undefined): JobTargetsSpec {
  if (!next) return current;
  return {
    assetIds: keep(next.assetIds, current.assetIds),
    tagIds: keep(next.tagIds, current.tagIds),
    tagMatch: keep(next.tagMatch, current.tagMatch),
    exclusionAssetIds: keep(next.exclusionAssetIds, current.exclusionAssetIds),
    exclusionTagIds: keep(next.exclusionTagIds, current.exclusionTagIds),
    exclusionTagMatch: keep(next.exclusionTagMatch, current.exclusionTagMatch),
  };
}

function targetsView(next: JobTargetsUpdate | null | undefined): SpecView<JobTargetsSpec> | undefined {
  if (!next) return undefined;
  return {
    assetIds: next.assetIds ?? undefined,
    tagIds: next.tagIds ?? undefined,
    tagMatch: next.tagMatch ?? undefined,
    exclusionAssetIds: next.exclusionAssetIds ?? undefined,
    exclusionTagIds: next.exclusionTagIds ?? undefined,
    exclusionTagMatch: next.exclusionTagMatch ?? undefined,
  };
}

/** A schedule update with `type`, as the full schedule it stands for. */
function fullSchedule(next: JobScheduleUpdate): JobScheduleSpec {
  return JobScheduleSpecSchema.parse(defined(next));
}

function mergeSchedule(
  current: JobScheduleSpec,
  next: JobScheduleUpdate | null | undefined,
): JobScheduleSpec {
  if (!next) return current;
  if (next.type !== undefined && next.type !== null) return fullSchedule(next);
  return {
    type: current.type,
    startDateTime: replace(next.startDateTime, current.startDateTime),
    timezone: replace(next.timezone, current.timezone),
    timezoneType: replace(next.timezoneType, current.timezoneType),
    weekDays: next.weekDays === undefined ? current.weekDays : (next.weekDays ?? []),
    dayOfMonth: replace(next.dayOfMonth, current.dayOfMonth),
    lastDayOfMonth:
      next.lastDayOfMonth === undefined ? current.lastDayOfMonth : (next.lastDayOfMonth ?? false),
    weekOfMonth: replace(next.weekOfMonth, current.weekOfMonth),
    weekDayOfMonth: replace(next.weekDayOfMonth, current.weekDayOfMonth),
    patchTuesdayOffsetDays: replace(next.patchTuesdayOffsetDays, current.patchTuesdayOffsetDays),
  };
}

function scheduleView(next: JobScheduleUpdate | null | undefined): SpecView<JobScheduleSpec> | undefined {
  if (!next) return undefined;
  if (next.type !== undefined && next.type !== null) return fullSchedule(next);
  return {
    startDateTime: next.startDateTime,
    timezone: next.timezone,
    timezoneType: next.timezoneType,
    weekDays: next.weekDays === undefined ? undefined : (next.weekDays ?? []),
    dayOfMonth: next.dayOfMonth,
    lastDayOfMonth: next.lastDayOfMonth === undefined ? undefined : (next.lastDayOfMonth ?? false),
    weekOfMonth: next.weekOfMonth,
    weekDayOfMonth: next.weekDayOfMonth,
    patchTuesdayOffsetDays: next.patchTuesdayOffsetDays,
  };
}

function mergeMitigationSchedule(
  current: MitigationScheduleSpec,
  next: MitigationScheduleUpdate | null | undefined,
): MitigationScheduleSpec {
  if (!next) return current;
  if (next.type !== undefined && next.type !== null) return MitigationScheduleSpecSchema.parse(defined(next));
  return {
    type: current.type,
    startDateTime: replace(next.startDateTime, current.startDateTime),
    timezone: replace(next.timezone, current.timezone),
    timezoneType: replace(next.timezoneType, current.timezoneType),
  };
}

function mitigationScheduleView(
  next: MitigationScheduleUpdate | null | undefined,
): SpecView<MitigationScheduleSpec> | undefined {
  if (!next) return undefined;
  if (next.type !== undefined && next.type !== null) return MitigationScheduleSpecSchema.parse(defined(next));
  return { startDateTime: next.startDateTime, timezone: next.timezone, timezoneType: next.timezoneType };
}

function mergeReboot(
  current: RebootSettingsSpec | null,
  next: RebootSettingsUpdate | null | undefined,
): RebootSettingsSpec | null {
  if (next === undefined) return current;
  if (next === null) return null;
  const base = current ?? RebootSettingsSpecSchema.parse({});
  return {
    suppressReboots:
      next.suppressReboots === undefined ? base.suppressReboots : (next.suppressReboots ?? false),
    honorUserLogin: next.honorUserLogin === undefined ? base.honorUserLogin : (next.honorUserLogin ?? false),
    prompt: replace(next.prompt, base.prompt),
    deferment: replace(next.deferment, base.deferment),
    countdown: replace(next.countdown, base.countdown),
    countdownMessage: replace(next.countdownMessage, base.countdownMessage),
  };
}

function rebootView(
  next: RebootSettingsUpdate | null | undefined,
): SpecView<RebootSettingsSpec> | null | undefined {
  if (next === undefined || next === null) return next;
  return {
    suppressReboots: next.suppressReboots === undefined ? undefined : (next.suppressReboots ?? false),
    honorUserLogin: next.honorUserLogin === undefined ? undefined : (next.honorUserLogin ?? false),
    prompt: next.prompt,
    deferment: next.deferment,
    countdown: next.countdown,
    countdownMessage: next.countdownMessage,
  };
}

function mergeNotification(
  current: NotificationSpec | null,
  next: NotificationUpdate | null | undefined,
): NotificationSpec | null {
  if (next === undefined) return current;
  if (next === null) return null;
  const base = current ?? NotificationSpecSchema.parse({});
  return {
    emailEnabled: keep(next.emailEnabled, base.emailEnabled),
    recipientEmails: keep(next.recipientEmails, base.recipientEmails),
    completedPercentage: replace(next.completedPercentage, base.completedPercentage),
    onJobStart: keep(next.onJobStart, base.onJobStart),
    onJobComplete: keep(next.onJobComplete, base.onJobComplete),
  };
}

function notificationView(
  next: NotificationUpdate | null | undefined,
): SpecView<NotificationSpec> | null | undefined {
  if (next === undefined || next === null) return next;
  return {
    emailEnabled: next.emailEnabled ?? undefined,
    recipientEmails: next.recipientEmails ?? undefined,
    completedPercentage: next.completedPercentage,
    onJobStart: next.onJobStart ?? undefined,
    onJobComplete: next.onJobComplete ?? undefined,
  };
}

/**
 * Applies a partial update to the current patch job spec (semantics in this module's doc).
 * Shape: full {@link PatchJobSpec} + {@link PatchJobUpdateSpec} -> full {@link PatchJobSpec}. Pure.
 */
export function mergePatchJobSpec(current: PatchJobSpec, update: PatchJobUpdateSpec): PatchJobSpec {
  return {
    name: keep(update.name, current.name),
    description: replace(update.description, current.description),
    platform: current.platform,
    type: keep(update.type, current.type),
    status: keep(update.status, current.status),
    targets: mergeTargets(current.targets, update.targets),
    patches: keep(update.patches, current.patches),
    schedule: mergeSchedule(current.schedule, update.schedule),
    preDeploymentMessage: replace(update.preDeploymentMessage, current.preDeploymentMessage),
    deferment: replace(update.deferment, current.deferment),
    duringDeploymentMessage: replace(update.duringDeploymentMessage, current.duringDeploymentMessage),
    rebootSettings: mergeReboot(current.rebootSettings, update.rebootSettings),
    completionMessage: replace(update.completionMessage, current.completionMessage),
    alwaysShowCompletedPrompt: keep(update.alwaysShowCompletedPrompt, current.alwaysShowCompletedPrompt),
    updatePackageCache: keep(update.updatePackageCache, current.updatePackageCache),
    reattemptFailedPatches: replace(update.reattemptFailedPatches, current.reattemptFailedPatches),
    downloadRandomization: replace(update.downloadRandomization, current.downloadRandomization),
    timeout: replace(update.timeout, current.timeout),
    opportunisticDownloads: keep(update.opportunisticDownloads, current.opportunisticDownloads),
    minimizeWindow: keep(update.minimizeWindow, current.minimizeWindow),
    continueOnPatchFailure: keep(update.continueOnPatchFailure, current.continueOnPatchFailure),
    coAuthorIds: keep(update.coAuthorIds, current.coAuthorIds),
    notification: mergeNotification(current.notification, update.notification),
  };
}

/**
 * What a patch job update states on its own, as a {@link PatchJobView} (unknown = `undefined`):
 * the rules run on it before the current job is read. Pure.
 */
export function patchJobUpdateView(update: PatchJobUpdateSpec): PatchJobView {
  return {
    name: update.name ?? undefined,
    description: update.description,
    type: update.type ?? undefined,
    status: update.status ?? undefined,
    targets: targetsView(update.targets),
    patches: update.patches ?? undefined,
    schedule: scheduleView(update.schedule),
    preDeploymentMessage: update.preDeploymentMessage,
    deferment: update.deferment,
    duringDeploymentMessage: update.duringDeploymentMessage,
    rebootSettings: rebootView(update.rebootSettings),
    completionMessage: update.completionMessage,
    alwaysShowCompletedPrompt: update.alwaysShowCompletedPrompt ?? undefined,
    updatePackageCache: update.updatePackageCache ?? undefined,
    reattemptFailedPatches: update.reattemptFailedPatches,
    downloadRandomization: update.downloadRandomization,
    timeout: update.timeout,
    opportunisticDownloads: update.opportunisticDownloads ?? undefined,
    minimizeWindow: update.minimizeWindow ?? undefined,
    continueOnPatchFailure: update.continueOnPatchFailure ?? undefined,
    coAuthorIds: update.coAuthorIds ?? undefined,
    notification: notificationView(update.notification),
  };
}

/** Applies a partial update to the current mitigation job spec (see {@link mergePatchJobSpec}). Pure. */
export function mergeMitigationJobSpec(
  current: MitigationJobSpec,
  update: MitigationJobUpdateSpec,
): MitigationJobSpec {
  return {
    name: keep(update.name, current.name),
    description: replace(update.description, current.description),
    platform: current.platform,
    status: keep(update.status, current.status),
    qids: keep(update.qids, current.qids),
    targets: mergeTargets(current.targets, update.targets),
    schedule: mergeMitigationSchedule(current.schedule, update.schedule),
    coAuthorIds: keep(update.coAuthorIds, current.coAuthorIds),
    notification: mergeNotification(current.notification, update.notification),
  };
}

/** What a mitigation job update states on its own (see {@link patchJobUpdateView}). Pure. */
export function mitigationJobUpdateView(update: MitigationJobUpdateSpec): MitigationJobView {
  return {
    name: update.name ?? undefined,
    description: update.description,
    status: update.status ?? undefined,
    qids: update.qids ?? undefined,
    targets: targetsView(update.targets),
    schedule: mitigationScheduleView(update.schedule),
    coAuthorIds: update.coAuthorIds ?? undefined,
    notification: notificationView(update.notification),
  };
}
