import { neighbourhood, subgraph } from './neighbourhood.service';
import type { Resolvers } from '../../graphql/generated/resolvers-types';

export const resolvers: Resolvers = {
  Query: {
    neighbourhood: (_, args, ctx) => neighbourhood(ctx, args),
    subgraph: (_, args, ctx) => subgraph(ctx, args),
  },
};
