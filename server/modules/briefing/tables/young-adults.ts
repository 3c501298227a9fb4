/** Transitional safeguarding: young adults 18–25 known in the quarter, by age band. */
import type { BriefingData } from '../gather';
import { BuiltTable, countTable } from './table';
import type { YoungAdultCounts } from '../../analytics';

/** The table's columns and the counts they print, in order. */
export const YOUNG_ADULT_COLUMNS: Array<[string, keyof Omit<YoungAdultCounts, 'band'>]> = [
  ['Young adults', 'youngAdults'],
  ['Known as a child at risk', 'knownAsChildAtRisk'],
  ['Referred to the Adults at Risk Panel', 'referredToAdultsAtRiskPanel'],
  ['Known as a child at risk, not referred', 'knownAsChildAtRiskNotReferred'],
  ['Now also persons of concern', 'personsOfConcern'],
  ['Harmed as a victim this quarter', 'harmedAsVictim'],
];

const BAND_LABEL: Record<string, string> = { '18-20': 'Aged 18–20', '21-25': 'Aged 21–25' };

export function youngAdults(d: BriefingData): BuiltTable {
  return {
    table: countTable({
      id: 'young-adults', title: 'Young adults (18–25): transitional safeguarding', unit: 'young adults', rowHeader: 'Age on the quarter\'s last day',
      rows: d.youngAdults.byBand.map((b) => BAND_LABEL[b.band] ?? b.band),
      cols: YOUNG_ADULT_COLUMNS.map(([header]) => header),
      cells: d.youngAdults.byBand.map((b) => YOUNG_ADULT_COLUMNS.map(([, k]) => b[k])),
      showColTotals: true,
    }),
    note: 'A young adult is counted once in each column that applies, so the columns do not add up across. '
      + '"Known as a child at risk" is a safeguarding consideration for the young adult, never a mark against them.',
  };
}
