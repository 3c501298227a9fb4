/**
 * The analytics' result types (types.ts) against the types generated from analytics.graphql.
 * The resolvers, typed with the generated Resolvers, already check that each result is what its
 * GraphQL type asks for; this file checks the other way, at compile time: each result type has
 * exactly the SDL's fields (less those named as internal), so a field added on one side only
 * fails `npm run typecheck`. Types that exist only inside the analytics are not listed.
 */
import type * as A from './types';
import type * as G from '../../graphql/generated/resolvers-types';

type Keys<T> = Exclude<keyof T, '__typename'>;
/** true when T, less its `Internal` fields, and U have the same field names. */
type SameFields<T, U, Internal extends keyof T = never> =
  [Exclude<Keys<T>, Internal>] extends [Keys<U>] ? ([Keys<U>] extends [Exclude<Keys<T>, Internal>] ? true : false) : false;
type Check<T extends true> = T;

export type AnalyticsTypesMatchSdl = [
  Check<SameFields<A.HotspotsResult, G.HotspotsResult>>,
  Check<SameFields<A.Hotspot, G.Hotspot>>,
  Check<SameFields<A.HotspotContribution, G.HotspotContribution>>,
  Check<SameFields<A.NetworkThemesResult, G.NetworkThemesResult>>,
  Check<SameFields<A.Community, G.PeerCommunity>>,
  Check<SameFields<A.CountedRef, G.CountedRef>>,
  Check<SameFields<A.HighHarmResult, G.HighHarmResult>>,
  Check<SameFields<A.HighHarmPerson, G.HighHarmPerson>>,
  Check<SameFields<A.HighHarmBreakdown, G.HighHarmBreakdown>>,
  Check<SameFields<A.CriticalMomentsResult, G.CriticalMomentsResult>>,
  Check<SameFields<A.CriticalMoment, G.CriticalMoment>>,
  Check<SameFields<A.NotYetReferredResult, G.NotYetReferredResult>>,
  Check<SameFields<A.NotYetReferredChild, G.NotYetReferredChild>>,
  Check<SameFields<A.ScoreCount, G.ScoreCount>>,
  Check<SameFields<A.FamiliesResult, G.FamiliesResult>>,
  Check<SameFields<A.FamilyChild, G.FamilyChild>>,
  Check<SameFields<A.FamilyLink, G.FamilyLink>>,
  Check<SameFields<A.TrendsResult, G.TrendsResult>>,
  Check<SameFields<A.QuarterSeriesRow, G.QuarterSeriesRow>>,
  Check<SameFields<A.AtRiskRow, G.AtRiskRow>>,
  Check<SameFields<A.EmergingTheme, G.EmergingTheme>>,
  // The exact cohort total is for restricted use (the briefing); the API sends only its display.
  Check<SameFields<A.DisproportionalityResult, G.DisproportionalityResult, 'cohortTotal'>>,
  Check<SameFields<A.RateRow, G.RateRow>>,
  Check<SameFields<A.YoungAdultsResult, G.YoungAdultsResult>>,
  Check<SameFields<A.YoungAdultCounts, G.YoungAdultCounts>>,
];
