import { describe, expect, it } from 'vitest';
import {
  QualysDeploymentJobListItemSchema,
  QualysDeploymentJobSchema,
} from '../../src/qualys/schemas/index.js';
import { createFakeQualysApi } from '../loaders/fake-qualys-api.js';
import { fullJobWire, listItemWire, uuid } from './fixtures.js';
import { run } from './helpers.js';

describe('wire normalisation reaches the graph', () => {
  it('job list: completionPercent "100" -> 100, string counts -> Int, epoch ms -> ISO DateTime', async () => {
    const id = uuid('10b', 1);
    const fake = createFakeQualysApi({
      jobList: {
        Linux: [
          QualysDeploymentJobListItemSchema.parse(
            listItemWire(id, {
              platform: 'Linux',
              nextScheduleDateTime: 1742921172719,
              recurringWeekDays: '0,1,0,0,0,1,0',
              scheduleType: 'Weekly',
              timezoneType: 'AGENT_TZ',
            }),
          ),
        ],
      },
    });
    const result = await run(
      fake,
      `{ patchJobs(platform: LINUX) { nodes {
          completionPercent totalAssetCount applicableAssetCount createdAt status statusLabel platform
          createdBy { id name }
          schedule { type startDateTime startDateTimeRaw timezone timezoneType weekDays nextRunAt }
      } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      patchJobs: {
        nodes: [
          {
            completionPercent: 100,
            totalAssetCount: 1,
            applicableAssetCount: 1,
            createdAt: '2023-03-13T15:58:36.985Z',
            status: 'ASSETS_RESPONDED',
            statusLabel: 'Assets Responded',
            platform: 'LINUX',
            createdBy: { id: '2047175c-7d16-e1a3-8230-4009ac539b5d', name: 'User John' },
            schedule: {
              type: 'WEEKLY',
              startDateTime: '2023-03-13T15:58:37',
              startDateTimeRaw: '2023-3-13 03:58:37 PM',
              timezone: 'UTC',
              timezoneType: 'AGENT_TZ',
              weekDays: ['MONDAY', 'FRIDAY'],
              nextRunAt: '2025-03-25T16:46:12.719Z',
            },
          },
        ],
      },
    });
    expect(fake.count()).toBe(1);
  });

  it('full job: "2025-3-19 04:59:17 AM" -> LocalDateTime 2025-03-19T04:59:17 in UTC, never shifted', async () => {
    const id = uuid('10b', 2);
    const fake = createFakeQualysApi({
      jobs: [
        QualysDeploymentJobSchema.parse(
          fullJobWire(id, {
            platform: 'Linux',
            preDeployActions: [
              {
                actionId: '926ff25c-e1c4-4613-a446-53268fed1b52',
                action: 'Run Script',
                actionType: 'predeploy',
                params: {
                  actionItem: 'makecache Pre-Action',
                  timeout: 180,
                  remediationScope: false,
                  defaultScriptType: 'MakeCache',
                },
                script: 'default/MakeCache/makecache',
                scriptType: 'sh',
                actionLinkedToJob: false,
              },
            ],
          }),
        ),
      ],
    });
    const result = await run(
      fake,
      `query($id: ID!) { patchJob(id: $id) {
          createdAt createdBy { name fullName } updatedBy { name } type
          schedule { type startDateTime startDateTimeRaw timezone timezoneType recurring nextRunAt }
          timeout { value } downloadRandomization { value unit }
          reattemptFailedPatches { enabled attempts backoffInterval }
          deferment { count interval intervalUnit }
          preDeployActions { __typename id action actionType timeoutSeconds ... on RunScriptAction { scriptType defaultScriptType actionItem script } }
      } }`,
      { id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      patchJob: {
        createdAt: '2025-03-19T04:59:17.346Z',
        createdBy: { name: 'quaysxkm14', fullName: 'Karan Mehta' },
        updatedBy: null,
        type: 'INSTALL',
        schedule: {
          type: 'ON_DEMAND',
          startDateTime: '2025-03-19T04:59:17',
          startDateTimeRaw: '2025-3-19 04:59:17 AM',
          timezone: 'UTC',
          timezoneType: 'SPECIFIC_TZ',
          recurring: false,
          nextRunAt: null,
        },
        timeout: null,
        downloadRandomization: { value: 8, unit: 'HOURS' },
        reattemptFailedPatches: { enabled: true, attempts: 4, backoffInterval: 10 },
        deferment: { count: 3, interval: 1, intervalUnit: 'HOURS' },
        preDeployActions: [
          {
            __typename: 'RunScriptAction',
            id: '926ff25c-e1c4-4613-a446-53268fed1b52',
            action: 'Run Script',
            actionType: 'predeploy',
            timeoutSeconds: 180,
            scriptType: 'sh',
            defaultScriptType: 'MakeCache',
            actionItem: 'makecache Pre-Action',
            script: 'default/MakeCache/makecache',
          },
        ],
      },
    });
  });

  it('maps open-ended values to OTHER and keeps the raw label; an unreadable start stays raw only', async () => {
    const id = uuid('10b', 3);
    const fake = createFakeQualysApi({
      jobs: [
        QualysDeploymentJobSchema.parse(
          fullJobWire(id, {
            status: 'Quarantined',
            type: 'Uninstall',
            startDateTime: 'someday',
            scheduleType: 'Hourly',
          }),
        ),
      ],
    });
    const result = await run(
      fake,
      `query($id: ID!) { patchJob(id: $id) { status statusLabel type schedule { type startDateTime startDateTimeRaw } } }`,
      { id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      patchJob: {
        status: 'OTHER',
        statusLabel: 'Quarantined',
        type: 'ROLLBACK',
        schedule: { type: null, startDateTime: null, startDateTimeRaw: 'someday' },
      },
    });
  });
});
