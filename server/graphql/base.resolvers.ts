/** Resolvers of the base SDL. */
import type { RequestContext } from '../platform/context';
import { ROLE_CAPABILITIES, isPseudonymised } from '../platform/policy';

export const baseResolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: RequestContext) => ({
      ...ctx.user,
      agency: ctx.user.agency ?? null,
      capabilities: ROLE_CAPABILITIES[ctx.user.role],
      pseudonymised: isPseudonymised(ctx.user),
    }),
  },
};
