/** Resolvers of briefing.graphql: one line, the work is in briefing.service.ts. */
import { generateBriefing } from './briefing.service';
import type { Resolvers } from '../../graphql/generated/resolvers-types';

export const resolvers: Resolvers = {
  Mutation: {
    generateBriefing: (_, args, ctx) => generateBriefing(ctx, args),
  },
};
