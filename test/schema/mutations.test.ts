/**
 * The mutation side of the schema over the recording fake: the root fields of docs/architecture.md §3.2,
 * the user error codes, and the nullability rule for payloads (a failed call made while
 * resolving the returned job nulls only the field that needed it; the payload and its
 * `userErrors` are always there).
 */
import {
  type GraphQLCompositeType,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isLeafType,
  isNonNullType,
} from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { JOB_RULE_CODES } from '../../src/jobs/index.js';
import { QualysHttpError } from '../../src/qualys/errors.js';
import { schema } from '../../src/schema/index.js';
import { createFakeQualysApi } from '../loaders/fake-qualys-api.js';
import { run } from './helpers.js';

/** A selection of every field of `type`, `depth` levels deep (fields with required args skipped). */
function selectAll(type: GraphQLCompositeType, depth: number): string {
  if (isAbstractType(type)) {
    return `{ __typename ${schema
      .getPossibleTypes(type)
      .map((t) => `... on ${t.name} ${selectAll(t, depth)}`)
      .join(' ')} }`;
  }
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 0 && isCompositeType(named)) parts.push(`${field.name} ${selectAll(named, depth - 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

function selectAllOf(name: string, depth = 3): string {
  const type = schema.getType(name);
  if (!isCompositeType(type)) throw new Error(name);
  return selectAll(type, depth);
}

const ASSET = 'fd64d050-a794-46c0-b714-4aecb286ff9d';
const PATCH = '0536aeee-60c0-383b-bbdd-8b8d1a35b6fa';

describe('mutation schema', () => {
  it('has exactly the mutation root fields of docs/architecture.md §3.2', () => {
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {}).sort()).toEqual(
      [
        'createMitigationJob',
        'createPatchJob',
        'deletePatchJobs',
        'setMitigationJobsStatus',
        'setPatchJobsStatus',
        'updateMitigationJob',
        'updatePatchJob',
      ].sort(),
    );
    const createArgs = schema
      .getMutationType()
      ?.getFields()
      ['createPatchJob']?.args.map((a) => a.name);
    expect(createArgs?.sort()).toEqual(['idempotencyKey', 'input']);
  });

  it('has a UserErrorCode for every rule code and for Qualys, not found and idempotency outcomes', () => {
    const type = schema.getType('UserErrorCode');
    if (!isEnumType(type)) throw new Error('UserErrorCode');
    expect(
      type
        .getValues()
        .map((v) => v.name)
        .sort(),
    ).toEqual(
      [...JOB_RULE_CODES, 'QUALYS_REJECTED', 'NOT_FOUND', 'IDEMPOTENCY_KEY_REUSED', 'OUTCOME_UNKNOWN'].sort(),
    );
  });

  it('every payload has a non-null userErrors list', () => {
    for (const name of [
      'CreatePatchJobPayload',
      'UpdatePatchJobPayload',
      'CreateMitigationJobPayload',
      'UpdateMitigationJobPayload',
      'SetJobsStatusPayload',
      'DeletePatchJobsPayload',
    ]) {
      const type = schema.getType(name);
      if (!isCompositeType(type) || isAbstractType(type)) throw new Error(name);
      expect(String(type.getFields()['userErrors']?.type), name).toBe('[UserError!]!');
    }
  });
});

describe('mutation payload null propagation', () => {
  it.each([
    [
      'createPatchJob',
      `mutation { createPatchJob(input: { name: "n", platform: WINDOWS, targets: { assetIds: ["${ASSET}"] }, patches: { patchIds: ["${PATCH}"] } }) ${selectAllOf('CreatePatchJobPayload')} }`,
      'createPatchJob',
    ],
    [
      'createMitigationJob',
      `mutation { createMitigationJob(input: { name: "n", platform: LINUX, qids: [90007], targets: { assetIds: ["${ASSET}"] } }) ${selectAllOf('CreateMitigationJobPayload')} }`,
      'createMitigationJob',
    ],
  ] as const)(
    '%s: every call after the create fails, only the fields needing them are null',
    async (_, source, root) => {
      const fake = createFakeQualysApi();
      fake.failWhen((call) =>
        call.method === root
          ? undefined
          : new QualysHttpError('Qualys answered 502', { endpoint: 'x', status: 502 }),
      );
      const result = await run(fake, source);
      const payload = (result.data as Record<string, Record<string, unknown> | null> | null | undefined)?.[
        root
      ];
      expect(payload).toBeTypeOf('object');
      expect(payload?.['userErrors']).toEqual([]);
      expect(payload?.['job']).toBeTypeOf('object');
      expect(payload?.['job']).not.toBeNull();
      for (const error of result.errors ?? []) {
        let value: unknown = result.data;
        for (const key of error.path ?? []) {
          expect(value, `null propagated above ${error.path?.join('.')}`).not.toBeNull();
          value = (value as Record<string | number, unknown>)[key];
        }
        expect(value).toBeNull();
        expect((error.originalError as { code?: string } | undefined)?.code).toBe('QUALYS_HTTP_STATUS');
      }
      expect(fake.count(root)).toBe(1);
    },
  );

  it.each([
    ['updatePatchJob', 'getDeploymentJobWire'],
    ['setPatchJobsStatus', 'setPatchJobsStatus'],
    ['deletePatchJobs', 'deletePatchJobs'],
  ] as const)(
    '%s: a failed upstream call nulls the mutation field only, with its QUALYS_* code',
    async (field, method) => {
      const fake = createFakeQualysApi();
      fake.failWhen((call) =>
        call.method === method
          ? new QualysHttpError('Qualys answered 503', { endpoint: 'x', status: 503 })
          : undefined,
      );
      const id = '8ae6cd23-bb09-423b-aad8-f8910855e755';
      const source =
        field === 'updatePatchJob'
          ? `mutation { updatePatchJob(id: "${id}", input: { name: "x" }) { job { id } userErrors { code } } }`
          : field === 'setPatchJobsStatus'
            ? `mutation { setPatchJobsStatus(ids: ["${id}"], status: ENABLED) { results { id } userErrors { code } } }`
            : `mutation { deletePatchJobs(ids: ["${id}"]) { results { id } userErrors { code } } }`;
      const result = await run(fake, source);
      expect(result.data).toEqual({ [field]: null });
      expect(result.errors?.map((e) => (e.originalError as { code?: string }).code)).toEqual([
        'QUALYS_HTTP_STATUS',
      ]);
      expect(fake.count(method)).toBe(1);
    },
  );

  it('updatePatchJob: a current job Qualys sent in an unreadable shape is QUALYS_BAD_PAYLOAD, nothing written', async () => {
    const id = '8ae6cd23-bb09-423b-aad8-f8910855e755';
    const fake = createFakeQualysApi({
      jobWires: [{ id, name: 'x', platform: 'Windows', timeout: 'six hours' }],
    });
    const result = await run(
      fake,
      `mutation { updatePatchJob(id: "${id}", input: { name: "y" }) { job { id } } }`,
    );
    expect(result.data).toEqual({ updatePatchJob: null });
    expect(result.errors?.map((e) => (e.originalError as { code?: string }).code)).toEqual([
      'QUALYS_BAD_PAYLOAD',
    ]);
    expect(fake.count('updatePatchJob')).toBe(0);
  });
});
