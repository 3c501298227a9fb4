/**
 * The weighted person graph for peer-network themes (pure). Weights (documented in PROJECTION_METHOD):
 * - peer link (ASSOCIATES_WITH): 1.0 confirmed, 0.5 hypothesis;
 * - shared event: missing together or co-arrest 1.5, same incident or injury 1.0, only between
 *   people on the same side of it (ROLE_SIDE: suspects and subjects together, victims together;
 *   a victim and a suspect are not peers, and witnesses and reporters link nobody); events with
 *   more than MAX_EVENT_PEOPLE young people are skipped (a crowd says little about a peer group);
 * - shared place: both at the same place within PLACE_WINDOW_DAYS (different events), 0.2 per co-visit, at most 0.6
 *   per pair and place; places visited by more than MAX_PLACE_PEOPLE young people in the window are
 *   skipped (a busy transport hub links strangers).
 */
import Graph from 'graphology';
import { DAY_MS } from '../../../domain/period';

export const PEER_WEIGHT = { confirmed: 1.0, hypothesis: 0.5 };
export const EVENT_WEIGHT: Record<string, number> = { MissingEpisode: 1.5, Arrest: 1.5, Incident: 1.0, Injury: 1.0 };
export const MAX_EVENT_PEOPLE = 8;
export const PLACE_WINDOW_DAYS = 7;
export const PLACE_WEIGHT = 0.2;
export const PLACE_CAP = 0.6;
export const MAX_PLACE_PEOPLE = 40;
/** Which side of an event a role is on; roles without a side (witness, reporter) link nobody. */
export const ROLE_SIDE: Record<string, string> = { suspect: 'acting', subject: 'acting', victim: 'harmed' };

export const PROJECTION_METHOD = `Person graph of young people: peer links ${PEER_WEIGHT.confirmed} (confirmed) / ${PEER_WEIGHT.hypothesis} (hypothesis); `
  + `missing together or co-arrest ${EVENT_WEIGHT.MissingEpisode}, same incident or injury ${EVENT_WEIGHT.Incident}, between people on the same side `
  + `(co-suspects or subjects, co-victims; never a victim and a suspect; witnesses link nobody; events with over ${MAX_EVENT_PEOPLE} young people skipped); `
  + `same place within ${PLACE_WINDOW_DAYS} days ${PLACE_WEIGHT} per co-visit, capped at ${PLACE_CAP} per pair and place (places with over ${MAX_PLACE_PEOPLE} young people skipped). `
  + 'Communities by Louvain (seeded, deterministic).';

export interface ProjectionRow {
  kind: 'peer' | 'event';
  a: string; b: string | null; status: string | null;
  eventKind: string | null; people: string[] | null; place: string | null; atMs: number | null;
  /** The role of each of `people` (same order); without roles everyone is on one side. */
  roles?: Array<string | null> | null;
}

/** The groups of an event's people that are peers to each other: one group per side. */
export function peerSides(r: ProjectionRow, index: Map<string, number>): number[][] {
  const sides = new Map<string, Set<number>>();
  (r.people ?? []).forEach((p, i) => {
    const side = r.roles ? ROLE_SIDE[r.roles[i] ?? ''] : 'all';
    if (!side) return;
    if (!sides.has(side)) sides.set(side, new Set());
    sides.get(side)!.add(index.get(p)!);
  });
  return [...sides.values()].map((s) => [...s].sort((a, b) => a - b));
}

export type PersonGraph = Graph<Record<string, never>, { weight: number }>;

export function buildProjection(rows: ProjectionRow[]): PersonGraph {
  // Ids are interned to integers in sorted order: numeric edge keys, no string compares, and a
  // deterministic insertion order whatever order the rows arrive in.
  const idSet = new Set<string>();
  for (const r of rows) {
    if (r.kind === 'peer' && r.b) { idSet.add(r.a); idSet.add(r.b); } else if (r.kind === 'event' && r.people) r.people.forEach((p) => idSet.add(p));
  }
  const ids = [...idSet].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const N = ids.length + 1;
  const edges = new Map<number, number>();
  const add = (x: number, y: number, w: number) => {
    if (x === y || w <= 0) return;
    const key = x < y ? x * N + y : y * N + x;
    edges.set(key, (edges.get(key) ?? 0) + w);
  };
  const visits = new Map<string, Array<{ p: number; t: number; e: number }>>();
  rows.forEach((r, rowNo) => {
    if (r.kind === 'peer' && r.b) {
      add(index.get(r.a)!, index.get(r.b)!, r.status === 'hypothesis' ? PEER_WEIGHT.hypothesis : PEER_WEIGHT.confirmed);
    } else if (r.kind === 'event' && r.people) {
      const people = [...new Set(r.people.map((p) => index.get(p)!))].sort((a, b) => a - b);
      if (people.length <= MAX_EVENT_PEOPLE) {
        const w = EVENT_WEIGHT[r.eventKind ?? ''] ?? 0;
        for (const side of peerSides(r, index)) {
          for (let i = 0; i < side.length; i++) for (let j = i + 1; j < side.length; j++) add(side[i], side[j], w);
        }
      }
      if (r.place && r.atMs != null) {
        let list = visits.get(r.place);
        if (!list) { list = []; visits.set(r.place, list); }
        for (const p of people) list.push({ p, t: r.atMs, e: rowNo });
      }
    }
  });
  const windowMs = PLACE_WINDOW_DAYS * DAY_MS;
  for (const list of visits.values()) {
    if (new Set(list.map((v) => v.p)).size > MAX_PLACE_PEOPLE) continue;
    list.sort((x, y) => x.t - y.t || x.p - y.p);
    const perPair = new Map<number, number>();
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && list[j].t - list[i].t <= windowMs; j++) {
        const x = list[i].p, y = list[j].p;
        if (x === y || list[i].e === list[j].e) continue; // same event: already weighted above
        const key = x < y ? x * N + y : y * N + x;
        perPair.set(key, Math.min(PLACE_CAP, (perPair.get(key) ?? 0) + PLACE_WEIGHT));
      }
    }
    for (const [key, w] of perPair) add(Math.floor(key / N), key % N, w);
  }
  const g: PersonGraph = new Graph({ type: 'undirected', allowSelfLoops: false });
  ids.forEach((n) => g.addNode(n));
  [...edges.keys()].sort((a, b) => a - b).forEach((key) => {
    g.addUndirectedEdge(ids[Math.floor(key / N)], ids[key % N], { weight: Math.round(edges.get(key)! * 1000) / 1000 });
  });
  return g;
}
