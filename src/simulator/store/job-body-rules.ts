/**
 * Qualys' own checks of job create/update bodies (`POST /pm/v2/deploymentjob`,
 * `PATCH /pm/v2/deploymentjob/update/{id}`, `POST /mtg/v2/deploymentjob`,
 * `PATCH /mtg/v2/deploymentjob/{id}`), limited to what Qualys documents (docs/qualys-api.md §7.1 table,
 * §9.1, §12.1; seeds 001, 002, 003). Every failure is a 400 `_error` envelope:
 *
 * - `name`, `platform`, `scheduleType`, `type` missing or blank -> 9008;
 * - a value of the wrong type or outside its documented set -> 9009: `platform` (`Windows`,
 *   `Linux`), `type` (`Install`, `Rollback`; the old `Uninstall` is gone since v1.7, seed 002),
 *   `scheduleType` (`On-demand`, `Once`, `Daily`, `Weekly`, `Monthly`), `status` (`Enabled`,
 *   `Disabled`; on update also the job's current status, so a GET body can be sent back as is),
 *   `timezoneType` (`SPECIFIC_TZ`, `AGENT_TZ`), `timezone` (a known zone), `filterType` /
 *   `exclusionFilterType` (`Any`, `All`), `timeoutUnit` / `downloadRandomizeTimeUnit` (`HOURS`,
 *   `MINUTES`), `startDateTime` not like `2022-2-20 01:18:30 PM`, id lists that are not lists of
 *   strings, `noOfReattempts` outside 1–5 or `exponentialBackoffInterval` outside 1–15 while
 *   `enableReattemptFailedPatches` is true (seed 001), `downloadRandomizeTime` above 8 hours
 *   (seed 003), actions that are not objects, QIDs that are not positive integers;
 * - `startDateTime` missing for a schedule other than On-demand -> 9010;
 * - an MTG `scheduleType` that is a PM schedule other than On-demand or Once (`Daily`, `Weekly`,
 *   `Monthly`) -> 9011 (docs/qualys-api.md §9.1); an unknown one is a 9009;
 * - an MTG job without `qids` -> 9012;
 * - more than 200 `coAuthorUserIds` -> errorCode "2435", "Co-author limit exceeded. You can add up
 *   to 200 co-authors per job" (seed 003).
 *
 * Checked in that order (the first failure answers). Everything else is the gateway's business.
 *
 * @module
 */
import { SimulatorErrorCode, SimulatorHttpError } from '../errors.js';
import type { JobStatus, ScheduleType } from '../fleet/patch-job-wire.js';
import type { Platform } from '../fleet/types.js';
import { isValidTimeZone, parseWallClock } from '../fleet/wall-clock.js';
import { isJsonObject, type JsonObject } from '../json.js';
import { isAbsent, num } from './json-readers.js';

/** Most co-authors a job may have on the v2 create/update endpoints (seed 003). */
export const MAX_CO_AUTHORS = 200;

/** `_error.message` of the co-author limit, verbatim from seed 003. */
export const CO_AUTHOR_LIMIT_MESSAGE = 'Co-author limit exceeded. You can add up to 200 co-authors per job';

/** Longest download randomisation, in hours (release 3.12, seed 003). */
export const MAX_DOWNLOAD_RANDOMIZE_HOURS = 8;

/** The schedule types of PM jobs (docs/qualys-api.md §9.1). */
export const SCHEDULE_TYPES: readonly ScheduleType[] = ['On-demand', 'Once', 'Daily', 'Weekly', 'Monthly'];

/** The schedule types of MTG jobs: "Run Once" and "On-Demand" only (docs/qualys-api.md §9.1, §12.1). */
export const MITIGATION_SCHEDULE_TYPES: readonly ScheduleType[] = ['On-demand', 'Once'];

/** Job id list fields: lists of GUID strings, or `null` (docs/qualys-api.md §7.1, §8.1). */
export const JOB_ID_LIST_FIELDS = [
  'assetIds',
  'assetTagIds',
  'matchAllTagIds',
  'exclusionTagIds',
  'exclusionAssetIds',
  'coAuthorUserIds',
  'approvedPatches',
  'disabledPatches',
] as const;

/** What the rules establish about a valid body. */
export interface JobBodyEssentials {
  /** The job name (not blank). */
  readonly name: string;
  /** `Windows` or `Linux`. */
  readonly platform: Platform;
  /** `Install` or `Rollback`. */
  readonly type: 'Install' | 'Rollback';
  /** One of {@link SCHEDULE_TYPES} (of {@link MITIGATION_SCHEDULE_TYPES} for MTG jobs). */
  readonly scheduleType: ScheduleType;
  /** The status to store: as sent, else the current one on update, else `Disabled` (qualysdk default). */
  readonly status: JobStatus;
}

/** {@link JobBodyEssentials} of an MTG body, plus its QIDs. */
export interface MitigationBodyEssentials extends JobBodyEssentials {
  /** The QIDs, as sent (digit strings read as numbers), duplicates once. */
  readonly qids: readonly number[];
}

function missing(field: string, why = ''): SimulatorHttpError {
  return new SimulatorHttpError(
    400,
    SimulatorErrorCode.MISSING_FIELD,
    `Missing required field '${field}'${why === '' ? '' : `: ${why}`}`,
  );
}

function invalid(field: string, problem: string): SimulatorHttpError {
  return new SimulatorHttpError(
    400,
    SimulatorErrorCode.INVALID_VALUE,
    `Invalid value for '${field}': ${problem}`,
  );
}

function requiredEnum<T extends string>(body: JsonObject, field: string, allowed: readonly T[]): T {
  const value = body[field];
  if (isAbsent(value) || (typeof value === 'string' && value.trim() === '')) {
    throw missing(field);
  }
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalid(field, `${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function optionalEnum(body: JsonObject, field: string, allowed: readonly string[]): void {
  const value = body[field];
  if (!isAbsent(value) && (typeof value !== 'string' || !allowed.includes(value))) {
    throw invalid(field, `${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  }
}

function optionalObject(body: JsonObject, field: string): JsonObject | null {
  const value = body[field];
  if (isAbsent(value)) {
    return null;
  }
  if (!isJsonObject(value)) {
    throw invalid(field, 'expected an object');
  }
  return value;
}

function checkName(body: JsonObject): string {
  const value = body['name'];
  if (isAbsent(value) || (typeof value === 'string' && value.trim() === '')) {
    throw missing('name');
  }
  if (typeof value !== 'string') {
    throw invalid('name', 'expected a string');
  }
  return value;
}

function checkStatus(body: JsonObject, current: JsonObject | null): JobStatus {
  const value = body['status'];
  const currentStatus = typeof current?.['status'] === 'string' ? (current['status'] as JobStatus) : null;
  if (isAbsent(value)) {
    return currentStatus ?? 'Disabled';
  }
  if (value === 'Enabled' || value === 'Disabled' || (currentStatus !== null && value === currentStatus)) {
    return value as JobStatus;
  }
  throw invalid('status', `${JSON.stringify(value)} is not one of Enabled, Disabled`);
}

function checkTimezone(body: JsonObject): void {
  optionalEnum(body, 'timezoneType', ['SPECIFIC_TZ', 'AGENT_TZ']);
  const timezone = body['timezone'];
  if (!isAbsent(timezone) && (typeof timezone !== 'string' || !isValidTimeZone(timezone))) {
    throw invalid('timezone', `${JSON.stringify(timezone)} is not a known time zone`);
  }
}

function checkIdLists(body: JsonObject): void {
  for (const field of JOB_ID_LIST_FIELDS) {
    const value = body[field];
    if (!isAbsent(value) && (!Array.isArray(value) || !value.every((id) => typeof id === 'string'))) {
      throw invalid(field, 'expected a list of id strings');
    }
  }
}

function checkActions(body: JsonObject): void {
  for (const field of ['preDeployActions', 'postDeployActions']) {
    const value = body[field];
    if (!isAbsent(value) && (!Array.isArray(value) || !value.every(isJsonObject))) {
      throw invalid(field, 'expected a list of action objects');
    }
  }
}

function checkStartDateTime(body: JsonObject, scheduleType: ScheduleType): void {
  if (scheduleType === 'On-demand') {
    // The server sets the start of an On-demand job; whatever was sent is ignored (seed 003).
    return;
  }
  const value = body['startDateTime'];
  if (isAbsent(value) || value === '') {
    throw new SimulatorHttpError(
      400,
      SimulatorErrorCode.START_DATE_REQUIRED,
      `Missing required field 'startDateTime': mandatory for scheduleType '${scheduleType}' (e.g. "2026-1-23 10:09:58 AM")`,
    );
  }
  const timezone = typeof body['timezone'] === 'string' ? body['timezone'] : null;
  if (typeof value !== 'string' || parseWallClock(value, timezone) === null) {
    throw invalid('startDateTime', `${JSON.stringify(value)} is not a date like "2022-2-20 01:18:30 PM"`);
  }
}

function checkReattempt(body: JsonObject): void {
  const enabled = body['enableReattemptFailedPatches'];
  if (!isAbsent(enabled) && typeof enabled !== 'boolean') {
    throw invalid('enableReattemptFailedPatches', 'expected a boolean');
  }
  const settings = optionalObject(body, 'reattemptFailedPatches');
  if (enabled !== true) {
    return;
  }
  if (settings === null) {
    throw missing('reattemptFailedPatches', 'mandatory while enableReattemptFailedPatches is true');
  }
  const ranges = [
    ['noOfReattempts', 1, 5],
    ['exponentialBackoffInterval', 1, 15],
  ] as const;
  for (const [field, min, max] of ranges) {
    const value = num(settings[field]);
    if (value === null || !Number.isInteger(value) || value < min || value > max) {
      throw invalid(
        `reattemptFailedPatches.${field}`,
        `${JSON.stringify(settings[field] ?? null)} is not an integer from ${min} to ${max}`,
      );
    }
  }
}

function checkDownloadRandomize(body: JsonObject): void {
  optionalEnum(body, 'downloadRandomizeTimeUnit', ['HOURS', 'MINUTES']);
  const raw = body['downloadRandomizeTime'];
  if (isAbsent(raw)) {
    return;
  }
  const value = num(raw);
  const hours = body['downloadRandomizeTimeUnit'] === 'HOURS';
  const max = hours ? MAX_DOWNLOAD_RANDOMIZE_HOURS : MAX_DOWNLOAD_RANDOMIZE_HOURS * 60;
  if (value === null || value < 0 || value > max) {
    throw invalid(
      'downloadRandomizeTime',
      `${JSON.stringify(raw)} is not from 0 to ${max} ${hours ? 'hours' : 'minutes'} (at most ${MAX_DOWNLOAD_RANDOMIZE_HOURS} hours)`,
    );
  }
}

function checkCoAuthors(body: JsonObject): void {
  const value = body['coAuthorUserIds'];
  if (Array.isArray(value) && value.length > MAX_CO_AUTHORS) {
    throw new SimulatorHttpError(400, SimulatorErrorCode.CO_AUTHOR_LIMIT, CO_AUTHOR_LIMIT_MESSAGE);
  }
}

function commonChecks(body: JsonObject): void {
  checkTimezone(body);
  optionalEnum(body, 'filterType', ['Any', 'All']);
  optionalEnum(body, 'exclusionFilterType', ['Any', 'All']);
  checkIdLists(body);
  optionalObject(body, 'notification');
}

/**
 * Checks a PM job create/update body (`POST /pm/v2/deploymentjob`,
 * `PATCH /pm/v2/deploymentjob/update/{id}`).
 *
 * @param body - the request body (a JSON object).
 * @param current - the stored job on update (its status may be sent back unchanged), `null` on create.
 * @returns the essentials of the valid body.
 * @throws SimulatorHttpError 400 with errorCode 9008, 9009, 9010 or "2435" (see the module doc).
 */
export function checkPatchJobBody(body: JsonObject, current: JsonObject | null): JobBodyEssentials {
  const name = checkName(body);
  const platform = requiredEnum<Platform>(body, 'platform', ['Windows', 'Linux']);
  const scheduleType = requiredEnum(body, 'scheduleType', SCHEDULE_TYPES);
  const type = requiredEnum(body, 'type', ['Install', 'Rollback'] as const);
  const status = checkStatus(body, current);
  commonChecks(body);
  optionalEnum(body, 'timeoutUnit', ['HOURS', 'MINUTES']);
  checkActions(body);
  checkReattempt(body);
  checkDownloadRandomize(body);
  checkStartDateTime(body, scheduleType);
  checkCoAuthors(body);
  return { name, platform, type, scheduleType, status };
}

/**
 * Checks an MTG job create/update body (`POST /mtg/v2/deploymentjob`,
 * `PATCH /mtg/v2/deploymentjob/{id}`; seed 003 shape).
 *
 * @param body - the request body (a JSON object).
 * @param current - the stored job on update, `null` on create.
 * @returns the essentials of the valid body, with its QIDs.
 * @throws SimulatorHttpError 400 with errorCode 9008, 9009, 9010, 9011, 9012 or "2435" (see the
 * module doc).
 */
export function checkMitigationJobBody(
  body: JsonObject,
  current: JsonObject | null,
): MitigationBodyEssentials {
  const name = checkName(body);
  const platform = requiredEnum<Platform>(body, 'platform', ['Windows', 'Linux']);
  const scheduleType = requiredEnum(body, 'scheduleType', SCHEDULE_TYPES);
  if (!MITIGATION_SCHEDULE_TYPES.includes(scheduleType)) {
    throw new SimulatorHttpError(
      400,
      SimulatorErrorCode.MTG_SCHEDULE_TYPE,
      `Invalid value for 'scheduleType': mitigation jobs are On-demand or Once only, not '${scheduleType}'`,
    );
  }
  const type = requiredEnum(body, 'type', ['Install', 'Rollback'] as const);
  const status = checkStatus(body, current);
  commonChecks(body);
  const rawQids = body['qids'];
  if (isAbsent(rawQids) || (Array.isArray(rawQids) && rawQids.length === 0)) {
    throw new SimulatorHttpError(
      400,
      SimulatorErrorCode.QIDS_REQUIRED,
      "Missing required field 'qids': a mitigation job needs at least one QID",
    );
  }
  if (!Array.isArray(rawQids)) {
    throw invalid('qids', 'expected a list of QIDs');
  }
  const qids: number[] = [];
  for (const raw of rawQids) {
    const qid = num(raw);
    if (qid === null || !Number.isSafeInteger(qid) || qid <= 0) {
      throw invalid('qids', `${JSON.stringify(raw)} is not a QID (a positive integer)`);
    }
    if (!qids.includes(qid)) {
      qids.push(qid);
    }
  }
  checkStartDateTime(body, scheduleType);
  checkCoAuthors(body);
  return { name, platform, type, scheduleType, status, qids };
}
