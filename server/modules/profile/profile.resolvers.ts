import { profile } from './profile.service';
import type { Resolvers } from '../../graphql/generated/resolvers-types';

export const resolvers: Resolvers = {
  Query: {
    profile: (_, args, ctx) => profile(ctx, args),
  },
};
