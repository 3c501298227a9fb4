/**
 * Confirming a POSSIBLY_SAME_AS pair merges the two records, keeping both: the duplicate keeps all
 * its properties, becomes a MergedRecord linked MERGED_INTO the record kept, and its relationships
 * move to the record kept. Undo moves exactly those back and restores the labels, so the graph is
 * as it was. Both are logged as 'combination'.
 *
 * Merges can be undone in any order. A record kept may itself be merged later (B into A, then A
 * into D), so a relationship can move more than once, at either end. Each end keeps the list of
 * records it was moved away from, oldest first (mergedStartVia / mergedEndVia: B's link, now at
 * D, holds [B, A]). Undoing B into A looks for ends listing B along B's MERGED_INTO chain (links
 * between a merged pair stay where they were, so they can be at any record of the chain), moves
 * them back to B and keeps only the part of the list before B.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { REL_KINDS, PERSON_ROLES } from '../../model/model';
import { toNeoDateTime } from '../../model/validate';
import neo4j from 'neo4j-driver';
import { appendAccessLogTx, type SystemActor } from '../accesslog/access-log';
import type { RequestContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { cypherFile } from '../../platform/db/query';
import { lockRecords } from '../../platform/db/locks';
import { openSession } from '../../platform/db/session';
import { entriesOfThisRequest } from '../accesslog/own-entries';

type Actor = RequestContext | SystemActor;
const actorName = (a: Actor): string => ('system' in a ? `system:${a.system}` : a.user.id);

/** Relationship types that move with a merge: all but resolution's own. */
const MOVABLE = REL_KINDS.map((r) => r.type).filter((t) => t !== 'POSSIBLY_SAME_AS' && t !== 'MERGED_INTO');
const RESTORABLE_LABELS = new Set<string>(['Person', ...PERSON_ROLES]);

const mergeId = (pairId: string): string => `merge:${pairId}`;

/** Longest MERGED_INTO chain: merges never make a longer one (merge-depth.cypher); undo, erasure and its scrub follow this far. */
const MAX_CHAIN = 32;

// Types come from the model's whitelist above, never from input. A relationship moves at one end
// ('start' or 'end'); the other end, x, stays. Each end keeps its own list of records it left.
type End = 'start' | 'end';
const listOf = (end: End) => (end === 'start' ? 'mergedStartVia' : 'mergedEndVia');
const link = (end: End, at: string, rel: string, t: string) => (end === 'start' ? `(${at})-[${rel}:${t}]->(x)` : `(x)-[${rel}:${t}]->(${at})`);

/** Merge: the end at $from moves to $to, and $from is added to that end's list. */
const mergeEnd = (end: End) => (t: string) => `MATCH ${link(end, 'd:Entity {id: $from}', 'r', t)} WHERE x.id <> $to
WITH r, x, properties(r) AS p DELETE r WITH x, p MATCH (k:Entity {id: $to})
CREATE ${link(end, 'k', 'n', t)} SET n = p SET n.${listOf(end)} = coalesce(p.${listOf(end)}, []) + $from RETURN count(n) AS n`;

/**
 * Undo: ends at $from (a record of $drop's chain) that list $drop go back to $drop, keeping the
 * part of the list from before $drop was merged (an empty list is removed).
 */
const undoEnd = (end: End) => (t: string) => `MATCH ${link(end, 'c:Entity {id: $from}', 'r', t)} WHERE $drop IN r.${listOf(end)}
WITH r, x, properties(r) AS p, r.${listOf(end)} AS via DELETE r
WITH x, p, via[..[i IN range(0, size(via) - 1) WHERE via[i] = $drop][0]] AS before MATCH (k:Entity {id: $drop})
CREATE ${link(end, 'k', 'n', t)} SET n = p SET n.${listOf(end)} = CASE WHEN size(before) = 0 THEN null ELSE before END RETURN count(n) AS n`;

const MERGE_ENDS = [mergeEnd('start'), mergeEnd('end')];
const UNDO_ENDS = [undoEnd('start'), undoEnd('end')];

async function moveRelationships(tx: ManagedTransaction, queries: Array<(t: string) => string>, params: Record<string, unknown>): Promise<number> {
  let moved = 0;
  for (const t of MOVABLE) {
    for (const q of queries) {
      const res = await tx.run(q(t), params);
      moved += Number(res.records[0]?.get('n') ?? 0);
    }
  }
  return moved;
}

/** The records $drop's relationships can be at now: the ones its MERGED_INTO chain leads to. */
async function chainOf(tx: ManagedTransaction, drop: string): Promise<string[]> {
  const res = await tx.run(cypherFile(__dirname, 'merge-chain'), { drop });
  const ids = (res.records[0]?.get('ids') ?? []) as string[];
  if (ids.length > MAX_CHAIN) throw new AppError('BAD_USER_INPUT', `record ${drop} is more than ${MAX_CHAIN} merges deep: undo later merges first`);
  return ids;
}

export interface MergeResult { pairId: string; keptId: string; mergedId: string; relationshipsMoved: number; undone: boolean }

interface Pair { a: string; b: string; aSource: string; bSource: string; status: string; aLabels: string[]; bLabels: string[] }

async function readPair(tx: ManagedTransaction, id: string): Promise<Pair> {
  const { records } = await tx.run(cypherFile(__dirname, 'pair'), { id });
  if (!records[0]) throw new AppError('NOT_FOUND', `no possible-duplicate link ${id}`);
  return records[0].toObject() as Pair;
}

/**
 * Every decision takes its locks first and reads after, so a merge, undo or rejection racing
 * another on the same records (two people deciding the same pair, a merge into a record being
 * merged away) sees the other's result instead of acting on what was there before it.
 *
 * Locks a pair's two records and the records linked to them, then reads the pair as it now is.
 * Any merge into or out of either record, and any decision on this pair, holds one of these locks.
 */
async function lockPair(tx: ManagedTransaction, id: string): Promise<Pair> {
  const seen = await readPair(tx, id);
  await lockRecords(tx, [seen.a, seen.b], true);
  return readPair(tx, id);
}

/**
 * Locks every record of $drop's MERGED_INTO chain and the records linked to them, then returns
 * the chain as it now is. A chain grows only at its far end (the record it ends at merged into
 * another, which locks that record), so the chain is re-read until no record was added while
 * locking; at most 32 rounds.
 */
async function lockChain(tx: ManagedTransaction, drop: string, locked: string[]): Promise<string[]> {
  for (;;) {
    const ids = await chainOf(tx, drop);
    const fresh = ids.filter((id) => !locked.includes(id));
    if (fresh.length === 0) return ids;
    await lockRecords(tx, fresh, true);
    locked = [...locked, ...fresh];
  }
}

export async function confirmMerge(actor: Actor, args: { id: string; keepId?: string | null; justification: string }): Promise<MergeResult> {
  const session = openSession(actor.driver, actor.database);
  try {
    return await session.executeWrite(async (tx) => {
      const pair = await lockPair(tx, args.id);
      if (pair.status !== 'hypothesis') {
        const earlier = await decidedByThisRequest(tx, actor, 'merge', args.id);
        if (earlier) return earlier;
        throw new AppError('BAD_USER_INPUT', `link ${args.id} is ${pair.status}, not a hypothesis awaiting a decision`, { field: 'id' });
      }
      if (!pair.aLabels.includes('Person') || !pair.bLabels.includes('Person')) throw new AppError('BAD_USER_INPUT', 'one of the records is already merged', { field: 'id' });
      const keep = args.keepId ?? pair.a;
      if (keep !== pair.a && keep !== pair.b) throw new AppError('BAD_USER_INPUT', `keepId must be ${pair.a} or ${pair.b}`, { field: 'keepId' });
      const drop = keep === pair.a ? pair.b : pair.a;
      const depth = await tx.run(cypherFile(__dirname, 'merge-depth'), { drop });
      if (depth.records[0]?.get('tooDeep')) {
        throw new AppError('BAD_USER_INPUT', `${drop} already has ${MAX_CHAIN} records merged into it one after another: merging it too would make the chain longer than ${MAX_CHAIN}`, { field: 'id' });
      }
      const moved = await moveRelationships(tx, MERGE_ENDS, { from: drop, to: keep });
      const merged = mergedLink(args.id, keep === pair.a ? pair.aSource : pair.bSource, actor);
      const res = await tx.run(cypherFile(__dirname, 'mark-merged'), { drop, keep, pairId: args.id, user: actorName(actor), merged });
      if (!res.records[0]) throw new AppError('NOT_FOUND', `records of ${args.id} not found`);
      return logCombination(tx, actor, args, { action: 'merge', keep, drop, moved });
    });
  } finally {
    await session.close();
  }
}

/**
 * Logs a merge or its undoing (DPA 2018 s.62: a combination of records) in the same transaction,
 * and gives the result.
 */
async function logCombination(tx: ManagedTransaction, actor: Actor, args: { id: string; justification: string },
  o: { action: 'merge' | 'undo-merge'; keep: string; drop: string; moved: number }): Promise<MergeResult> {
  const undone = o.action === 'undo-merge';
  await appendAccessLogTx(tx, actor, {
    operation: 'combination', justification: args.justification, ids: [o.keep, o.drop],
    detail: { action: o.action, pair: args.id, kept: o.keep, [undone ? 'restored' : 'merged']: o.drop, relationshipsMoved: o.moved },
  });
  return { pairId: args.id, keptId: o.keep, mergedId: o.drop, relationshipsMoved: o.moved, undone };
}

type Decision = 'merge' | 'undo-merge' | 'reject-duplicate';

/**
 * The result of this request's own earlier attempt at the decision, when that attempt committed
 * (a retry after an unanswered commit): read from the entry it logged with it.
 */
async function decidedByThisRequest(tx: ManagedTransaction, actor: Actor, action: Decision, pairId: string): Promise<MergeResult | null> {
  const operation = action === 'reject-duplicate' ? 'alteration' : 'combination';
  const entry = (await entriesOfThisRequest(tx, actor, operation)).find((e) => e.detail.action === action && e.detail.pair === pairId);
  if (!entry) return null;
  const d = entry.detail;
  return {
    pairId, keptId: String(d.kept ?? ''), mergedId: String(d.merged ?? d.restored ?? ''),
    relationshipsMoved: Number(d.relationshipsMoved ?? 0), undone: action === 'undo-merge',
  };
}

/** The MERGED_INTO link's properties: a confirmed, graded record of the decision. */
function mergedLink(pairId: string, source: string, actor: Actor) {
  const now = new Date();
  return {
    id: mergeId(pairId), source, sourceRef: pairId, recordedAt: toNeoDateTime(now),
    gradingScheme: '3x5x2', sourceEval: 'A', assessment: '2', handling: 'P',
    reviewBy: neo4j.types.Date.fromStandardDate(new Date(now.getTime() + 365 * 86_400_000)), status: 'confirmed', confirmedBy: actorName(actor),
  };
}

export async function undoMerge(actor: Actor, args: { id: string; justification: string }): Promise<MergeResult> {
  const session = openSession(actor.driver, actor.database);
  try {
    return await session.executeWrite(async (tx) => {
      const seen = await findMerge(tx, args.id);
      if (!seen) return (await decidedByThisRequest(tx, actor, 'undo-merge', args.id)) ?? noMerge(args.id);
      // The merged record, its chain and their linked records, locked in one go; then read again
      // under the locks: another undo of this merge may have committed meanwhile.
      const seenChain = await chainOf(tx, seen.drop);
      await lockRecords(tx, [seen.drop, ...seenChain], true);
      const { drop, keep, labels } = await readMerge(tx, args.id);
      const restore = labels.filter((l) => RESTORABLE_LABELS.has(l));
      if (restore.length !== labels.length || !restore.includes('Person')) throw new Error(`merged record ${drop} holds unexpected labels ${labels.join(',')}`);
      let moved = 0;
      for (const at of await lockChain(tx, drop, [seen.drop, ...seenChain])) moved += await moveRelationships(tx, UNDO_ENDS, { from: at, drop });
      await tx.run(cypherFile(__dirname, 'unmark-merged'), { drop, keep, pairId: args.id, labels: restore });
      return logCombination(tx, actor, args, { action: 'undo-merge', keep, drop, moved });
    });
  } finally {
    await session.close();
  }
}

interface MergeMade { drop: string; keep: string; labels: string[] }

async function findMerge(tx: ManagedTransaction, pairId: string): Promise<MergeMade | null> {
  const { records } = await tx.run(cypherFile(__dirname, 'merged-record'), { mergeId: mergeId(pairId) });
  return records[0] ? records[0].toObject() as MergeMade : null;
}

const noMerge = (pairId: string): never => { throw new AppError('NOT_FOUND', `no merge made from link ${pairId}`); };

async function readMerge(tx: ManagedTransaction, pairId: string): Promise<MergeMade> {
  return (await findMerge(tx, pairId)) ?? noMerge(pairId);
}

export async function rejectPair(actor: Actor, args: { id: string; justification: string }): Promise<{ id: string }> {
  const session = openSession(actor.driver, actor.database);
  try {
    return await session.executeWrite(async (tx) => {
      await lockPair(tx, args.id);
      const res = await tx.run(cypherFile(__dirname, 'reject'), { id: args.id, user: actorName(actor) });
      if (!res.records[0]) {
        if (await decidedByThisRequest(tx, actor, 'reject-duplicate', args.id)) return { id: args.id };
        throw new AppError('NOT_FOUND', `no possible-duplicate link ${args.id} awaiting a decision`);
      }
      await appendAccessLogTx(tx, actor, { operation: 'alteration', justification: args.justification, ids: [args.id], detail: { action: 'reject-duplicate', pair: args.id } });
      return { id: args.id };
    });
  } finally {
    await session.close();
  }
}
