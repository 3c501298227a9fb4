import { scorePersonsOfConcern, PocRow, WEIGHTS } from '../highharm/score';
import { participationCoefficient } from '../highharm/brokerage';
import { percentileRanks } from '../highharm/percentile';
import { DAY_MS } from '../../../domain/period';

const end = Date.UTC(2025, 9, 1);
const g = { gradingScheme: '3x5x2', sourceEval: 'A', assessment: '1' };
const incident = (id: string, offenceType: string, daysAgo: number, children: string[] = []) =>
  ({ id, kind: 'Incident', offenceType, injuryKind: null, atMs: end - daysAgo * DAY_MS, children, ...g });

describe('percentile ranks and brokerage (hand-computed)', () => {
  it('mid-rank percentiles', () => {
    expect(percentileRanks([10, 20, 20, 30])).toEqual([0.125, 0.5, 0.5, 0.875]);
  });
  it('participation coefficient', () => {
    const comm = new Map([['a', 'c1'], ['b', 'c1'], ['c', 'c2'], ['d', 'c2']]);
    expect(participationCoefficient(['a', 'b'], comm)).toBe(0);
    expect(participationCoefficient(['a', 'c'], comm)).toBeCloseTo(0.5);
    // a, b in c1; c in c2; e alone: 1 − (0.5² + 0.25² + 0.25²) = 0.625
    expect(participationCoefficient(['a', 'b', 'c', 'e'], comm)).toBeCloseTo(0.625);
  });
});

describe('high-harm scoring', () => {
  const rows: PocRow[] = [
    // harmful: two robberies against children in two communities, recent, good grade
    { id: 'harm', name: 'Adult H', events: [incident('e1', 'robbery', 10, ['a']), incident('e2', 'robbery', 30, ['c'])],
      links: [{ id: 'r1', childId: 'b', atMs: end - 40 * DAY_MS, ...g }], intel: [] },
    // prolific but low harm: 15 shoplifting events, no children
    { id: 'prolific', name: 'Adult P', events: Array.from({ length: 15 }, (_, i) => incident(`s${i}`, 'shoplifting', 5 + i)), links: [], intel: [] },
    // old intelligence only
    { id: 'old', name: 'Adult O', events: [], links: [], intel: [{ id: 'ir', relId: 'ra', atMs: end - 700 * DAY_MS, gradingScheme: '3x5x2', sourceEval: 'C', assessment: '4' }] },
  ];
  const comm = new Map([['a', 'c1'], ['b', 'c1'], ['c', 'c2']]);
  const out = scorePersonsOfConcern(rows, end, comm);

  it('ranks harm above volume and explains each component', () => {
    expect(out.map((p) => p.id)).toEqual(['harm', 'prolific', 'old']);
    const h = out[0];
    expect(h.breakdown.gravity).toBeCloseTo(2920, 1);
    expect(h.breakdown.distinctChildren).toBe(3);
    // children a, b in c1 and c in c2: 1 − ((2/3)² + (1/3)²) = 4/9
    expect(h.breakdown.brokerage).toBeCloseTo(4 / 9, 4);
    expect(h.breakdown.recency).toBeCloseTo(1 - 10 / 730, 4);
    expect(h.breakdown.frequency).toBeCloseTo(Math.log(3) / Math.log(21), 4);
    expect(h.evidence.eventIds).toEqual(['e1', 'e2']);
    expect(h.evidence.relationshipIds).toEqual(['r1']);
    const p = out[1];
    expect(p.breakdown.gravity).toBeCloseTo(75, 1);
    expect(p.breakdown.frequency).toBeCloseTo(Math.log(16) / Math.log(21), 4);
    const o = out[2];
    expect(o.breakdown.intelligenceGrade).toBeCloseTo(0.4 * 0.4, 4);
    expect(o.breakdown.recency).toBeCloseTo(1 - 700 / 730, 4);
  });
  it('the score is the weighted mean of percentile ranks', () => {
    const h = out[0];
    const expected = Object.entries(WEIGHTS).reduce((t, [k, w]) => t + w * (h.breakdown.percentiles as Record<string, number>)[k], 0);
    expect(h.score).toBeCloseTo(expected, 3);
  });
});
