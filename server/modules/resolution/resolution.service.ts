/** Entity resolution through the API: analysts (and admins) review possible duplicates. */
import neo4j from 'neo4j-driver';
import type { RequestContext } from '../../platform/context';
import { canSeeRecord, requireCapability, requireJustification } from '../../platform/policy';
import { appendAccessLog } from '../accesslog/access-log';
import { badInput } from '../../platform/errors';
import { STATUS } from '../../model/enums';
import { runResolution } from './resolve';
import { confirmMerge, undoMerge, rejectPair } from './merge';
import { cypherFile } from '../../platform/db/query';
import type { Agency } from '../../graphql/generated/resolvers-types';

export interface CandidatesArgs { status?: string | null; limit?: number | null }

export async function candidates(ctx: RequestContext, args: CandidatesArgs) {
  requireCapability(ctx, 'sameAsCandidates');
  const justification = requireJustification(ctx);
  const status = args.status ?? STATUS.HYPOTHESIS;
  if (!(Object.values(STATUS) as string[]).includes(status)) throw badInput('status', 'unknown status');
  const limit = args.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw badInput('limit', 'must be 1 to 500');
  const { records } = await ctx.driver.executeQuery(cypherFile(__dirname, 'candidates'), { status, limit: neo4j.int(limit) }, { database: ctx.database, routing: 'READ' });
  const person = (id: string, name: string, dob: string, source: Agency) => (canSeeRecord(ctx.user, { source })
    ? { id, name, dateOfBirth: dob, source } : { id, name: null, dateOfBirth: null, source });
  const out = records.map((r) => ({
    id: r.get('id'), score: r.get('score'), reasons: r.get('reasons') ?? [], status: r.get('status'), reviewBy: r.get('reviewBy'),
    personA: person(r.get('aId'), r.get('aName'), r.get('aDob'), r.get('aSource')),
    personB: person(r.get('bId'), r.get('bName'), r.get('bDob'), r.get('bSource')),
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
