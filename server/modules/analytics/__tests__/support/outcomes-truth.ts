/**
 * The outcome measures of a quarter worked out from a generated fixture's rows and its planted
 * support, without the database or the analytic's code: what outcomes() must find once the
 * fixture is loaded.
 */
import type { Fixture } from '../../../../../fixtures/generator';
import { indexFixture } from '../../../../../fixtures/inspect';
import { ageOn } from '../../../../domain/age';
import { parseQuarter } from '../../../../domain/period';

const DAY = 86_400_000;

export interface OutcomesTruth {
  childrenAtRisk: number; atRiskWithOffer: number; atRiskWithoutOffer: number;
  offered: number; accepted: number; declined: number; awaitingAnswer: number;
  ceamCompared: number; ceamImproved: number; ceamUnchanged: number; ceamWorse: number;
  assessments: number; childrenAssessed: number; reviewedTwiceOrMore: number;
  excludedChildren: number; excludedWithEhcp: number; excludedWithSen: number; excludedAtRiskOrMissingAfter: number;
  missingChildren: number; missingCountyLinesOrCce: number;
  interviews: number; interviewsCompleted: number; harmDisclosed: number;
}

export function outcomesTruth(f: Fixture, quarter: string): OutcomesTruth {
  const { startMs: start, endMs: end } = parseQuarter(quarter);
  const idx = indexFixture(f);
  const dob = (id: string): string => String(idx.byId.get(id)!.dateOfBirth);
  const child = (id: string, at: number): boolean => (idx.byId.get(id)!.roles as string[] | undefined)?.includes('YoungPerson') === true && ageOn(dob(id), at) < 18;
  const at = (row: object): number => Date.parse(String((row as { occurredAt?: unknown }).occurredAt));
  const live = (row: object): boolean => (row as { status?: unknown }).status !== 'expired';

  const ras = new Map(idx.nodes.get('RiskAssessment')!.filter(live).map((r) => [r.id, r]));
  const assessments = (idx.rels.get('ABOUT') ?? []).filter((r) => ras.has(r.from) && child(r.to, at(ras.get(r.from)!)))
    .map((r) => ({ id: r.from, childId: r.to, at: at(ras.get(r.from)!), level: String(ras.get(r.from)!.riskLevel), type: ras.get(r.from)!.exploitationType }));
  const inQ = assessments.filter((a) => a.at >= start && a.at < end);
  const latest = new Map<string, (typeof inQ)[number]>();
  for (const a of inQ) { const p = latest.get(a.childId); if (!p || a.at > p.at || (a.at === p.at && a.id > p.id)) latest.set(a.childId, a); }
  const atRisk = [...latest.values()].filter((a) => a.level !== 'none').map((a) => a.childId);

  const planted = f.groundTruth.support;
  const offeredInYear = new Set(planted.filter((s) => Date.parse(s.offeredAt) >= end - 365 * DAY && Date.parse(s.offeredAt) < end).map((s) => s.childId));
  const offeredInQ = planted.filter((s) => Date.parse(s.offeredAt) >= start && Date.parse(s.offeredAt) < end);
  const compared = planted.filter((s) => s.startedOn && Date.parse(`${s.startedOn}T00:00:00Z`) >= end - 365 * DAY
    && Date.parse(`${s.startedOn}T00:00:00Z`) < end && Date.parse(s.reassessedAt!) < end);

  const perChild = new Map<string, number>();
  for (const a of inQ) perChild.set(a.childId, (perChild.get(a.childId) ?? 0) + 1);

  const eventsOf = (label: string) => new Map((idx.nodes.get(label) ?? []).filter(live).map((r) => [r.id, r]));
  const exclusions = eventsOf('Exclusion');
  const missing = eventsOf('MissingEpisode');
  const firstExclusion = new Map<string, number>();
  const missingInQ = new Map<string, boolean>();
  const missingTimes = new Map<string, number[]>();
  for (const r of idx.rels.get('INVOLVED')!) {
    if (!['subject', 'victim'].includes(String(r.role))) continue;
    const x = exclusions.get(r.from);
    if (x && at(x) >= start && at(x) < end && child(r.to, at(x))) firstExclusion.set(r.to, Math.min(firstExclusion.get(r.to) ?? Infinity, at(x)));
    const m = missing.get(r.from);
    if (m) {
      missingTimes.set(r.to, [...(missingTimes.get(r.to) ?? []), at(m)]);
      if (at(m) >= start && at(m) < end && child(r.to, at(m))) missingInQ.set(r.to, (missingInQ.get(r.to) ?? false) || m.countyLinesConcern === true);
    }
  }
  const allAssessments = (idx.rels.get('ABOUT') ?? []).filter((r) => ras.has(r.from)).map((r) => ({ childId: r.to, at: at(ras.get(r.from)!), level: String(ras.get(r.from)!.riskLevel), type: ras.get(r.from)!.exploitationType }));
  const after = (c: string, t: number): boolean => allAssessments.some((a) => a.childId === c && a.at > t && a.at <= t + 90 * DAY && a.level !== 'none')
    || (missingTimes.get(c) ?? []).some((m) => m > t && m <= t + 90 * DAY);
  const referrals = eventsOf('Referral');
  const cce = (c: string): boolean => allAssessments.some((a) => a.childId === c && a.type === 'CCE' && a.at < end && a.at >= end - 365 * DAY)
    || (idx.rels.get('INVOLVED')!).some((r) => r.to === c && referrals.get(r.from)?.exploitationType === 'CCE' && at(referrals.get(r.from)!) < end && at(referrals.get(r.from)!) >= end - 365 * DAY);
  const sen = (c: string): string => String(idx.byId.get(c)!.sen ?? '');

  const rhis = eventsOf('ReturnInterview');
  const rhiInQ = new Set<string>();
  for (const r of idx.rels.get('INVOLVED')!) {
    const x = rhis.get(r.from);
    if (x && at(x) >= start && at(x) < end && child(r.to, at(x))) rhiInQ.add(r.from);
  }
  const completed = [...rhiInQ].filter((id) => rhis.get(id)!.outcome === 'completed');
  return {
    childrenAtRisk: atRisk.length, atRiskWithOffer: atRisk.filter((c) => offeredInYear.has(c)).length,
    atRiskWithoutOffer: atRisk.filter((c) => !offeredInYear.has(c)).length,
    offered: offeredInQ.length, accepted: offeredInQ.filter((s) => s.status === 'accepted' || s.status === 'ended').length,
    declined: offeredInQ.filter((s) => s.status === 'declined').length, awaitingAnswer: offeredInQ.filter((s) => s.status === 'offered').length,
    ceamCompared: compared.length, ceamImproved: compared.filter((s) => s.change === 'improved').length,
    ceamUnchanged: compared.filter((s) => s.change === 'unchanged').length, ceamWorse: compared.filter((s) => s.change === 'worse').length,
    assessments: new Set(inQ.map((a) => a.id)).size, childrenAssessed: perChild.size, reviewedTwiceOrMore: [...perChild.values()].filter((n) => n >= 2).length,
    excludedChildren: firstExclusion.size, excludedWithEhcp: [...firstExclusion.keys()].filter((c) => sen(c) === 'E').length,
    excludedWithSen: [...firstExclusion.keys()].filter((c) => sen(c) === 'E' || sen(c) === 'K').length,
    excludedAtRiskOrMissingAfter: [...firstExclusion].filter(([c, t]) => after(c, t)).length,
    missingChildren: missingInQ.size, missingCountyLinesOrCce: [...missingInQ].filter(([c, cl]) => cl || cce(c)).length,
    interviews: rhiInQ.size, interviewsCompleted: completed.length, harmDisclosed: completed.filter((id) => rhis.get(id)!.harmDisclosed === true).length,
  };
}
