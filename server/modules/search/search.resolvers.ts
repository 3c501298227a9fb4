import type { RequestContext } from '../../platform/context';
import { search, type SearchArgs } from './search.service';

export const resolvers = {
  Query: {
    search: (_: unknown, args: SearchArgs, ctx: RequestContext) => search(ctx, args),
  },
};
