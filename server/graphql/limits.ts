/**
 * Query limits (graphql-armor): depth, cost, aliases, directives and tokens, checked at parse /
 * validation time, so an over-limit query is rejected before any resolver runs. Rejections carry
 * extensions.code LIMIT_EXCEEDED.
 */
import { GraphQLError, type ValidationContext } from 'graphql';
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { Plugin } from 'graphql-yoga';

/**
 * Depth counts introspection too (it is the one recursive part of this schema; GraphiQL's own
 * introspection query is 21 deep). A single profile query costs ~120, a neighbourhood ~35.
 */
export const LIMITS = {
  maxDepth: 25,
  maxAliases: 10,
  maxDirectives: 20,
  maxTokens: 2000,
  maxCost: 1000,
  /**
   * Database work per request (work.ts): neighbourhood ids × hops × limit, subgraph ids, summed
   * over the request's fields. 25,000 lets one neighbourhood expand 50 seeds one hop at the
   * default limit (500), or one seed three hops at the largest limit four times over; ten 3-hop
   * neighbourhoods at limit 2,000 (60,000: about 6 s of work measured) are refused.
   */
  maxWork: 25_000,
} as const;

const LIMIT_MESSAGE = /(limit of \d+ exceeded|Token limit)/i;

const asLimitError = (e: GraphQLError | Error): GraphQLError =>
  new GraphQLError(e.message.replace(/^Syntax Error: /, ''), { nodes: (e as GraphQLError).nodes, extensions: { code: 'LIMIT_EXCEEDED', http: { status: 400 } } });

/** Report as a validation error (HTTP 400) rather than throwing out of the validation rule. */
const report = { propagateOnRejection: false, onReject: [(ctx: ValidationContext | null, e: GraphQLError) => ctx?.reportError(asLimitError(e))] };

export function limitPlugins(): Plugin[] {
  const armor = new EnvelopArmor({
    maxDepth: { n: LIMITS.maxDepth, exposeLimits: true, ignoreIntrospection: false, ...report },
    maxAliases: { n: LIMITS.maxAliases, exposeLimits: true, ...report },
    maxDirectives: { n: LIMITS.maxDirectives, exposeLimits: true, ...report },
    maxTokens: { n: LIMITS.maxTokens, exposeLimits: true },
    costLimit: { maxCost: LIMITS.maxCost, exposeLimits: true, ...report },
    blockFieldSuggestion: { enabled: true },
  });
  const tagLimitErrors: Plugin = {
    onParse: () => ({ result, replaceParseResult }) => {
      if (result instanceof Error && LIMIT_MESSAGE.test(result.message)) replaceParseResult(asLimitError(result));
    },
    onValidate: () => ({ result, setResult }) => {
      if (result.some((e) => LIMIT_MESSAGE.test(e.message))) {
        setResult(result.map((e) => (LIMIT_MESSAGE.test(e.message) ? asLimitError(e) : e)));
      }
    },
  };
  return [...(armor.protect().plugins as Plugin[]), tagLimitErrors];
}
