/**
 * Erasure of a person: removes them, duplicate records merged into them, the events only about
 * them (and follow-ups of those that involve no one else), every relationship of these, and their
 * ids from saved investigations and from the merge lists of links that moved to a record kept. One transaction; logged as 'erasure' in the same transaction.
 * The access log keeps the ids erased (never names): it is the lawful record that erasure happened.
 */
import type { RequestContext } from '../../platform/context';
import { appendAccessLogTx, type SystemActor } from '../accesslog/access-log';
import { cypherFile } from '../../platform/db/query';
import { lockRecords } from '../../platform/db/locks';
import { scrub } from '../../domain/scrub-ids';
import { openSession } from '../../platform/db/session';

export interface ErasureResult { personId: string; records: string[]; events: string[]; nodesRemoved: number; relationshipsRemoved: number; investigationsScrubbed: number }

export async function erasePerson(actor: RequestContext | SystemActor, args: { personId: string; justification: string }): Promise<ErasureResult> {
  if (!args.justification?.trim()) throw new Error('erasure needs a justification');
  const session = openSession(actor.driver, actor.database);
  try {
    return await session.executeWrite(async (tx) => {
      // Locked before the scope is read: a merge into this person, or an undo along its chain,
      // committed while erasure runs would otherwise leave a record out of the scope.
      await lockRecords(tx, [args.personId]);
      const scope = await tx.run(cypherFile(__dirname, 'erasure-scope'), { id: args.personId });
      if (!scope.records[0]) throw new Error(`no person with id ${args.personId}`);
      const selves = scope.records[0].get('selves') as string[];
      const events = scope.records[0].get('events') as string[];
      const ids = [...selves, ...events];
      const rels = await tx.run('MATCH (n:Entity) WHERE n.id IN $ids MATCH (n)-[r]-() RETURN count(DISTINCT r) AS n', { ids });
      await tx.run(cypherFile(__dirname, 'erasure-via-scrub'), { ids });
      const removed = await tx.run(cypherFile(__dirname, 'erase'), { ids });
      const erased = new Set(ids);
      const inv = await tx.run(cypherFile(__dirname, 'investigations-with'), { ids });
      for (const r of inv.records) {
        let state = r.get('state') as string | null;
        try { state = state == null ? state : JSON.stringify(scrub(JSON.parse(state), erased)); } catch { /* not JSON: left as is */ }
        await tx.run(cypherFile(__dirname, 'investigation-scrub'), { id: r.get('id'), ids: (r.get('ids') as string[]).filter((x) => !erased.has(x)), state });
      }
      const result: ErasureResult = {
        personId: args.personId, records: selves, events, nodesRemoved: Number(removed.records[0]?.get('nodes') ?? 0),
        relationshipsRemoved: Number(rels.records[0].get('n')), investigationsScrubbed: inv.records.length,
      };
      await appendAccessLogTx(tx, actor, {
        operation: 'erasure', justification: args.justification, ids,
        detail: { person: args.personId, events: events.length, relationships: result.relationshipsRemoved, investigations: result.investigationsScrubbed },
      });
      return result;
    });
  } finally {
    await session.close();
  }
}
