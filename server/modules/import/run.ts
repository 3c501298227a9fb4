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
 *    and the access log: 'collection' for new records, 'alteration' for changed ones, in the
 *    records' own transaction, or ahead of each batch when streamed (import-log.ts).
 * Dry run by default: nothing is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { load } from '../../platform/bulk/loader';
import { openStagedWriter, StagedWriter } from '../../platform/bulk/staged-load';
import type { LoadUnit, NodeRow, RelRow } from '../../model/types';
import { systemActor } from '../accesslog/access-log';
import { undoInterruptedImports } from './recover';
import { AheadLog, logInTransaction, type ImportLogContext } from './import-log';
import { Mapping, templateMapping } from './mapping';
import { TEMPLATES } from './templates';
import { openCsv, Encoding } from './csv';
import { convertRow, headerIssues, ImportIssue, ParsedRecord } from './convert';
import type { Change } from './diff';
import type { LanguageWarning } from './language';
import { CheckPass } from './stream';
import { addDerived, failedCondition } from './row-rules';
import { ProvenanceBook, markUndated, needsBook } from './provenance';
import { groupIssues, IssueGroup } from './issue-groups';
import { importWithQuarantine } from './quarantine';
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
  /**
   * Quarantine mode: rows with a problem (and rows that follow from them) are left out and the
   * valid rows are written, still in one all-or-nothing write (quarantine.ts).
   */
  skipInvalid?: boolean;
  /** With skipInvalid: the folder the rejected rows are written to, one CSV per source file. */
  quarantineDir?: string;
}

export interface FileReport {
  file: string; encoding?: Encoding; mapping?: string; rows: number;
  /** Rows the mapping's `where` left out, and rows skipped for an id the mapping had already read (repeatedIds: skip). */
  filtered?: number;
  repeated?: number;
}

/** Codes a mapping's fallback stood in for: field, the export's code, rows. */
export interface FallbackUse { field: string; code: string; rows: number }

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
  /** The issues grouped by reason, with counts and the first examples. */
  issueGroups: IssueGroup[];
  /** Untranslated codes that a mapping's fallback replaced. */
  fallbacks: FallbackUse[];
  /** Quarantine mode: rows left out with their reasons (each also in `issues`) and the CSVs they were written to. */
  quarantine?: { rows: number; files: string[]; rounds: number };
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

/**
 * The mappings that read a file: a single user mapping without `matches` reads every file; else
 * every user mapping whose `matches` fits (one export may make several kinds of record, e.g.
 * places and the offences at them), else the first template mapping that fits.
 */
export function chooseMappings(file: string, user: Mapping[]): Mapping[] {
  const base = path.basename(file);
  if (user.length === 1 && !user[0].matches) return [user[0]];
  const fits = (m: Mapping) => !!m.matches && new RegExp(m.matches).test(base);
  const mine = user.filter(fits);
  if (mine.length) return mine;
  const template = TEMPLATE_MAPPINGS.find(fits);
  return template ? [template] : [];
}

/** Which records a mapping makes: node files are read first, then event files with links, then relationship files. */
function fileOrder(m: Mapping): number {
  if ('relationship' in m.record || 'relationshipColumn' in m.record) return 2;
  return m.links.length ? 1 : 0;
}

export interface Planned {
  /** File and mapping: one file may be read by several mappings. */
  key: string;
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
  opts: { busy?: () => boolean; wait?: () => Promise<void>; onBytes?: (b: number) => void; timer?: { read: number }; rules: RowRules },
): Promise<FileReport & { digest?: string }> {
  const m = p.mapping!;
  const rules = opts.rules;
  const seenIds = m.repeatedIds === 'skip' ? new Set<string>() : undefined;
  const onFallback = (field: string, code: string) => {
    const key = `${field}\u0000${code}`;
    rules.fallbacks.set(key, (rules.fallbacks.get(key) ?? 0) + 1);
  };
  let filtered = 0;
  let repeated = 0;
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
        const values = addDerived(r.values, m.derive);
        if (failedCondition(values, m.where)) { filtered += 1; continue; }
        if (rules.skipRows?.has(`${p.name}#${r.line}`)) continue;
        const out = convertRow(p.name, r.line, values, m, onFallback);
        const id = out.records[0]?.data.id;
        if (seenIds && typeof id === 'string') {
          if (seenIds.has(id)) { repeated += 1; continue; }
          seenIds.add(id);
        }
        const records = out.records.filter((rec) => {
          if (rules.book) rules.book.keep(rec);
          if (rec.kind !== 'rel') return true;
          markUndated(rec, m, rules.now);
          const issue = m.provenanceFrom && rules.book?.fill(rec, m.provenanceFrom);
          if (issue) out.issues.push(issue);
          return !issue;
        });
        if (opts.timer) { const t1 = performance.now(); opts.timer.read += (t1 - t0) / 1000; }
        call(() => { for (const i of out.issues) onIssue(i); for (const rec of records) onRecord(rec); });
        if (opts.busy?.()) { try { await opts.wait!(); } catch (e) { outside = e; throw e; } }
        t0 = performance.now();
      }
    }
    digest = csv.digest();
  } catch (e) {
    if (e === outside) throw e;
    const err = e as Error & { lines?: number };
    onIssue({ file: p.name, row: err.lines ?? rows + 2, column: '(file)', reason: `cannot read the CSV${err.lines ? ` near line ${err.lines}` : ''}: ${err.message}` });
  }
  return { file: p.name, encoding, mapping: m.name, rows, digest, ...(filtered ? { filtered } : {}), ...(repeated ? { repeated } : {}) };
}

/** What every reading of the files shares: rows left out (quarantine), the provenance book, fallback counts. */
export interface RowRules {
  now: Date;
  /** "file#line" of rows left out (quarantine mode). */
  skipRows?: Set<string>;
  book?: ProvenanceBook;
  /** "field\u0000code" → rows, for the last checking pass. */
  fallbacks: Map<string, number>;
}

/**
 * Up to this many records, pass 2 hands the loader the converted rows (validated once, by the
 * loader) for one transaction; bigger imports stream validated rows to the staged writer. One
 * transaction slows down as it grows (its own uncommitted records are read through its state):
 * 31k records took some ten times as long as the staged writer needs.
 */
export const SINGLE_LOAD_MAX = 10_000;

/** Rows per write batch of a streamed write (borough: 10k rows a batch wrote ~15% faster than 5k). */
const STREAM_BATCH = 10_000;

export type PassOptions = ImportOptions & {
  database: string; now: Date; rules: RowRules;
  /** Who the access log names for this import, why, and its files. */
  log: ImportLogContext;
  /** Node ids of rows rejected in an earlier round (quarantine mode) → where. */
  rejected?: Map<string, string>;
};

/** The staged writer of a streamed write; its progress counts records written. */
function openImportWriter(driver: Driver, opts: PassOptions, total?: number): StagedWriter {
  return openStagedWriter(driver, {
    database: opts.database, batchSize: opts.batchSize ?? STREAM_BATCH, concurrency: opts.concurrency,
    description: `import of ${opts.log.files.join(', ')}`,
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
  for (const p of planned) sameFile(p, await streamFile(p, keep, (i) => issues.push(i), { rules: opts.rules }));
  changedSinceChecked(issues);
  await load(driver, [...units.values()], {
    database: opts.database, now: opts.now, batchSize: opts.batchSize, singleTransactionMaxRows: max,
    onProgress: (done) => opts.onProgress?.('write', done, total),
    inSameTransaction: (tx) => logInTransaction(tx, opts.log, pass.diff.created, pass.diff.updated),
  });
}

/**
 * Pass 2 when more than SINGLE_LOAD_MAX records change (in files under ONE_PASS_MIN_BYTES): the
 * files are checked again, byte for byte the same, and written as they are read; whatever fails
 * is undone.
 */
async function checkAndWriteAgain(driver: Driver, byOrder: Planned[], opts: PassOptions, total: number): Promise<void> {
  const writer = openImportWriter(driver, opts, total);
  const ahead = new AheadLog(opts.log);
  try {
    const again = await checkFiles(driver, byOrder, opts, { writer, beforeWrite: ahead.before, keepIds: true, verify: (p, digest) => sameFile(p, { digest }) });
    changedSinceChecked(again.pass.issues);
  } catch (e) {
    await ahead.abort(writer, e);
    throw e;
  }
  await ahead.finish(writer);
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
export interface Checked { pass: CheckPass; reports: Map<string, FileReport>; seconds: number; read: number }

/**
 * One checking pass over the files (node files first, so relationship ends are known when
 * relationships are read). With a writer, new and changed records are written as they are
 * checked (stream.ts). `verify` sees each file's digest once it has been read.
 */
async function checkFiles(
  driver: Driver, byOrder: Planned[], opts: PassOptions,
  how: {
    writer?: StagedWriter; beforeWrite?: CheckPass['beforeWrite']; keepIds: boolean;
    onBytes?: (done: number) => void; verify?: (p: Planned, digest?: string) => void;
  },
): Promise<Checked> {
  const pass = new CheckPass(driver, opts.database, opts.now, how.keepIds, how.writer, how.writer ? opts.batchSize : undefined);
  pass.beforeWrite = how.beforeWrite;
  for (const [id, where] of opts.rejected ?? []) pass.rejected.set(id, where);
  opts.rules.fallbacks.clear();
  const reports = new Map<string, FileReport>();
  const timer = { read: 0 };
  const t0 = Date.now();
  let doneBytes = 0;
  try {
    for (const p of byOrder) {
      if (!p.mapping) {
        pass.issues.push({ file: p.name, row: 0, column: '(file)', reason: 'no mapping matches this file name: name it after a template (people.csv, incidents.csv…) or pass --mapping' });
        reports.set(p.key, { file: p.name, rows: 0 });
        continue;
      }
      if (p.order === 2) pass.nodesDone();
      const index = pass.file(p.name);
      const before = doneBytes;
      const { digest, ...fileReport } = await streamFile(p, (rec) => pass.add(rec, index), (i) => pass.issues.push(i), {
        busy: () => pass.busy, wait: () => pass.wait(), timer, onBytes: (b) => how.onBytes?.(before + b), rules: opts.rules,
      });
      how.verify?.(p, digest);
      reports.set(p.key, fileReport);
      doneBytes += p.size;
    }
    await pass.finish();
  } catch (e) {
    await pass.halt(); // nothing more is written; the caller undoes what was
    throw e;
  }
  return { pass, reports, seconds: (Date.now() - t0) / 1000, read: timer.read };
}

/**
 * Imports whose files add up to at least this many bytes (some 8,000 template rows) are checked
 * and written in one reading, through the staged writer: reading twice and writing in one
 * transaction made a 30k-row import some fourteen times slower per row than a borough.
 */
export const ONE_PASS_MIN_BYTES = 2 * 1024 * 1024;

/** The files and mappings of an import, in reading order (node files first). */
function planImport(target: string | string[], opts: ImportOptions): Planned[] {
  const files = (Array.isArray(target) ? target : [target]).flatMap(csvFiles);
  const planned: Planned[] = files.flatMap((file) => {
    const base = { file, name: path.basename(file), size: fs.statSync(file).size };
    const mappings = chooseMappings(file, opts.mappings ?? []);
    if (!mappings.length) return [{ ...base, key: file, order: 0 }];
    return mappings.map((mapping) => ({ ...base, key: `${file}\u0000${mapping.name}`, mapping, order: fileOrder(mapping) }));
  });
  return [...planned].sort((a, b) => a.order - b.order);
}

/** What one checking pass found, as a report (nothing written yet). */
function checkedReport(planned: Planned[], checked: Checked, rules: RowRules): ImportReport {
  const { pass } = checked;
  const timings: Record<string, number> = { read: checked.read, ...pass.seconds, checkPass: checked.seconds };
  for (const k of Object.keys(timings)) timings[k] = Math.round(timings[k] * 1000) / 1000;
  const { issues, diff: d } = pass;
  const fileReports = planned.map((p) => checked.reports.get(p.key)!);
  const rowsOf = new Map(fileReports.map((f) => [f.file, f.rows]));
  return {
    applied: false, files: fileReports, read: [...rowsOf.values()].reduce((a, b) => a + b, 0),
    created: pass.created, updated: d.updated.length, unchanged: d.unchanged,
    rejected: new Set(issues.map((i) => `${i.file}#${i.row}`)).size, issues, issueGroups: groupIssues(issues), changes: d.updated, timings,
    warnings: pass.warnings,
    fallbacks: [...rules.fallbacks].map(([key, rows]) => { const [field, code] = key.split('\u0000'); return { field, code, rows }; })
      .sort((a, b) => b.rows - a.rows),
  };
}

export async function runImport(driver: Driver, target: string | string[], opts: ImportOptions = {}): Promise<ImportReport> {
  const database = opts.database ?? 'neo4j';
  const now = opts.now ?? new Date();
  const byOrder = planImport(target, opts);
  const rules: RowRules = { now, fallbacks: new Map(), book: needsBook(byOrder.map((p) => p.mapping)) ? new ProvenanceBook() : undefined };
  const files = [...new Set(byOrder.map((p) => p.name))];
  if (opts.apply) await undoInterruptedImports(driver, database);
  const log: ImportLogContext = {
    actor: systemActor(opts.actor ?? 'import', driver, database), files,
    justification: opts.justification ?? `import of ${files.join(', ')}`,
  };
  const passOpts: PassOptions = { ...opts, database, now, rules, log };
  if (opts.skipInvalid) {
    return importWithQuarantine(byOrder, passOpts, {
      check: (o) => checkOnly(driver, byOrder, o),
      write: (checked, o) => applyChecked(driver, byOrder, checked, o),
    });
  }
  const totalBytes = byOrder.reduce((s, p) => s + p.size, 0);
  // A big import is written while it is checked: one reading instead of two. Writing stops at the
  // first issue and what was written is undone, so it still applies entirely or not at all.
  const onePass = !!opts.apply && totalBytes >= (opts.onePassMinBytes ?? ONE_PASS_MIN_BYTES);
  const streamed = onePass ? { writer: openImportWriter(driver, passOpts), ahead: new AheadLog(log) } : undefined;
  let checked: Checked;
  try {
    checked = await checkFiles(driver, byOrder, passOpts, {
      writer: streamed?.writer, beforeWrite: streamed?.ahead.before, keepIds: !!opts.apply,
      onBytes: (done) => opts.onProgress?.('read', done, totalBytes), verify: (p, digest) => { p.digest = digest; },
    });
  } catch (e) {
    if (streamed) await streamed.ahead.abort(streamed.writer, e);
    throw e;
  }
  return applyChecked(driver, byOrder, checked, passOpts, streamed);
}

/** A checking pass alone (quarantine mode runs one per round). */
async function checkOnly(driver: Driver, byOrder: Planned[], opts: PassOptions): Promise<Checked> {
  const totalBytes = byOrder.reduce((s, p) => s + p.size, 0);
  return checkFiles(driver, byOrder, opts, {
    keepIds: !!opts.apply, onBytes: (done) => opts.onProgress?.('read', done, totalBytes),
    verify: (p, digest) => { p.digest = digest; },
  });
}


/**
 * After a checking pass: writes with its access-log entries (with apply, when nothing is wrong
 * and something changes), resolves. `streamed`: the pass has written already, its entries ahead.
 */
async function applyChecked(
  driver: Driver, byOrder: Planned[], checked: Checked, opts: PassOptions, streamed?: { writer: StagedWriter; ahead: AheadLog },
): Promise<ImportReport> {
  const { now } = opts;
  const { pass } = checked;
  const report = checkedReport(byOrder, checked, opts.rules);
  const timings = report.timings;
  let mark = Date.now();
  const lap = (phase: string) => { const t = Date.now(); timings[phase] = (t - mark) / 1000; mark = t; };
  const { issues, diff: d } = pass;
  const changes = pass.created + d.updated.length;
  if (!opts.apply || issues.length > 0 || changes === 0) {
    if (streamed) report.undone = await streamed.ahead.abort(streamed.writer, new Error('the import has issues'));
    return report;
  }
  if (streamed) await streamed.ahead.finish(streamed.writer);
  else await writePass(driver, byOrder, pass, opts);
  report.applied = true;
  lap('write');
  if (opts.resolve && pass.newPeople.length) {
    const r = await runResolution(opts.log.actor, { focusIds: pass.newPeople, now });
    report.resolution = { compared: r.compared, proposed: r.proposed.length };
    lap('resolution');
  }
  return report;
}
