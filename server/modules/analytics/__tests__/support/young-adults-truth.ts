/**
 * The young-adult cohort of a quarter worked out from a generated fixture's rows, without the
 * database or the analytic's code: what youngAdultMembers() must find once the fixture is loaded,
 * read by `viewer` (the Node form of the visibility rule decides what it sees).
 */
import type { Fixture } from '../../../../../fixtures/generator';
import { indexFixture } from '../../../../../fixtures/inspect';
import { ageOn } from '../../../../domain/age';
import { parseQuarter } from '../../../../domain/period';
import { visibleTo, type Viewer } from '../../../../platform/visibility';
import type { YoungAdultMember } from '../../young-adults';

export function youngAdultsTruth(f: Fixture, quarter: string, viewer: Viewer): YoungAdultMember[] {
  const { startMs: start, endMs: end } = parseQuarter(quarter);
  const idx = indexFixture(f);
  // A record's marking as the gate reads it (a relationship's type stands in for its labels).
  const seen = (label: string, row: object): boolean => {
    const r = row as { source?: string; handling?: string; sharedWith?: string[] };
    return visibleTo(viewer, { labels: [label], source: r.source, handling: r.handling, sharedWith: r.sharedWith });
  };
  const event = (id: string) => {
    const e = idx.byId.get(id);
    return e && e.label !== 'Person' && 'occurredAt' in e && e.status !== 'expired' && seen(e.label, e) ? e : undefined;
  };
  const at = (e: object): number => Date.parse(String((e as { occurredAt: string }).occurredAt));
  const links = [...(idx.rels.get('INVOLVED') ?? []).map((r) => ({ r, type: 'INVOLVED' })), ...(idx.rels.get('ABOUT') ?? []).map((r) => ({ r, type: 'ABOUT' }))]
    .filter(({ r, type }) => seen(type, r));
  // The 18th birthday as Neo4j adds years to a date: 29 February gives 28 February.
  const birthday18 = (dob: string): number => {
    const [y, m, d] = dob.slice(0, 10).split('-').map(Number);
    const lastDay = new Date(Date.UTC(y + 18, m, 0)).getUTCDate();
    return Date.UTC(y + 18, m - 1, Math.min(d, lastDay));
  };

  const out: YoungAdultMember[] = [];
  for (const p of idx.nodes.get('Person') ?? []) {
    const roles = (p.roles ?? []) as string[];
    const dob = p.dateOfBirth as string | undefined;
    if (!roles.includes('YoungPerson') || !dob || !seen('Person', p)) continue;
    const age = ageOn(dob, end - 1);
    if (age < 18 || age > 25) continue;
    const mine = links.filter(({ r }) => r.to === p.id).map(({ r }) => ({ r, e: event(r.from) })).filter((x) => x.e);
    if (!mine.some(({ e }) => at(e!) >= start && at(e!) < end)) continue;
    const adult = birthday18(dob);
    const childAtRisk = mine.some(({ e }) => at(e!) < adult && (e!.label === 'Referral' || (e!.label === 'RiskAssessment' && ['low', 'medium', 'high'].includes(String(e!.riskLevel)))))
      || ['EXPLOITS', 'GROOMS', 'RECRUITS'].some((t) => (idx.rels.get(t) ?? []).some((r) => r.to === p.id && r.status !== 'expired' && seen(t, r)
        && Date.parse(String(r.validFrom ?? r.recordedAt)) < adult));
    out.push({
      id: p.id, age, band: age <= 20 ? '18-20' : '21-25',
      knownAsChildAtRisk: childAtRisk,
      referredToAdultsAtRiskPanel: mine.some(({ e }) => e!.label === 'Referral' && e!.referralType === 'ADULTS_AT_RISK' && at(e!) >= adult && at(e!) < end),
      personOfConcern: roles.includes('PersonOfConcern'),
      harmedAsVictim: mine.some(({ r, e }) => r.role === 'victim' && (e!.label === 'Incident' || e!.label === 'Injury') && at(e!) >= start && at(e!) < end),
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}
