/**
 * The checking pass of an import, fed one record at a time as the CSV files stream (run.ts):
 * each record is validated once, checked for duplicate ids and for references, and compared with
 * the database in batches while the next rows are read. What it keeps is what the report and the
 * writing pass need, never the rows: the ids of the import with their labels (references,
 * duplicates), the database labels of referenced ids, the issues, the changes, the created ids.
 *
 * References: files are read nodes first (node files, then event files whose link columns make
 * relationships, then relationship files). A relationship end named by a record of the import is
 * checked against that record's labels; an end not (yet) in the import waits until every node
 * of the import has been read, then is looked up in the database in batches.
 *
 * Given a staged writer, the pass also writes as it goes (an import checked and written in one
 * reading): each batch is compared with the database, then its new and changed records are
 * written, in the order the batches were read (nodes before the relationships that need them).
 * Writing stops at the first issue; the caller then undoes what was written (writer.abort).
 * `beforeWrite` sees each batch's new and changed records before the batch is handed to the
 * writer, and a failure there stops writing like any other (the access log is written ahead so).
 * Relationships with an end outside the import wait until the database has confirmed every end.
 */
import type { Driver } from 'neo4j-driver';
import type { NodeBatchRow, RelBatchRow } from '../../platform/bulk/loader';
import type { StagedWriter } from '../../platform/bulk/staged-load';
import type { ImportIssue, ParsedRecord } from './convert';
import { checkRecord, duplicateIssue, endpointIssue, CheckedNode, CheckedRel } from './check';
import { lookupLabels, LOOKUP_BATCH } from '../../platform/bulk/load-queries';
import { diffNodes, diffRels, Diff, DIFF_BATCH, type Change } from './diff';
import { recordLanguageWarnings, LanguageCache, LanguageWarning } from './language';

interface NodeInfo { labels: readonly string[]; file: number; row: number }
interface Ref { type: string; file: string; row: number; column: string; end: 'from' | 'to'; id: string }

/**
 * A copy of an id that does not keep the parser's read chunk alive (a slice of a long string
 * points into it): ids are kept for the whole import, chunks must not be.
 */
const own = (id: string): string => (id.length < 13 ? id : (' ' + id).slice(1));

/** Database requests allowed in flight while reading goes on. */
const IN_FLIGHT = 2;

export class CheckPass {
  readonly issues: ImportIssue[] = [];
  readonly warnings: LanguageWarning[] = [];
  /** What would change (its issues go to `issues`). */
  readonly diff: Diff;
  /** Ids of the nodes / relationships that are new or changed: what the writing pass writes. */
  readonly writeNodeIds = new Set<string>();
  readonly writeRelIds = new Set<string>();
  /** Per file name: how many of its records are new or changed (files with none are not read again). */
  readonly writeCounts = new Map<string, number>();
  /** New people (for entity resolution after applying). */
  readonly newPeople: string[] = [];
  /**
   * Seconds: check = validation and rules (Node); references / diff = database queries (summed,
   * they overlap with reading); wait = reading stopped for the database.
   */
  readonly seconds = { check: 0, references: 0, diff: 0, wait: 0 };

  private readonly fileNames: string[] = [];
  private readonly nodes = new Map<string, NodeInfo>();
  /** Relationship id → file index × 2^32 + row (where it was first seen). */
  private readonly relSeen = new Map<string, number>();
  private readonly labelSets = new Map<string, readonly string[]>();
  /** Database labels of referenced ids not in the import (null: not in the database). */
  private readonly dbLabels = new Map<string, readonly string[] | null>();
  private pending: Ref[] = [];
  private lookups = new Map<string, Ref[]>();
  private nodeBatch: CheckedNode[] = [];
  private readonly relBatches = new Map<string, CheckedRel[]>();
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;
  private nodesComplete = false;
  private readonly languageCache: LanguageCache = new Map();
  /** With a writer: batches write in the order they were read, each after its comparison. */
  private writes: Promise<void> = Promise.resolve();
  /** With a writer: relationships with an end outside the import (written once every end is confirmed). */
  private external: CheckedRel[] = [];
  private halted = false;

  /** New records (diff.created holds their ids only when keepIds). */
  created = 0;
  /** With a writer: awaited before each batch's new and changed records are handed to it. */
  beforeWrite?: (created: string[], updated: Change[]) => Promise<void>;
  /** Ids of node records rejected (in this pass or an earlier round) → where: a reference to one says so. */
  readonly rejected = new Map<string, string>();

  /** keepIds: keep what a write needs (created ids, the ids to write); a dry run only counts. */
  constructor(
    private readonly driver: Driver, private readonly database: string, private readonly now: Date,
    private readonly keepIds = true, private readonly writer?: StagedWriter,
    /** Records compared with the database at a time (and written at a time, with a writer). */
    private readonly batchSize = DIFF_BATCH,
  ) {
    this.diff = { created: [], updated: [], unchanged: 0, issues: this.issues };
  }

  /** Registers a file; returns its index for add(). */
  file(name: string): number {
    this.fileNames.push(name);
    return this.fileNames.length - 1;
  }

  /** Checks one record. Call wait() when busy is true. */
  add(rec: ParsedRecord, file: number): void {
    const t0 = performance.now();
    recordLanguageWarnings(rec, this.languageCache, this.warnings);
    const c = checkRecord(rec, this.now);
    if (c.issue) {
      this.issues.push(c.issue);
      if (rec.kind === 'node' && typeof rec.data.id === 'string') this.rejected.set(own(rec.data.id), `${rec.file} line ${rec.row}`);
    }
    else if (c.node) this.addNode(c.node, file);
    else if (c.rel) this.addRel(c.rel, file);
    this.seconds.check += (performance.now() - t0) / 1000;
  }

  private addNode(n: CheckedNode, file: number): void {
    n.id = own(n.id);
    const prior = this.nodes.get(n.id);
    if (prior) { this.issues.push(duplicateIssue(n.rec, n.id, this.fileNames[prior.file], prior.row)); return; }
    const key = n.labels.join(':');
    let labels = this.labelSets.get(key);
    if (!labels) { labels = n.labels; this.labelSets.set(key, labels); }
    this.nodes.set(n.id, { labels, file, row: n.rec.row });
    this.nodeBatch.push(n);
    if (this.nodeBatch.length >= this.batchSize) this.flushNodes();
  }

  private addRel(r: CheckedRel, file: number): void {
    r.id = own(r.id);
    const prior = this.relSeen.get(r.id);
    if (prior !== undefined) {
      this.issues.push(duplicateIssue(r.rec, r.id, this.fileNames[Math.floor(prior / 2 ** 32)], prior % 2 ** 32));
      return;
    }
    this.relSeen.set(r.id, file * 2 ** 32 + r.rec.row);
    for (const end of ['from', 'to'] as const) {
      this.reference({ type: r.type, file: r.rec.file, row: r.rec.row, column: r.rec.columnOf[end] ?? end, end, id: r[end] });
    }
    if (this.writer && !(this.nodes.has(r.from) && this.nodes.has(r.to))) { this.external.push(r); return; }
    this.batchRel(r);
  }

  private batchRel(r: CheckedRel): void {
    let batch = this.relBatches.get(r.type);
    if (!batch) { batch = []; this.relBatches.set(r.type, batch); }
    batch.push(r);
    if (batch.length >= this.batchSize) this.flushRels(r.type);
  }

  private reference(ref: Ref): void {
    const node = this.nodes.get(ref.id);
    if (node) this.checkEnd(ref, node.labels);
    else if (!this.nodesComplete) this.pending.push(ref);
    else if (this.dbLabels.has(ref.id)) this.checkEnd(ref, this.dbLabels.get(ref.id) ?? undefined);
    else {
      const refs = this.lookups.get(ref.id);
      if (refs) refs.push(ref);
      else this.lookups.set(ref.id, [ref]);
      if (this.lookups.size >= LOOKUP_BATCH) this.flushLookups();
    }
  }

  private checkEnd(ref: Ref, labels: readonly string[] | undefined): void {
    const rejectedAt = labels ? undefined : this.rejected.get(ref.id);
    if (rejectedAt) {
      this.issues.push({
        file: ref.file, row: ref.row, column: ref.column,
        reason: `refers to ${JSON.stringify(ref.id)}, whose row was rejected (${rejectedAt}): this row follows from that one`,
      });
      return;
    }
    const issue = endpointIssue(ref.type, { file: ref.file, row: ref.row, columnOf: { [ref.end]: ref.column } }, ref.end, ref.id, labels);
    if (issue) this.issues.push(issue);
  }

  /** The ids of the valid nodes read from these rows ("file#line" keys). */
  nodeIdsOfRows(rows: Set<string>): Map<string, string> {
    const out = new Map<string, string>();
    for (const [id, n] of this.nodes) {
      const file = this.fileNames[n.file];
      if (rows.has(`${file}#${n.row}`)) out.set(id, `${file} line ${n.row}`);
    }
    return out;
  }

  /** Every node of the import has been read: ends not in the import are looked up in the database. */
  nodesDone(): void {
    if (this.nodesComplete) return;
    this.nodesComplete = true;
    const pending = this.pending;
    this.pending = [];
    for (const ref of pending) this.reference(ref);
  }

  /**
   * Compares a batch with the database now; with a writer, then writes its new and changed records
   * after every batch read before it (so a relationship's ends are written before it).
   */
  private compare(compare: () => Promise<Set<string>>, write: (ids: Set<string>) => Promise<void>): void {
    if (!this.writer) { this.run('diff', async () => { await compare(); }); return; }
    const compared = compare();
    // Handled here too: it may fail while earlier writes are still queued (awaited below, rethrown there).
    compared.catch(() => undefined);
    const written = this.writes.then(async () => {
      const ids = await compared;
      if (ids.size && !this.issues.length && !this.failure && !this.halted) await write(ids);
    });
    this.writes = written.catch(() => undefined);
    this.run('diff', () => written);
  }

  private run(kind: 'references' | 'diff', task: () => Promise<void>): void {
    const t0 = performance.now();
    const p = task()
      .then(() => { this.seconds[kind] += (performance.now() - t0) / 1000; })
      .catch((error) => { this.failure ??= { error }; });
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private flushNodes(): void {
    const batch = this.nodeBatch;
    this.nodeBatch = [];
    if (!batch.length) return;
    const d: Diff = { created: [], updated: [], unchanged: 0, issues: this.issues };
    this.compare(async () => {
      await diffNodes(this.driver, this.database, batch, d);
      const created = new Set(d.created);
      if (this.keepIds) for (const n of batch) if (n.rec.type === 'Person' && created.has(n.id)) this.newPeople.push(n.id);
      return this.merge(d, this.writeNodeIds, batch);
    }, async (ids) => {
      const groups = new Map<string, NodeBatchRow[]>();
      for (const n of batch) {
        if (!ids.has(n.id)) continue;
        const key = n.labels.join(':');
        (groups.get(key) ?? groups.set(key, []).get(key)!).push({ i: n.rec.row, id: n.id, props: n.props });
      }
      await this.beforeWrite?.(d.created, d.updated);
      for (const [key, rows] of groups) await this.writer!.writeNodes(key, rows);
    });
  }

  private flushRels(type: string): void {
    const batch = this.relBatches.get(type);
    this.relBatches.delete(type);
    if (!batch?.length) return;
    // Ends read in the current node batch are compared (and written) first.
    if (this.writer) this.flushNodes();
    const d: Diff = { created: [], updated: [], unchanged: 0, issues: this.issues };
    this.compare(async () => {
      await diffRels(this.driver, this.database, type, batch, d);
      return this.merge(d, this.writeRelIds, batch);
    }, async (ids) => {
      const byFile = new Map<string, RelBatchRow[]>();
      for (const r of batch) {
        if (!ids.has(r.id)) continue;
        const rows = byFile.get(r.rec.file) ?? byFile.set(r.rec.file, []).get(r.rec.file)!;
        rows.push({ i: r.rec.row, id: r.id, from: r.from, to: r.to, props: r.props });
      }
      await this.beforeWrite?.(d.created, d.updated);
      for (const [file, rows] of byFile) await this.writer!.writeRels(type, file, rows);
    });
  }

  /** Adds a compared batch to the totals; returns the ids that are new or changed. */
  private merge(d: Diff, write: Set<string>, batch: Array<{ id: string; rec: ParsedRecord }>): Set<string> {
    this.created += d.created.length;
    for (const c of d.updated) this.diff.updated.push(c);
    this.diff.unchanged += d.unchanged;
    const ids = new Set([...d.created, ...d.updated.map((c) => c.id)]);
    if (!this.keepIds || ids.size === 0) return ids;
    for (const id of d.created) this.diff.created.push(id);
    // Without a writer, the writing pass reads the files again for these.
    if (!this.writer) {
      for (const id of ids) write.add(id);
      for (const r of batch) if (ids.has(r.id)) this.writeCounts.set(r.rec.file, (this.writeCounts.get(r.rec.file) ?? 0) + 1);
    }
    return ids;
  }

  private flushLookups(): void {
    const lookups = this.lookups;
    this.lookups = new Map();
    if (!lookups.size) return;
    this.run('references', async () => {
      for (const [id, labels] of await lookupLabels(this.driver, this.database, [...lookups.keys()])) this.dbLabels.set(own(id), labels);
      for (const [id, refs] of lookups) {
        if (!this.dbLabels.has(id)) this.dbLabels.set(own(id), null);
        const labels = this.dbLabels.get(id) ?? undefined;
        for (const ref of refs) this.checkEnd(ref, labels);
      }
    });
  }

  /** True when enough database work is in flight that reading should wait. */
  get busy(): boolean { return this.inFlight.size > IN_FLIGHT || !!this.failure; }

  async wait(): Promise<void> { await this.inFlightAtMost(IN_FLIGHT); }

  /** Stops writing and waits for what is in flight (before the caller undoes the writes). */
  async halt(): Promise<void> {
    this.halted = true;
    await this.inFlightAtMost(0).catch(() => undefined); // the failure is the caller's already
  }

  /** Waits (counted as waiting) until at most `max` database tasks are in flight; rethrows a failure. */
  private async inFlightAtMost(max: number): Promise<void> {
    const t0 = performance.now();
    while (this.inFlight.size > max) await Promise.race(this.inFlight);
    this.seconds.wait += (performance.now() - t0) / 1000;
    if (this.failure) throw this.failure.error;
  }

  /**
   * Flushes every batch and waits for the database; then the issues are complete (and, with a
   * writer, every new or changed record has been handed to it unless an issue stopped writing).
   */
  async finish(): Promise<void> {
    this.nodesDone();
    this.flushNodes();
    for (const type of [...this.relBatches.keys()]) this.flushRels(type);
    this.flushLookups();
    await this.inFlightAtMost(0);
    if (this.external.length) {
      // Every end is checked now: relationships to records already in the database are compared
      // (and written, unless an issue stopped writing).
      for (const r of this.external) this.batchRel(r);
      this.external = [];
      for (const type of [...this.relBatches.keys()]) this.flushRels(type);
      await this.inFlightAtMost(0);
    }
    this.issues.sort((a, b) => a.file.localeCompare(b.file) || a.row - b.row);
  }
}
