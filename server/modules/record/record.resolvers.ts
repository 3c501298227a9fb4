/** Resolvers of record.graphql: one line each, the work is in record.service.ts. */
import type { RequestContext } from '../../platform/context';
import { recordEvent, recordRelationship, type RecordEventInput, type RecordRelationshipInput } from './record.service';

export const resolvers = {
  Mutation: {
    recordEvent: (_: unknown, args: { input: RecordEventInput }, ctx: RequestContext) => recordEvent(ctx, args),
    recordRelationship: (_: unknown, args: { input: RecordRelationshipInput }, ctx: RequestContext) => recordRelationship(ctx, args),
  },
};
