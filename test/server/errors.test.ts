import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { QualysBadRequestError, QualysTimeoutError } from '../../src/qualys/errors.js';
import { maskGatewayError } from '../../src/server/errors.js';
import { parseBearerToken } from '../../src/server/gateway.js';

const located = (original: Error, path = ['patchJob', 'runs']) =>
  new GraphQLError(original.message, { path, originalError: original });

describe('maskGatewayError', () => {
  it('keeps a Qualys failure code, Qualys error code and HTTP status, and its safe message', () => {
    const masked = maskGatewayError(
      located(
        new QualysBadRequestError('Qualys rejected the request: co-author limit', {
          endpoint: 'POST /pm/v2/deploymentjob',
          status: 400,
          qualysErrorCode: '2435',
        }),
      ),
      'Unexpected error.',
    ) as GraphQLError;
    expect(masked.message).toBe('Qualys rejected the request: co-author limit');
    expect(masked.path).toEqual(['patchJob', 'runs']);
    expect(masked.extensions).toEqual({
      code: 'QUALYS_BAD_REQUEST',
      qualysErrorCode: '2435',
      httpStatus: 400,
    });
  });

  it('omits what a Qualys failure does not know', () => {
    const masked = maskGatewayError(
      located(new QualysTimeoutError('timed out', { endpoint: 'GET /x' })),
      'Unexpected error.',
    ) as GraphQLError;
    expect(masked.extensions).toEqual({ code: 'QUALYS_TIMEOUT' });
  });

  it('masks any other error as INTERNAL_SERVER_ERROR with the generic message (no stack, no detail)', () => {
    const secret = new Error('connect ECONNREFUSED https://gateway.qg2.apps.qualys.com Bearer eyJabc');
    const masked = maskGatewayError(located(secret), 'Unexpected error.') as GraphQLError;
    expect(masked.message).toBe('Unexpected error.');
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(masked.toJSON())).not.toMatch(/ECONNREFUSED|qualys\.com|eyJ/);
    expect(maskGatewayError(secret, 'Unexpected error.').message).toBe('Unexpected error.');
  });

  it('lets intended GraphQL errors through, naming graphql-js errors that have no code', () => {
    const userInput = new GraphQLError('Invalid argument', { extensions: { code: 'BAD_USER_INPUT' } });
    expect(maskGatewayError(userInput, 'x')).toBe(userInput);
    const validation = maskGatewayError(new GraphQLError('Cannot query field "nope"'), 'x') as GraphQLError;
    expect(validation.extensions['code']).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('parseBearerToken', () => {
  it('reads a bearer credential and ignores anything else', () => {
    expect(parseBearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(parseBearerToken('bearer   abc ')).toBe('abc');
    expect(parseBearerToken('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(parseBearerToken('Bearer a b')).toBeUndefined();
    expect(parseBearerToken(null)).toBeUndefined();
  });
});
