import type { RequestContext } from '../../platform/context';
import { neighbourhood, subgraph, type NeighbourhoodArgs } from './neighbourhood.service';

export const resolvers = {
  Query: {
    neighbourhood: (_: unknown, args: NeighbourhoodArgs, ctx: RequestContext) => neighbourhood(ctx, args),
    subgraph: (_: unknown, args: { ids: string[] }, ctx: RequestContext) => subgraph(ctx, args),
  },
};
