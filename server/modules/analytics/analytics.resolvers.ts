import type { RequestContext } from '../../platform/context';
import * as S from './analytics.service';

type Args<F> = F extends (ctx: RequestContext, args: infer X) => unknown ? X : never;

export const resolvers = {
  Query: {
    hotspots: (_: unknown, a: Args<typeof S.hotspots>, ctx: RequestContext) => S.hotspots(ctx, a),
    networkThemes: (_: unknown, a: Args<typeof S.networkThemes>, ctx: RequestContext) => S.networkThemes(ctx, a),
    highHarmPersonsOfConcern: (_: unknown, a: Args<typeof S.highHarmPersonsOfConcern>, ctx: RequestContext) => S.highHarmPersonsOfConcern(ctx, a),
    criticalMoments: (_: unknown, a: Args<typeof S.criticalMoments>, ctx: RequestContext) => S.criticalMoments(ctx, a),
    notYetReferred: (_: unknown, a: Args<typeof S.notYetReferred>, ctx: RequestContext) => S.notYetReferred(ctx, a),
    trends: (_: unknown, a: Args<typeof S.trends>, ctx: RequestContext) => S.trends(ctx, a),
    disproportionality: (_: unknown, a: Args<typeof S.disproportionality>, ctx: RequestContext) => S.disproportionality(ctx, a),
  },
};
