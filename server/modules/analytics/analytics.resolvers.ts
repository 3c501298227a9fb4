import * as S from './analytics.service';
import type { Resolvers } from '../../graphql/generated/resolvers-types';

export const resolvers: Resolvers = {
  Query: {
    hotspots: (_, a, ctx) => S.hotspots(ctx, a),
    networkThemes: (_, a, ctx) => S.networkThemes(ctx, a),
    highHarmPersonsOfConcern: (_, a, ctx) => S.highHarmPersonsOfConcern(ctx, a),
    familiesOfPersonsOfConcern: (_, a, ctx) => S.familiesOfPersonsOfConcern(ctx, a),
    criticalMoments: (_, a, ctx) => S.criticalMoments(ctx, a),
    notYetReferred: (_, a, ctx) => S.notYetReferred(ctx, a),
    trends: (_, a, ctx) => S.trends(ctx, a),
    disproportionality: (_, a, ctx) => S.disproportionality(ctx, a),
    youngAdults: (_, a, ctx) => S.youngAdults(ctx, a),
  },
};
