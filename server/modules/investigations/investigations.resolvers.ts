import type { RequestContext } from '../../platform/context';
import * as svc from './investigations.service';
import { textWarnings } from '../../language/warnings';
import type { MutationDeleteInvestigationArgs, MutationSaveInvestigationArgs, QueryInvestigationArgs } from '../../graphql/generated/resolvers-types';

// Arguments typed from the SDL. Results are rows as stored (state as JSON text, a list without
// ids), which the Investigation field resolvers below complete, so they are not typed as Investigation.

export const resolvers = {
  Query: {
    investigations: (_: unknown, __: unknown, ctx: RequestContext) => svc.listInvestigations(ctx),
    investigation: (_: unknown, args: QueryInvestigationArgs, ctx: RequestContext) => svc.getInvestigation(ctx, args),
  },
  Mutation: {
    saveInvestigation: (_: unknown, args: MutationSaveInvestigationArgs, ctx: RequestContext) => svc.saveInvestigation(ctx, args),
    deleteInvestigation: (_: unknown, args: MutationDeleteInvestigationArgs, ctx: RequestContext) => svc.deleteInvestigation(ctx, args),
  },
  Investigation: {
    ids: (i: { ids?: string[] }) => i.ids ?? [],
    count: (i: { count?: number; ids?: string[] }) => i.count ?? i.ids?.length ?? 0,
    state: (i: { state?: string | null }) => (typeof i.state === 'string' ? JSON.parse(i.state) : i.state ?? null),
    languageWarnings: (i: { notes?: string | null }) => textWarnings('notes', i.notes),
  },
};
