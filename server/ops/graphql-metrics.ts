/** A yoga plugin counting the GraphQL errors of each response by operation and code. */
import type { Plugin } from 'graphql-yoga';
import type { GraphQLError } from 'graphql';
import { requestErrors } from './metrics';

const NAME = /^[A-Za-z_]\w{0,63}$/;

export function graphqlErrorMetrics(): Plugin {
  return {
    onParams: ({ params, request }) => {
      const name = params.operationName;
      (request as unknown as { opsOperation?: string }).opsOperation = typeof name === 'string' && NAME.test(name) ? name : 'graphql';
    },
    onResultProcess: ({ result, request }) => {
      const results = Array.isArray(result) ? result : [result];
      const operation = (request as unknown as { opsOperation?: string }).opsOperation ?? 'graphql';
      for (const r of results) {
        const errors = (r as { errors?: readonly GraphQLError[] }).errors ?? [];
        for (const e of errors) {
          const code = typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN';
          requestErrors.inc({ operation: operationKnown(operation), code });
        }
      }
    },
  };
}

/** The same bound on distinct names as request latency (metrics.ts): names past it count as "other". */
const known = new Set<string>();
function operationKnown(name: string): string {
  if (known.has(name)) return name;
  if (known.size >= 200) return 'other';
  known.add(name);
  return name;
}
