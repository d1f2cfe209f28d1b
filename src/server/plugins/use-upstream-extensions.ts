/**
 * `useUpstreamExtensions()`: puts the request's upstream (Qualys) call count on every GraphQL
 * response as `extensions.upstream = { calls, byEndpoint }`. The count is the context's
 * {@link UpstreamCounter}, fed by the Qualys session's `onCall` (one per HTTP attempt, retries
 * included; the shared `POST /auth` excluded). Endpoint templates only: no URLs, ids or tokens.
 */
import type { Plugin } from 'graphql-yoga';
import type { QualysCallEvent } from '../../qualys/api.js';
import { isSingleResult } from '../operation-result.js';

/** The upstream calls of one request: attempts in all, and per endpoint template. */
export interface UpstreamCounter {
  calls: number;
  byEndpoint: Record<string, number>;
}

/**
 * What `extensions.upstream` holds: the calls made, and `estimated`, the calls the upstream
 * budget estimated before execution (absent when the operation never reached execution).
 */
export type UpstreamExtension = UpstreamCounter & { estimated?: number };

/** A fresh counter and the `onCall` that feeds it. */
export function createUpstreamCounter(): { counter: UpstreamCounter; onCall: (e: QualysCallEvent) => void } {
  const counter: UpstreamCounter = { calls: 0, byEndpoint: {} };
  return {
    counter,
    onCall: (e) => {
      counter.calls += 1;
      counter.byEndpoint[e.endpoint] = (counter.byEndpoint[e.endpoint] ?? 0) + 1;
    },
  };
}

function snapshot(counter: UpstreamCounter | undefined, estimated?: number): UpstreamExtension {
  const made =
    counter === undefined
      ? { calls: 0, byEndpoint: {} }
      : { calls: counter.calls, byEndpoint: { ...counter.byEndpoint } };
  return estimated === undefined ? made : { ...made, estimated };
}

/**
 * The plugin. Executed operations get the context's count when execution ends; responses that
 * never reached execution (parse/validation errors, rejected by the query limits) get
 * `{ calls: 0, byEndpoint: {} }`.
 */
export function useUpstreamExtensions(): Plugin<{ upstream?: UpstreamCounter; upstreamEstimate?: number }> {
  return {
    onExecute({ args }) {
      return {
        onExecuteDone({ result, setResult }) {
          if (!isSingleResult(result)) return;
          setResult({
            ...result,
            extensions: {
              ...result.extensions,
              upstream: snapshot(args.contextValue.upstream, args.contextValue.upstreamEstimate),
            },
          });
        },
      };
    },
    onResultProcess({ result, setResult }) {
      if (!isSingleResult(result) || result.extensions?.['upstream'] !== undefined) return;
      setResult({ ...result, extensions: { ...result.extensions, upstream: snapshot(undefined) } });
    },
  };
}
