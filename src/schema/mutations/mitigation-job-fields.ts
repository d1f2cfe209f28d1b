/**
 * The settings fields of the mitigation job inputs, shared by `CreateMitigationJobInput` and
 * `UpdateMitigationJobInput`: `mode` only changes the descriptions (defaults on create,
 * "unchanged when omitted" on update).
 */
import type { InputFieldBuilder } from '@pothos/core';
import { z } from 'zod';
import type { builder } from '../../builder.js';
import { JOB_LIMITS } from '../../jobs/index.js';
import { JobConfigStatus } from '../jobs/job-config-status.js';
import {
  idListSchema,
  JobTargetsInput,
  MAX_CO_AUTHOR_IDS_INPUT,
  MAX_JOB_INPUT_VALUES,
  MitigationJobScheduleInput,
  NotificationInput,
} from './job-inputs.js';

export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/** The settings fields of the mitigation job inputs, shared by create and update. */
export function mitigationJobSettingFields(
  t: InputFieldBuilder<Types, 'InputObject'>,
  mode: 'create' | 'update',
) {
  const d = (create: string, update: string) => (mode === 'create' ? create : update);
  return {
    description: t.string({
      required: false,
      description: d(
        'A description (Qualys `description`). Default empty.',
        'A new description; null clears it.',
      ),
    }),
    status: t.field({
      type: JobConfigStatus,
      required: false,
      description: d(
        'ENABLED or DISABLED (default). Note: Qualys cannot disable a non-recurring job once enabled.',
        'ENABLED or DISABLED; omitted or null: unchanged.',
      ),
    }),
    qids: t.intList({
      required: false,
      description: d(
        'The QIDs to mitigate (Qualys `qids`); at least one, positive.',
        'The new QIDs, replacing the current ones; omitted or null: unchanged.',
      ),
      validate: z.array(z.number()).max(MAX_JOB_INPUT_VALUES, `at most ${MAX_JOB_INPUT_VALUES} QIDs`),
    }),
    targets: t.field({
      type: JobTargetsInput,
      required: false,
      description: d(
        'The assets to target: asset UUIDs and/or tags (asset UUIDs since release 3.12); at least one.',
        'Target changes; fields given replace.',
      ),
    }),
    schedule: t.field({
      type: MitigationJobScheduleInput,
      required: false,
      description: d('On demand (default) or once.', 'Schedule changes: with `type`, a new schedule.'),
    }),
    coAuthorIds: t.idList({
      required: false,
      description: d(
        `User UUIDs who may edit the job besides you, at most ${JOB_LIMITS.maxCoAuthors}. Default: none.`,
        `The new co-authors, at most ${JOB_LIMITS.maxCoAuthors}; null: unchanged.`,
      ),
      validate: idListSchema(MAX_CO_AUTHOR_IDS_INPUT),
    }),
    notification: t.field({
      type: NotificationInput,
      required: false,
      description: d(
        'E-mail notifications. Default: none.',
        'Notification changes; null removes notifications.',
      ),
    }),
  };
}
