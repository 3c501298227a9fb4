/**
 * The soak's mixed workload: what analysts, police and leads do during a day, as GraphQL
 * operations with their weights. Each client picks the next operation with a seeded generator.
 */
import { mulberry32 } from '../../../server/domain/rng';

export interface Ids { people: string[]; places: string[]; names: string[] }

export interface Operation {
  name: string;
  weight: number;
  user: string;
  query: string;
  variables: (pick: <T>(xs: T[]) => T, i: number) => Record<string, unknown>;
}

const NEIGHBOURHOOD = `query Neighbourhood($ids: [ID!]!, $hops: Int) { neighbourhood(ids: $ids, hops: $hops) {
  nodes { id kind name } edges { id type source target } truncated } }`;

const PROVENANCE = { sourceRef: 'SYN-SOAK', sourceEval: 'B', assessment: '2', handling: 'P', reviewBy: '2027-06-30' };

export function operations(ids: Ids, quarter: string): Operation[] {
  return [
    { name: 'search', weight: 25, user: 'ana.analyst', query: 'query Search($text: String!) { search(text: $text) { items { id kind name } hidden } }',
      variables: (pick) => ({ text: pick(ids.names) }) },
    { name: 'profile', weight: 20, user: 'ana.analyst', query: 'query Profile($id: ID!) { profile(id: $id) { node { id } flags } }',
      variables: (pick) => ({ id: pick(ids.people) }) },
    { name: 'neighbourhood1', weight: 20, user: 'ana.analyst', query: NEIGHBOURHOOD, variables: (pick) => ({ ids: [pick(ids.people)], hops: 1 }) },
    { name: 'neighbourhood2', weight: 10, user: 'ana.analyst', query: NEIGHBOURHOOD, variables: (pick) => ({ ids: [pick(ids.people)], hops: 2 }) },
    { name: 'hotspots', weight: 10, user: 'pat.police', query: 'query Hotspots($q: String!) { hotspots(quarter: $q, limit: 20) { items { id } } }',
      variables: () => ({ q: quarter }) },
    { name: 'recordEvent', weight: 15, user: 'pat.police',
      query: 'mutation RecordEvent($input: RecordEventInput!) { recordEvent(input: $input) { ids } }',
      variables: (pick) => ({ input: {
        type: 'Incident', occurredAt: '2025-08-01T20:00:00Z', fields: [{ field: 'offenceType', value: 'robbery' }],
        people: [{ personId: pick(ids.people), role: 'victim' }], placeId: pick(ids.places), provenance: PROVENANCE,
      } }) },
  ];
}

/** The briefing, built by a lead once per window (it is heavy, and leads build one a quarter). */
export const BRIEFING = {
  name: 'briefing', user: 'lee.lead',
  query: 'mutation Briefing($input: BriefingInput!) { generateBriefing(input: $input) { files { name } } }',
  variables: (quarter: string) => ({ input: { quarter, edition: 'PARTNER', formats: ['HTML', 'CSV'], recipient: 'soak benchmark' } }),
};

/** A small seeded generator, so runs pick the same sequence. */
export const rng = (seed: number): (() => number) => mulberry32(seed);

export function weightedPicker(ops: Operation[], random: () => number): () => Operation {
  const total = ops.reduce((s, o) => s + o.weight, 0);
  return () => {
    let r = random() * total;
    for (const o of ops) if ((r -= o.weight) < 0) return o;
    return ops[ops.length - 1];
  };
}
