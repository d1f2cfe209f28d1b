/**
 * Error masking for the gateway: the one place where failures become client-visible GraphQL
 * errors. Qualys client failures keep their stable code (`extensions.code`, e.g.
 * `QUALYS_TIMEOUT`) and their safe message; GraphQL errors raised on purpose (validation,
 * `BAD_USER_INPUT`) pass through; anything else is masked as `INTERNAL_SERVER_ERROR` with
 * Yoga's generic message, so no stack, URL, header, token or upstream body reaches a client.
 */
import { GraphQLError } from 'graphql';
import { QualysError, UpstreamBudgetExceededError } from '../qualys/errors.js';
import { publicQualysMessage } from '../qualys/redact.js';

/**
 * Yoga `maskedErrors.maskError` implementation.
 * Shape: `(error, genericMessage, isDev) => GraphQLError` with `extensions.code` always set;
 * for Qualys failures also `extensions.qualysErrorCode` (Qualys' `_error.errorCode`) and
 * `extensions.httpStatus` when known, and the message without the upstream endpoint template,
 * URLs, hosts or credentials (`publicQualysMessage`). `isDev` adds nothing: masking is the same
 * everywhere.
 */
export function maskGatewayError(error: unknown, message: string): Error {
  if (error instanceof GraphQLError) {
    const original = error.originalError;
    if (original instanceof QualysError) {
      return new GraphQLError(publicQualysMessage(original), {
        nodes: error.nodes ?? null,
        source: error.source ?? null,
        positions: error.positions ?? null,
        path: error.path ?? null,
        extensions: {
          code: original.code,
          ...(original.qualysErrorCode === undefined ? {} : { qualysErrorCode: original.qualysErrorCode }),
          ...(original.status === undefined ? {} : { httpStatus: original.status }),
          ...(original instanceof UpstreamBudgetExceededError ? { maxCalls: original.maxCalls } : {}),
        },
      });
    }
    if (original === undefined || original === null || original instanceof GraphQLError) {
      if (error.extensions['code'] !== undefined) {
        if (!('originalError' in error.extensions)) return error;
        // Yoga's request parser attaches the parse failure (`SyntaxError` name and message, which
        // quotes the body) as `extensions.originalError`: keep the coded error, drop the detail.
        // Yoga answers such an error with its `http.status` (400) only while `originalError` is
        // there or `http.spec` is not; without the detail, drop `spec` so the status stays.
        const { originalError: _detail, ...extensions } = error.extensions;
        const http = extensions['http'];
        if (http !== null && typeof http === 'object' && 'spec' in http) {
          const { spec: _spec, ...rest } = http as Record<string, unknown>;
          extensions['http'] = rest;
        }
        return new GraphQLError(error.message, {
          nodes: error.nodes ?? null,
          source: error.source ?? null,
          positions: error.positions ?? null,
          path: error.path ?? null,
          extensions,
        });
      }
      // Errors graphql-js itself raises (parse, validation, coercion) carry no code: name them.
      return new GraphQLError(error.message, {
        nodes: error.nodes ?? null,
        source: error.source ?? null,
        positions: error.positions ?? null,
        path: error.path ?? null,
        extensions: {
          ...error.extensions,
          code: error.path ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED',
        },
      });
    }
    return new GraphQLError(message, {
      nodes: error.nodes ?? null,
      source: error.source ?? null,
      positions: error.positions ?? null,
      path: error.path ?? null,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  }
  return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
