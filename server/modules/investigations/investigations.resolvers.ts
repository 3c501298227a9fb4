import * as svc from './investigations.service';
import { textWarnings } from '../../language/warnings';
import type { Resolvers } from '../../graphql/generated/resolvers-types';

// The queries return investigations as stored (codegen.ts maps Investigation to that shape); the
// Investigation field resolvers complete them.
export const resolvers: Resolvers = {
  Query: {
    investigations: (_, __, ctx) => svc.listInvestigations(ctx),
    investigation: (_, args, ctx) => svc.getInvestigation(ctx, args),
  },
  Mutation: {
    saveInvestigation: (_, args, ctx) => svc.saveInvestigation(ctx, args),
    deleteInvestigation: (_, args, ctx) => svc.deleteInvestigation(ctx, args),
  },
  Investigation: {
    ids: (i) => i.ids ?? [],
    count: (i) => i.count ?? i.ids?.length ?? 0,
    state: (i) => (typeof i.state === 'string' ? JSON.parse(i.state) : i.state ?? null),
    languageWarnings: (i) => textWarnings('notes', i.notes),
  },
};
