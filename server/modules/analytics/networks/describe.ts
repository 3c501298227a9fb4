/** Community descriptions from member facts (pure). */
import { ageOn, ageBand } from '../../../domain/age';
import type { CountedRef } from '../types';

export interface MemberFacts {
  id: string; dob: string | null; sex: string | null;
  exploitation: string[];
  places: Array<{ id: string; name: string; kind: string }>;
  pocs: Array<{ id: string; name: string }>;
  lines: Array<{ id: string; name: string }>;
}

export interface Description {
  ageMix: Record<string, number>;
  sexMix: Record<string, number>;
  exploitationTypes: Array<{ type: string; members: number }>;
  topPlaces: CountedRef[]; topSchools: CountedRef[]; topOnlineSpaces: CountedRef[];
  personsOfConcern: CountedRef[]; countyLines: CountedRef[];
}

const TOP = 5;

/** Adds one member's links to the counts: each linked record counts once per member. */
function countOncePerMember(counts: Map<string, CountedRef>, linked: Array<{ id: string; name: string }>, kind: string): void {
  const seen = new Set<string>();
  for (const x of linked) {
    if (seen.has(x.id)) continue;
    seen.add(x.id);
    const e = counts.get(x.id) ?? { id: x.id, name: x.name, kind, count: 0 };
    e.count += 1;
    counts.set(x.id, e);
  }
}

export function describeCommunity(members: string[], facts: Map<string, MemberFacts>, atMs: number): Description {
  const ageMix: Record<string, number> = {};
  const sexMix: Record<string, number> = {};
  const expl = new Map<string, number>();
  const places = new Map<string, CountedRef & { who: Set<string> }>();
  const pocs = new Map<string, CountedRef>();
  const lines = new Map<string, CountedRef>();
  for (const id of members) {
    const f = facts.get(id);
    if (!f) continue;
    const band = f.dob ? ageBand(ageOn(f.dob, atMs - 1)) : 'unknown';
    ageMix[band] = (ageMix[band] ?? 0) + 1;
    const sex = f.sex ?? 'UNKNOWN';
    sexMix[sex] = (sexMix[sex] ?? 0) + 1;
    for (const t of new Set(f.exploitation)) expl.set(t, (expl.get(t) ?? 0) + 1);
    for (const pl of f.places) {
      const e = places.get(pl.id) ?? { id: pl.id, name: pl.name, kind: pl.kind, count: 0, who: new Set<string>() };
      e.who.add(id);
      e.count = e.who.size;
      places.set(pl.id, e);
    }
    countOncePerMember(pocs, f.pocs, 'PersonOfConcern');
    countOncePerMember(lines, f.lines, 'CountyLine');
  }
  const byCount = (a: CountedRef, b: CountedRef) => b.count - a.count || a.id.localeCompare(b.id);
  const top = (kind: string) => [...places.values()].filter((p) => p.kind === kind).sort(byCount).slice(0, TOP)
    .map(({ id, name, kind: k, count }) => ({ id, name, kind: k, count }));
  return {
    ageMix, sexMix,
    exploitationTypes: [...expl.entries()].map(([type, n]) => ({ type, members: n }))
      .sort((a, b) => b.members - a.members || a.type.localeCompare(b.type)),
    topPlaces: top('Location'), topSchools: top('School'), topOnlineSpaces: top('OnlineSpace'),
    personsOfConcern: [...pocs.values()].sort(byCount).slice(0, 10),
    countyLines: [...lines.values()].sort(byCount).slice(0, TOP),
  };
}
