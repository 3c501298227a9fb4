/**
 * Records a role must not see, woven into a generated borough around people and places the role
 * does see: incidents with children as victims at busy places, missing episodes with a county
 * lines concern, panel referrals (which would make a child "known"), risk assessments,
 * intelligence, exploitation and peer links, and (where the marking can hide a person) people
 * whose surnames match visible children's. Every record carries the variant's marking, so the
 * role's answers must not change at all when they are added. Synthetic, obviously so.
 */
import type { LoadUnit } from '../../../server/model/types';
import type { Fixture } from '../../../fixtures/generator';

export interface Marking { source: string; handling: string; sharedWith?: string[]; gradingScheme?: '3x5x2' | '5x5x5' }

/** Where the extras attach: visible people and places of the fixture. */
export interface Anchors { children: Array<{ id: string; name: string }>; adults: string[]; places: string[] }

type Row = Record<string, unknown>;

export function anchorsOf(fixture: Fixture, count = 5): Anchors {
  const people = fixture.units.filter((u) => u.kind === 'node' && u.label === 'Person').flatMap((u) => u.rows as Row[]);
  const roles = (p: Row) => (p.roles as string[]) ?? [];
  const places = fixture.units.filter((u) => u.kind === 'node' && u.label === 'Location').flatMap((u) => u.rows as Row[]);
  return {
    children: people.filter((p) => roles(p).includes('YoungPerson') && !roles(p).includes('PersonOfConcern') && p.dateOfBirth && String(p.dateOfBirth) > '2010')
      .slice(0, count).map((p) => ({ id: String(p.id), name: String(p.name) })),
    adults: people.filter((p) => roles(p).includes('PersonOfConcern')).slice(0, count).map((p) => String(p.id)),
    places: places.slice(0, count).map((p) => String(p.id)),
  };
}

/** A moment inside the quarter the probes analyse (2026-Q2), day by day. */
const at = (k: number, hour = 20) => `2026-05-${String(10 + k).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;

/** Which extras: every kind of record, or raw intelligence alone (with its links). */
export type ExtraKinds = 'all' | 'intelligence';

export function extraUnits(tag: string, m: Marking, a: Anchors, withPeople: boolean, kinds: ExtraKinds = 'all'): LoadUnit[] {
  const grading = m.gradingScheme === '5x5x5'
    ? { gradingScheme: '5x5x5', sourceEval: 'B', assessment: '2', handling: m.handling }
    : { gradingScheme: '3x5x2', sourceEval: 'B', assessment: '2', handling: m.handling };
  const prov = (when: string) => ({
    source: m.source, sourceRef: `LEAK-${tag}-${when.slice(0, 10)}`, recordedAt: when, validFrom: when, ...grading,
    ...(m.handling === 'C' ? { conditions: 'Synthetic condition: police only' } : {}),
    reviewBy: '2027-06-01', status: 'confirmed', ...(m.sharedWith ? { sharedWith: m.sharedWith } : {}),
  });
  const id = (what: string, k: number) => `leak-${tag}-${what}-${k}`;
  let n = 0;
  const rel = (from: string, to: string, when: string, extra: Row = {}) => ({ id: `${id('rel', ++n)}`, from, to, ...prov(when), ...extra });
  const nodes: Record<string, Row[]> = { Incident: [], MissingEpisode: [], Referral: [], RiskAssessment: [], IntelligenceReport: [], Person: [] };
  const rels: Record<string, Row[]> = { INVOLVED: [], AT: [], ABOUT: [], EXPLOITS: [], ASSOCIATES_WITH: [] };

  a.children.forEach((child, k) => {
    const adult = a.adults[k % a.adults.length];
    const place = a.places[k % a.places.length];
    const when = at(k);
    nodes.Incident.push({ id: id('inc', k), occurredAt: when, offenceType: 'robbery', summary: `Synthetic extra incident ${k}`, ...prov(when) });
    rels.INVOLVED.push(rel(id('inc', k), child.id, when, { role: 'victim' }), rel(id('inc', k), adult, when, { role: 'suspect' }));
    rels.AT.push(rel(id('inc', k), place, when));
    nodes.MissingEpisode.push({ id: id('me', k), occurredAt: at(k, 18), returnedAt: at(k + 1, 9), missingRisk: 'high', countyLinesConcern: true, ...prov(at(k, 18)) });
    rels.INVOLVED.push(rel(id('me', k), child.id, at(k, 18), { role: 'subject' }));
    nodes.Referral.push({ id: id('ref', k), occurredAt: at(k, 10), referralType: 'MACE', exploitationType: 'CCE', ...prov(at(k, 10)) });
    rels.INVOLVED.push(rel(id('ref', k), child.id, at(k, 10), { role: 'subject' }));
    nodes.RiskAssessment.push({ id: id('ra', k), occurredAt: at(k, 11), ceamScore: 30, riskLevel: 'high', exploitationType: 'CSE', ...prov(at(k, 11)) });
    rels.ABOUT.push(rel(id('ra', k), child.id, at(k, 11)));
    nodes.IntelligenceReport.push({ id: id('int', k), occurredAt: at(k, 12), text: `Synthetic extra intelligence ${k}`, ...prov(at(k, 12)) });
    rels.ABOUT.push(rel(id('int', k), adult, at(k, 12)));
    rels.EXPLOITS.push(rel(adult, child.id, '2026-04-01T00:00:00Z', { exploitationType: 'CCE' }));
    const peer = a.children[(k + 1) % a.children.length];
    if (peer.id !== child.id) rels.ASSOCIATES_WITH.push(rel(child.id, peer.id, '2026-04-01T00:00:00Z'));
    if (withPeople) {
      const surname = child.name.split(' ').slice(-1)[0];
      nodes.Person.push({ id: id('yp', k), name: `Leaktest ${surname}`, dateOfBirth: '2011-03-0' + (k + 1), sex: 'FEMALE', ethnicity: 'NOT_STATED',
        source: m.source, roles: ['YoungPerson'], ...(m.sharedWith ? { sharedWith: m.sharedWith } : {}) });
      rels.ASSOCIATES_WITH.push(rel(id('yp', k), child.id, '2026-04-01T00:00:00Z'));
      rels.INVOLVED.push(rel(id('inc', k), id('yp', k), when, { role: 'victim' }));
    }
  });
  if (kinds === 'intelligence') {
    for (const k of Object.keys(nodes)) if (k !== 'IntelligenceReport') nodes[k] = [];
    for (const k of Object.keys(rels)) rels[k] = k === 'ABOUT' ? rels[k].filter((r) => String(r.from).startsWith(id('int', 0).slice(0, -1))) : [];
  }
  return [
    ...Object.entries(nodes).filter(([, rows]) => rows.length).map(([label, rows]) => ({ kind: 'node', label, origin: `leak-${tag}-${label}`, rows }) as LoadUnit),
    ...Object.entries(rels).filter(([, rows]) => rows.length).map(([type, rows]) => ({ kind: 'rel', type, origin: `leak-${tag}-${type}`, rows }) as LoadUnit),
  ];
}

/** Every id the extras of a tag can carry (probed in both builds: missing in one, hidden in the other). */
export const extraIds = (tag: string, count: number): string[] =>
  ['inc', 'me', 'ref', 'ra', 'int', 'yp'].flatMap((what) => Array.from({ length: count }, (_, k) => `leak-${tag}-${what}-${k}`));

/**
 * A duplicate of a visible person, merged into them through the product's own resolution: the
 * merged record (with the name as the other agency spelled it) must stay out of every view.
 */
export function duplicateUnits(keep: { id: string; name: string }, source: string): { units: LoadUnit[]; pairId: string; dropId: string } {
  const dropId = `leak-dup-${keep.id}`;
  const pairId = `leak-pair-${keep.id}`;
  const when = '2026-04-01T00:00:00Z';
  const prov = { source, sourceRef: `LEAK-DUP-${keep.id}`, recordedAt: when, validFrom: when, gradingScheme: '3x5x2', sourceEval: 'B', assessment: '2', handling: 'P', reviewBy: '2027-06-01', status: 'hypothesis' };
  return {
    dropId, pairId,
    units: [
      { kind: 'node', label: 'Person', origin: 'leak-dup', rows: [{ id: dropId, name: `${keep.name} Leakdup`, dateOfBirth: '2011-01-01', sex: 'FEMALE', ethnicity: 'NOT_STATED', source, roles: ['YoungPerson'] }] as never },
      { kind: 'rel', type: 'POSSIBLY_SAME_AS', origin: 'leak-dup-pair', rows: [{ id: pairId, from: dropId, to: keep.id, score: 0.93, reasons: [`alias ${keep.name} Leakdup`], ...prov }] as never },
    ],
  };
}

/**
 * A person, visible to everyone, with an incident only about them and a peer link to a visible
 * child: erased through the product's own erasure, nothing of them may remain in any answer.
 */
export function erasedPersonUnits(child: { id: string; name: string }, place: string): { units: LoadUnit[]; personId: string } {
  const personId = `leak-erased-${child.id}`;
  const when = '2026-05-20T20:00:00Z';
  const prov = { source: 'EDUCATION', sourceRef: `LEAK-ERASE-${child.id}`, recordedAt: when, validFrom: when, gradingScheme: '3x5x2', sourceEval: 'B', assessment: '2', handling: 'P', reviewBy: '2027-06-01', status: 'confirmed' };
  return {
    personId,
    units: [
      { kind: 'node', label: 'Person', origin: 'leak-erase-person', rows: [{ id: personId, name: `Erasetest ${child.name.split(' ').slice(-1)[0]}`, dateOfBirth: '2011-02-02', sex: 'MALE', ethnicity: 'NOT_STATED', source: 'EDUCATION', roles: ['YoungPerson'] }] as never },
      { kind: 'node', label: 'Incident', origin: 'leak-erase-incident', rows: [{ id: `${personId}-inc`, occurredAt: when, offenceType: 'robbery', summary: 'Synthetic incident about an erased person', ...prov }] as never },
      { kind: 'rel', type: 'INVOLVED', origin: 'leak-erase-involved', rows: [{ id: `${personId}-r1`, from: `${personId}-inc`, to: personId, role: 'victim', ...prov }] as never },
      { kind: 'rel', type: 'AT', origin: 'leak-erase-at', rows: [{ id: `${personId}-r2`, from: `${personId}-inc`, to: place, ...prov }] as never },
      { kind: 'rel', type: 'ASSOCIATES_WITH', origin: 'leak-erase-peer', rows: [{ id: `${personId}-r3`, from: personId, to: child.id, ...prov }] as never },
    ],
  };
}
