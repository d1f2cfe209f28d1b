/**
 * Wire schemas for PM and MTG deployment jobs: the full job object, the job-list item, the
 * "available to link" item and job runs.
 *
 * Sources: GET /pm/v1/deploymentjob/{id} (seed 000 v2.2.0, seed 001 release 3.5, seed 003
 * release 3.12), GET /mtg/v1/deploymentjob/{id} (seed 003), GET /pm/v1/deploymentjobs and
 * /deploymentjobs/summary (seed 000; docs/qualys-api.md §7.4, §8.2), GET
 * /pm/v1/deploymentjobs/availableToLink (seed 000), GET /pm/v1/deploymentjob/{id}/runs
 * (docs/qualys-api.md §7.8).
 */
import { z } from 'zod';
import {
  epochMs,
  nullableList,
  numberish,
  optionalBoolean,
  optionalNumber,
  optionalString,
  wallClock,
} from './common.js';

/** A user reference inside audit stamps: `{id, name, fullName}`; any part may be null. */
export const QualysUserRefSchema = z.object({
  id: optionalString,
  name: optionalString,
  fullName: optionalString,
});
/** Output of {@link QualysUserRefSchema}. */
export type QualysUserRef = z.output<typeof QualysUserRefSchema>;

/**
 * An audit stamp (`createdBy`, `updatedBy`, `deletedBy`, list `created`/`updated`):
 * `{user, date (epoch ms, maybe a string), context}`. Qualys sends `null`, or an object whose
 * `user` and `date` are null when nothing happened (seed 001).
 */
export const QualysAuditStampSchema = z
  .object({
    user: QualysUserRefSchema.nullish().transform((v) => v ?? null),
    date: epochMs,
  })
  .nullish()
  .transform((v) => (v && (v.user !== null || v.date !== null) ? v : null));
/** Output of {@link QualysAuditStampSchema}: `null` when nobody/no date is recorded. */
export type QualysAuditStamp = z.output<typeof QualysAuditStampSchema>;

/** A deferment: `{count, interval, intervalUnit}` (seed 001; all parts may be null or absent, seed 003). */
export const QualysDefermentSchema = z.object({
  count: optionalNumber,
  interval: optionalNumber,
  intervalUnit: optionalString,
});

/** A user message block: `{userMessage, description}`. */
export const QualysUserMessageSchema = z.object({
  userMessage: optionalString,
  description: optionalString,
});

/** `preDeployment`: user message plus deferment. */
export const QualysPreDeploymentSchema = QualysUserMessageSchema.extend({
  deferment: QualysDefermentSchema.nullish().transform((v) => v ?? null),
});

/**
 * `postDeployment`: reboot settings and messages. Requests in the seeds spell `suppressreboots`
 * in lower case; responses spell `suppressReboots`: both are accepted.
 */
export const QualysPostDeploymentSchema = z
  .object({
    suppressReboots: optionalBoolean,
    suppressreboots: optionalBoolean,
    rebootHonorOnUserLogin: optionalBoolean,
    rebootOption: QualysPreDeploymentSchema.nullish().transform((v) => v ?? null),
    rebootCountdown: z
      .object({
        interval: optionalNumber,
        intervalUnit: optionalString,
        userMessage: optionalString,
        description: optionalString,
      })
      .nullish()
      .transform((v) => v ?? null),
    onComplete: QualysUserMessageSchema.extend({ alwaysShowCompletedPrompt: optionalBoolean })
      .nullish()
      .transform((v) => v ?? null),
  })
  .transform(({ suppressreboots, ...rest }) => ({
    ...rest,
    suppressReboots: rest.suppressReboots ?? suppressreboots,
  }));

/** One mitigation of a mitigation action (`preDeployActions[].mitigationList[]`, seed 003). */
export const QualysMitigationSchema = z.looseObject({
  cves: nullableList(z.union([z.string(), z.number()]).transform(String)),
  mitigationId: optionalString,
  mitigationType: optionalString,
  mitigationSource: optionalString,
  carScriptId: optionalNumber,
  impactFactor: optionalNumber,
  implication: optionalNumber,
});

/**
 * A deploy action (`preDeployActions[]` / `postDeployActions[]`): a "Run Script" action (the
 * Linux MakeCache pre-action, seed 001) or an "Apply Mitigation" action (MTG jobs, seed 003).
 * `params` numbers may arrive as strings (docs/qualys-api.md §12.4); they are normalised.
 */
export const QualysDeployActionSchema = z.object({
  actionId: optionalString,
  action: optionalString,
  actionType: optionalString,
  params: z
    .looseObject({
      actionItem: optionalString,
      timeout: optionalNumber,
      remediationScope: optionalBoolean,
      defaultScriptType: optionalString,
      mitigationCategory: optionalString,
      qid: optionalNumber,
      qidDetectionId: optionalNumber,
      qidTitle: optionalString,
      hostVulnId: optionalNumber,
      qds: optionalNumber,
      detectionScoreMin: optionalNumber,
      detectionScoreMax: optionalNumber,
    })
    .nullish()
    .transform((v) => v ?? null),
  script: optionalString,
  scriptType: optionalString,
  mitigationList: nullableList(QualysMitigationSchema),
  actionLinkedToJob: optionalBoolean,
});
/** Output of {@link QualysDeployActionSchema}. */
export type QualysDeployAction = z.output<typeof QualysDeployActionSchema>;

/**
 * Job notification settings (seed 003): `completedPercentage` arrives as a number in requests
 * and as a string in responses; normalised to a number.
 */
export const QualysNotificationSchema = z
  .object({
    notificationTypes: z
      .object({ email: optionalBoolean })
      .nullish()
      .transform((v) => v ?? null),
    notificationConfigs: z
      .object({ recipientEmails: optionalString, completedPercentage: optionalNumber })
      .nullish()
      .transform((v) => v ?? null),
    notificationEvents: z
      .object({ onJobStart: optionalBoolean, onJobComplete: optionalBoolean })
      .nullish()
      .transform((v) => v ?? null),
  })
  .nullish()
  .transform((v) => v ?? null);

/** Reattempt of failed patches (Windows, seed 001 release 3.5): 1-5 attempts, backoff 1-15. */
export const QualysReattemptSchema = z
  .object({ noOfReattempts: optionalNumber, exponentialBackoffInterval: optionalNumber })
  .nullish()
  .transform((v) => v ?? null);

const guidList = nullableList(z.string());

/**
 * The full deployment job, as GET /pm/v1/deploymentjob/{id} and GET /mtg/v1/deploymentjob/{id}
 * return it, and as create/update answer it (seeds 000, 001, 002, 003; docs/qualys-api.md §8.1).
 * Fields we do not know are kept (`looseObject`) so an update can send the job back whole.
 * MTG jobs carry `qids`-derived `preDeployActions` ("Apply Mitigation") and `subCategory`
 * "Mitigation".
 */
export const QualysDeploymentJobSchema = z.looseObject({
  customerId: optionalString,
  id: z.string(),
  schemaVersion: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => (v === null || v === undefined ? null : String(v))),
  name: optionalString,
  description: optionalString,
  type: optionalString,
  status: optionalString,
  platform: optionalString,
  subCategory: optionalString,
  assetIds: guidList,
  assetTagIds: guidList,
  matchAllTagIds: guidList,
  exclusionTagIds: guidList,
  exclusionAssetIds: guidList,
  coAuthorUserIds: guidList,
  approvedPatches: guidList,
  disabledPatches: guidList,
  patchCount: optionalNumber,
  scheduleType: optionalString,
  startDateTime: wallClock,
  recurring: optionalBoolean,
  recurringWeekDays: optionalString,
  dayOfMonth: optionalNumber,
  recurringDayOfMonth: optionalNumber,
  recurringWeekDayOfMonth: optionalNumber,
  recurringLastDayOfMonth: optionalBoolean,
  monthlyRecurringType: optionalNumber,
  patchTuesdayPlusXDays: optionalNumber,
  timezoneType: optionalString,
  timezone: optionalString,
  timeout: optionalNumber,
  timeoutUnit: optionalString,
  preDeployment: QualysPreDeploymentSchema.nullish().transform((v) => v ?? null),
  duringDeployment: QualysUserMessageSchema.nullish().transform((v) => v ?? null),
  postDeployment: QualysPostDeploymentSchema.nullish().transform((v) => v ?? null),
  createdBy: QualysAuditStampSchema,
  updatedBy: QualysAuditStampSchema,
  deletedBy: QualysAuditStampSchema,
  assetCount: optionalNumber,
  totalAssetCount: optionalNumber,
  taggedAssetCount: optionalNumber,
  applicableAssetCount: optionalNumber,
  assetResultReceivedCount: optionalNumber,
  completionPercent: optionalNumber,
  opportunisticDownloads: optionalBoolean,
  minimizeWindow: optionalBoolean,
  continueOnPatchFailure: optionalBoolean,
  filterType: optionalString,
  exclusionFilterType: optionalString,
  dynamicPatchesQQL: optionalString,
  isDynamicPatchesQQL: optionalBoolean,
  dynamicQQLType: optionalNumber,
  additionalDynamicPatchesQQL: optionalString,
  additionalDynamicQQLType: optionalNumber,
  preDeployActions: nullableList(QualysDeployActionSchema),
  postDeployActions: nullableList(QualysDeployActionSchema),
  jobCategory: optionalNumber,
  jobTriggerStatus: optionalNumber,
  jobSource: optionalNumber,
  readOnly: optionalBoolean,
  notification: QualysNotificationSchema,
  linkedJobId: z
    .string()
    .nullish()
    .transform((v) => (v ? v : null)),
  downloadRandomizeTime: optionalNumber,
  downloadRandomizeTimeUnit: optionalString,
  customPatchURLId: optionalNumber,
  isVulnContext: optionalBoolean,
  remediationQids: nullableList(numberish),
  isAssetImported: optionalBoolean,
  enableReattemptFailedPatches: optionalBoolean,
  reattemptFailedPatches: QualysReattemptSchema,
  allowExecutionWithPendingReboot: optionalBoolean,
  qids: nullableList(numberish),
  assetDetectionsQQL: optionalString,
  vulnQQL: optionalString,
});
/** Output of {@link QualysDeploymentJobSchema}: a normalised full deployment job. */
export type QualysDeploymentJob = z.output<typeof QualysDeploymentJobSchema>;

/** `{id, name}` reference used in job lists (`tags`, `assets`, `patches`). */
export const QualysNamedRefSchema = z.object({ id: z.string(), name: optionalString });

/** `{id, title}` patch reference used in job lists (`patches`; an assumption, see README). */
export const QualysPatchRefSchema = z.looseObject({
  id: z.string(),
  title: optionalString,
  name: optionalString,
});

/** A list audit stamp (`created`, `updated`): `{date, user:{id, name}}` or null. */
const listStamp = QualysAuditStampSchema;

/**
 * One job of GET /pm/v1/deploymentjobs and GET /pm/v1/deploymentjobs/summary (seed 000;
 * qualysdk `PMJob`, docs/qualys-api.md §8.2). Counts and `completionPercent` may be strings
 * (`"100"`); `exclusionTags` is a list of bare ids while `tags` holds objects. The seed also
 * shows `assets: [{name, id}]` and `patches` (null for QQL jobs).
 */
export const QualysDeploymentJobListItemSchema = z.looseObject({
  id: z.string(),
  customerId: optionalString,
  name: optionalString,
  platform: optionalString,
  type: optionalString,
  status: optionalString,
  scheduleType: optionalString,
  subCategory: optionalString,
  category: optionalNumber,
  jobSource: optionalNumber,
  triggerStatus: optionalNumber,
  dynamicQQLType: optionalNumber,
  isDynamicPatchesQQL: optionalBoolean,
  dynamicPatchesQQL: optionalString,
  coAuthorUserIds: guidList,
  matchAllTags: nullableList(z.union([z.string(), QualysNamedRefSchema])),
  tags: nullableList(QualysNamedRefSchema),
  exclusionTags: nullableList(z.union([z.string(), QualysNamedRefSchema])),
  exclusionAssetIds: guidList,
  disabledPatches: guidList,
  assets: nullableList(QualysNamedRefSchema),
  patches: nullableList(QualysPatchRefSchema),
  totalAssetCount: optionalNumber,
  assetCount: optionalNumber,
  taggedAssetCount: optionalNumber,
  applicableAssetCount: optionalNumber,
  assetResultReceivedCount: optionalNumber,
  patchCount: optionalNumber,
  linkedJobId: z
    .string()
    .nullish()
    .transform((v) => (v ? v : null)),
  linkedJobReferenceCount: optionalNumber,
  created: listStamp,
  updated: listStamp,
  readOnly: optionalBoolean,
  deleted: optionalBoolean,
  isRecurring: optionalBoolean,
  nextScheduleDateTime: epochMs,
  lastScheduleDateTime: epochMs,
  startDateTime: wallClock,
  timezone: optionalString,
  timezoneType: optionalString,
  recurringWeekDays: optionalString,
  recurringDayOfMonth: optionalNumber,
  recurringWeekDayOfMonth: optionalNumber,
  recurringLastDayOfMonth: optionalBoolean,
  monthlyRecurringType: optionalNumber,
  patchTuesdayPlusXDays: optionalNumber,
  dayOfMonth: optionalNumber,
  filterType: optionalString,
  exclusionFilterType: optionalString,
  completionPercent: optionalNumber,
  schemaVersion: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => (v === null || v === undefined ? null : String(v))),
});
/** Output of {@link QualysDeploymentJobListItemSchema}. */
export type QualysDeploymentJobListItem = z.output<typeof QualysDeploymentJobListItemSchema>;

/** The array answered by the job-list endpoints. */
export const QualysDeploymentJobListSchema = z.array(QualysDeploymentJobListItemSchema);

/**
 * One job of GET /pm/v1/deploymentjobs/availableToLink (seed 000): a job that can be the patch
 * source of a linked job. `createdBy` is `{user:{id,name}}` and `date` sits beside it (seed
 * layout); `schedule` is a label such as "On-Demand".
 */
export const QualysLinkableJobSchema = z.looseObject({
  customerId: optionalString,
  id: z.string(),
  name: optionalString,
  type: optionalString,
  status: optionalString,
  createdBy: z
    .object({ user: QualysUserRefSchema.nullish().transform((v) => v ?? null), date: epochMs })
    .partial()
    .nullish()
    .transform((v) => (v?.user ? { user: v.user, date: v.date ?? null } : null)),
  date: epochMs,
  linkedJobReferenceCount: optionalNumber,
  schedule: optionalString,
  previousRun: z
    .unknown()
    .optional()
    .transform((v) => (typeof v === 'number' || typeof v === 'string' ? v : null)),
  nextRun: z
    .unknown()
    .optional()
    .transform((v) => (typeof v === 'number' || typeof v === 'string' ? v : null)),
});
/** Output of {@link QualysLinkableJobSchema}. */
export type QualysLinkableJob = z.output<typeof QualysLinkableJobSchema>;

/** The array answered by GET /pm/v1/deploymentjobs/availableToLink. */
export const QualysLinkableJobListSchema = z.array(QualysLinkableJobSchema);

/**
 * One run of a job (GET /pm/v1/deploymentjob/{id}/runs, qualysdk; docs/qualys-api.md §7.8):
 * `{jobInstanceId, scheduledDateTime (ISO-8601 with zone), timezoneType}`.
 */
export const QualysJobRunSchema = z.looseObject({
  jobInstanceId: numberish,
  scheduledDateTime: optionalString,
  timezoneType: optionalString,
});
/** Output of {@link QualysJobRunSchema}. */
export type QualysJobRun = z.output<typeof QualysJobRunSchema>;

/** The array answered by GET /pm/v1/deploymentjob/{id}/runs (`null` = no runs). */
export const QualysJobRunListSchema = nullableList(QualysJobRunSchema);
