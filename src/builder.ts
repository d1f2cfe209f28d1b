/**
 * The one Pothos SchemaBuilder of the gateway: plugins, context type and scalars. It defines no
 * object types; those live in `src/schema/`, one GraphQL type per file.
 */
import SchemaBuilder from '@pothos/core';
import DirectivePlugin from '@pothos/plugin-directives';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError, Kind } from 'graphql';
import type { IdempotencyStore } from './idempotency.js';
import type { Loaders } from './loaders/index.js';
import type { QualysApi } from './qualys/api.js';

/** The per-request GraphQL context. */
export interface GatewayContext {
  /** The caller's Qualys API session (their credentials and abort signal). */
  qualys: QualysApi;
  /** The caller's per-request loaders, from `createLoaders(qualys)`. */
  loaders: Loaders;
  /**
   * Whose idempotency keys this request uses (`callerScope` of `src/idempotency.ts`): `'service'`
   * with service credentials, else a SHA-256 of the caller's bearer token (never the token).
   */
  callerScope: string;
  /** The gateway's idempotency store (one per gateway), for `idempotencyKey` on creates. */
  idempotency: IdempotencyStore;
}

/** `2025-03-19T04:59:17`: an ISO-8601 local date-time without offset. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** Builds the `BAD_USER_INPUT` error every failed argument validation becomes. */
function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * The schema builder. Plugins: relay (connections only: no global ids, no `node`/`nodes` root
 * fields, String cursors, no `clientMutationId`) and validation (argument checks run before the
 * resolver, so a rejected argument causes no upstream call; failures are `GraphQLError`s with
 * `extensions.code: 'BAD_USER_INPUT'`).
 */
export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  /** Connection edges and nodes are never null: `[XxxEdge!]!`, `node: Xxx!`. */
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    /** Epoch milliseconds inside; ISO-8601 UTC on the wire. */
    DateTime: { Input: number; Output: number };
    /** `YYYY-MM-DDTHH:mm:ss`, no offset. */
    LocalDateTime: { Input: string; Output: string };
  };
}>({
  // Federation last: it reads the directives the directive plugin records (its README's order).
  plugins: [RelayPlugin, ValidationPlugin, DirectivePlugin, FederationPlugin],
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    nodesOnConnection: {
      description: 'The nodes of the edges, in the same order: a shortcut for `edges { node }`.',
    },
    edgesFieldOptions: {
      nullable: { list: false, items: false },
      description: 'The edges of this page, in upstream order.',
    },
    nodeFieldOptions: { nullable: false, description: 'The item at the end of the edge.' },
    cursorFieldOptions: {
      description: 'An opaque cursor: pass it as `after` to continue after this edge.',
    },
    pageInfoFieldOptions: { description: 'Where this page sits in the list, for fetching the next one.' },
    pageInfoTypeOptions: {
      description:
        'Relay page information. Qualys returns no totals, so `hasNextPage` means the page came back full.',
    },
    hasNextPageFieldOptions: {
      description:
        'True when this page came back full from Qualys, so more items may follow (Qualys returns no totals).',
    },
    hasPreviousPageFieldOptions: {
      description:
        'True when this page does not start at the beginning of the list (an `after` cursor was given).',
    },
    startCursorFieldOptions: { description: 'The cursor of the first edge; null when the page is empty.' },
    endCursorFieldOptions: {
      description: 'The cursor to pass as `after` for the next page; null when the page is empty.',
    },
  },
  validation: {
    validationError: (failure) => {
      const detail = failure.issues
        .map((issue) => {
          const path = (issue.path ?? [])
            .map((p) => (typeof p === 'object' && p !== null && 'key' in p ? String(p.key) : String(p)))
            .join('.');
          return path ? `${path}: ${issue.message}` : issue.message;
        })
        .join('; ');
      return badUserInput(`Invalid argument: ${detail}`);
    },
  },
});

builder.scalarType('DateTime', {
  description:
    'A point in time as an ISO-8601 string in UTC with milliseconds (`2025-03-25T16:46:12.719Z`). ' +
    'Qualys sends these as epoch milliseconds.',
  serialize: (epochMs) => new Date(epochMs).toISOString(),
  parseValue: (value) => {
    const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(ms)) throw badUserInput('DateTime must be an ISO-8601 string');
    return ms;
  },
  parseLiteral: (ast) => {
    const ms = ast.kind === Kind.STRING ? Date.parse(ast.value) : Number.NaN;
    if (Number.isNaN(ms)) throw badUserInput('DateTime must be an ISO-8601 string');
    return ms;
  },
});

builder.scalarType('LocalDateTime', {
  description:
    'A wall-clock date and time without offset, ISO-8601 `YYYY-MM-DDTHH:mm:ss` (`2025-03-19T04:59:17`). ' +
    'It is never shifted: the time zone it is meant in is given next to it (for job schedules, ' +
    '`JobSchedule.timezone` and `JobSchedule.timezoneType`).',
  serialize: (value) => {
    if (!LOCAL_DATE_TIME.test(value)) throw new TypeError(`not a LocalDateTime: ${value}`);
    return value;
  },
  parseValue: (value) => {
    if (typeof value !== 'string' || !LOCAL_DATE_TIME.test(value)) {
      throw badUserInput('LocalDateTime must look like 2025-03-19T04:59:17');
    }
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !LOCAL_DATE_TIME.test(ast.value)) {
      throw badUserInput('LocalDateTime must look like 2025-03-19T04:59:17');
    }
    return ast.value;
  },
});
