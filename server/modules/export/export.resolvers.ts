/** Resolvers of export.graphql: one line each, the work is in export.service.ts. */
import type { RequestContext } from '../../platform/context';
import { recordExport, type ExportInput } from './export.service';

export const resolvers = {
  Mutation: {
    recordExport: (_: unknown, args: { input: ExportInput }, ctx: RequestContext) => recordExport(ctx, args),
  },
};
