/**
 * The population baseline from Census-shaped files: the synthetic borough's committed files give
 * the generator's baseline, a table in another layout of the same download is read alike, and
 * every problem names the file, the line and the field.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ageRange, readPopulationBaseline } from '../census-population';
import { CENSUS_FILE, LOCAL_COUNTS_FILE, BASELINE_SCALE, censusCsv, localCountsCsv } from '../../../../fixtures/borough-files';
import { populationBaseline } from '../../../../fixtures/generator/baseline';
import { SCALES } from '../../../../fixtures/generator/scales';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'census-'));
const write = (name: string, text: string): string => { const f = path.join(dir, name); fs.writeFileSync(f, text); return f; };
const HEADER = '"Lower tier local authorities Code","Lower tier local authorities","Ethnic group (20 categories) Code","Ethnic group (20 categories)","Sex (2 categories) Code","Sex (2 categories)","Age (18 categories) Code","Age (18 categories)","Observation"';
const row = (eth: [number, string], sex: [number, string], age: [number, string], n: number | string) =>
  ['"E99999999"', '"Synthetic"', eth[0], `"${eth[1]}"`, sex[0], `"${sex[1]}"`, age[0], `"${age[1]}"`, n].join(',');
const BANGLADESHI: [number, string] = [1, 'Asian, Asian British or Asian Welsh: Bangladeshi'];
const WHITE_BRITISH: [number, string] = [13, 'White: English, Welsh, Scottish, Northern Irish or British'];
const F: [number, string] = [1, 'Female'];
const M: [number, string] = [2, 'Male'];

describe('population baseline from Census-shaped files', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the committed synthetic files are what the generator gives (npx tsx fixtures/borough-files.ts)', () => {
    expect(fs.readFileSync(CENSUS_FILE, 'utf8')).toBe(censusCsv());
    expect(fs.readFileSync(LOCAL_COUNTS_FILE, 'utf8')).toBe(localCountsCsv());
  });

  it('reading them gives the baseline the synthetic borough is seeded with, in the dimensions they hold (ages 9 and 18 left out)', async () => {
    const read = await readPopulationBaseline({ census: CENSUS_FILE, local: LOCAL_COUNTS_FILE, description: 'd' });
    // The files hold age, sex, ethnic group, SEN and care status; the fairness dimensions come from other tables, if any.
    const { description: _d, byFaith: _f, byFirstLanguage: _l, byImmigrationStatus: _i, byNeurodiversity: _n, ...seeded } = populationBaseline(SCALES[BASELINE_SCALE].baselineChildren);
    const nonZero = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).filter(([, n]) => n > 0));
    expect({ ...read, description: undefined, byEthnicity: nonZero(read.byEthnicity) })
      .toEqual({ ...seeded, description: undefined, byEthnicity: nonZero(seeded.byEthnicity) });
  });

  it('reads age bands, "Does not apply" and columns in another order; ages outside 10–17 are left out', async () => {
    const f = write('bands.csv', [HEADER,
      row(BANGLADESHI, F, [3, 'Aged 10 to 14 years'], 40), row(BANGLADESHI, M, [3, 'Aged 10 to 14 years'], 44),
      row(WHITE_BRITISH, F, [2, 'Aged 5 to 9 years'], 99), row(WHITE_BRITISH, F, [4, 'Aged 15 years'], 7),
      row([-8, 'Does not apply'], F, [3, 'Aged 10 to 14 years'], 0), row(WHITE_BRITISH, M, [18, 'Aged 85 years and over'], 5),
    ].join('\n'));
    const b = await readPopulationBaseline({ census: f, description: 'd' });
    expect(b).toMatchObject({ total: 91, bySex: { FEMALE: 47, MALE: 44 }, byAgeBand: { '10-14': 84, '15-17': 7 },
      byEthnicity: { ASIAN_BANGLADESHI: 84, WHITE_BRITISH: 7 }, bySen: {}, byCareStatus: {} });
  });

  it.each([
    ['an age band across 17 and 18', row(BANGLADESHI, F, [4, 'Aged 15 to 19 years'], 3), /line 2, field Age \(18 categories\): "Aged 15 to 19 years" spans more than one/],
    ['an unknown ethnic group', row([30, 'Martian'], F, [4, 'Aged 15 years'], 3), /line 2, field Ethnic group \(20 categories\): "Martian" is not a Census 2021 ethnic group/],
    ['a count that is not a number', row(BANGLADESHI, F, [4, 'Aged 15 years'], '"x"'), /line 2, field Observation: "x" is not a whole number/],
    ['a sex that is not Female or Male', row(BANGLADESHI, [3, 'Other'], [4, 'Aged 15 years'], 3), /line 2, field Sex \(2 categories\): "Other" is not Female or Male/],
  ])('refuses %s, naming file, line and field', async (_what, bad, message) => {
    const f = write('bad.csv', [HEADER, bad].join('\n'));
    await expect(readPopulationBaseline({ census: f, description: 'd' })).rejects.toThrow(message);
    await expect(readPopulationBaseline({ census: f, description: 'd' })).rejects.toThrow(f);
  });

  it('refuses a table without ages, and local counts with an unknown dimension', async () => {
    const noAge = write('no-age.csv', '"Sex (2 categories) Code","Sex (2 categories)","Observation"\n1,"Female",10\n');
    await expect(readPopulationBaseline({ census: noAge, description: 'd' })).rejects.toThrow(/no-age\.csv, header: no age column/);
    const local = write('local.csv', 'Dimension,Category,Observation\nSEN,EHC plan,5\nReligion,None,3\n');
    await expect(readPopulationBaseline({ census: CENSUS_FILE, local, description: 'd' })).rejects.toThrow(/local\.csv, line 3, field Dimension: "Religion"/);
  });

  it('knows the ONS age labels', () => {
    expect(['Aged under 1 year', 'Aged 1 year', 'Aged 12 years', 'Aged 10 to 14 years', 'Aged 4 years and under', 'Aged 85 years and over'].map(ageRange))
      .toEqual([[0, 0], [1, 1], [12, 12], [10, 14], [0, 4], [85, Infinity]]);
  });
});
