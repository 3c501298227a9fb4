/**
 * Saved investigations: owned by a user, optionally shared with the owner's role (and agency).
 * They hold ids and layout only; opening the records goes through subgraph/neighbourhood, which
 * apply access rules and write the access log.
 */
import crypto from 'node:crypto';
import type { RequestContext } from '../../platform/context';
import { checkIds, checkJsonShape, checkText } from '../../graphql/args';
import { readRows, writeRows, txRows, cypherFile } from '../../platform/db/query';
import { AppError, badInput } from '../../platform/errors';
import { canSeeNode, requireCapability } from '../../platform/policy';
import { lookupLabels } from '../../platform/bulk/load-queries';
import { scrub } from '../../domain/scrub-ids';
import { lockRecords } from '../../platform/db/locks';
import type { MutationDeleteInvestigationArgs, MutationSaveInvestigationArgs, QueryInvestigationArgs, ResolversParentTypes } from '../../graphql/generated/resolvers-types';
import { openSession } from '../../platform/db/session';

/** An investigation as stored: state as JSON text; a listing has a count (of ids the caller may see) and no ids. */
export type StoredInvestigation = ResolversParentTypes['Investigation'];
type Stored = { i: StoredInvestigation };

const MAX_STATE_BYTES = 1_000_000;
/** The workspace's state is a few levels deep (filters, positions by id); more is not state. */
const MAX_STATE_DEPTH = 32;
const MAX_NOTES = 20_000;

const who = (ctx: RequestContext) => ({ userId: ctx.user.id, role: ctx.user.role, agency: ctx.user.agency ?? '' });

/**
 * A saved investigation as the caller may see it now: ids of records since hidden from them
 * (or erased) are left out of its ids and its layout, as if never saved.
 */
async function asSeenNow(ctx: RequestContext, stored: StoredInvestigation): Promise<StoredInvestigation> {
  const ids = stored.ids ?? [];
  if (ids.length === 0) return stored;
  const [row] = await readRows<{ ids: string[] }>(ctx, cypherFile(__dirname, 'visible-ids'), { ids });
  const visible = new Set(row?.ids ?? []);
  const dropped = new Set(ids.filter((x) => !visible.has(x)));
  if (dropped.size === 0) return stored;
  const state = typeof stored.state === 'string' ? JSON.stringify(scrub(JSON.parse(stored.state), dropped)) : stored.state;
  return { ...stored, ids: ids.filter((x) => visible.has(x)), state };
}

export async function listInvestigations(ctx: RequestContext): Promise<StoredInvestigation[]> {
  requireCapability(ctx, 'investigations');
  const rows = await readRows<Stored>(ctx, cypherFile(__dirname, 'list'), who(ctx));
  return Promise.all(rows.map(async (r) => {
    const { ids, ...summary } = await asSeenNow(ctx, r.i);
    return { ...summary, count: ids?.length ?? 0 };
  }));
}

export async function getInvestigation(ctx: RequestContext, args: QueryInvestigationArgs): Promise<StoredInvestigation> {
  requireCapability(ctx, 'investigation');
  const [id] = checkIds('id', [args.id], 1);
  const [row] = await readRows<Stored>(ctx, cypherFile(__dirname, 'get'), { id, ...who(ctx) });
  if (!row) throw new AppError('NOT_FOUND', `No investigation ${id} that you may open`);
  return asSeenNow(ctx, row.i);
}

export async function saveInvestigation(ctx: RequestContext, { input }: MutationSaveInvestigationArgs): Promise<StoredInvestigation> {
  requireCapability(ctx, 'saveInvestigation');
  const name = checkText('input.name', input.name, 200, 1);
  const notes = input.notes ? checkText('input.notes', input.notes, MAX_NOTES, 0) : null;
  const asked = checkIds('input.ids', input.ids, 5000, 0);
  const id = input.id ? checkIds('input.id', [input.id], 1)[0] : undefined;
  checkJsonShape('input.state', input.state ?? null, MAX_STATE_DEPTH);
  const session = openSession(ctx.driver, ctx.database);
  try {
    return await session.executeWrite(async (tx) => {
      // Only records that exist and that this user may see are saved: an id erased since the view
      // was opened does not come back, and a hidden record and a missing one are treated alike, so
      // what is saved does not tell which ids exist. The records are locked before they are read:
      // an erasure of one of them still in flight commits first, and its id is then not found.
      await lockRecords(tx, asked);
      const known = await lookupLabels(tx, ctx.database, asked, (m) => canSeeNode(ctx.user, m));
      const ids = asked.filter((x) => known.has(x));
      const dropped = new Set(asked.filter((x) => !known.has(x)));
      const state = JSON.stringify(dropped.size ? scrub(input.state ?? null, dropped) : input.state ?? null);
      if (state.length > MAX_STATE_BYTES) throw badInput('input.state', `at most 1 MB as JSON (this is ${(state.length / 1e6).toFixed(1)} MB)`);
      const params = { name, ids, state, notes, shared: input.shared === true, ...who(ctx) };
      if (id) {
        const [row] = await txRows<Stored>(tx, cypherFile(__dirname, 'update'), { ...params, id });
        if (!row) throw new AppError('NOT_FOUND', `No investigation ${id} that you own`);
        return row.i;
      }
      const [row] = await txRows<Stored>(tx, cypherFile(__dirname, 'create'), {
        ...params, id: `inv-${crypto.randomUUID()}`, userName: ctx.user.name, agencyOrNull: ctx.user.agency ?? null,
      });
      return row.i;
    });
  } finally {
    await session.close();
  }
}

export async function deleteInvestigation(ctx: RequestContext, args: MutationDeleteInvestigationArgs): Promise<boolean> {
  requireCapability(ctx, 'deleteInvestigation');
  const [id] = checkIds('id', [args.id], 1);
  const [row] = await writeRows(ctx, cypherFile(__dirname, 'delete'), { id, userId: ctx.user.id });
  return Number(row?.deleted ?? 0) > 0;
}
