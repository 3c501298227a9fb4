/** Resolvers of period.graphql: one line each, the work is in period.service.ts. */
import { dataPeriod } from './period.service';
import type { Resolvers } from '../../graphql/generated/resolvers-types';

export const resolvers: Resolvers = {
  Query: {
    dataPeriod: (_, __, ctx) => dataPeriod(ctx),
  },
};
