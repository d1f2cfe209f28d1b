/**
 * Generates a tenant's mitigation (MTG) jobs in the shape of the seed 003 `GET
 * /mtg/v1/deploymentjob/{id}` sample: On-demand or Once only (docs/qualys-api.md §9.1), `qids`, one
 * `Apply Mitigation` pre-deploy action per QID (`params.qid` an int, `mitigationList` with the
 * seed's `cves: ["<qid>"]` quirk), asset ids and tag ids, `subCategory: "Mitigation"`,
 * `jobCategory: 3`, the `assetDetectionsQQL` / `vulnQQL` strings built as in the sample.
 *
 * @module
 */
import type { JsonObject } from '../json.js';
import type { Prng } from '../prng.js';
import { targetAssets } from './generate-patch-jobs.js';
import type { Platform, SimAsset, SimMitigationJob, SimTag, SimUser } from './types.js';
import { DAY_MS, MITIGATION_QIDS, TIME_ZONES, TIMELINE_END_MS, TIMELINE_START_MS } from './vocabulary.js';
import { formatWallClock } from './wall-clock.js';

/** What the MTG job generator draws from. */
export interface MitigationJobInputs {
  readonly customerId: string;
  readonly assets: readonly SimAsset[];
  readonly tags: readonly SimTag[];
  readonly users: readonly SimUser[];
}

const STATUSES: readonly (readonly [string, number])[] = [
  ['Enabled', 40],
  ['Disabled', 10],
  ['Assets Responded', 50],
];

/** What one "Apply Mitigation" action says: its ids, its QID and the QID's mitigation. */
export interface MitigationActionInputs {
  readonly actionId: string;
  /** `params.timeout`. */
  readonly timeout: number;
  readonly qid: number;
  /** `params.qidTitle`, `null` when the QID is unknown. */
  readonly qidTitle: string | null;
  /** `params.qds` (and the detection score bounds), `null` when unknown. */
  readonly qds: number | null;
  /** The QID's mitigation, `null` for a QID without one (`mitigationList: []`). */
  readonly mitigation: {
    readonly mitigationId: string;
    readonly mitigationType: string;
    readonly carScriptId: number;
  } | null;
}

/**
 * An "Apply Mitigation" pre-deploy action of an MTG job in the seed 003 shape: `params.qid` an int,
 * `mitigationList` with the seed's `cves: ["<qid>"]` quirk. Generated jobs and the jobs created or
 * updated through the API (`store/job-mutation-wire.ts`) both build their actions with it.
 *
 * @param inputs - the action's ids, QID and mitigation.
 */
export function mitigationActionWire(inputs: MitigationActionInputs): JsonObject {
  const { qds, mitigation } = inputs;
  return {
    actionId: inputs.actionId,
    action: 'Apply Mitigation',
    actionType: 'predeploy',
    params: {
      timeout: inputs.timeout,
      mitigationCategory: 'Script-based Virtual Patch',
      qid: inputs.qid,
      qidDetectionId: 0,
      qidTitle: inputs.qidTitle,
      hostVulnId: 0,
      qds,
      detectionScoreMin: qds,
      detectionScoreMax: qds,
    },
    mitigationList:
      mitigation === null
        ? []
        : [
            {
              cves: [String(inputs.qid)],
              mitigationId: mitigation.mitigationId,
              mitigationType: mitigation.mitigationType,
              mitigationSource: null,
              carScriptId: mitigation.carScriptId,
              customCdnUrl: '',
              signatureHashCode: '',
              impactFactor: 0,
              implication: 1,
            },
          ],
    actionLinkedToJob: false,
  };
}

/**
 * Generates `count` mitigation jobs.
 *
 * @param prng - the tenant's `mitigationJobs` stream.
 * @param count - number of jobs.
 * @param inputs - assets, tags, users of the tenant.
 * @returns the jobs in generation order.
 */
export function generateMitigationJobs(
  prng: Prng,
  count: number,
  inputs: MitigationJobInputs,
): SimMitigationJob[] {
  const jobs: SimMitigationJob[] = [];
  const assetsByPlatform: Record<Platform, SimAsset[]> = {
    Windows: inputs.assets.filter((asset) => asset.platform === 'Windows'),
    Linux: inputs.assets.filter((asset) => asset.platform === 'Linux'),
  };
  for (let index = 0; index < count; index += 1) {
    const platform: Platform = prng.chance(0.7) ? 'Windows' : 'Linux';
    const qidPool = MITIGATION_QIDS.filter((entry) => entry.platform === platform);
    const mitigations = prng.sample(qidPool, prng.int(1, 3)).sort((a, b) => a.qid - b.qid);
    const platformAssets = assetsByPlatform[platform];
    const assetIds = prng.sample(platformAssets, prng.int(1, 6)).map((asset) => asset.id);
    const tagIds = prng.chance(0.5) ? [prng.pick(inputs.tags).id] : [];
    const targets = targetAssets(platformAssets, assetIds, tagIds);
    const status = prng.weighted(STATUSES);
    const scheduleType = prng.chance(0.6) ? 'On-demand' : 'Once';
    const createdBy = prng.pick(inputs.users);
    const createdOn = prng.int(TIMELINE_START_MS, TIMELINE_END_MS - 10 * DAY_MS);
    const timezone = scheduleType === 'Once' ? prng.pick(TIME_ZONES) : 'UTC';
    const responded =
      status === 'Assets Responded' ? targets.length : status === 'Enabled' ? prng.int(0, targets.length) : 0;
    const ran = status !== 'Disabled';
    const qids = mitigations.map((entry) => entry.qid);
    const id = prng.uuid(4);
    const preDeployActions = mitigations.map((entry) =>
      mitigationActionWire({
        actionId: prng.uuid(4),
        timeout: 180,
        qid: entry.qid,
        qidTitle: entry.title,
        qds: entry.qds,
        mitigation: {
          mitigationId: prng.uuid(4),
          mitigationType: entry.mitigationType,
          carScriptId: prng.int(100_000_000, 999_999_999),
        },
      }),
    );
    const detection = [
      tagIds.length > 0 ? `(tags.uuid: [${tagIds.join(', ')}])` : null,
      assetIds.length > 0 ? `(agentId: [${assetIds.join(', ')}])` : null,
    ]
      .filter((part) => part !== null)
      .join(' OR ');
    const job: JsonObject = {
      customerId: inputs.customerId,
      id,
      schemaVersion: '1.0',
      name: `${platform === 'Windows' ? 'Win' : 'Lnx'}_MTG_${scheduleType === 'Once' ? 'RunOnce' : 'OnDemand'}_${String(index + 1).padStart(3, '0')}`,
      description: `Mitigate ${mitigations.map((entry) => entry.title).join('; ')}`,
      type: 'Install',
      status,
      coAuthorUserIds: null,
      scheduleType,
      startDateTime: formatWallClock(createdOn + prng.int(1, 48) * 3_600_000, timezone),
      recurring: false,
      timezoneType: 'SPECIFIC_TZ',
      timezone,
      createdBy: {
        user: { id: createdBy.id, name: createdBy.name, fullName: createdBy.fullName },
        date: createdOn,
        context: null,
      },
      updatedBy: { user: null, date: null, context: null },
      deletedBy: { user: null, date: null, context: null },
      assetCount: null,
      taggedAssetCount: targets.length - assetIds.length,
      applicableAssetCount: targets.length,
      totalAssetCount: ran ? targets.length : null,
      assetResultReceivedCount: ran ? responded : null,
      jobCategory: 3,
      jobTriggerStatus: ran ? 1 : null,
      completionPercent: ran
        ? targets.length === 0
          ? 100
          : Math.floor((100 * responded) / targets.length)
        : null,
      jobSource: 3,
      readOnly: false,
      subCategory: 'Mitigation',
      platform,
      assetTagIds: tagIds.length === 0 ? null : tagIds,
      assetIds,
      matchAllTagIds: null,
      exclusionTagIds: null,
      filterType: 'Any',
      exclusionFilterType: 'Any',
      notification: null,
      assetDetectionsQQL: `${detection} AND trackingMethod:QAGENT`,
      preDeployActions,
      postDeployActions: null,
      vulnQQL: `vulnerabilities.vulnerability.qid:[${qids.join(', ')}]`,
    };
    jobs.push({ id, platform, qids, targetAssetIds: targets.map((asset) => asset.id), job });
  }
  return jobs;
}
