/**
 * `useUpstreamBudget({ maxCalls })`: the pre-check of the upstream-call budget
 * (`QUERY_MAX_UPSTREAM_CALLS`). The budget itself is enforced as the calls are made, by each
 * request's Qualys session (`maxCalls`); this plugin refuses, before any call, only what its
 * estimate (`upstream-estimate.ts`) says is certain to exceed it.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import {
  estimateUpstreamCalls,
  type UpstreamEstimate,
  VariableCoercionFailure,
} from '../upstream-estimate.js';

/** Default budget: upstream calls one operation may make (`QUERY_MAX_UPSTREAM_CALLS`). */
export const DEFAULT_MAX_UPSTREAM_CALLS = 1000;

/** Options of {@link useUpstreamBudget}. */
export interface UpstreamBudgetOptions {
  /** The budget: Qualys calls one operation may make (`QUERY_MAX_UPSTREAM_CALLS`). */
  maxCalls: number;
  /** Where a defect of the estimator is reported (the operation is refused). Default: nowhere. */
  onEstimatorError?: ((error: unknown) => void) | undefined;
  /** The estimator. Default {@link estimateUpstreamCalls}; tests give a failing one. */
  estimate?: typeof estimateUpstreamCalls | undefined;
}

/**
 * The Yoga plugin: the pre-check of the upstream-call budget. Before each operation executes it
 * estimates the operation's calls, records the estimate on the context (`upstreamEstimate`,
 * shown as `extensions.upstream.estimated`), and refuses only an operation certain to exceed
 * `maxCalls` (its {@link UpstreamEstimate.minimum}) with one error, HTTP 400,
 * `extensions.code` `UPSTREAM_BUDGET_EXCEEDED`, `extensions.estimatedCalls` and
 * `extensions.maxCalls`: nothing runs, so nothing is sent upstream. Every other operation runs,
 * and the Qualys session's `maxCalls` enforces the budget as the calls are made. An estimator
 * defect refuses the operation too (`INTERNAL_SERVER_ERROR`), never waves it through.
 */
export function useUpstreamBudget(options: UpstreamBudgetOptions): Plugin<{ upstreamEstimate?: number }> {
  const refuse = (message: string, extensions: Record<string, unknown>) => ({
    errors: [new GraphQLError(message, { extensions: { ...extensions, http: { status: 400 } } })],
  });
  const estimator = options.estimate ?? estimateUpstreamCalls;
  return {
    onExecute({ args, setResultAndStopExecution }) {
      let estimate: UpstreamEstimate | VariableCoercionFailure;
      try {
        estimate = estimator(args.schema, args.document, args.operationName, args.variableValues);
      } catch (error) {
        options.onEstimatorError?.(error);
        setResultAndStopExecution(
          refuse(
            'The gateway could not check this operation against its upstream-call budget, so it was not run.',
            { code: 'INTERNAL_SERVER_ERROR' },
          ),
        );
        return;
      }
      // Variables that do not coerce: execution reports them with graphql-js's own message.
      if (estimate instanceof VariableCoercionFailure) return;
      args.contextValue.upstreamEstimate = estimate.calls;
      if (estimate.minimum <= options.maxCalls) return;
      setResultAndStopExecution(
        refuse(
          `This operation would make at least ${estimate.minimum} Qualys calls for the sizes its arguments ask ` +
            `for; the limit is ${options.maxCalls}. Ask for fewer items (first, ids) or fewer nested lists, ` +
            'or split it into several operations.',
          { code: 'UPSTREAM_BUDGET_EXCEEDED', estimatedCalls: estimate.minimum, maxCalls: options.maxCalls },
        ),
      );
    },
  };
}
