/**
 * Write locks on records, taken before a transaction reads them. Neo4j reads take no locks, so a
 * merge, undo, rejection, erasure or save that read first could act on what was there before
 * another one committed on the same records. Locking first, the later one waits, then reads what
 * the earlier one committed (a record erased meanwhile is simply not found).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { cypherFile } from './query';

/** Locks these records for the rest of the transaction; with `withLinked`, every record linked to them too. */
export async function lockRecords(tx: Pick<ManagedTransaction, 'run'>, ids: string[], withLinked = false): Promise<void> {
  await tx.run(cypherFile(__dirname, 'lock'), { ids, withLinked });
}
