/**
 * The published history: each partner pack's tables and statistical statements, exactly as
 * published, kept as one JSON record per quarter in a folder beside the packs. A later pack
 * re-prints what an earlier one printed for the quarters they share (a "c" stays "c", a number
 * stays that number), and its suppression is planned against everything published before.
 * Changing a printed figure is the lead's explicit choice (`revise`), logged in the record.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { CountTable, PublishedTable, Published } from './disclosure';
import { publishedValues, SUPPRESSED } from './disclosure';
import type { Statement } from './disclosure/statements';

export interface Revision { key: string; printed: number; now: number }
export interface RevisionRequest { quarters: string[]; reason: string }

export interface PackRecord {
  quarter: string;
  createdAt: string;
  tables: PublishedTable[];
  statements: Statement[];
  revisions: Array<{ reason: string; by: string; changes: Revision[] }>;
}

const FILE = /^partner-(\d{4}-Q[1-4])\.json$/;
const keyQuarter = (key: string): string => key.split('|')[0];

export class HistoryConflictError extends Error {}

/** The records of every other quarter in the folder (none when it does not exist yet). */
export function loadHistory(dir: string, quarter: string): PackRecord[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((f) => FILE.test(f) && FILE.exec(f)![1] !== quarter).sort()
    .map((f) => {
      const file = path.join(dir, f);
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8')) as PackRecord;
      } catch (e) {
        throw new Error(`published history: ${file} is not a readable record (${(e as Error).message})`);
      }
    });
}

export function saveRecord(dir: string, record: PackRecord): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `partner-${record.quarter}.json`);
  fs.writeFileSync(file, `${JSON.stringify(record)}\n`);
  return file;
}

/**
 * Puts back what earlier packs printed into this pack's count tables (cells only: totals follow)
 * and returns the earlier published tables for the suppression to plan against. A printed total
 * that no longer adds up means the records behind an earlier quarter changed: the pack stops,
 * naming the quantity, unless the lead revises that quarter (the changes are returned for the log).
 */
export function applyHistory(tables: CountTable[], earlier: PackRecord[], revise?: RevisionRequest): { earlier: PublishedTable[]; revisions: Revision[] } {
  const published = earlier.flatMap((r) => r.tables);
  const printed = publishedValues(published, true);
  const revised = (key: string): boolean => !!revise?.quarters.includes(keyQuarter(key));
  const revisions: Revision[] = [];
  const check = (key: string, now: number): void => {
    const v: Published | undefined = printed.get(key);
    if (v === undefined || v === SUPPRESSED || v === now) return;
    if (!revised(key)) {
      throw new HistoryConflictError(`published history: "${key}" was printed as ${v} in an earlier pack and counts ${now} now; `
        + `revise quarter ${keyQuarter(key)} (with a reason) to print the new figure`);
    }
    revisions.push({ key, printed: v, now });
  };
  for (const t of tables) {
    t.cells.forEach((row, r) => row.forEach((value, c) => {
      const key = t.cellKeys![r][c]!;
      const v = printed.get(key);
      if (typeof v === 'number' && !revised(key)) row[c] = v;
      else check(key, value);
    }));
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    t.rows.forEach((_, r) => t.showRowTotals && check(t.rowTotalKeys![r]!, sum(t.cells[r])));
    t.cols.forEach((_, c) => t.showColTotals && check(t.colTotalKeys![c]!, sum(t.cells.map((row) => row[c]))));
    if (t.showGrandTotal) check(t.grandTotalKey!, sum(t.cells.flat()));
  }
  return { earlier: published, revisions };
}
