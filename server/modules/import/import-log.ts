/**
 * The access-log entries of an applied import: 'collection' for new records, 'alteration' for
 * changed ones (with the fields that changed), naming the import's files.
 *  - An import written in one transaction gets its entries in that transaction (the loader's
 *    inSameTransaction): records and entries commit together or not at all.
 *  - An import streamed through the staged writer commits batch after batch, and undoes them on
 *    failure, so no transaction holds all of it: each batch's entries are committed before the
 *    batch is handed to the writer (AheadLog). When the import is then undone, one more
 *    'alteration' entry, marked undone, names every record the earlier entries named.
 * The log may so name records of an attempt that left nothing; it never misses a record written.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { UndoFailedError, type StagedWriter } from '../../platform/bulk/staged-load';
import { appendAccessLog, appendAccessLogTx, type AccessLogInput, type SystemActor } from '../accesslog/access-log';
import type { Change } from './diff';

export interface ImportLogContext { actor: SystemActor; justification: string; files: string[] }

export function importEntries(c: ImportLogContext, created: readonly string[], updated: readonly Change[]): AccessLogInput[] {
  const entries: AccessLogInput[] = [];
  if (created.length) {
    entries.push({ operation: 'collection', justification: c.justification, ids: created, detail: { files: c.files, created: created.length } });
  }
  if (updated.length) {
    entries.push({
      operation: 'alteration', justification: c.justification, ids: updated.map((u) => u.id),
      detail: { files: c.files, changes: updated.map((u) => ({ id: u.id, type: u.type, fields: u.fields })) },
    });
  }
  return entries;
}

/** Appends the entries inside the transaction that writes the records. */
export async function logInTransaction(tx: ManagedTransaction, c: ImportLogContext, created: readonly string[], updated: readonly Change[]): Promise<void> {
  for (const input of importEntries(c, created, updated)) await appendAccessLogTx(tx, c.actor, input);
}

/** Entries committed ahead of a streamed write's batches, and the entry that says they were undone. */
export class AheadLog {
  private readonly named: string[] = [];
  constructor(private readonly c: ImportLogContext) {}

  /** Commits the entries for one batch; the batch is written only after this resolves. */
  readonly before = async (created: string[], updated: Change[]): Promise<void> => {
    for (const input of importEntries(this.c, created, updated)) {
      await appendAccessLog(this.c.actor, input);
      this.named.push(...input.ids);
    }
  };

  /** After the writer undid the batches: says so for every record named ahead. */
  async undone(cause: unknown): Promise<void> {
    if (!this.named.length) return;
    await appendAccessLog(this.c.actor, {
      operation: 'alteration', justification: this.c.justification, ids: this.named,
      detail: { files: this.c.files, undone: true, reason: cause instanceof Error ? cause.message : String(cause) },
    });
  }

  /**
   * Undoes the writer's batches, then logs that they were undone. An undoing that fails throws
   * (UndoFailedError) before anything is logged: the records named ahead may then remain.
   */
  async abort(writer: StagedWriter, cause: unknown): Promise<number> {
    const undone = await writer.abort(cause);
    await this.undoneIfPossible(cause);
    return undone;
  }

  /** Waits for the writer; if a batch failed, the writer undid the load: logs that, rethrows. */
  async finish(writer: StagedWriter): Promise<void> {
    try {
      await writer.finish();
    } catch (e) {
      if (!(e instanceof UndoFailedError)) await this.undoneIfPossible(e);
      throw e;
    }
  }

  /**
   * The 'undone' entry when the database takes it. When it does not (the database that failed
   * the load is still down), the log names records that are gone: an over-report, never a miss,
   * and the load's own error is the one worth reporting.
   */
  private async undoneIfPossible(cause: unknown): Promise<void> {
    await this.undone(cause).catch(() => undefined);
  }
}
