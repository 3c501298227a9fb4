/** Resolvers of record.graphql: one line each, the work is in record.service.ts. */
import { recordEvent, recordRelationship } from './record.service';
import type { Resolvers } from '../../graphql/generated/resolvers-types';

export const resolvers: Resolvers = {
  Mutation: {
    recordEvent: (_, args, ctx) => recordEvent(ctx, args),
    recordRelationship: (_, args, ctx) => recordRelationship(ctx, args),
  },
};
