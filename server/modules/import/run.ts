/**
 * An import: CSV files (or a folder of them), streamed, never held whole in memory.
 *  - The checking pass (always): each file is parsed row by row → mapping → the model's rules
 *    (each row validated once) → duplicate ids and references → compared with the database in
 *    batches while reading goes on (stream.ts). Only ids, issues and changes are kept.
 *  - Writing (with apply, only when the checking found no issue and something changes):
 *    - big imports (ONE_PASS_MIN_BYTES) are written while they are checked, batch after batch,
 *      through the staged writer; the first issue stops writing and what was written is undone;
 *    - smaller ones are read again after checking: up to SINGLE_LOAD_MAX new or changed records
 *      in one transaction, more through a second checking pass that writes (the files must not
 *      have changed in between);
 *    then the access log: 'collection' for new records, 'alteration' for changed ones.
 * Dry run by default: nothing is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { load } from '../../platform/bulk/loader';
import { openStagedWriter, StagedWriter } from '../../platform/bulk/staged-load';
import type { LoadUnit, NodeRow, RelRow } from '../../model/types';
import { appendAccessLog, systemActor } from '../accesslog/access-log';
import { Mapping, templateMapping } from './mapping';
import { TEMPLATES } from './templates';
import { openCsv, Encoding } from './csv';
import { convertRow, headerIssues, ImportIssue, ParsedRecord } from './convert';
import type { Change } from './diff';
import type { LanguageWarning } from './language';
import { CheckPass } from './stream';
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
  /** Write batches in flight at once in a streamed write (the staged writer's default when absent). */
  concurrency?: number;
  /** Imports writing more records than this stream to the staged writer (default SINGLE_LOAD_MAX). */
  singleLoadMaxRows?: number;
  /** With apply, files of at least this many bytes in all are checked and written in one reading (default ONE_PASS_MIN_BYTES). */
  onePassMinBytes?: number;
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
  /** Checked and written in one reading, stopped by an issue: records written meanwhile and undone. */
  undone?: number;
  /** With `resolve`: new people compared and possible duplicates proposed. */
  resolution?: { compared: number; proposed: number };
  /**
   * Seconds. Pass 1 (check) is one stream, so its parts overlap: read (CSV parsing and mapping,
   * Node), check (the rules, Node), references and diff (database queries, summed), wait (reading
   * stopped for the database), check pass (its wall time). Then write (pass 2), log, resolution.
   */
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

/** Which records a mapping makes: node files are read first, then event files with links, then relationship files. */
function fileOrder(m: Mapping): number {
  if ('relationship' in m.record || 'relationshipColumn' in m.record) return 2;
  return m.links.length ? 1 : 0;
}

interface Planned {
  file: string; name: string; mapping?: Mapping; order: number; size: number;
  /** SHA-256 of the file as the checking pass read it: the writing pass must read the same bytes. */
  digest?: string;
}

/**
 * Streams one file's records to onRecord (the rows' issues to onIssue). Returns the rows read and
 * the encoding; a CSV that cannot be parsed is one issue naming the file.
 */
async function streamFile(
  p: Planned, onRecord: (rec: ParsedRecord) => void, onIssue: (i: ImportIssue) => void,
  opts: { busy?: () => boolean; wait?: () => Promise<void>; onBytes?: (b: number) => void; timer?: { read: number } },
): Promise<FileReport & { digest?: string }> {
  const m = p.mapping!;
  let rows = 0;
  let encoding: Encoding | undefined;
  let digest: string | undefined;
  // Only the CSV itself (unreadable, malformed) becomes an issue; the callbacks' and the database's errors propagate.
  let outside: unknown;
  const call = <T>(fn: () => T): T => { try { return fn(); } catch (e) { outside = e; throw e; } };
  try {
    const csv = await openCsv(p.file, opts.onBytes);
    encoding = csv.encoding;
    for (const i of headerIssues(p.name, csv.header, m)) call(() => onIssue(i));
    let t0 = performance.now();
    for await (const batch of csv.batches) {
      for (const r of batch) {
        rows = r.row;
        const out = convertRow(p.name, r.row, r.values, m);
        if (opts.timer) { const t1 = performance.now(); opts.timer.read += (t1 - t0) / 1000; }
        call(() => { for (const i of out.issues) onIssue(i); for (const rec of out.records) onRecord(rec); });
        if (opts.busy?.()) { try { await opts.wait!(); } catch (e) { outside = e; throw e; } }
        t0 = performance.now();
      }
    }
    digest = csv.digest();
  } catch (e) {
    if (e === outside) throw e;
    const err = e as Error & { lines?: number };
    onIssue({ file: p.name, row: rows + 1, column: '(file)', reason: `cannot read the CSV${err.lines ? ` near line ${err.lines}` : ''}: ${err.message}` });
  }
  return { file: p.name, encoding, mapping: m.name, rows, digest };
}

/**
 * Up to this many records, pass 2 hands the loader the converted rows (validated once, by the
 * loader) for one transaction; bigger imports stream validated rows to the staged writer.
 */
export const SINGLE_LOAD_MAX = 50_000;

/** Rows per write batch of a streamed write (borough: 10k rows a batch wrote ~15% faster than 5k). */
const STREAM_BATCH = 10_000;

type PassOptions = ImportOptions & { database: string; now: Date };

/** The staged writer of a streamed write; its progress counts records written. */
function openImportWriter(driver: Driver, opts: PassOptions, total?: number): StagedWriter {
  return openStagedWriter(driver, {
    database: opts.database, batchSize: opts.batchSize ?? STREAM_BATCH, concurrency: opts.concurrency,
    // In one reading the read progress (bytes) covers writing too: the total is not known yet.
    onProgress: total === undefined ? undefined : (done) => opts.onProgress?.('write', done, total),
  });
}

/** Pass 2: reads the files again and writes the new and changed records (all or nothing). */
async function writePass(driver: Driver, byOrder: Planned[], pass: CheckPass, opts: PassOptions): Promise<void> {
  const total = pass.writeNodeIds.size + pass.writeRelIds.size;
  const max = opts.singleLoadMaxRows ?? SINGLE_LOAD_MAX;
  if (total > max) return checkAndWriteAgain(driver, byOrder, opts, total);
  const planned = byOrder.filter((p) => p.mapping && pass.writeCounts.has(p.name));
  const units = new Map<string, LoadUnit>();
  const keep = (rec: ParsedRecord) => {
    if (!(rec.kind === 'node' ? pass.writeNodeIds : pass.writeRelIds).has(rec.data.id as string)) return;
    const key = `${rec.kind}:${rec.type}:${rec.file}`;
    let u = units.get(key);
    if (!u) {
      u = rec.kind === 'node' ? { kind: 'node', label: rec.type, rows: [], origin: rec.file } : { kind: 'rel', type: rec.type, rows: [], origin: rec.file };
      units.set(key, u);
    }
    (u.rows as Array<NodeRow | RelRow>).push(rec.data);
  };
  const issues: ImportIssue[] = [];
  for (const p of planned) sameFile(p, await streamFile(p, keep, (i) => issues.push(i), {}));
  changedSinceChecked(issues);
  await load(driver, [...units.values()], {
    database: opts.database, now: opts.now, batchSize: opts.batchSize, singleTransactionMaxRows: max,
    onProgress: (done) => opts.onProgress?.('write', done, total),
  });
}

/**
 * Pass 2 when more than SINGLE_LOAD_MAX records change (in files under ONE_PASS_MIN_BYTES): the
 * files are checked again, byte for byte the same, and written as they are read; whatever fails
 * is undone.
 */
async function checkAndWriteAgain(driver: Driver, byOrder: Planned[], opts: PassOptions, total: number): Promise<void> {
  const writer = openImportWriter(driver, opts, total);
  try {
    const again = await checkFiles(driver, byOrder, opts, { writer, keepIds: true, verify: (p, digest) => sameFile(p, { digest }) });
    changedSinceChecked(again.pass.issues);
  } catch (e) {
    await writer.abort(e);
    throw e;
  }
  await writer.finish();
}

/** The writing pass read a file: it must be the file the checking pass checked, byte for byte. */
function sameFile(p: Planned, read: { digest?: string }): void {
  if (read.digest !== p.digest) throw new Error(`${p.name} changed since it was checked; nothing written: run the import again`);
}

function changedSinceChecked(issues: ImportIssue[]): void {
  if (!issues.length) return;
  const i = issues[0];
  throw new Error(`${i.file} changed since it was checked (row ${i.row}, column ${i.column}: ${i.reason}); nothing written`);
}

/** What a checking pass over the planned files found. */
interface Checked { pass: CheckPass; reports: Map<string, FileReport>; seconds: number; read: number }

/**
 * One checking pass over the files (node files first, so relationship ends are known when
 * relationships are read). With a writer, new and changed records are written as they are
 * checked (stream.ts). `verify` sees each file's digest once it has been read.
 */
async function checkFiles(
  driver: Driver, byOrder: Planned[], opts: PassOptions,
  how: { writer?: StagedWriter; keepIds: boolean; onBytes?: (done: number) => void; verify?: (p: Planned, digest?: string) => void },
): Promise<Checked> {
  const pass = new CheckPass(driver, opts.database, opts.now, how.keepIds, how.writer, how.writer ? opts.batchSize : undefined);
  const reports = new Map<string, FileReport>();
  const timer = { read: 0 };
  const t0 = Date.now();
  let doneBytes = 0;
  try {
    for (const p of byOrder) {
      if (!p.mapping) {
        pass.issues.push({ file: p.name, row: 0, column: '(file)', reason: 'no mapping matches this file name: name it after a template (people.csv, incidents.csv…) or pass --mapping' });
        reports.set(p.file, { file: p.name, rows: 0 });
        continue;
      }
      if (p.order === 2) pass.nodesDone();
      const index = pass.file(p.name);
      const before = doneBytes;
      const { digest, ...fileReport } = await streamFile(p, (rec) => pass.add(rec, index), (i) => pass.issues.push(i), {
        busy: () => pass.busy, wait: () => pass.wait(), timer, onBytes: (b) => how.onBytes?.(before + b),
      });
      how.verify?.(p, digest);
      reports.set(p.file, fileReport);
      doneBytes += p.size;
    }
    await pass.finish();
  } catch (e) {
    await pass.halt(); // nothing more is written; the caller undoes what was
    throw e;
  }
  return { pass, reports, seconds: (Date.now() - t0) / 1000, read: timer.read };
}

/** Imports whose files add up to at least this many bytes are checked and written in one reading. */
export const ONE_PASS_MIN_BYTES = 16 * 1024 * 1024;

export async function runImport(driver: Driver, target: string | string[], opts: ImportOptions = {}): Promise<ImportReport> {
  const database = opts.database ?? 'neo4j';
  const now = opts.now ?? new Date();
  const passOpts: PassOptions = { ...opts, database, now };
  const files = (Array.isArray(target) ? target : [target]).flatMap(csvFiles);
  const planned: Planned[] = files.map((file) => {
    const mapping = chooseMapping(file, opts.mappings ?? []);
    return { file, name: path.basename(file), mapping, order: mapping ? fileOrder(mapping) : 0, size: fs.statSync(file).size };
  });
  const totalBytes = planned.reduce((s, p) => s + p.size, 0);
  const byOrder = [...planned].sort((a, b) => a.order - b.order);
  // A big import is written while it is checked: one reading instead of two. Writing stops at the
  // first issue and what was written is undone, so it still applies entirely or not at all.
  const onePass = !!opts.apply && totalBytes >= (opts.onePassMinBytes ?? ONE_PASS_MIN_BYTES);
  const writer = onePass ? openImportWriter(driver, passOpts) : undefined;
  let checked: Checked;
  try {
    checked = await checkFiles(driver, byOrder, passOpts, {
      writer, keepIds: !!opts.apply, onBytes: (done) => opts.onProgress?.('read', done, totalBytes),
      verify: (p, digest) => { p.digest = digest; },
    });
  } catch (e) {
    await writer?.abort(e);
    throw e;
  }
  const { pass } = checked;
  const timings: Record<string, number> = { read: checked.read, ...pass.seconds, checkPass: checked.seconds };
  for (const k of Object.keys(timings)) timings[k] = Math.round(timings[k] * 1000) / 1000;
  let mark = Date.now();
  const lap = (phase: string) => { const t = Date.now(); timings[phase] = (t - mark) / 1000; mark = t; };
  const { issues, diff: d } = pass;
  const fileReports = planned.map((p) => checked.reports.get(p.file)!);
  const report: ImportReport = {
    applied: false, files: fileReports, read: fileReports.reduce((s, f) => s + f.rows, 0),
    created: pass.created, updated: d.updated.length, unchanged: d.unchanged,
    rejected: new Set(issues.map((i) => `${i.file}#${i.row}`)).size, issues, changes: d.updated, timings,
    warnings: pass.warnings,
  };
  const changes = pass.created + d.updated.length;
  if (!opts.apply || issues.length > 0 || changes === 0) {
    if (writer) report.undone = await writer.abort(new Error('the import has issues'));
    return report;
  }
  if (writer) await writer.finish();
  else await writePass(driver, byOrder, pass, passOpts);
  report.applied = true;
  lap('write');
  const actor = systemActor(opts.actor ?? 'import', driver, database);
  const justification = opts.justification ?? `import of ${fileReports.map((f) => f.file).join(', ')}`;
  const fileNames = fileReports.map((f) => f.file);
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
  if (opts.resolve && pass.newPeople.length) {
    const r = await runResolution(actor, { focusIds: pass.newPeople, now });
    report.resolution = { compared: r.compared, proposed: r.proposed.length };
    lap('resolution');
  }
  return report;
}
