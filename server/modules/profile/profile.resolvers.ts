import type { RequestContext } from '../../platform/context';
import { profile } from './profile.service';

export const resolvers = {
  Query: {
    profile: (_: unknown, args: { id: string }, ctx: RequestContext) => profile(ctx, args),
  },
};
