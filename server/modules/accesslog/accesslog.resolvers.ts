import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../../platform/context';
import { mayAskFor } from '../../graphql/selection';
import * as svc from './accesslog.service';

export const resolvers = {
  Query: {
    accessLog: (_: unknown, args: svc.PageArgs, ctx: RequestContext, info: GraphQLResolveInfo) =>
      svc.accessLogPage(ctx, args, mayAskFor(info, ['entries', 'ids'])),
    verifyAccessLog: (_: unknown, __: unknown, ctx: RequestContext) => svc.verify(ctx),
  },
  Mutation: {
    exportAccessLog: (_: unknown, args: svc.ExportArgs, ctx: RequestContext) => svc.exportLog(ctx, args),
  },
};
