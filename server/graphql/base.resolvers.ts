/** Resolvers of the base SDL. */
import type { Resolvers } from './generated/resolvers-types';
import { ROLE_CAPABILITIES, isPseudonymised } from '../platform/policy';
import { config } from '../platform/config';
import { purposeLabel } from '../platform/justification';

export const baseResolvers: Resolvers = {
  Query: {
    me: (_, __, ctx) => ({
      ...ctx.user,
      agency: ctx.user.agency ?? null,
      capabilities: [...ROLE_CAPABILITIES[ctx.user.role]],
      pseudonymised: isPseudonymised(ctx.user),
      justificationPurposes: config().JUSTIFICATION_PURPOSES.map((code) => ({ code, label: purposeLabel(code) })),
    }),
  },
};
