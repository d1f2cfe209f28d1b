/**
 * Mitigation (MTG) jobs on the wire: the v2 create/update body built from a
 * {@link MitigationJobSpec}, the spec read back from a job Qualys sent, and the merge of an
 * updated spec into that job.
 *
 * Sources: seed 003 (release 3.12) "Create On-Demand MTG Deployment Job", "Create Run Once
 * Windows Mitigation Job" and "Update On-Demand MTG Deployment Job" request bodies;
 * docs/qualys-api.md §12.1, §12.2.
 */
import type { QualysWireObject } from '../qualys/api.js';
import { QualysDeploymentJobSchema } from '../qualys/schemas/index.js';
import {
  CONFIG_STATUS_WIRE,
  configStatusFromWire,
  PLATFORM_WIRE,
  platformFromWire,
} from '../qualys/vocabulary.js';
import type { MitigationJobSpec } from './spec.js';
import {
  jsonEqual,
  notificationFromJob,
  notificationToWire,
  scheduleTimeFromJob,
  scheduleTimeToWire,
  targetsFromJob,
  targetsToWire,
  writeChanges,
} from './wire-common.js';

/**
 * Builds the v2 create body (`POST /mtg/v2/deploymentjob`) of a mitigation job in the shape of
 * seed 003's run-once sample: `qids`, targets, `scheduleType` "On-demand"/"Once", wall-clock
 * `startDateTime` (null on demand), `schemaVersion` "1.0", `type` "Install", `notification`.
 *
 * Shape: a valid {@link MitigationJobSpec} -> `QualysWireObject`; the same key set for every spec.
 * Pure. @throws RangeError for an invalid `startDateTime` (an unvalidated spec).
 * Source: seed 003 MTG create/update request bodies; docs/qualys-api.md §12.1.
 */
export function buildMitigationJobWireBody(spec: MitigationJobSpec): QualysWireObject {
  const targets = targetsToWire(spec.targets);
  const time = scheduleTimeToWire(spec.schedule);
  return {
    qids: [...spec.qids],
    assetIds: targets['assetIds'],
    assetTagIds: targets['assetTagIds'],
    name: spec.name,
    description: spec.description ?? '',
    scheduleType: time['scheduleType'],
    schemaVersion: '1.0',
    startDateTime: time['startDateTime'],
    status: CONFIG_STATUS_WIRE[spec.status],
    timezone: time['timezone'],
    timezoneType: time['timezoneType'],
    type: 'Install',
    filterType: targets['filterType'],
    exclusionFilterType: targets['exclusionFilterType'],
    exclusionTagIds: targets['exclusionTagIds'],
    exclusionAssetIds: targets['exclusionAssetIds'],
    matchAllTagIds: [],
    coAuthorUserIds: [...spec.coAuthorIds],
    platform: spec.platform === null ? null : PLATFORM_WIRE[spec.platform],
    notification: notificationToWire(spec.notification),
  };
}

/**
 * The QIDs of a mitigation job: its `qids`, or (GET omits them, seed 003) the QIDs of its "Apply
 * Mitigation" pre-deploy actions, in order, without repeats.
 */
function qidsOf(wire: QualysWireObject): number[] {
  const j = QualysDeploymentJobSchema.parse(wire);
  if (j.qids.length > 0) return [...new Set(j.qids)];
  const qids = j.preDeployActions
    .map((action) => action.params?.qid ?? null)
    .filter((qid): qid is number => qid !== null);
  return [...new Set(qids)];
}

/**
 * Reads the spec of a mitigation job Qualys sent (`GET /mtg/v1/deploymentjob/{id}` or a
 * create/update answer). Shape: `QualysWireObject` -> {@link MitigationJobSpec}. Pure.
 * @throws Error when the object is not a job (no string `id`).
 */
export function specFromMitigationJobWire(wire: QualysWireObject): MitigationJobSpec {
  const j = QualysDeploymentJobSchema.parse(wire);
  return {
    name: j.name ?? '',
    description: j.description || null,
    platform: platformFromWire(j.platform),
    status: configStatusFromWire(j.status),
    qids: qidsOf(wire),
    targets: targetsFromJob(j),
    schedule: scheduleTimeFromJob(j),
    coAuthorIds: [...j.coAuthorUserIds],
    notification: notificationFromJob(j),
  };
}

/** Fields Qualys derives from others: dropped from an update body when their source changes. */
const DERIVED_FROM_QIDS = ['preDeployActions', 'vulnQQL'] as const;
const DERIVED_FROM_TARGETS = ['assetDetectionsQQL'] as const;

/**
 * The full update body (`PATCH /mtg/v2/deploymentjob/{id}`) for a merged spec: the job as Qualys
 * sent it with the changed fields overwritten (see `mergePatchJobIntoWire`), plus `qids`, which
 * the GET answer lacks but the update needs (seed 003 update sample). When the QIDs or targets
 * change, the fields Qualys derives from them (`preDeployActions`, `vulnQQL`,
 * `assetDetectionsQQL`) are left out so they cannot contradict the new values.
 *
 * Shape: current `QualysWireObject` + merged {@link MitigationJobSpec} -> a new
 * `QualysWireObject`. Pure.
 */
export function mergeMitigationJobIntoWire(
  current: QualysWireObject,
  merged: MitigationJobSpec,
): QualysWireObject {
  const before = buildMitigationJobWireBody(specFromMitigationJobWire(current));
  const after = buildMitigationJobWireBody(merged);
  const body = structuredClone(current);
  writeChanges(body, before, after);
  body['qids'] = [...merged.qids];
  if (!jsonEqual(before['qids'], after['qids'])) {
    for (const key of DERIVED_FROM_QIDS) delete body[key];
  }
  if (
    !jsonEqual(before['assetIds'], after['assetIds']) ||
    !jsonEqual(before['assetTagIds'], after['assetTagIds'])
  ) {
    for (const key of DERIVED_FROM_TARGETS) delete body[key];
  }
  return body;
}
