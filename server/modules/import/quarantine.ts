/**
 * Quarantine mode (--skip-invalid): the rows with a problem are left out and the rest is written.
 * Round by round the files are checked with the rejected rows left out, until a round finds no
 * new problem: a row that refers to a rejected row (a link to a person whose row was rejected) is
 * rejected in the next round and says which row it follows from. The last, clean round is then
 * written as any import is, all or nothing. Problems that are not a row's (a header column no
 * mapping reads, a file no mapping matches, a malformed CSV) stop the import as before.
 * The rejected rows are written, with their line and reasons, one CSV per source file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ImportIssue } from './convert';
import { openCsv } from './csv';
import { groupIssues } from './issue-groups';
import type { Checked, ImportReport, PassOptions, Planned } from './run';

/** Columns a quarantine CSV adds to the source's columns (an import reading it back ignores them). */
export const QUARANTINE_COLUMNS = ['import_line', 'import_reasons'] as const;

/** More rounds than this means rejections keep cascading: the import stops, nothing written. */
const MAX_ROUNDS = 12;

const rowKey = (i: { file: string; row: number }) => `${i.file}#${i.row}`;
const isRowIssue = (i: ImportIssue) => i.row > 1 && i.column !== '(file)';

interface Io {
  check(opts: PassOptions): Promise<Checked>;
  write(checked: Checked, opts: PassOptions): Promise<ImportReport>;
}

export async function importWithQuarantine(byOrder: Planned[], opts: PassOptions, io: Io): Promise<ImportReport> {
  const skip = new Set<string>();
  const rejected = new Map<string, string>();
  const quarantined: ImportIssue[] = [];
  opts.rules.skipRows = skip;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const checked = await io.check({ ...opts, rejected, apply: opts.apply });
    const issues = checked.pass.issues;
    if (issues.length === 0 || issues.some((i) => !isRowIssue(i))) {
      const report = await io.write(checked, opts);
      return withQuarantine(report, byOrder, quarantined, round, opts.quarantineDir);
    }
    const rows = new Set(issues.map(rowKey));
    for (const key of rows) skip.add(key);
    quarantined.push(...issues);
    for (const [id, where] of checked.pass.nodeIdsOfRows(rows)) rejected.set(id, where);
    for (const [id, where] of checked.pass.rejected) rejected.set(id, where);
  }
  throw new Error(`rejected rows kept leading to further rejections after ${MAX_ROUNDS} rounds; nothing written`);
}

/** The report with every rejected row's issues, and the quarantine files written. */
async function withQuarantine(report: ImportReport, byOrder: Planned[], quarantined: ImportIssue[], rounds: number, dir: string | undefined): Promise<ImportReport> {
  const issues = [...quarantined, ...report.issues].sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row);
  const rows = new Set(quarantined.map(rowKey));
  const files = dir && rows.size && !report.issues.length ? await writeQuarantine(byOrder, quarantined, dir) : [];
  return {
    ...report, issues, issueGroups: groupIssues(issues),
    rejected: new Set(issues.map(rowKey)).size,
    quarantine: { rows: rows.size, files, rounds },
  };
}

const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Writes each source file's rejected rows (its own columns, then line and reasons); returns the files written. */
export async function writeQuarantine(byOrder: Planned[], issues: ImportIssue[], dir: string): Promise<string[]> {
  const reasons = new Map<string, string[]>();
  for (const i of issues) {
    const list = reasons.get(rowKey(i)) ?? reasons.set(rowKey(i), []).get(rowKey(i))!;
    list.push(`${i.column}: ${i.reason}`);
  }
  fs.mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const sources = new Map(byOrder.map((p) => [p.name, p.file]));
  for (const [name, file] of sources) {
    if (![...reasons.keys()].some((k) => k.startsWith(`${name}#`))) continue;
    const out = path.join(dir, `${path.basename(name, path.extname(name))}.quarantine.csv`);
    const csv = await openCsv(file);
    const lines = [[...csv.header, ...QUARANTINE_COLUMNS].map(quote).join(',')];
    for await (const batch of csv.batches) {
      for (const r of batch) {
        const why = reasons.get(`${name}#${r.line}`);
        if (why) lines.push([...csv.header.map((h) => r.values[h] ?? ''), String(r.line), why.join(' | ')].map(quote).join(','));
      }
    }
    fs.writeFileSync(out, `${lines.join('\r\n')}\r\n`);
    written.push(out);
  }
  return written;
}
