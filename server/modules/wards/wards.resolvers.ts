/** Resolvers of wards.graphql: one line each, the work is in wards.service.ts. */
import { wards } from './wards.service';
import type { Resolvers } from '../../graphql/generated/resolvers-types';

export const resolvers: Resolvers = {
  Query: {
    wards: (_, __, ctx) => wards(ctx),
  },
};
