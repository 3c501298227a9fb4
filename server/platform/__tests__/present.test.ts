/** Presentation by purpose: what a pseudonymised viewer (a lead) gets of any record, wherever it appears. */
import { presentEdge, presentNode } from '../present';
import type { User } from '../context';

const lead: User = { id: 'lee', name: 'Lee', role: 'lead' };
const analyst: User = { id: 'ana', name: 'Ana', role: 'analyst' };

const person = () => ({ labels: ['Entity', 'Person', 'YoungPerson'], properties: {
  id: 'yp1', name: 'Synthetic Child', aliases: ['Syn'], dateOfBirth: '2011-04-01', postcodeArea: 'TB1',
  nhsNumber: '9434765919', identifiers: ['UPN:A1'], source: 'EDUCATION', sex: 'FEMALE' } });
const event = () => ({ labels: ['Entity', 'Event', 'Incident'], properties: {
  id: 'inc1', occurredAt: '2026-05-01T20:00:00Z', summary: 'Synthetic Child seen with an adult', sourceRef: 'CRIME/123',
  conditions: 'Police only', source: 'POLICE', offenceType: 'robbery' } });

describe('fairness fields on a person\'s record', () => {
  const withGraces = () => ({ labels: ['Entity', 'Person', 'YoungPerson'], properties: {
    ...person().properties, faith: 'sikh', immigrationStatus: 'uasc', neurodiversity: ['dyslexia'], firstLanguage: 'other' } });
  const graces = (user: User) => ['faith', 'immigrationStatus', 'neurodiversity', 'firstLanguage'].filter((k) => k in presentNode(user, withGraces()).properties);
  it('analyst and police see immigration status, neurodiversity and first language; nobody sees faith; lead and partner see none', () => {
    expect(graces(analyst)).toEqual(['immigrationStatus', 'neurodiversity', 'firstLanguage']);
    expect(graces({ id: 'pat', name: 'Pat', role: 'police', agency: 'POLICE' })).toEqual(['immigrationStatus', 'neurodiversity', 'firstLanguage']);
    expect(graces(lead)).toEqual([]);
    expect(graces({ id: 'pam', name: 'Pam', role: 'partner', agency: 'EDUCATION' })).toEqual([]);
  });
  it('only people lose them: an event keeps its own fields', () => {
    const e = event();
    (e.properties as Record<string, unknown>).firstLanguage = 'other';
    expect(presentNode(lead, e).properties).toHaveProperty('firstLanguage', 'other');
  });
});

describe('presentNode and presentEdge', () => {
  it('a lead gets a person under a pseudonym, without anything that identifies them', () => {
    const p = presentNode(lead, person());
    expect(p.name).toMatch(/^Person [0-9A-F]{8}$/);
    for (const k of ['name', 'aliases', 'dateOfBirth', 'postcodeArea', 'nhsNumber', 'identifiers']) expect(p.properties).not.toHaveProperty(k);
    expect(p.properties).toMatchObject({ pseudonymised: true, isChild: true, ageBand: expect.any(String) });
  });

  it('a lead gets no free text or source reference on an event or a link, where an analyst does', () => {
    const e = presentNode(lead, event());
    for (const k of ['summary', 'sourceRef', 'conditions']) expect(e.properties).not.toHaveProperty(k);
    expect(e.properties.offenceType).toBe('robbery');
    expect(presentNode(analyst, event()).properties).toMatchObject({ summary: expect.any(String), sourceRef: 'CRIME/123' });
    const link = { id: 'r1', type: 'POSSIBLY_SAME_AS', from: 'a', to: 'b', properties: { reason: 'alias Syn', sourceRef: 'X/1', score: 0.9 } };
    expect(presentEdge(lead, link).properties).toEqual({ score: 0.9 });
    expect(presentEdge(analyst, link).properties).toEqual(link.properties);
  });
});
