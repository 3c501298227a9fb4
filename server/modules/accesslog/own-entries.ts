/**
 * The driver retries a write transaction whose commit went unanswered (the database stopped just
 * after committing). The retry then finds the earlier attempt's work done: an id taken, a pair
 * already decided. Each write logs in its own transaction, so the earlier attempt committed if
 * and only if this request's entry is in the log; the retry reads that entry and answers as the
 * first attempt would have.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { RequestContext } from '../../platform/context';
import type { AccessOperation, SystemActor } from './access-log';

export interface OwnEntry { ids: string[]; detail: Record<string, unknown> }

const OWN_ENTRIES = `MATCH (l:AccessLogEntry {requestId: $requestId}) WHERE l.operation = $operation
RETURN l.ids AS ids, l.detail AS detail ORDER BY l.seq`;

/** This request's committed entries of one operation; none for a system actor without a request id. */
export async function entriesOfThisRequest(tx: ManagedTransaction, actor: RequestContext | SystemActor, operation: AccessOperation): Promise<OwnEntry[]> {
  if (!actor.requestId) return [];
  const { records } = await tx.run(OWN_ENTRIES, { requestId: actor.requestId, operation });
  return records.map((r) => ({ ids: r.get('ids') as string[], detail: JSON.parse(r.get('detail') as string) as Record<string, unknown> }));
}
