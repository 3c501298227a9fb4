/**
 * The borough's population baseline from published tables, as they are downloaded:
 *  - a Census 2021 custom dataset of usual residents by age, sex and ethnic group (20 categories),
 *    in the ONS layout: a column per variable, its "… Code" column beside it, and `Observation`
 *    (e.g. "Age (101 categories)", "Sex (2 categories)", "Ethnic group (20 categories)");
 *  - optionally, local counts the Census does not hold (SEN provision, care status) in three
 *    columns: `Dimension`, `Category`, `Observation`.
 * Only children 10–17 are counted. A problem names the file, the line and the field.
 */
import type { PopulationBaseline } from '../../domain/population';
import { CARE_STATUS, SEN } from '../../model/enums';
import { openCsv, type CsvRow } from './csv';

/** Census 2021 ethnic group (20 categories): the ONS code and label of each group, and the model's code. */
export const CENSUS_ETHNIC_GROUPS: ReadonlyArray<readonly [number, string, string]> = [
  [1, 'Asian, Asian British or Asian Welsh: Bangladeshi', 'ASIAN_BANGLADESHI'],
  [2, 'Asian, Asian British or Asian Welsh: Chinese', 'ASIAN_CHINESE'],
  [3, 'Asian, Asian British or Asian Welsh: Indian', 'ASIAN_INDIAN'],
  [4, 'Asian, Asian British or Asian Welsh: Pakistani', 'ASIAN_PAKISTANI'],
  [5, 'Asian, Asian British or Asian Welsh: Other Asian', 'ASIAN_OTHER'],
  [6, 'Black, Black British, Black Welsh, Caribbean or African: African', 'BLACK_AFRICAN'],
  [7, 'Black, Black British, Black Welsh, Caribbean or African: Caribbean', 'BLACK_CARIBBEAN'],
  [8, 'Black, Black British, Black Welsh, Caribbean or African: Other Black', 'BLACK_OTHER'],
  [9, 'Mixed or Multiple ethnic groups: White and Asian', 'MIXED_WHITE_ASIAN'],
  [10, 'Mixed or Multiple ethnic groups: White and Black African', 'MIXED_WHITE_BLACK_AFRICAN'],
  [11, 'Mixed or Multiple ethnic groups: White and Black Caribbean', 'MIXED_WHITE_BLACK_CARIBBEAN'],
  [12, 'Mixed or Multiple ethnic groups: Other Mixed or Multiple ethnic groups', 'MIXED_OTHER'],
  [13, 'White: English, Welsh, Scottish, Northern Irish or British', 'WHITE_BRITISH'],
  [14, 'White: Irish', 'WHITE_IRISH'],
  [15, 'White: Gypsy or Irish Traveller', 'WHITE_GYPSY_IRISH_TRAVELLER'],
  [16, 'White: Roma', 'WHITE_ROMA'],
  [17, 'White: Other White', 'WHITE_OTHER'],
  [18, 'Other ethnic group: Arab', 'OTHER_ARAB'],
  [19, 'Other ethnic group: Any other ethnic group', 'OTHER_ANY'],
];
/** The Census's "does not apply" category: no resident child falls in it; its rows are skipped. */
const DOES_NOT_APPLY = 'does not apply';
const CENSUS_SEX: Record<string, string> = { female: 'FEMALE', male: 'MALE' };

const norm = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');
const ETHNIC_CODE = new Map(CENSUS_ETHNIC_GROUPS.map(([, label, code]) => [norm(label), code]));

const YOUNGEST = 10;
const OLDEST = 17;
/** The age bands the analytics use, by their first and last year of age. */
const AGE_BANDS: Array<[string, number, number]> = [['10-14', 10, 14], ['15-17', 15, 17]];

export class BaselineFileError extends Error {
  constructor(file: string, where: string, problem: string) {
    super(`${file}${where ? `, ${where}` : ''}: ${problem}`);
    this.name = 'BaselineFileError';
  }
}

/** An age category's first and last year ("Aged 15 years", "Aged 10 to 14 years", "Aged 4 years and under", "Aged 85 years and over"). */
export function ageRange(label: string): [number, number] | undefined {
  const s = norm(label);
  if (/^aged under 1 year$/.test(s)) return [0, 0];
  let m = /^aged (\d+) years? and under$/.exec(s);
  if (m) return [0, Number(m[1])];
  m = /^aged (\d+) years? and over$/.exec(s);
  if (m) return [Number(m[1]), Infinity];
  m = /^aged (\d+) to (\d+) years?$/.exec(s);
  if (m) return [Number(m[1]), Number(m[2])];
  m = /^aged (\d+) years?$/.exec(s);
  if (m) return [Number(m[1]), Number(m[1])];
  return undefined;
}

/** The header of the variable whose name starts with `prefix` (its label column, not its code column). */
function variable(header: string[], prefix: string): string | undefined {
  return header.find((h) => norm(h).startsWith(prefix) && !/ code$/i.test(h.trim()));
}

const add = (m: Record<string, number>, k: string, n: number): void => { m[k] = (m[k] ?? 0) + n; };

function observation(file: string, r: CsvRow): number {
  const raw = (r.values.Observation ?? '').trim();
  if (!/^\d+$/.test(raw)) throw new BaselineFileError(file, `line ${r.line}, field Observation`, `"${raw}" is not a whole number of people`);
  return Number(raw);
}

/** Which age band a category falls in, or undefined when it holds no child 10–17. */
function bandOf(file: string, r: CsvRow, ageField: string): string | undefined {
  const label = r.values[ageField] ?? '';
  const range = ageRange(label);
  if (!range) throw new BaselineFileError(file, `line ${r.line}, field ${ageField}`, `"${label}" is not an age category ("Aged 12 years", "Aged 10 to 14 years")`);
  const [lo, hi] = range;
  if (hi < YOUNGEST || lo > OLDEST) return undefined;
  const band = AGE_BANDS.find(([, from, to]) => lo >= from && hi <= to);
  if (!band) {
    throw new BaselineFileError(file, `line ${r.line}, field ${ageField}`,
      `"${label}" spans more than one of the age bands 10–14, 15–17 (or reaches outside 10–17): download the table by single year of age`);
  }
  return band[0];
}

/** The baseline (children 10–17 by ethnicity, sex and age band) from a Census 2021 table's rows. */
export function censusBaseline(file: string, header: string[], rows: CsvRow[]): Omit<PopulationBaseline, 'description' | 'bySen' | 'byCareStatus'> {
  const age = variable(header, 'age');
  const sex = variable(header, 'sex');
  const ethnic = variable(header, 'ethnic group');
  if (!age) throw new BaselineFileError(file, 'header', 'no age column ("Age (101 categories)" or similar): the table must be by age');
  if (!header.includes('Observation')) throw new BaselineFileError(file, 'header', 'no Observation column');
  const out = { total: 0, byEthnicity: {} as Record<string, number>, bySex: {} as Record<string, number>, byAgeBand: {} as Record<string, number> };
  for (const r of rows) {
    const band = bandOf(file, r, age);
    if (!band) continue;
    const label = ethnic ? norm(r.values[ethnic] ?? '') : '';
    if (label === DOES_NOT_APPLY) continue;
    const n = observation(file, r);
    out.total += n;
    add(out.byAgeBand, band, n);
    if (sex) {
      const code = CENSUS_SEX[norm(r.values[sex] ?? '')];
      if (!code) throw new BaselineFileError(file, `line ${r.line}, field ${sex}`, `"${r.values[sex]}" is not Female or Male`);
      add(out.bySex, code, n);
    }
    if (ethnic) {
      const code = ETHNIC_CODE.get(label);
      if (!code) throw new BaselineFileError(file, `line ${r.line}, field ${ethnic}`, `"${r.values[ethnic]}" is not a Census 2021 ethnic group (20 categories)`);
      add(out.byEthnicity, code, n);
    }
  }
  if (out.total === 0) throw new BaselineFileError(file, '', 'no resident aged 10–17 in the table');
  return out;
}

const LOCAL_DIMENSIONS: Record<string, { key: 'bySen' | 'byCareStatus'; codes: Record<string, string> }> = {
  sen: { key: 'bySen', codes: SEN },
  'care status': { key: 'byCareStatus', codes: CARE_STATUS },
};

/** Local counts of children 10–17 by SEN provision and care status; a category is its code or its label. */
export function localCounts(file: string, header: string[], rows: CsvRow[]): Pick<PopulationBaseline, 'bySen' | 'byCareStatus'> {
  for (const h of ['Dimension', 'Category', 'Observation']) if (!header.includes(h)) throw new BaselineFileError(file, 'header', `no ${h} column (Dimension, Category, Observation)`);
  const out = { bySen: {} as Record<string, number>, byCareStatus: {} as Record<string, number> };
  for (const r of rows) {
    const dim = LOCAL_DIMENSIONS[norm(r.values.Dimension ?? '')];
    if (!dim) throw new BaselineFileError(file, `line ${r.line}, field Dimension`, `"${r.values.Dimension}" is not one of SEN, Care status`);
    const given = (r.values.Category ?? '').trim();
    const code = Object.keys(dim.codes).find((c) => c === given || norm(dim.codes[c]) === norm(given));
    if (!code) throw new BaselineFileError(file, `line ${r.line}, field Category`, `"${given}" is not one of ${Object.keys(dim.codes).join(', ')} (or their labels)`);
    add(out[dim.key], code, observation(file, r));
  }
  return out;
}

async function readAll(file: string): Promise<{ header: string[]; rows: CsvRow[] }> {
  const csv = await openCsv(file);
  const rows: CsvRow[] = [];
  for await (const batch of csv.batches) rows.push(...batch);
  return { header: csv.header, rows };
}

/** The whole baseline from the borough's files; SEN and care status are empty without a local file. */
export async function readPopulationBaseline(o: { census: string; local?: string; description: string }): Promise<PopulationBaseline> {
  const census = await readAll(o.census);
  const fromCensus = censusBaseline(o.census, census.header, census.rows);
  const local = o.local ? await readAll(o.local) : undefined;
  return { description: o.description, ...fromCensus, ...(local ? localCounts(o.local!, local.header, local.rows) : { bySen: {}, byCareStatus: {} }) };
}
