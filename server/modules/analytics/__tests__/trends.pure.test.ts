import { cochranArmitage, twoProportion, poissonChange, normalCdf } from '../trends/stats';
import { quarterlySeries, AssessmentRow, EventRow } from '../trends/series';
import { girlsShareThemes, countThemes } from '../trends/emerging';
import { relativeRates, suppress, suppressLinked } from '../trends/disproportionality';
import type { RateRow } from '../types';

const at = (q: string, day = 10): number => {
  const [y, n] = q.split('-Q').map(Number);
  return Date.UTC(y, (n - 1) * 3, day);
};
const ra = (id: string, childId: string, q: string, riskLevel: string, exploitationType: string | null, sex = 'MALE', day = 10, extra: Partial<AssessmentRow> = {}): AssessmentRow =>
  ({ id, childId, atMs: at(q, day), riskLevel, exploitationType, dob: '2010-01-01', sex, ethnicity: 'WHITE_BRITISH', sen: 'N', careStatus: 'NONE', ...extra });

describe('statistical tests (hand-computed)', () => {
  it('normal CDF', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 3);
  });
  it('Cochran–Armitage on a worked example', () => {
    // x = [1, 2, 3], n = [10, 10, 10], t = 0,1,2: p̄ = 0.2; T = 0·(1−2) + 1·(2−2) + 2·(3−2) = 2;
    // Var = 0.2·0.8·(50 − 30²/30) = 0.16·20 = 3.2; z = 2/√3.2 = 1.118
    const { z, p } = cochranArmitage([1, 2, 3], [10, 10, 10]);
    expect(z).toBeCloseTo(2 / Math.sqrt(3.2), 6);
    expect(p).toBeCloseTo(2 * (1 - normalCdf(2 / Math.sqrt(3.2))), 6);
  });
  it('two proportions and Poisson change', () => {
    // 10/100 vs 20/100: pooled 0.15, se = √(0.15·0.85·0.02) = 0.0505; z = 0.1/0.0505 = 1.980
    expect(twoProportion(10, 100, 20, 100).z).toBeCloseTo(0.1 / Math.sqrt(0.15 * 0.85 * 0.02), 6);
    // 25 against mean 16: z = 9 / 4 = 2.25
    expect(poissonChange(25, [14, 18, 16]).z).toBeCloseTo(2.25, 6);
  });
});

describe('quarterly series with arquero', () => {
  it('counts children at risk (latest assessment), missing, repeat missing and referrals', () => {
    const assessments = [
      ra('a1', 'c1', '2025-Q1', 'high', 'CCE', 'MALE', 5), ra('a2', 'c1', '2025-Q1', 'none', 'CCE', 'MALE', 20), // latest is none
      ra('a3', 'c2', '2025-Q1', 'medium', 'CSE', 'FEMALE'), ra('a4', 'c2', '2025-Q2', 'medium', 'CSE', 'FEMALE'),
      ra('a5', 'c3', '2025-Q2', 'low', 'CCE'),
    ];
    const ev = (id: string, kind: string, q: string, childIds: string[] = [], referralType: string | null = null): EventRow => ({ id, kind, atMs: at(q), referralType, childIds });
    const events = [
      ev('m1', 'MissingEpisode', '2025-Q1', ['c1']), ev('m2', 'MissingEpisode', '2025-Q1', ['c1', 'c2']), ev('m3', 'MissingEpisode', '2025-Q2', ['c3']),
      ev('r1', 'Referral', '2025-Q2', ['c3'], 'PANEL'), ev('r2', 'Referral', '2025-Q2', ['c3'], 'NRM'), ev('x1', 'Exclusion', '2025-Q1'),
      ev('d1', 'DisruptionAction', '2025-Q2'),
    ];
    const { series, atRisk } = quarterlySeries(['2025-Q1', '2025-Q2'], assessments, events);
    expect(series).toEqual([
      { quarter: '2025-Q1', childrenAtRisk: 1, missingEpisodes: 2, childrenMissing: 2, repeatMissingChildren: 1, exclusions: 1, referrals: 0, panelOrMaceReferrals: 0, disruptionActions: 0 },
      { quarter: '2025-Q2', childrenAtRisk: 2, missingEpisodes: 1, childrenMissing: 1, repeatMissingChildren: 0, exclusions: 0, referrals: 2, panelOrMaceReferrals: 1, disruptionActions: 1 },
    ]);
    expect(atRisk).toEqual([
      { quarter: '2025-Q1', exploitationType: 'CSE', riskLevel: 'medium', children: 1 },
      { quarter: '2025-Q2', exploitationType: 'CCE', riskLevel: 'low', children: 1 },
      { quarter: '2025-Q2', exploitationType: 'CSE', riskLevel: 'medium', children: 1 },
    ]);
  });

  it('flags a rising share of girls among children at risk of CCE', () => {
    const quarters = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
    const rows: AssessmentRow[] = [];
    const girls = [1, 3, 6, 9];
    quarters.forEach((q, qi) => {
      for (let i = 0; i < 15; i++) rows.push(ra(`${q}-${i}`, `${q}-c${i}`, q, 'medium', 'CCE', i < girls[qi] ? 'FEMALE' : 'MALE'));
    });
    const [theme] = girlsShareThemes(quarters, rows);
    expect(theme.id).toBe('girls-share-CCE');
    expect(theme.series.map((s) => s.numerator)).toEqual(girls);
    expect(theme.direction).toBe('rising');
    expect(theme.significant).toBe(true);
    const flat = girlsShareThemes(quarters, rows.map((r, i) => ({ ...r, sex: i % 3 === 0 ? 'FEMALE' : 'MALE' })));
    expect(flat[0].significant).toBe(false);
  });

  it('flags a count well above its earlier mean', () => {
    const base = { childrenAtRisk: 0, missingEpisodes: 0, childrenMissing: 0, repeatMissingChildren: 0, exclusions: 0, referrals: 0, panelOrMaceReferrals: 0, disruptionActions: 0 };
    const s = [16, 14, 18, 16, 40].map((n, i) => ({ ...base, quarter: `2025-Q${(i % 4) + 1}`, missingEpisodes: n }));
    const t = countThemes(s).find((x) => x.id === 'count-missingEpisodes')!;
    expect(t.statistic).toBeCloseTo((40 - 16) / 4, 3);
    expect(t.significant).toBe(true);
    expect(countThemes(s).find((x) => x.id === 'count-exclusions')!.significant).toBe(false);
  });
});

describe('relative rate index and disclosure control', () => {
  const cell = (group: string, cohort: number): RateRow => ({ dimension: 'sex', group, cohort, cohortDisplay: String(cohort), population: 100, cohortPercent: null, ratePer1000: 1, rri: 1, rriLow: 1, rriHigh: 1, suppressed: null });
  it('primary 1–4 and secondary suppression; zero stays a true zero', () => {
    const out = suppress([cell('A', 3), cell('B', 0), cell('C', 12), cell('D', 30)]);
    expect(out.map((c) => c.cohortDisplay)).toEqual(['c', '0', 'c', '30']);
    expect(out.map((c) => c.suppressed)).toEqual(['primary', null, 'secondary', null]);
    expect(out[2].rri).toBeNull();
    const two = suppress([cell('A', 3), cell('B', 2), cell('C', 12)]);
    expect(two.map((c) => c.suppressed)).toEqual(['primary', 'primary', null]);
  });

  it('RRI against the baseline (hand-computed)', () => {
    const baseline = {
      description: 'test', total: 1000,
      byEthnicity: { WHITE_BRITISH: 600, BLACK_AFRICAN: 200, ASIAN_INDIAN: 200 }, bySex: { FEMALE: 500, MALE: 500 },
      byAgeBand: { '10-14': 600, '15-17': 400 }, bySen: { E: 50, K: 150, N: 800 }, byCareStatus: { NONE: 980, CLA: 20 },
    };
    const end = Date.UTC(2025, 9, 1);
    const cohort: AssessmentRow[] = [];
    for (let i = 0; i < 20; i++) cohort.push(ra(`w${i}`, `w${i}`, '2025-Q3', 'high', 'CCE', 'MALE', 10, { ethnicity: 'WHITE_BRITISH' }));
    for (let i = 0; i < 20; i++) cohort.push(ra(`b${i}`, `b${i}`, '2025-Q3', 'high', 'CCE', i < 10 ? 'FEMALE' : 'MALE', 10, { ethnicity: 'BLACK_AFRICAN' }));
    const { rows, cohortTotal } = relativeRates(cohort, baseline, end);
    expect(cohortTotal).toBe(40);
    const black = rows.find((r) => r.dimension === 'ethnicity' && r.group === 'Black')!;
    // (20/200) / (40/1000) = 2.5; se = √(1/20 − 1/200 + 1/40 − 1/1000) = √0.069
    expect(black.rri).toBeCloseTo(2.5, 3);
    expect(black.rriLow).toBeCloseTo(2.5 * Math.exp(-1.96 * Math.sqrt(0.069)), 2);
    const white = rows.find((r) => r.dimension === 'ethnicity' && r.group === 'White')!;
    expect(white.rri).toBeCloseTo((20 / 600) / 0.04, 3);
    const asian = rows.find((r) => r.dimension === 'ethnicity' && r.group === 'Asian')!;
    expect(asian.cohortDisplay).toBe('0');
    const female = rows.find((r) => r.dimension === 'sex' && r.group === 'FEMALE')!;
    expect(female.cohort).toBe(10);
    expect(female.rri).toBeCloseTo((10 / 500) / 0.04, 3);
  });

  it('fairness fields: a rate where the baseline has figures, counts and shares only where it has none', () => {
    const baseline = {
      description: 'test', total: 1000, byEthnicity: { WHITE_BRITISH: 1000 }, bySex: { FEMALE: 500, MALE: 500 },
      byAgeBand: { '10-14': 600, '15-17': 400 }, bySen: { N: 1000 }, byCareStatus: { NONE: 1000 }, byFaith: { muslim: 200, christian: 800 },
    };
    const end = Date.UTC(2025, 9, 1);
    const cohort: AssessmentRow[] = [];
    for (let i = 0; i < 20; i++) {
      cohort.push(ra(`m${i}`, `m${i}`, '2025-Q3', 'high', 'CCE', 'MALE', 10, {
        faith: i < 12 ? 'muslim' : undefined, immigrationStatus: i < 6 ? 'uasc' : 'british_citizen',
        neurodiversity: i < 10 ? ['autism', 'adhd'] : i < 15 ? ['none_recorded'] : null,
      }));
    }
    const { rows, dimensionsWithoutBaseline } = relativeRates(cohort, baseline, end);
    const row = (dimension: string, group: string) => rows.find((r) => r.dimension === dimension && r.group === group)!;
    expect(dimensionsWithoutBaseline).toEqual(['immigrationStatus', 'neurodiversity', 'firstLanguage']);
    // (12/200) / (20/1000) = 3
    expect(row('faith', 'muslim')).toMatchObject({ cohort: 12, population: 200, cohortPercent: 60, rri: 3 });
    expect(row('faith', 'not_recorded')).toMatchObject({ cohort: 8, population: 0, rri: null });
    expect(row('faith', 'christian')).toMatchObject({ cohortDisplay: '0', population: 800 });
    expect(row('immigrationStatus', 'uasc')).toMatchObject({ cohort: 6, population: null, cohortPercent: 30, ratePer1000: null, rri: null });
    // Two conditions each for ten children: the rows add up to more than the cohort.
    expect(row('neurodiversity', 'autism')).toMatchObject({ cohort: 10, population: null });
    expect(row('neurodiversity', 'adhd')).toMatchObject({ cohort: 10 });
    expect(row('neurodiversity', 'none_recorded')).toMatchObject({ cohort: 10 });
    expect(row('firstLanguage', 'not_recorded')).toMatchObject({ cohort: 20, cohortPercent: 100 });
  });

  it('broad and detailed ethnic groups are suppressed together: no hidden group follows from its broad group', () => {
    const at = (dimension: RateRow['dimension']) => (group: string, cohort: number): RateRow => ({ ...cell(group, cohort), dimension });
    const broad = at('ethnicity');
    const detailed = at('ethnicityDetailed');
    const [b, d] = suppressLinked([
      [broad('Asian', 10), broad('White', 20)],
      [detailed('ASIAN_INDIAN', 7), detailed('ASIAN_PAKISTANI', 3), detailed('WHITE_BRITISH', 14), detailed('WHITE_IRISH', 6)],
    ]);
    // Pakistani 3 is hidden; Asian 10 is shown, so Indian goes too, and the table's other hidden
    // cell (Irish, the smallest) takes British with it inside White.
    expect(d.map((c) => c.suppressed)).toEqual(['secondary', 'primary', 'secondary', 'secondary']);
    expect(b.map((c) => c.cohortDisplay)).toEqual(['10', '20']);
    // A hidden broad group shown whole in the detailed table hides a detailed group as well.
    const [b2, d2] = suppressLinked([
      [broad('Asian', 3), broad('Black', 9), broad('White', 30)],
      [detailed('ASIAN_INDIAN', 3), detailed('BLACK_AFRICAN', 9), detailed('WHITE_BRITISH', 30)],
    ]);
    expect(b2.map((c) => c.suppressed)).toEqual(['primary', 'secondary', null]);
    expect(d2.map((c) => c.suppressed)).toEqual(['primary', 'secondary', null]);
  });
});
