/**
 * `useQueryLimits(limits)`: graphql-armor's static query limits (depth, cost, aliases, tokens,
 * directives). They run at parse/validation time, so a rejected query makes no upstream call.
 * The defaults leave headroom over the largest operation of `schema/operations/`
 * (test/server/query-limits.test.ts computes it).
 */
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { DEFAULT_MAX_UPSTREAM_CALLS } from './use-upstream-budget.js';

/** The limits; every one applies per operation document. */
export interface QueryLimits {
  /** Deepest field nesting (`QUERY_MAX_DEPTH`). */
  maxDepth: number;
  /** Aliases per operation (`QUERY_MAX_ALIASES`). */
  maxAliases: number;
  /**
   * graphql-armor cost (objects 2, scalars 1, times depth factor 1.5 per level, times a literal
   * `first`) (`QUERY_MAX_COST`). A static guard against absurd documents only: the Qualys work of
   * an operation is bounded as it runs by the upstream-call budget, so the default (100,000) lets
   * through every query a person writes (`patchJobs(first: 1000)` with twenty fields is ~50,000).
   */
  maxCost: number;
  /**
   * Lexical tokens of the document (`QUERY_MAX_TOKENS`): stops parser abuse, not big honest
   * documents (2,500 ids written inline, every field of a job three levels deep). Parsing 20,000
   * tokens takes a few ms.
   */
  maxTokens: number;
  /** Directives per operation (`QUERY_MAX_DIRECTIVES`). */
  maxDirectives: number;
  /**
   * Qualys calls one operation may be estimated to make (`QUERY_MAX_UPSTREAM_CALLS`); checked by
   * `useUpstreamBudget` (./use-upstream-budget.ts), not by graphql-armor.
   */
  maxUpstreamCalls: number;
}

/** Default limits (see the README's "Production settings"). */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 12,
  maxAliases: 15,
  maxCost: 100_000,
  maxTokens: 20_000,
  maxDirectives: 20,
  maxUpstreamCalls: DEFAULT_MAX_UPSTREAM_CALLS,
};

/** graphql-armor's Envelop plugins, as `createYoga({ plugins })` takes them. */
export type ArmorPlugins = ReturnType<EnvelopArmor['protect']>['plugins'];

/** Which limit a measurement is about. */
export type QueryLimitName = Exclude<keyof QueryLimits, 'maxUpstreamCalls'>;

/** Options of {@link useQueryLimits}. */
export interface QueryLimitsOptions {
  /** Called with each accepted document's measure (tests compute the headroom with it). */
  onMeasure?: ((limit: QueryLimitName, value: number) => void) | undefined;
}

/** The graphql-armor plugins for `limits` (missing ones take {@link DEFAULT_QUERY_LIMITS}). */
export function useQueryLimits(
  limits: Partial<QueryLimits> = {},
  options: QueryLimitsOptions = {},
): ArmorPlugins {
  const l = { ...DEFAULT_QUERY_LIMITS, ...limits };
  const measure = (name: QueryLimitName) => {
    const onMeasure = options.onMeasure;
    return onMeasure === undefined
      ? {}
      : { onAccept: [(_: unknown, details: { n?: number }) => onMeasure(name, details.n ?? 0)] };
  };
  const armor = new EnvelopArmor({
    // Field suggestions are GraphQL's own behaviour; the schema is public here.
    blockFieldSuggestion: { enabled: false },
    maxDepth: { n: l.maxDepth, exposeLimits: true, ...measure('maxDepth') },
    maxAliases: { n: l.maxAliases, exposeLimits: true, ...measure('maxAliases') },
    costLimit: { maxCost: l.maxCost, exposeLimits: true, ...measure('maxCost') },
    maxTokens: { n: l.maxTokens, exposeLimits: true, ...measure('maxTokens') },
    maxDirectives: { n: l.maxDirectives, exposeLimits: true, ...measure('maxDirectives') },
  });
  return armor.protect().plugins;
}
