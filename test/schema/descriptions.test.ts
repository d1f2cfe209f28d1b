import { isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { publicSchema, schema } from '../../src/schema/index.js';

const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

describe('schema documentation', () => {
  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || BUILT_IN.has(type.name)) continue;
      if (!type.description?.trim()) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description?.trim()) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description?.trim()) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description?.trim()) missing.push(`${type.name}.${value.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('has the root fields of docs/architecture.md §3.2 and no node/nodes fields, plus the federation fields when served', () => {
    const fields = Object.keys(publicSchema.getQueryType()?.getFields() ?? {}).sort();
    const design = [
      'asset',
      'assets',
      'assetsByAssetId',
      'jobResult',
      'linkablePatchJobs',
      'mitigationJob',
      'patch',
      'patchJob',
      'patchJobs',
      'patches',
    ].sort();
    expect(fields).toEqual(design);
    const served = Object.keys(schema.getQueryType()?.getFields() ?? {}).sort();
    expect(served).toEqual([...design, '_entities', '_service'].sort());
    expect(schema.getType('Node')).toBeUndefined();
  });
});
