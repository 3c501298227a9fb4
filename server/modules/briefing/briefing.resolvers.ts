/** Resolvers of briefing.graphql: one line, the work is in briefing.service.ts. */
import type { RequestContext } from '../../platform/context';
import { generateBriefing, type BriefingInput } from './briefing.service';

export const resolvers = {
  Mutation: {
    generateBriefing: (_: unknown, args: { input: BriefingInput }, ctx: RequestContext) => generateBriefing(ctx, args),
  },
};
