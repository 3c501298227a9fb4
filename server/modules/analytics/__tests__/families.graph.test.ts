/**
 * Children in the families of ranked persons of concern, against a hand-built graph in the real
 * Neo4j (quarter 2025-Q3): every way a family is recorded, the links a correct reading leaves
 * out (an adult sibling, an expired link, a household that ended), a child already known, one of
 * unknown age, and a link only the police may see.
 */
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { load } from '../../../platform/bulk/loader';
import { GraphBuilder } from './support/build';
import { familiesOfPersonsOfConcern } from '..';
import { viewerOf } from '../../../platform/visibility';
import type { FamiliesResult } from '../types';

const Q = '2025-Q3';
const asPolice = { driver: driver(), viewer: viewerOf({ role: 'police', agency: 'POLICE' }) };
const asLead = { driver: driver(), viewer: viewerOf({ role: 'lead' }) };

function world(): GraphBuilder {
  const g = new GraphBuilder();
  g.adult('poc1');
  g.event('Incident', 'inc1', '2025-08-01T10:00:00Z', { offenceType: 'robbery' });
  g.involve('inc1', 'poc1', 'suspect');
  for (const id of ['sib', 'viaParent', 'own', 'home', 'expired', 'moved', 'policeOnly']) g.child(id, '2012-05-01');
  g.child('planned', '2011-05-01', { careStatus: 'CPP' });
  g.node('Person', { id: 'noDob', name: 'Test Child noDob', sex: 'FEMALE', ethnicity: 'NOT_STATED', source: 'SOCIAL_CARE', roles: ['YoungPerson'] });
  g.node('Person', { id: 'grownUp', name: 'Test Adult grownUp', dateOfBirth: '2000-01-01', sex: 'MALE', ethnicity: 'NOT_STATED', source: 'SOCIAL_CARE', roles: ['YoungPerson'] });
  g.node('Person', { id: 'mum', name: 'Test Parent', dateOfBirth: '1970-01-01', sex: 'FEMALE', ethnicity: 'NOT_STATED', source: 'SOCIAL_CARE', roles: [] });
  g.rel('SIBLING_OF', 'poc1', 'sib', { siblingKind: 'half' });
  g.rel('SIBLING_OF', 'planned', 'poc1', { siblingKind: 'full' });
  g.rel('SIBLING_OF', 'poc1', 'noDob');
  g.rel('PARENT_OF', 'mum', 'poc1', { parentKind: 'parent' });
  g.rel('PARENT_OF', 'mum', 'viaParent', { parentKind: 'parent' });
  g.rel('PARENT_OF', 'poc1', 'own', { parentKind: 'parent' });
  g.rel('LIVES_WITH', 'home', 'poc1', { status: 'hypothesis' });
  // Left out: an adult sibling, an expired sibling link, a household that ended in Q2.
  g.rel('SIBLING_OF', 'poc1', 'grownUp');
  g.rel('SIBLING_OF', 'poc1', 'expired', { status: 'expired' });
  g.rel('LIVES_WITH', 'moved', 'poc1', { validFrom: '2024-01-01T00:00:00Z', validTo: '2025-05-01T00:00:00Z' });
  // Shared with conditions (3x5x2 C): police only.
  g.rel('SIBLING_OF', 'poc1', 'policeOnly', { handling: 'C', conditions: 'Police only' });
  return g;
}

let police: FamiliesResult;
let lead: FamiliesResult;

beforeAll(async () => {
  await freshGraph();
  await load(driver(), world().units());
  police = await familiesOfPersonsOfConcern(asPolice, { quarter: Q });
  lead = await familiesOfPersonsOfConcern(asLead, { quarter: Q });
}, 120_000);
afterAll(closeDriver);

const relations = (r: FamiliesResult) => Object.fromEntries(r.items.map((c) => [c.id, c.links.map((l) => l.relation).join(',')]));

describe('children in the families of ranked persons of concern', () => {
  it('finds each way a family is recorded, and only children in a current link', () => {
    expect(police.personsOfConcernConsidered).toBe(1);
    expect(relations(police)).toEqual({
      sib: 'sibling', planned: 'sibling', noDob: 'sibling', viaParent: 'siblingThroughParent', own: 'childOf', home: 'household', policeOnly: 'sibling',
    });
  });

  it('gives each child their age, whether they are already known, and the links with their grading', () => {
    const byId = new Map(police.items.map((c) => [c.id, c]));
    expect(byId.get('sib')).toMatchObject({ age: 13, knownToPanelOrPlan: false, links: [{ personOfConcernId: 'poc1', personOfConcernRank: 1, kind: 'half', statuses: ['confirmed'], gradings: ['3x5x2 A1P'] }] });
    expect(byId.get('planned')!.knownToPanelOrPlan).toBe(true);
    expect(byId.get('noDob')!.age).toBeNull();
    expect(byId.get('viaParent')!.links[0].linkIds).toHaveLength(2);
    expect(byId.get('home')!.links[0].statuses).toEqual(['hypothesis']);
  });

  it('follows the visibility rule: a police-only link is not in a lead\'s list', () => {
    expect(Object.keys(relations(lead)).sort()).toEqual(Object.keys(relations(police)).filter((id) => id !== 'policeOnly').sort());
  });

  it('says what it did and that a family link is no concern about the child', () => {
    expect(police.method).toMatch(/diversionary offer of support/);
    expect(police.method).toMatch(/says nothing about the child's own conduct/);
  });
});
