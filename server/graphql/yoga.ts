/**
 * graphql-yoga configured for this API: limits, CSRF prevention, no introspection or GraphiQL in
 * production, masked unexpected errors (logged with the request id), per-request context.
 */
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { GraphQLError, NoSchemaIntrospectionCustomRule, type GraphQLSchema } from 'graphql';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useGraphQlJit } from '@envelop/graphql-jit';
import type express from 'express';
import type { Driver } from 'neo4j-driver';
import type { RequestContext, User } from '../platform/context';
import { limitPlugins } from './limits';
import { namedInputErrors } from './input-errors';
import { workBudget } from './work';
import { AppError } from '../platform/errors';
import { decodeHeaderValue, JUSTIFICATION_HEADER, PURPOSE_HEADER } from '../platform/justification';
import type { LogSink } from '../platform/logger';
import { graphqlErrorMetrics } from '../ops/graphql-metrics';
import { isDatabaseUnavailable, UNAVAILABLE_MESSAGE } from '../ops/availability';

export interface ServerContext { req: express.Request & { user?: User; requestId?: string }; res: express.Response }

export interface YogaOptions {
  schema: GraphQLSchema;
  production: boolean;
  driver: () => Driver;
  database: string;
  log: LogSink;
  /** Told when a request failed because Neo4j could not be reached. */
  onDatabaseDown?: (error: unknown) => void;
}

/** Header that GET requests (and any "simple" request) must carry: blocks cross-site form/GET CSRF. */
export const CSRF_HEADER = 'x-graphql-csrf';

const isUnexpected = (e: GraphQLError): boolean => Boolean(e.originalError) && !(e.originalError instanceof AppError) && !(e.originalError instanceof GraphQLError);

/** Logs unexpected resolver errors (before yoga masks them) with the request id. */
function logUnexpected(log: LogSink): Plugin<RequestContext> {
  return {
    onExecute: ({ args }) => ({
      onExecuteDone: ({ result }) => {
        if (!('errors' in result) || !result.errors) return;
        const ctx = args.contextValue as RequestContext;
        for (const e of result.errors.filter(isUnexpected)) {
          log({ level: 'error', msg: 'unexpected error', requestId: ctx.requestId, user: ctx.user?.id, path: e.path?.join('.'), error: e.originalError?.stack ?? e.message });
        }
      },
    }),
  };
}

const noIntrospection: Plugin = {
  onValidate: ({ addValidationRule }) => { addValidationRule(NoSchemaIntrospectionCustomRule); },
};

export function buildYoga(o: YogaOptions): YogaServerInstance<ServerContext, RequestContext> {
  return createYoga<ServerContext, RequestContext>({
    schema: o.schema,
    graphqlEndpoint: '/graphql',
    // Cross-origin rules are express's (server/graphql/cors.ts): yoga's default reflects any origin with credentials.
    cors: false,
    landingPage: false,
    graphiql: o.production ? false : { title: 'Safeguarding graph (embedded default)', headers: JSON.stringify({ Authorization: 'Bearer <npm run token -- ana.analyst>', 'x-justification-purpose': 'safeguarding-enquiry', 'x-justification': 'CASE-REF or a reason' }) },
    logging: false,
    plugins: [
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      ...limitPlugins(),
      namedInputErrors(),
      workBudget(),
      ...(o.production ? [noIntrospection] : []),
      logUnexpected(o.log),
      graphqlErrorMetrics(),
      // Execution compiled once per parsed document (yoga's parse/validate cache holds the
      // documents, so compiled plans go with them); limits and validation run before, unchanged.
      useGraphQlJit(),
    ],
    maskedErrors: {
      maskError(error, message) {
        const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
        // Neo4j out of reach, whether the driver's error arrives as it is or as the query
        // layer's SERVICE_UNAVAILABLE: the API learns it is down, the client gets one answer.
        const unavailable = original instanceof AppError ? original.code === 'SERVICE_UNAVAILABLE'
          : !(original instanceof GraphQLError) && isDatabaseUnavailable(original);
        if (unavailable) {
          o.onDatabaseDown?.(original instanceof AppError ? (original.originalError ?? original) : original);
          return new GraphQLError(UNAVAILABLE_MESSAGE, { extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: { 'Retry-After': '5' } } } });
        }
        if (original instanceof AppError || original instanceof GraphQLError) return error as Error;
        return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
      },
    },
    context: ({ req }): RequestContext => {
      if (!req.user) throw new AppError('UNAUTHENTICATED', 'Sign in first: send Authorization: Bearer <token>');
      // Header bytes are UTF-8 (or RFC 8187 UTF-8''…); checked where a justification is required.
      const justification = decodeHeaderValue(req.header(JUSTIFICATION_HEADER));
      const purpose = decodeHeaderValue(req.header(PURPOSE_HEADER));
      return { user: req.user, justification, purpose, requestId: req.requestId ?? 'unknown', driver: o.driver(), database: o.database };
    },
  });
}
