import type { RequestContext } from '../../graphql/context';
import * as svc from './accesslog.service';

export const resolvers = {
  Query: {
    accessLog: (_: unknown, args: svc.PageArgs, ctx: RequestContext) => svc.accessLogPage(ctx, args),
    verifyAccessLog: (_: unknown, __: unknown, ctx: RequestContext) => svc.verify(ctx),
  },
  AccessLogEntry: {
    idCount: (entry: { ids: readonly string[] }) => entry.ids.length,
  },
  Mutation: {
    exportAccessLog: (_: unknown, args: svc.ExportArgs, ctx: RequestContext) => svc.exportLog(ctx, args),
  },
};
