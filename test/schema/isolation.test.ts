import { describe, expect, it } from 'vitest';
import { QualysDeploymentJobSchema } from '../../src/qualys/schemas/index.js';
import { createFakeQualysApi } from '../loaders/fake-qualys-api.js';
import { fullJobWire, uuid } from './fixtures.js';
import { contextFor, run } from './helpers.js';

describe('per-request loaders', () => {
  it('two contexts over two fakes never share cached results', async () => {
    const id = uuid('10b', 5);
    const alice = createFakeQualysApi({
      jobs: [QualysDeploymentJobSchema.parse(fullJobWire(id, { name: "Alice's job" }))],
    });
    const bob = createFakeQualysApi({
      jobs: [QualysDeploymentJobSchema.parse(fullJobWire(id, { name: "Bob's job" }))],
    });
    const query = `query($id: ID!) { patchJob(id: $id) { name } }`;

    const [a, b] = await Promise.all([
      run(alice, query, { id }, contextFor(alice)),
      run(bob, query, { id }, contextFor(bob)),
    ]);
    expect(a.data).toEqual({ patchJob: { name: "Alice's job" } });
    expect(b.data).toEqual({ patchJob: { name: "Bob's job" } });
    expect(alice.count()).toBe(1);
    expect(bob.count()).toBe(1);
  });

  it('one context fetches a job once however often the operation asks for it', async () => {
    const id = uuid('10b', 6);
    const fake = createFakeQualysApi({ jobs: [QualysDeploymentJobSchema.parse(fullJobWire(id))] });
    const result = await run(
      fake,
      `query($id: ID!) { a: patchJob(id: $id) { name } b: patchJob(id: $id) { description timeout { value } } }`,
      { id },
    );
    expect(result.errors).toBeUndefined();
    expect(fake.count()).toBe(1);
  });
});
