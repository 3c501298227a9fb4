/**
 * People of unknown or partial age in the analytics (real Neo4j): never taken as adults. Quarter
 * 2025-Q3. Hand-checked: the park's robbery victim has no date of birth (possibly a child), the
 * hub's victim was 40 in 2020 (certainly an adult); the suspect is a person of concern known only
 * as "30 on 1 Jan 2024".
 */
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { load } from '../../../platform/bulk/loader';
import { GraphBuilder } from './support/build';
import { hotspots, notYetReferred, highHarmPersonsOfConcern } from '..';
import { viewerOf, packViewer } from '../../../platform/visibility';

const Q = '2025-Q3';
const source = () => ({ driver: driver(), viewer: viewerOf({ role: 'police', agency: 'POLICE' }) });
const person = (g: GraphBuilder, id: string, roles: string[], extra: Record<string, unknown>) =>
  g.node('Person', { id, name: `Test ${id}`, sex: 'MALE', ethnicity: 'NOT_STATED', source: 'POLICE', roles, ...extra } as never);

function world(): GraphBuilder {
  const g = new GraphBuilder();
  person(g, 'unknown', ['YoungPerson'], {});
  person(g, 'forty', ['YoungPerson'], { age: 40, ageOn: '2020-01-01' });
  person(g, 'poc', ['PersonOfConcern'], { age: 30, ageOn: '2024-01-01' });
  g.place('park');
  g.place('hub', 'transport_hub');
  g.event('Incident', 'rob1', '2025-09-01T12:00:00Z', { offenceType: 'robbery' });
  g.involve('rob1', 'unknown', 'victim'); g.involve('rob1', 'poc', 'suspect'); g.rel('AT', 'rob1', 'park');
  g.event('Incident', 'rob2', '2025-09-02T12:00:00Z', { offenceType: 'robbery' });
  g.involve('rob2', 'forty', 'victim'); g.rel('AT', 'rob2', 'hub');
  return g;
}

describe('unknown and partial ages in the analytics (real Neo4j)', () => {
  beforeAll(async () => {
    await freshGraph();
    await load(driver(), world().units());
  });
  afterAll(async () => { await closeDriver(); });

  it('hotspots count a victim of unknown age among the children, an adult by stated age not', async () => {
    const r = await hotspots(source(), { quarter: Q });
    const children = new Map(r.items.map((h) => [h.id, h.distinctChildren]));
    expect(children.get('park')).toBe(1);
    expect(children.get('hub') ?? 0).toBe(0);
  });

  it('a victim of unknown age is among the children not yet referred, age shown as not known', async () => {
    // One serious harm scores 1: the threshold is lowered to see who is counted as a child.
    const r = await notYetReferred(source(), { quarter: Q, minScore: 1 });
    expect(r.items.map((c) => [c.id, c.ageAtQuarterEnd])).toEqual([['unknown', null]]);
  });

  it('a person of concern known only by an age on a day is ranked (certainly an adult)', async () => {
    const r = await highHarmPersonsOfConcern(source(), { quarter: Q });
    expect(r.items.map((p) => p.id)).toEqual(['poc']);
  });
});
