/** Workspace state shared by the panels: who is signed in, the open investigation, filters. */
import { defaultFilters, type Filters } from './graph/filters';
import type { SizeBy } from './graph/elements';
import type { MeQuery } from './api/generated/graphql';
import { periodMonths, quarterOfMonth, type MonthSpan } from './period';

/** The signed-in user as `query Me` returns it. */
export type Viewer = MeQuery['me'];

export const state = {
  viewer: undefined as Viewer | undefined,
  investigation: undefined as { id?: string; name: string; notes?: string } | undefined,
  filters: defaultFilters() as Filters,
  sizeBy: 'score' as SizeBy,
  colourBy: 'kind' as 'kind' | 'community',
  /** Items the server withheld (access rules, limits) for what is on the canvas. */
  hiddenByAccess: 0,
  hiddenByLimit: 0,
  /** Node id → element ids added when it was expanded (for collapse). */
  expansions: new Map<string, string[]>(),
  /** The months from the first to the last event the user may see (`dataPeriod`, read at sign-in). */
  period: periodMonths(undefined) as MonthSpan,
  /** The quarter the analytic views and scores are for: by default the last with data. */
  quarter: quarterOfMonth(periodMonths(undefined).last),
};

export const can = (cap: string): boolean => !!state.viewer?.capabilities.includes(cap);
