/** Entity resolution through the API: analysts (and admins) review possible duplicates. */
import neo4j from 'neo4j-driver';
import type { RequestContext } from '../../platform/context';
import { requireCapability, requireJustification } from '../../platform/policy';
import { appendAccessLog } from '../accesslog/access-log';
import { badInput } from '../../platform/errors';
import { STATUS } from '../../model/enums';
import { runResolution } from './resolve';
import { confirmMerge, undoMerge, rejectPair } from './merge';
import { cypherFile, readRows } from '../../platform/db/query';
import type { Agency, LinkStatus } from '../../graphql/generated/resolvers-types';

export interface CandidatesArgs { status?: string | null; limit?: number | null }

/** A candidate pair as the gate lets the viewer read it: names and dates only of people they may see. */
interface CandidateRow {
  id: string; score: number; reasons: string[] | null; status: LinkStatus; reviewBy: string | null;
  aId: string; aName: string | null; aDob: string | null; aSource: Agency;
  bId: string; bName: string | null; bDob: string | null; bSource: Agency;
}

export async function candidates(ctx: RequestContext, args: CandidatesArgs) {
  requireCapability(ctx, 'sameAsCandidates');
  const justification = requireJustification(ctx);
  const status = args.status ?? STATUS.HYPOTHESIS;
  if (!(Object.values(STATUS) as string[]).includes(status)) throw badInput('status', 'unknown status');
  const limit = args.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badInput('limit', 'must be 1 to 500');
  const rows = await readRows<CandidateRow>(ctx, cypherFile(__dirname, 'candidates'), { status, limit: neo4j.int(limit) });
  const out = rows.map((r) => ({
    id: r.id, score: r.score, reasons: r.reasons ?? [], status: r.status, reviewBy: r.reviewBy,
    personA: { id: r.aId, name: r.aName, dateOfBirth: r.aDob, source: r.aSource },
    personB: { id: r.bId, name: r.bName, dateOfBirth: r.bDob, source: r.bSource },
  }));
  await appendAccessLog(ctx, { operation: 'consultation', justification, ids: out.flatMap((c) => [c.personA.id, c.personB.id]), detail: { query: 'sameAsCandidates', status } });
  return out;
}

export async function run(ctx: RequestContext) {
  requireCapability(ctx, 'runEntityResolution');
  requireJustification(ctx);
  const r = await runResolution(ctx);
  return { people: r.people, compared: r.compared, proposed: r.proposed.length, alreadyKnown: r.alreadyKnown };
}

export async function confirm(ctx: RequestContext, args: { id: string; keepId?: string | null }) {
  requireCapability(ctx, 'confirmSameAs');
  return confirmMerge(ctx, { ...args, justification: requireJustification(ctx) });
}

export async function reject(ctx: RequestContext, args: { id: string }) {
  requireCapability(ctx, 'rejectSameAs');
  return (await rejectPair(ctx, { ...args, justification: requireJustification(ctx) })).id;
}

export async function undo(ctx: RequestContext, args: { id: string }) {
  requireCapability(ctx, 'undoMerge');
  return undoMerge(ctx, { ...args, justification: requireJustification(ctx) });
}
