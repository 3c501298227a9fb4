import { outcomeMeasures, type OutcomeRows } from '../outcomes/measures';
import type { AssessmentRow } from '../trends/series';

const T = (iso: string): number => Date.parse(iso);
const ra = (id: string, childId: string, at: string, riskLevel: string): AssessmentRow => ({
  id, childId, atMs: T(at), riskLevel, exploitationType: 'CCE', dob: null, sex: null, ethnicity: null, sen: null, careStatus: null,
});

/** 2025-Q3, worked by hand below. */
function rows(): OutcomeRows {
  return {
    quarter: '2025-Q3', startMs: T('2025-07-01T00:00:00Z'), endMs: T('2025-10-01T00:00:00Z'),
    // k1 at risk (latest medium) and assessed twice; k2 latest none (not at risk); k3 at risk, no offer.
    assessments: [ra('a1', 'k1', '2025-07-02T00:00:00Z', 'high'), ra('a2', 'k1', '2025-09-01T00:00:00Z', 'medium'),
      ra('a3', 'k2', '2025-08-01T00:00:00Z', 'none'), ra('a4', 'k3', '2025-08-02T00:00:00Z', 'low')],
    support: [
      // k1: offered 2024-12 (within the year), started 2025-01-10: scores 20 before, 12 latest → improved.
      { id: 's1', childId: 'k1', atMs: T('2024-12-20T00:00:00Z'), programme: 'MENTORING', supportStatus: 'ended', startedOn: '2025-01-10', endedOn: '2025-06-01' },
      // k2 offered twice in the quarter: declined, then accepted (counts once, as accepted); started after the latest assessment → not compared.
      { id: 's2', childId: 'k2', atMs: T('2025-07-05T00:00:00Z'), programme: 'EARLY_HELP', supportStatus: 'declined', startedOn: null, endedOn: null },
      { id: 's3', childId: 'k2', atMs: T('2025-09-05T00:00:00Z'), programme: 'EARLY_HELP', supportStatus: 'accepted', startedOn: '2025-09-10', endedOn: null },
      // k4 offered in the quarter, no answer yet; an offer two years back does not count for the year.
      { id: 's4', childId: 'k4', atMs: T('2025-08-05T00:00:00Z'), programme: 'OTHER', supportStatus: 'offered', startedOn: null, endedOn: null },
      { id: 's5', childId: 'k3', atMs: T('2023-08-05T00:00:00Z'), programme: 'OTHER', supportStatus: 'declined', startedOn: null, endedOn: null },
    ],
    scores: [
      { id: 'b0', childId: 'k1', atMs: T('2024-11-01T00:00:00Z'), score: 25 }, { id: 'b1', childId: 'k1', atMs: T('2025-01-01T00:00:00Z'), score: 20 },
      { id: 'b2', childId: 'k1', atMs: T('2025-09-01T00:00:00Z'), score: 12 }, { id: 'b3', childId: 'k2', atMs: T('2025-08-01T00:00:00Z'), score: 5 },
    ],
    exclusions: [
      { childId: 'k1', sen: 'E', atMs: T('2025-07-03T00:00:00Z'), atRiskAfter: true, missingAfter: false },
      { childId: 'k5', sen: 'K', atMs: T('2025-07-03T00:00:00Z'), atRiskAfter: false, missingAfter: true },
      { childId: 'k6', sen: 'N', atMs: T('2025-07-03T00:00:00Z'), atRiskAfter: false, missingAfter: false },
    ],
    missing: [{ childId: 'k1', countyLines: true, cceConcern: false }, { childId: 'k7', countyLines: false, cceConcern: true }, { childId: 'k8', countyLines: false, cceConcern: false }],
    interviews: [
      // One interview held with two children counts once.
      { id: 'r1', childId: 'k1', outcome: 'completed', pushFactors: ['Family conflict', 'school problems'], pullFactors: ['friends'], harmDisclosed: true },
      { id: 'r1', childId: 'k7', outcome: 'completed', pushFactors: ['Family conflict', 'school problems'], pullFactors: ['friends'], harmDisclosed: true },
      { id: 'r2', childId: 'k8', outcome: 'completed', pushFactors: ['family conflict '], pullFactors: [], harmDisclosed: false },
      { id: 'r3', childId: 'k5', outcome: 'declined', pushFactors: [], pullFactors: [], harmDisclosed: false },
    ],
  };
}

describe('outcomeMeasures', () => {
  it('counts the measures as worked by hand', () => {
    const m = outcomeMeasures(rows());
    expect(m).toMatchObject({
      childrenAtRisk: 2, atRiskWithOffer: 1, atRiskWithoutOffer: 1,
      offered: 2, accepted: 1, declined: 0, awaitingAnswer: 1,
      ceamCompared: 1, ceamImproved: 1, ceamUnchanged: 0, ceamWorse: 0,
      assessments: 4, childrenAssessed: 3, reviewedTwiceOrMore: 1,
      excludedChildren: 3, excludedWithEhcp: 1, excludedWithSen: 2, excludedAtRiskOrMissingAfter: 2,
      missingChildren: 3, missingCountyLinesOrCce: 2,
      interviews: 3, interviewsCompleted: 2, harmDisclosed: 1,
    });
    expect(m.pushFactors).toEqual([{ factor: 'family conflict', interviews: 2 }, { factor: 'school problems', interviews: 1 }]);
    expect(m.pullFactors).toEqual([{ factor: 'friends', interviews: 1 }]);
  });

  it('a worse or unchanged score is told apart from an improvement', () => {
    const r = rows();
    r.scores = r.scores.map((s) => (s.id === 'b2' ? { ...s, score: 20 } : s));
    expect(outcomeMeasures(r)).toMatchObject({ ceamCompared: 1, ceamUnchanged: 1, ceamImproved: 0 });
    r.scores = r.scores.map((s) => (s.id === 'b2' ? { ...s, score: 31 } : s));
    expect(outcomeMeasures(r)).toMatchObject({ ceamCompared: 1, ceamWorse: 1 });
  });
});
