/**
 * `useErrorLimit({ maxErrors })`: bounds the errors of one response, before they are masked,
 * logged and serialised.
 *
 * One failed Qualys call errors every field that needed it: when the catalog lookup of a
 * 50-job dashboard fails (or is cut off because the client went away), each of its ~6,000 patch
 * references is a field error. Each error is masked, logged and serialised: that made a failed
 * or abandoned dashboard cost more CPU than a complete one, which a caller could repeat at will.
 *
 * - A response keeps its first `maxErrors` errors (default {@link DEFAULT_MAX_RESPONSE_ERRORS})
 *   and one more, `ERRORS_TRUNCATED`, whose `extensions` give the number left out
 *   (`omittedErrors`) and their codes with counts (`omittedByCode`). The data is untouched:
 *   every field that failed is still `null`.
 * - When the request was aborted (the client closed the connection) nothing will read the
 *   answer: it keeps one error only.
 */
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { isQualysError } from '../../qualys/errors.js';
import { isSingleResult } from '../operation-result.js';

/** Errors one response carries at most, besides the `ERRORS_TRUNCATED` summary. */
export const DEFAULT_MAX_RESPONSE_ERRORS = 100;

/** The code of an error before masking: its own, or its Qualys failure's, else `INTERNAL_SERVER_ERROR`. */
function codeOf(error: GraphQLError): string {
  const own = error.extensions?.['code'];
  if (typeof own === 'string') return own;
  const original = error.originalError;
  if (isQualysError(original)) return original.code;
  const nested = (original as { extensions?: { code?: unknown } } | undefined)?.extensions?.code;
  return typeof nested === 'string' ? nested : 'INTERNAL_SERVER_ERROR';
}

/** The plugin (see the module comment). */
export function useErrorLimit(options: { maxErrors?: number | undefined } = {}): Plugin {
  const maxErrors = options.maxErrors ?? DEFAULT_MAX_RESPONSE_ERRORS;
  return {
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request } | undefined)?.request;
      return {
        onExecuteDone({ result, setResult }) {
          if (!isSingleResult(result)) return;
          const errors = result.errors;
          if (errors === undefined) return;
          const keep = request?.signal.aborted === true ? 1 : maxErrors;
          if (errors.length <= keep) return;
          const omitted = errors.slice(keep);
          const byCode: Record<string, number> = {};
          for (const error of omitted) {
            const code = codeOf(error);
            byCode[code] = (byCode[code] ?? 0) + 1;
          }
          const summary = new GraphQLError(
            `${omitted.length} more errors were left out of this response (the first ${keep} are listed); ` +
              'the fields they belong to are null',
            {
              extensions: { code: 'ERRORS_TRUNCATED', omittedErrors: omitted.length, omittedByCode: byCode },
            },
          );
          setResult({ ...result, errors: [...errors.slice(0, keep), summary] } as typeof result);
        },
      };
    },
  };
}
