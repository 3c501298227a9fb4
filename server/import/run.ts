/**
 * An import: CSV files (or a folder of them) → mapping → checks → diff with the database →
 * (with apply) one atomic load through the shared loader, then the access log: 'collection' for
 * new records, 'alteration' for changed ones. Dry run by default: nothing is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { load } from '../db/loader';
import type { LoadUnit } from '../model/types';
import { appendAccessLog, systemActor } from '../security/access-log';
import { Mapping, templateMapping } from './mapping';
import { TEMPLATES } from './templates';
import { openCsv, Encoding } from './csv';
import { convertRow, headerIssues, ImportIssue, ParsedRecord } from './convert';
import { checkRows, checkReferences, CheckedNode, CheckedRel } from './check';
import { diff, Change } from './diff';
import { languageWarnings, LanguageWarning } from './language';
import { runResolution } from '../resolution/resolve';

export interface ImportOptions {
  database?: string;
  /** Mappings tried first (in order) before the template mappings. */
  mappings?: Mapping[];
  apply?: boolean;
  now?: Date;
  /** Why the data is loaded (kept in the access log). */
  justification?: string;
  /** Name of the system actor in the access log. */
  actor?: string;
  batchSize?: number;
  /** After applying: compare the new people with everyone and propose likely duplicates. */
  resolve?: boolean;
  onProgress?: (phase: 'read' | 'write', done: number, total: number) => void;
}

export interface FileReport { file: string; encoding?: Encoding; mapping?: string; rows: number }

export interface ImportReport {
  applied: boolean;
  files: FileReport[];
  /** CSV data rows read. */
  read: number;
  /** Records (nodes and relationships) new / changed / identical to what is stored. */
  created: number;
  updated: number;
  unchanged: number;
  /** Rows with at least one problem. */
  rejected: number;
  issues: ImportIssue[];
  changes: Change[];
  /** Free text the language guide asks to avoid (warnings: the rows still load). */
  warnings: LanguageWarning[];
  /** With `resolve`: new people compared and possible duplicates proposed. */
  resolution?: { compared: number; proposed: number };
  /** Seconds per phase: read (CSV + mapping), check (rules), references, diff, write, log. */
  timings: Record<string, number>;
}

export const TEMPLATE_MAPPINGS: Mapping[] = TEMPLATES.map(templateMapping);

/** The CSV files of a path: the file itself, or a folder's *.csv in name order. */
export function csvFiles(target: string): string[] {
  const st = fs.statSync(target);
  if (!st.isDirectory()) return [target];
  return fs.readdirSync(target).filter((f) => f.toLowerCase().endsWith('.csv')).sort().map((f) => path.join(target, f));
}

/** The first mapping whose `matches` fits the file name; a single user mapping without `matches` fits every file. */
export function chooseMapping(file: string, user: Mapping[]): Mapping | undefined {
  const base = path.basename(file);
  if (user.length === 1 && !user[0].matches) return user[0];
  return [...user, ...TEMPLATE_MAPPINGS].find((m) => m.matches && new RegExp(m.matches).test(base));
}

async function readFile(file: string, m: Mapping, records: ParsedRecord[], issues: ImportIssue[], onBytes: (b: number) => void): Promise<FileReport> {
  const name = path.basename(file);
  let rows = 0;
  let encoding: Encoding | undefined;
  try {
    const csv = await openCsv(file, onBytes);
    encoding = csv.encoding;
    issues.push(...headerIssues(name, csv.header, m));
    for await (const r of csv.rows) {
      rows = r.row;
      const out = convertRow(name, r.row, r.values, m);
      for (const rec of out.records) records.push(rec);
      for (const i of out.issues) issues.push(i);
    }
  } catch (e) {
    const err = e as Error & { lines?: number };
    issues.push({ file: name, row: rows + 1, column: '(file)', reason: `cannot read the CSV${err.lines ? ` near line ${err.lines}` : ''}: ${err.message}` });
  }
  return { file: name, encoding, mapping: m.name, rows };
}

function toUnits(nodes: CheckedNode[], rels: CheckedRel[]): LoadUnit[] {
  const units = new Map<string, LoadUnit>();
  const unit = (key: string, make: () => LoadUnit): LoadUnit => units.get(key) ?? units.set(key, make()).get(key)!;
  for (const n of nodes) unit(`n:${n.rec.type}:${n.rec.file}`, () => ({ kind: 'node', label: n.rec.type, rows: [], origin: n.rec.file })).rows.push(n.rec.data as never);
  for (const r of rels) unit(`r:${r.type}:${r.rec.file}`, () => ({ kind: 'rel', type: r.type, rows: [], origin: r.rec.file })).rows.push(r.rec.data as never);
  return [...units.values()];
}

export async function runImport(driver: Driver, target: string | string[], opts: ImportOptions = {}): Promise<ImportReport> {
  const database = opts.database ?? 'neo4j';
  const now = opts.now ?? new Date();
  const files = (Array.isArray(target) ? target : [target]).flatMap(csvFiles);
  const totalBytes = files.reduce((s, f) => s + fs.statSync(f).size, 0);
  const records: ParsedRecord[] = [];
  const issues: ImportIssue[] = [];
  const reports: FileReport[] = [];
  let doneBytes = 0;
  const timings: Record<string, number> = {};
  let mark = Date.now();
  const lap = (phase: string) => { const t = Date.now(); timings[phase] = (t - mark) / 1000; mark = t; };
  for (const file of files) {
    const m = chooseMapping(file, opts.mappings ?? []);
    if (!m) {
      issues.push({ file: path.basename(file), row: 0, column: '(file)', reason: 'no mapping matches this file name: name it after a template (people.csv, incidents.csv…) or pass --mapping' });
      reports.push({ file: path.basename(file), rows: 0 });
      continue;
    }
    const before = doneBytes;
    reports.push(await readFile(file, m, records, issues, (b) => opts.onProgress?.('read', before + b, totalBytes)));
    doneBytes += fs.statSync(file).size;
  }
  lap('read');
  const checked = checkRows(records, now);
  issues.push(...checked.issues);
  lap('check');
  issues.push(...await checkReferences(driver, database, checked));
  lap('references');
  const d = await diff(driver, database, checked.nodes, checked.rels);
  issues.push(...d.issues);
  lap('diff');
  issues.sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row);
  const report: ImportReport = {
    applied: false, files: reports, read: reports.reduce((s, f) => s + f.rows, 0),
    created: d.created.length, updated: d.updated.length, unchanged: d.unchanged,
    rejected: new Set(issues.map((i) => `${i.file}#${i.row}`)).size, issues, changes: d.updated, timings,
    warnings: languageWarnings(records),
  };
  if (!opts.apply || issues.length > 0 || d.created.length + d.updated.length === 0) return report;

  await load(driver, toUnits(checked.nodes, checked.rels), {
    database, now, batchSize: opts.batchSize, onProgress: (done, total) => opts.onProgress?.('write', done, total),
  });
  report.applied = true;
  lap('write');
  const actor = systemActor(opts.actor ?? 'import', driver, database);
  const justification = opts.justification ?? `import of ${reports.map((f) => f.file).join(', ')}`;
  const fileNames = reports.map((f) => f.file);
  if (d.created.length) {
    await appendAccessLog(actor, { operation: 'collection', justification, ids: d.created, detail: { files: fileNames, created: d.created.length } });
  }
  if (d.updated.length) {
    await appendAccessLog(actor, {
      operation: 'alteration', justification, ids: d.updated.map((c) => c.id),
      detail: { files: fileNames, changes: d.updated.map((c) => ({ id: c.id, type: c.type, fields: c.fields })) },
    });
  }
  lap('log');
  const created = new Set(d.created);
  const newPeople = opts.resolve ? checked.nodes.filter((n) => n.rec.type === 'Person' && created.has(n.id)).map((n) => n.id) : [];
  if (newPeople.length) {
    const r = await runResolution(actor, { focusIds: newPeople, now });
    report.resolution = { compared: r.compared, proposed: r.proposed.length };
    lap('resolution');
  }
  return report;
}
