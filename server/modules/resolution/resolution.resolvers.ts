/** Resolvers of resolution.graphql: one line each, the work is in resolution.service.ts. */
import * as svc from './resolution.service';
import type { Resolvers } from '../../graphql/generated/resolvers-types';

export const resolvers: Resolvers = {
  Query: {
    sameAsCandidates: (_, args, ctx) => svc.candidates(ctx, args),
  },
  Mutation: {
    runEntityResolution: (_, _args, ctx) => svc.run(ctx),
    confirmSameAs: (_, args, ctx) => svc.confirm(ctx, args),
    rejectSameAs: (_, args, ctx) => svc.reject(ctx, args),
    undoMerge: (_, args, ctx) => svc.undo(ctx, args),
  },
};
