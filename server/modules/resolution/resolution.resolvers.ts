/** Resolvers of resolution.graphql: one line each, the work is in resolution.service.ts. */
import type { RequestContext } from '../../platform/context';
import * as svc from './resolution.service';

export const resolvers = {
  Query: {
    sameAsCandidates: (_: unknown, args: svc.CandidatesArgs, ctx: RequestContext) => svc.candidates(ctx, args),
  },
  Mutation: {
    runEntityResolution: (_: unknown, _args: unknown, ctx: RequestContext) => svc.run(ctx),
    confirmSameAs: (_: unknown, args: { id: string; keepId?: string | null }, ctx: RequestContext) => svc.confirm(ctx, args),
    rejectSameAs: (_: unknown, args: { id: string }, ctx: RequestContext) => svc.reject(ctx, args),
    undoMerge: (_: unknown, args: { id: string }, ctx: RequestContext) => svc.undo(ctx, args),
  },
};
