/** Resolvers of export.graphql: one line each, the work is in export.service.ts. */
import { recordExport } from './export.service';
import type { Resolvers } from '../../graphql/generated/resolvers-types';

export const resolvers: Resolvers = {
  Mutation: {
    recordExport: (_, args, ctx) => recordExport(ctx, args),
  },
};
