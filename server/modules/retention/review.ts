/**
 * Review: what has passed its review date (relationships and event flags, not yet expired), and
 * expiry of hypotheses never confirmed in time (status → expired, logged as an alteration).
 */
import neo4j from 'neo4j-driver';
import type { RequestContext } from '../../platform/context';
import { appendAccessLogTx, type SystemActor } from '../accesslog/access-log';
import { toNeoDateTime } from '../../model/validate';
import { cypherFile } from '../../platform/db/query';
import { openSession } from '../../platform/db/session';

export interface DueItem { kind: 'relationship' | 'event'; type: string; id: string; from: string | null; to: string | null; status: string; reviewBy: string; source: string }

const today = (now: Date) => neo4j.types.Date.fromStandardDate(new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`));

export async function dueForReview(actor: RequestContext | SystemActor, now = new Date()): Promise<DueItem[]> {
  const { records } = await actor.driver.executeQuery(cypherFile(__dirname, 'due-for-review'), { today: today(now) }, { database: actor.database, routing: 'READ' });
  return records.map((r) => r.toObject() as DueItem);
}

export async function expireHypotheses(actor: RequestContext | SystemActor, now = new Date()): Promise<string[]> {
  const session = openSession(actor.driver, actor.database);
  try {
    // The change and its log entry commit together.
    return await session.executeWrite(async (tx) => {
      const res = await tx.run(cypherFile(__dirname, 'expire-hypotheses'), { today: today(now), now: toNeoDateTime(now) });
      const ids = res.records[0].get('ids') as string[];
      if (ids.length) {
        await appendAccessLogTx(tx, actor, {
          operation: 'alteration', justification: 'review: hypotheses not confirmed by their review date expire', ids,
          detail: { action: 'expire-hypotheses', count: ids.length, on: now.toISOString().slice(0, 10) },
        });
      }
      return ids;
    });
  } finally {
    await session.close();
  }
}
