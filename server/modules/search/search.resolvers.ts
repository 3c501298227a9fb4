import { search } from './search.service';
import type { Resolvers } from '../../graphql/generated/resolvers-types';

export const resolvers: Resolvers = {
  Query: {
    search: (_, args, ctx) => search(ctx, args),
  },
};
