import type { RequestContext } from '../../platform/context';
import { profile } from './profile.service';
import type { QueryProfileArgs } from '../../graphql/generated/resolvers-types';

// Arguments typed from the SDL. The profile is assembled from database rows whose times are Neo4j
// temporals and whose kinds are label text (the scalars and enums serialise them), so its result
// is not typed as Profile.

export const resolvers = {
  Query: {
    profile: (_: unknown, args: QueryProfileArgs, ctx: RequestContext) => profile(ctx, args),
  },
};
