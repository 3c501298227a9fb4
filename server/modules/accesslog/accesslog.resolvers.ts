import { mayAskFor } from '../../graphql/selection';
import * as svc from './accesslog.service';
import type { Resolvers } from '../../graphql/generated/resolvers-types';

export const resolvers: Resolvers = {
  Query: {
    accessLog: (_, args, ctx, info) =>
      svc.accessLogPage(ctx, args, mayAskFor(info, ['entries', 'ids'])),
    verifyAccessLog: (_, __, ctx) => svc.verify(ctx),
  },
  Mutation: {
    exportAccessLog: (_, args, ctx) => svc.exportLog(ctx, args),
  },
};
