import { presentNode, eventName } from '../../../platform/present';
import type { User } from '../../../platform/context';

const analyst = { id: 'a1', roles: ['analyst'], agency: 'POLICE' } as unknown as User;
const person = (props: Record<string, unknown>) => presentNode(analyst, { labels: ['Entity', 'Person', 'YoungPerson'], properties: { id: 'p', name: 'Synthetic', source: 'POLICE', ...props } });

describe('presenting people of unknown or partial age, and events', () => {
  it('a person with no date of birth and no age is flagged age unknown and shown as a child, never an adult', () => {
    expect(person({}).properties).toMatchObject({ ageUnknown: true, isChild: true });
  });

  it('an age on a day gives the youngest age they can be now', () => {
    const p = person({ age: 14, ageOn: '2017-08-01', dobLatest: '2003-08-01' }).properties;
    expect(p).toMatchObject({ ageEstimated: true, isChild: false });
    expect(p.ageAtLeast).toBeGreaterThanOrEqual(23);
    expect(p.ageUnknown).toBeUndefined();
  });

  it('incident labels say the offence and the date; other events their kind', () => {
    expect(eventName('Incident', { offenceType: 'theft_from_person', occurredAt: '2017-08-01T00:00:00Z' })).toBe('Theft from person 2017-08-01');
    expect(eventName('Incident', { offenceType: 'gbh', occurredAt: '2017-08-01T00:00:00Z' })).toBe('GBH 2017-08-01');
    expect(eventName('Arrest', { offenceType: 'robbery', occurredAt: '2017-09-02T10:00:00Z' })).toBe('Arrest: Robbery 2017-09-02');
    expect(eventName('MissingEpisode', { occurredAt: '2017-09-02T10:00:00Z' })).toBe('Missing Episode 2017-09-02');
  });

  it('disruption actions say their tactic, and a county line\'s status records the status', () => {
    expect(eventName('DisruptionAction', { tactic: 'CLOSURE_ORDER', occurredAt: '2026-03-02T10:00:00Z' })).toBe('Disruption Action: Closure order 2026-03-02');
    expect(eventName('LineStatus', { lineStatus: 'disrupted', occurredAt: '2026-03-02T10:00:00Z' })).toBe('Line Status: Disrupted 2026-03-02');
  });
});
