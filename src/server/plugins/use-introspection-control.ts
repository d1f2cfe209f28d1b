/**
 * `useIntrospectionControl({ allowedKeys })`: introspection off (`INTROSPECTION=false`). Rejects
 * `__schema`, `__type` and the federation SDL (`_service`) at validation and removes "Did you mean
 * …?" suggestions (which name fields, arguments and enum values) from validation and
 * variable-coercion messages, except for requests authenticated with one of `allowedKeys`
 * (`INTROSPECTION_KEYS`, e.g. a federation router's key).
 */
import { GraphQLError, NoSchemaIntrospectionCustomRule, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { isSingleResult } from '../operation-result.js';
import { API_KEY_NAME_FIELD } from './use-inbound-auth.js';

/** The API key name `useInboundAuth` left on the context, if any. */
function keyNameOf(context: object): string | undefined {
  const name = (context as Record<string, unknown>)[API_KEY_NAME_FIELD];
  return typeof name === 'string' ? name : undefined;
}

/** Rejects the federation SDL field `_service` (introspection off). */
const NoServiceSdlRule: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '_service' && context.getParentType()?.name === 'Query') {
      context.reportError(
        new GraphQLError('GraphQL introspection has been disabled, so `_service` is not available.', {
          nodes: node,
        }),
      );
    }
  },
});

/** "Did you mean …?" suggestions in graphql-js messages, which name schema fields and values. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

function withoutSuggestions<E extends { message: string }>(errors: readonly E[]): E[] {
  return errors.map((error) => {
    if (!SUGGESTION.test(error.message)) return error;
    SUGGESTION.lastIndex = 0;
    const stripped = error.message.replace(SUGGESTION, '');
    return (
      error instanceof GraphQLError
        ? new GraphQLError(stripped, {
            nodes: error.nodes ?? null,
            source: error.source ?? null,
            positions: error.positions ?? null,
            path: error.path ?? null,
            originalError: error.originalError ?? null,
            extensions: error.extensions,
          })
        : { ...error, message: stripped }
    ) as E;
  });
}

/**
 * Introspection off: rejects `__schema`, `__type` and `_service` at validation and removes
 * "Did you mean …?" suggestions from validation and variable-coercion messages, unless the
 * request authenticated with one of `allowedKeys` (its key name on the context, left by
 * `useInboundAuth`).
 */
export function useIntrospectionControl(allowedKeys: ReadonlySet<string>): Plugin {
  const allowed = (context: object): boolean => {
    const name = keyNameOf(context);
    return name !== undefined && allowedKeys.has(name);
  };
  return {
    onValidate({ addValidationRule, context }) {
      if (allowed(context)) return;
      addValidationRule(NoSchemaIntrospectionCustomRule);
      addValidationRule(NoServiceSdlRule);
      return ({ valid, result, setResult }) => {
        if (!valid) setResult(withoutSuggestions(result));
      };
    },
    onExecute({ args }) {
      if (allowed(args.contextValue as object)) return;
      return {
        onExecuteDone({ result, setResult }) {
          if (!isSingleResult(result) || result.errors === undefined) return;
          setResult({ ...result, errors: withoutSuggestions(result.errors) });
        },
      };
    },
  };
}
