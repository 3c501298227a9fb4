/**
 * Every published quantity gets a key that names it across tables and across packs:
 * `<quarter>|<table>|<row>|<column>` by default, where the quarter is the row's or column's own
 * label when that is a quarter (the trend table's rows, the disruption table's columns), so the
 * next pack's copy of an earlier quarter is the same quantity. Quantities that mean the same in
 * two tables are declared once, below, and get one key `<quarter>|<measure>[|<row label>]`: the
 * suppression hides them alike and the attacker combines them.
 */
import type { CountTable } from './disclosure';

/** An entry of a table: a cell (row and col), a row's total, a column's total or the grand total. "*" matches every row. */
export interface EntryRef { table: string; row?: string; col?: string; total?: 'row' | 'col' | 'grand' }
export interface Link { measure: string; entries: EntryRef[] }

const TREND = (col: string): EntryRef => ({ table: 'trend', row: '*', col });
/** A row of the strategy-measures table (its columns are quarters). */
const SM = (row: string): EntryRef => ({ table: 'strategy-measures', row, col: '*' });
/** A column, or the row totals, of a table whose rows are quarters. */
const BYQ = (table: string, col?: string): EntryRef => (col ? { table, row: '*', col } : { table, row: '*', total: 'row' });

export const LINKS: Link[] = [
  { measure: 'children-at-risk', entries: [TREND('Children at risk'), { table: 'children-at-risk', total: 'grand' }, { table: 'new-and-continuing', col: 'Children', total: 'col' },
    BYQ('support-offers', 'Children at risk'), SM('Children at risk')] },
  { measure: 'at-risk-with-support-offer', entries: [BYQ('support-offers', 'With a support offer'), SM('Children at risk with a support offer in the year')] },
  { measure: 'support-offered', entries: [BYQ('support-take-up'), SM('Children offered support')] },
  { measure: 'support-accepted', entries: [BYQ('support-take-up', 'Accepted'), SM('Children who accepted support')] },
  { measure: 'ceam-compared', entries: [BYQ('ceam-change'), SM('Children assessed before and after support')] },
  { measure: 'ceam-lower', entries: [BYQ('ceam-change', 'Lower score'), SM('… of them with a lower CEAM score')] },
  { measure: 'ceam-assessments', entries: [BYQ('ceam-assessments', 'Assessments'), SM('CEAM assessments')] },
  { measure: 'ceam-reviewed-twice', entries: [BYQ('ceam-assessments', 'Children assessed twice or more'), SM('Children assessed twice or more')] },
  { measure: 'children-excluded', entries: [BYQ('exclusions-sen'), BYQ('exclusions-after', 'Children excluded'), SM('Children excluded from school')] },
  { measure: 'excluded-ehcp', entries: [BYQ('exclusions-sen', 'EHC plan'), SM('… of them with an EHC plan')] },
  { measure: 'excluded-then-at-risk', entries: [BYQ('exclusions-after', 'At risk or missing after'), SM('… of them at risk or missing within 90 days')] },
  { measure: 'missing-cl-or-cce', entries: [BYQ('missing-concern', 'County-lines or CCE concern'), SM('Children missing with a county-lines or CCE concern')] },
  { measure: 'missing-episodes', entries: [TREND('Missing episodes'), { table: 'missing', row: 'Missing episodes', col: 'Count' }] },
  { measure: 'children-missing', entries: [TREND('Children missing'), { table: 'missing', row: 'Children missing', col: 'Count' }, BYQ('missing-concern', 'Children missing')] },
  { measure: 'repeat-missing', entries: [TREND('Children missing 2+ times'), { table: 'missing', row: 'Children missing 2+ times', col: 'Count' }] },
  { measure: 'exclusions', entries: [TREND('Exclusions'), { table: 'critical-moments', row: 'Exclusion from school', total: 'row' }] },
  { measure: 'referrals', entries: [TREND('Referrals')] },
  { measure: 'panel-referrals', entries: [TREND('Panel / MACE referrals')] },
  { measure: 'disruption-actions', entries: [TREND('Disruption actions'), { table: 'disruption', col: '*', total: 'col' }, { table: 'disruption-outcomes', col: '*', total: 'col' }] },
  { measure: 'lines-disrupted', entries: [BYQ('county-line-status', 'Disrupted in the quarter'), SM('County lines disrupted in the quarter')] },
  { measure: 'lines-closed', entries: [BYQ('county-line-status', 'Closed in the quarter'), SM('County lines closed in the quarter')] },
  { measure: 'place-actions', entries: [{ table: 'place-tactics', col: '*', total: 'col' }, SM('Disruption actions about places')] },
  { measure: 'returns', entries: [{ table: 'return-interviews', col: 'Returns', total: 'col' }, { table: 'critical-moments', row: 'Return from missing', total: 'row' }] },
  { measure: 'cohort-10-17', entries: ['ageBand', 'sex', 'ethnicity', 'sen', 'careStatus', 'faith', 'immigrationStatus', 'firstLanguage']
    .map((d) => ({ table: `demographics-${d}`, col: 'Children at risk', total: 'col' as const })) },
  { measure: 'network-size', entries: [{ table: 'networks-sex', row: '*', total: 'row' }, { table: 'networks-age', row: '*', total: 'row' }] },
];

const QUARTER = /^\d{4}-Q[1-4]$/;
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

interface Located { table: CountTable; set: (key: string) => void; value: number; quarter: string; labels: string[] }

/** Every entry of the table matching ref, with its true value, quarter and non-quarter labels. */
function locate(t: CountTable, ref: EntryRef, packQuarter: string): Located[] {
  const rows = ref.row === undefined ? [undefined] : ref.row === '*' ? t.rows.map((_, r) => r) : [t.rows.indexOf(ref.row)];
  const cols = ref.col === undefined ? [undefined] : ref.col === '*' ? t.cols.map((_, c) => c) : [t.cols.indexOf(ref.col)];
  const out: Located[] = [];
  for (const r of rows) for (const c of cols) {
    if (r === -1 || c === -1) continue;
    const labels = [r === undefined ? undefined : t.rows[r], c === undefined ? undefined : t.cols[c]].filter((l): l is string => l !== undefined);
    const quarter = labels.find((l) => QUARTER.test(l)) ?? packQuarter;
    const wild = [ref.row === '*' ? t.rows[r!] : undefined, ref.col === '*' ? t.cols[c!] : undefined].filter((l): l is string => !!l && !QUARTER.test(l));
    const entry = located(t, ref, r, c);
    if (entry) out.push({ table: t, ...entry, quarter, labels: wild });
  }
  return out;
}

function located(t: CountTable, ref: EntryRef, r: number | undefined, c: number | undefined): { set: (k: string) => void; value: number } | undefined {
  if (ref.total === 'grand') return { value: sum(t.cells.flat()), set: (k) => { t.grandTotalKey = k; } };
  if (ref.total === 'row' && r !== undefined) {
    return { value: sum(t.cells[r]), set: (k) => { t.rowTotalKeys = t.rowTotalKeys ?? t.rows.map(() => undefined); t.rowTotalKeys[r] = k; } };
  }
  if (ref.total === 'col' && c !== undefined) {
    return { value: sum(t.cells.map((row) => row[c])), set: (k) => { t.colTotalKeys = t.colTotalKeys ?? t.cols.map(() => undefined); t.colTotalKeys[c] = k; } };
  }
  if (r !== undefined && c !== undefined) {
    return { value: t.cells[r][c], set: (k) => { t.cellKeys = t.cellKeys ?? t.rows.map(() => t.cols.map(() => undefined)); t.cellKeys[r][c] = k; } };
  }
  return undefined;
}

/** Default key of every entry: quarter, table, row and column labels (a quarter label factored out). */
function defaultKeys(t: CountTable, packQuarter: string): void {
  const key = (row: string, col: string): string => {
    const quarter = [row, col].find((l) => QUARTER.test(l)) ?? packQuarter;
    return [quarter, t.id, QUARTER.test(row) ? '' : row, QUARTER.test(col) ? '' : col].join('|');
  };
  // Two rows with one label (two places of the same name) are told apart by position.
  const rows = t.rows.map((row, r) => (t.rows.indexOf(row) !== t.rows.lastIndexOf(row) ? `${row}#${r + 1}` : row));
  t.cellKeys = rows.map((row, r) => t.cols.map((col, c) => t.cellKeys?.[r]?.[c] ?? key(row, col)));
  t.rowTotalKeys = rows.map((row, r) => t.rowTotalKeys?.[r] ?? key(row, 'total'));
  t.colTotalKeys = t.cols.map((col, c) => t.colTotalKeys?.[c] ?? key('total', col));
  t.grandTotalKey = t.grandTotalKey ?? key('total', 'total');
}

/**
 * Gives every entry of the pack's tables its key. A link's first entry always carries the measure's
 * key (so every pack names it alike); another entry joins it only when their values agree (when
 * the two tables count slightly different things this quarter, they stay two quantities).
 */
export function assignKeys(tables: CountTable[], packQuarter: string, links: Link[] = LINKS): void {
  for (const link of links) {
    const groups = new Map<string, Located[]>();
    for (const ref of link.entries) {
      const t = tables.find((x) => x.id === ref.table);
      if (!t) continue;
      for (const l of locate(t, ref, packQuarter)) {
        const key = [l.quarter, link.measure, ...l.labels].join('|');
        groups.set(key, [...(groups.get(key) ?? []), l]);
      }
    }
    for (const [key, [anchor, ...others]] of groups) {
      anchor.set(key);
      others.filter((e) => e.value === anchor.value).forEach((e) => e.set(key));
    }
  }
  tables.forEach((t) => defaultKeys(t, packQuarter));
}
