/** Review: what is past its review date; hypotheses never confirmed in time expire (logged). */
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { load } from '../../../platform/bulk/loader';
import { systemActor } from '../../accesslog/access-log';
import { dueForReview, expireHypotheses } from '../review';

const prov = (reviewBy: string, status: string) => ({
  source: 'POLICE', sourceRef: 'SYN-1', recordedAt: '2025-01-01T10:00:00Z', gradingScheme: '3x5x2',
  sourceEval: 'B', assessment: '3', handling: 'P', reviewBy, status,
});
const actor = () => systemActor('review-test', driver(), 'neo4j');
const NOW = new Date('2026-06-01T09:00:00Z');

beforeEach(async () => {
  await freshGraph();
  await load(driver(), [
    { kind: 'node', label: 'Person', origin: 't', rows: [
      { id: 'c1', name: 'Synthetic Child', dateOfBirth: '2011-01-01', sex: 'MALE', ethnicity: 'NOT_STATED', source: 'POLICE', roles: ['YoungPerson'] },
      { id: 'c2', name: 'Synthetic Peer', dateOfBirth: '2011-02-01', sex: 'MALE', ethnicity: 'NOT_STATED', source: 'POLICE', roles: ['YoungPerson'] },
      { id: 'a1', name: 'Synthetic Adult', dateOfBirth: '1980-01-01', sex: 'MALE', ethnicity: 'NOT_STATED', source: 'POLICE', roles: ['PersonOfConcern'] },
    ] as never },
    { kind: 'node', label: 'IntelligenceReport', origin: 't', rows: [{ id: 'i1', occurredAt: '2025-01-01T10:00:00Z', text: 'Synthetic report', ...prov('2026-01-01', 'hypothesis') }] },
    { kind: 'rel', type: 'EXPLOITS', origin: 't', rows: [{ id: 'old-hyp', from: 'a1', to: 'c1', ...prov('2026-03-01', 'hypothesis') }] },
    { kind: 'rel', type: 'ASSOCIATES_WITH', origin: 't', rows: [
      { id: 'old-confirmed', from: 'c1', to: 'c2', ...prov('2026-05-31', 'confirmed') },
      { id: 'current-hyp', from: 'c2', to: 'c1', ...prov('2026-06-02', 'hypothesis') },
    ] },
  ]);
});
afterAll(async () => { await closeDriver(); });

describe('review', () => {
  it('lists relationships and event flags past their review date, not those still current', async () => {
    const due = await dueForReview(actor(), NOW);
    expect(due.map((d) => [d.kind, d.type, d.id, d.reviewBy])).toEqual([
      ['event', 'IntelligenceReport', 'i1', '2026-01-01'],
      ['relationship', 'EXPLOITS', 'old-hyp', '2026-03-01'],
      ['relationship', 'ASSOCIATES_WITH', 'old-confirmed', '2026-05-31'],
    ]);
  });

  it('expires the hypotheses not confirmed in time, logs it, and a second run changes nothing', async () => {
    expect((await expireHypotheses(actor(), NOW)).sort()).toEqual(['i1', 'old-hyp']);
    const { records } = await driver().executeQuery('MATCH ()-[r]->() RETURN r.id AS id, r.status AS s ORDER BY id');
    expect(records.map((r) => r.toObject())).toEqual([
      { id: 'current-hyp', s: 'hypothesis' }, { id: 'old-confirmed', s: 'confirmed' }, { id: 'old-hyp', s: 'expired' },
    ]);
    const log = await driver().executeQuery("MATCH (e:AccessLogEntry {operation: 'alteration'}) RETURN e.ids AS ids");
    expect(log.records.map((r) => [...r.get('ids')].sort())).toEqual([['i1', 'old-hyp']]);
    expect(await expireHypotheses(actor(), NOW)).toEqual([]);
    expect((await dueForReview(actor(), NOW)).map((d) => d.id)).toEqual(['old-confirmed']);
  });
});
