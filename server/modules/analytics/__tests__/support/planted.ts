/**
 * Checks of the analytics against a planted fixture (shared by the demo and borough tests).
 * precision@k / recall@k use k = min(10, number planted), so a scale with fewer than 10 plants can
 * still reach 1.
 */
import type { Driver } from 'neo4j-driver';
import type { Fixture } from '../../../../../fixtures/generator/types';
import { hotspots, highHarmPersonsOfConcern, notYetReferred, criticalMoments, trends, familiesOfPersonsOfConcern, disproportionality } from '../..';
import type { DisproportionalityOutcome } from '../../types';
import { ageOn } from '../../../../domain/age';
import { quarterPartition } from '../../networks';
import { parseQuarter } from '../../../../domain/period';
import { DEFAULT_KNOWN } from '../../../../domain/known';
import { adjustedRandIndex, normalisedMutualInformation } from '../../metrics/agreement';
import { viewerOf, packViewer } from '../../../../platform/visibility';

export const atK = (ranked: string[], planted: string[]): number => {
  const k = Math.min(10, planted.length);
  const set = new Set(planted);
  return ranked.slice(0, k).filter((id) => set.has(id)).length / k;
};

export interface PlantedReport {
  quarter: string;
  hotspotPrecision: number;
  hotspotTop10: string[];
  hubRank: number | null;
  highHarmRecall: number;
  highHarmTop10: string[];
  prolificRank: number | null;
  ari: number;
  nmi: number;
  evaluatedMembers: number;
  trend: { significant: boolean; direction: string; pValue: number; shares: number[] } | null;
  neverReferredFound: number;
  /** Planted never-referred children who are not known by an open plan either (DEFAULT_KNOWN's care statuses). */
  neverReferredPlanted: number;
  /** Planted never-referred children on a protection plan or looked after: known, so rightly not listed. */
  neverReferredKnownByPlan: number;
  neverReferredRanks: number[];
  coercedFound: number;
  coercedPlanted: number;
  /** Listed children that are planted (never-referred or coerced), over all listed. */
  notYetKnownPrecision: number | null;
  rhiRate: number | null;
  rhiRateFromRows: number | null;
  childrenInRanking: number;
  /** Planted children in high-harm persons' families found with the planted relation, of those planted. */
  familyFound: number;
  familyPlanted: number;
  /** Listed children that are planted family members, over all listed. */
  familyPrecision: number | null;
  /** Adult siblings and children linked only by an expired or ended link that were listed (should be none). */
  familyDecoysListed: string[];
  /** Children 10–17 with each outcome in the quarter: the disproportionality cohort, and the same counted from the fixture's rows. */
  outcomeCohorts: Record<string, { analytic: number; rows: number }>;
}

type Row = Record<string, unknown>;
const OUTCOME_ROWS: Record<Exclude<DisproportionalityOutcome, 'atRisk'>, (event: Row, label: string, role: string) => boolean> = {
  suspect: (_e, _l, role) => role === 'suspect',
  arrested: (_e, label, role) => label === 'Arrest' && ['subject', 'suspect'].includes(role),
  excluded: (_e, label, role) => label === 'Exclusion' && role === 'subject',
  referredToPanel: (e, label, role) => label === 'Referral' && ['PANEL', 'MACE'].includes(String(e.referralType)) && ['subject', 'victim'].includes(role),
  referredToNrm: (e, label, role) => label === 'Referral' && e.referralType === 'NRM' && ['subject', 'victim'].includes(role),
};

/** Children 10–17 at the quarter end with the outcome in the quarter, counted from the fixture's rows, independently of the analytics. */
function outcomeFromRows(fixture: Fixture, quarter: string, outcome: keyof typeof OUTCOME_ROWS): number {
  const { startMs, endMs } = parseQuarter(quarter);
  const events = new Map<string, { row: Row; label: string }>();
  for (const u of fixture.units) if (u.kind === 'node') for (const r of u.rows as Row[]) if ('occurredAt' in r) events.set(String(r.id), { row: r, label: u.label });
  const people = new Map<string, Row>();
  for (const u of fixture.units) if (u.kind === 'node' && u.label === 'Person') for (const r of u.rows as Row[]) people.set(String(r.id), r);
  const children = new Set<string>();
  for (const u of fixture.units) {
    if (u.kind !== 'rel' || u.type !== 'INVOLVED') continue;
    for (const r of u.rows as Row[]) {
      const e = events.get(String(r.from));
      const p = people.get(String(r.to));
      if (!e || !p || !(p.roles as string[]).includes('YoungPerson') || !p.dateOfBirth) continue;
      const at = Date.parse(String(e.row.occurredAt));
      const age = ageOn(String(p.dateOfBirth), endMs - 1);
      const visible = e.row.status !== 'expired' && !(e.row.handling === '4' && e.row.source !== 'POLICE');
      if (at >= startMs && at < endMs && visible && age >= 10 && age <= 17 && OUTCOME_ROWS[outcome](e.row, e.label, String(r.role))) children.add(String(r.to));
    }
  }
  return children.size;
}

export async function evaluatePlanted(driver: Driver, fixture: Fixture, quarter: string): Promise<PlantedReport> {
  const gt = fixture.groundTruth;
  // The planted children have no panel or MACE referral; those on a plan are known all the same.
  const careStatus = new Map(fixture.units.filter((u) => u.kind === 'node' && u.label === 'Person')
    .flatMap((u) => u.rows).map((r) => [r.id, String((r as { careStatus?: string }).careStatus ?? '')]));
  const notKnown = gt.neverReferredHighHarmChildIds.filter((id) => !DEFAULT_KNOWN.careStatuses.includes(careStatus.get(id) ?? ''));
  const source = { driver, viewer: viewerOf({ role: 'police', agency: 'POLICE' }) };
  const hs = await hotspots(source, { quarter, kinds: ['Location'], limit: 500 });
  const hh = await highHarmPersonsOfConcern(source, { quarter, limit: 500 });
  const nr = await notYetReferred(source, { quarter: gt.quarters[gt.quarters.length - 1], limit: 500 });
  const cm = await criticalMoments(source, { quarter, asOf: '2026-11-01T00:00:00Z' });
  const tr = await trends(source, { quarter: gt.quarters[gt.quarters.length - 1], from: gt.quarters[0] });
  const qp = await quarterPartition(source, quarter);
  const outcomeCohorts: PlantedReport['outcomeCohorts'] = {};
  for (const outcome of Object.keys(OUTCOME_ROWS) as Array<keyof typeof OUTCOME_ROWS>) {
    const d = await disproportionality(source, { quarter, outcome, baseline: fixture.baseline });
    outcomeCohorts[outcome] = { analytic: d.cohortTotal, rows: outcomeFromRows(fixture, quarter, outcome) };
  }
  const fam = await familiesOfPersonsOfConcern(source, { quarter: gt.quarters[gt.quarters.length - 1], limit: 500 });

  // Community recovery on planted members present in the quarter's projection.
  const truth = new Map<string, string>();
  gt.peerCommunities.forEach((c) => c.memberIds.forEach((m) => { if (qp.graph.hasNode(m)) truth.set(m, c.id); }));
  const found = new Map<string, string>();
  qp.partition.communities.forEach((members, i) => members.forEach((m) => { if (truth.has(m)) found.set(m, String(i)); }));

  // RHI-within-72h from raw rows, independently of the analytics code.
  const { records } = await driver.executeQuery(`
    MATCH (m:MissingEpisode)-[:INVOLVED {role: 'subject'}]->(p:YoungPerson)
    WHERE m.returnedAt >= datetime($from) AND m.returnedAt < datetime($to)
      AND p.dateOfBirth > date(m.returnedAt) - duration({years: 18})
    OPTIONAL MATCH (r:ReturnInterview {outcome: 'completed'})-[:FOLLOWS_UP]->(m)
    WHERE (r)-[:INVOLVED]->(p) AND r.occurredAt <= m.returnedAt + duration({hours: 72})
    WITH m, p, count(r) > 0 AS ok
    RETURN count(*) AS returns, sum(CASE WHEN ok THEN 1 ELSE 0 END) AS within`,
  { from: parseQuarter(quarter).start, to: parseQuarter(quarter).end });
  const returns = records[0].get('returns') as number;
  const within = records[0].get('within') as number;

  // No child in the ranking: every ranked person is 18+ at the quarter end and holds the PoC role.
  const ranked = hh.items.map((p) => p.id);
  const { records: kids } = await driver.executeQuery(`
    MATCH (p:Person) WHERE p.id IN $ids AND (NOT p:PersonOfConcern OR p.dateOfBirth > date(datetime($to)) - duration({years: 18}))
    RETURN count(p) AS n`, { ids: ranked, to: parseQuarter(quarter).end });

  const theme = tr.emerging.find((t) => t.id === 'girls-share-CCE');
  const nrIds = nr.items.map((c) => c.id);
  const listed = new Map(fam.items.map((c) => [c.id, c.links]));
  const plantedFamily = new Set(gt.families.children.map((f) => f.childId));
  return {
    quarter,
    hotspotPrecision: atK(hs.items.map((h) => h.id), gt.hotspotPlaceIds),
    hotspotTop10: hs.items.slice(0, 10).map((h) => h.id),
    hubRank: hs.items.find((h) => h.id === gt.decoys.transportHubId)?.rank ?? null,
    highHarmRecall: atK(ranked, gt.highHarmPersonOfConcernIds),
    highHarmTop10: ranked.slice(0, 10),
    prolificRank: hh.items.find((p) => p.id === gt.decoys.prolificLowHarmAdultId)?.rank ?? null,
    ari: adjustedRandIndex(truth, found),
    nmi: normalisedMutualInformation(truth, found),
    evaluatedMembers: truth.size,
    trend: theme ? { significant: theme.significant, direction: theme.direction, pValue: theme.pValue, shares: theme.series.map((s) => s.value) } : null,
    neverReferredFound: notKnown.filter((id) => nrIds.includes(id)).length,
    neverReferredPlanted: notKnown.length,
    neverReferredKnownByPlan: gt.neverReferredHighHarmChildIds.length - notKnown.length,
    neverReferredRanks: notKnown.map((id) => nrIds.indexOf(id) + 1),
    coercedFound: gt.coercedNotKnownChildIds.filter((id) => nrIds.includes(id)).length,
    coercedPlanted: gt.coercedNotKnownChildIds.length,
    notYetKnownPrecision: nrIds.length ? nrIds.filter((id) => gt.neverReferredHighHarmChildIds.includes(id) || gt.coercedNotKnownChildIds.includes(id)).length / nrIds.length : null,
    rhiRate: cm.rhi.rate,
    rhiRateFromRows: returns ? within / returns : null,
    childrenInRanking: kids[0].get('n') as number,
    familyFound: gt.families.children.filter((f) => listed.get(f.childId)?.some((l) => l.personOfConcernId === f.personOfConcernId && l.relation === f.relation)).length,
    familyPlanted: gt.families.children.length,
    familyPrecision: fam.items.length ? fam.items.filter((c) => plantedFamily.has(c.id)).length / fam.items.length : null,
    familyDecoysListed: [...gt.families.decoyChildIds, ...gt.families.adultSiblingIds].filter((id) => listed.has(id)),
    outcomeCohorts,
  };
}
