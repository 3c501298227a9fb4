/** The briefing's own queries (the .cypher files beside this one): only what analytics does not provide. */
import { readAnalytics, type AnalyticsSource } from '../analytics';
import { cypherFile } from '../../platform/db/query';

const NAMES = ['missing', 'nrm', 'disruption', 'persons-of-concern', 'county-lines', 'places', 'community-links', 'sources'] as const;
export type BriefingQuery = (typeof NAMES)[number];

export async function briefingRows<T>(source: AnalyticsSource, name: BriefingQuery, params: Record<string, unknown>): Promise<T[]> {
  if (!NAMES.includes(name)) throw new Error(`unknown briefing query ${name}`);
  return readAnalytics<T>(source, cypherFile(__dirname, name), params);
}

export interface MissingRow { id: string; missingRisk: string | null; fromCare: boolean; foundOutOfBorough: boolean; countyLinesConcern: boolean; childIds: string[] }
export interface NrmRow { id: string; stage: string; exploitationType: string; childIds: string[] }
export interface DisruptionRow { id: string; tactic: string; atMs: number; personIds: string[]; contextIds: string[] }
export interface PocRow { id: string; eventsInQuarter: number; disruptionsToDate: number; disruptionsInQuarter: number; tactics: string[] }
export interface CountyLineRow { id: string; name: string; destination: string | null; youngPeople: number; adults: number; missingWithConcern: number }
export interface PlaceRow { id: string; kind: string; lat: number; lon: number }
export interface LinkRow { id: string; peers: string[]; adults: string[] }
export interface SourceRow { source: string; events: number }
