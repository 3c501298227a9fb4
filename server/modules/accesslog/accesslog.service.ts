/** The access log for auditors: query, verify, export (the export itself is logged). */
import neo4j from 'neo4j-driver';
import type { RequestContext } from '../../platform/context';
import { checkInt, checkText, checkWindow } from '../../graphql/args';
import { readRows, cypherFile } from '../../platform/db/query';
import { requireCapability, requireJustification } from '../../platform/policy';
import { appendAccessLog } from './access-log';
import { verifyAccessLog } from './access-log-verify';
import { readCheckpoints, type CheckpointIndex } from './checkpoint-file';
import { databaseId } from './access-log-checkpoints';
import { config } from '../../platform/config';
import type { AccessLogEntry } from '../../graphql/generated/resolvers-types';

interface Filter { from?: string | null; to?: string | null; actorId?: string | null; operation?: string | null; recordId?: string | null }
export interface PageArgs { filter?: Filter | null; first?: number | null; before?: number | null }
export interface ExportArgs { filter?: Filter | null; format?: 'CSV' | 'JSON' | null }

const MAX_EXPORT = 50_000;
const COLUMNS = ['seq', 'at', 'actorId', 'actorName', 'actorRole', 'actorAgency', 'operation', 'justification', 'ids', 'detail', 'requestId', 'prevHash', 'hash'] as const;

function params(f: Filter | null | undefined, limit: number, before: number | null, withIds: boolean) {
  const { from, to } = checkWindow(f?.from, f?.to);
  const recordId = f?.recordId ? checkText('filter.recordId', f.recordId, 200) : null;
  return {
    from, to,
    actorId: f?.actorId ? checkText('filter.actorId', f.actorId, 200) : null,
    operation: f?.operation ?? null,
    recordId,
    recordIdJson: recordId === null ? null : JSON.stringify(recordId),
    limit: neo4j.int(limit),
    before: before === null ? null : neo4j.int(before),
    withIds,
  };
}

/**
 * `withIds`: read each entry's ids too (the count comes either way). Entries show who consulted
 * whom and why (search text included), so reading them is itself a consultation: logged, with the
 * sequence numbers of the entries shown, before the page is returned.
 */
export async function accessLogPage(ctx: RequestContext, args: PageArgs, withIds = true) {
  requireCapability(ctx, 'accessLog');
  const justification = requireJustification(ctx);
  const first = checkInt('first', args.first, 1, 1000, 100);
  const before = args.before == null ? null : checkInt('before', args.before, 1, Number.MAX_SAFE_INTEGER, 1);
  const rows = await readRows(ctx, cypherFile(__dirname, 'entries'), params(args.filter, first, before, withIds));
  // entries.cypher returns the fields of AccessLogEntry; ids is null only when the query did not ask for them.
  const entries = rows.map((r) => r.e as AccessLogEntry);
  await appendAccessLog(ctx, {
    operation: 'consultation', justification, ids: [],
    detail: { query: 'accessLog', filter: args.filter ?? null, first, before, withIds, entries: entries.map((e) => e.seq) },
  });
  return { entries, nextBefore: entries.length === first ? entries[entries.length - 1].seq : null };
}

type Verification = Awaited<ReturnType<typeof checkWholeLog>>;

/**
 * The whole-log check reads every entry (about half a minute per million). Auditors who open the
 * screen while one is running share its result instead of each starting another.
 */
const running = new Map<string, Promise<Verification>>();

export function verify(ctx: RequestContext): Promise<Verification> {
  requireCapability(ctx, 'verifyAccessLog');
  let check = running.get(ctx.database);
  if (!check) {
    check = checkWholeLog(ctx).finally(() => running.delete(ctx.database));
    running.set(ctx.database, check);
  }
  return check;
}

async function checkWholeLog(ctx: RequestContext) {
  const db = await databaseId(ctx.driver, ctx.database);
  let checkpoints: CheckpointIndex;
  try {
    checkpoints = await readCheckpoints([config().ACCESS_LOG_CHECKPOINTS], db);
  } catch (e) {
    // An unreadable checkpoint file is itself a sign of tampering: reported, not masked.
    return { ok: false, entries: 0, brokenAt: null, reason: (e as Error).message, checkpoints: 0, lastCheckpoint: null };
  }
  const v = await verifyAccessLog(ctx.driver, ctx.database, { checkpoints });
  return { ...v, checkpoints: v.checkpoints?.checked ?? 0, lastCheckpoint: v.checkpoints?.last ?? null };
}

const csvCell = (v: unknown): string => {
  const s = Array.isArray(v) ? v.join(';') : v === null || v === undefined ? '' : String(v);
  // Quote always; neutralise spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
};

export async function exportLog(ctx: RequestContext, args: ExportArgs) {
  requireCapability(ctx, 'exportAccessLog');
  const justification = requireJustification(ctx);
  const format = args.format ?? 'CSV';
  // The export's columns are the entry's own: the count is left out.
  const rows = (await readRows(ctx, cypherFile(__dirname, 'entries'), params(args.filter, MAX_EXPORT, null, true))).map((r) => {
    const { idCount: _count, ...entry } = r.e as Record<string, unknown>;
    return entry;
  });
  const content = format === 'JSON'
    ? JSON.stringify(rows)
    : [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => csvCell(r[c])).join(','))].join('\n');
  await appendAccessLog(ctx, {
    operation: 'disclosure', justification, ids: [],
    detail: { export: 'access log', format, count: rows.length, filter: args.filter ?? null },
  });
  return { format, count: rows.length, content };
}
