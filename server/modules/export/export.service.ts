/**
 * Exports from the workspace are disclosures: logged (who, when, why, which ids, format) before
 * the client is allowed to produce the file. An export may hold only what the caller was shown:
 * records returned to them by a logged read in the last SHOWN_WITHIN_HOURS, contexts (places,
 * schools…) they may see, and relationships between two of those that they may see.
 */
import type { RequestContext } from '../../platform/context';
import { requireCapability, requireJustification } from '../../platform/policy';
import { appendAccessLog } from '../accesslog/access-log';
import { badInput } from '../../platform/errors';
import { cypherFile, readRows } from '../../platform/db/query';
import { edgesBetween, nodesByIds } from '../neighbourhood/neighbourhood.repository';

export const EXPORT_FORMATS = ['PNG', 'CSV', 'JSON'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const MAX_EXPORT_IDS = 20000;
/** The longest a sign-in lasts (server/auth/verify.ts): what was shown before it is not on the canvas. */
export const SHOWN_WITHIN_HOURS = 12;

export interface ExportInput {
  format: ExportFormat;
  ids: string[];
  investigationId?: string | null;
  recipient?: string | null;
}

const ID_PATTERN = /^[\w.:-]{1,200}$/;

export function validateExport(input: ExportInput): ExportInput {
  if (!EXPORT_FORMATS.includes(input.format)) throw badInput('format', `must be one of ${EXPORT_FORMATS.join(', ')}`);
  if (!Array.isArray(input.ids)) throw badInput('ids', 'must be a list of ids');
  if (input.ids.length > MAX_EXPORT_IDS) throw badInput('ids', `at most ${MAX_EXPORT_IDS} ids per export`);
  const bad = input.ids.findIndex((id) => typeof id !== 'string' || !ID_PATTERN.test(id));
  if (bad >= 0) throw badInput(`ids[${bad}]`, 'not a valid id');
  if (input.investigationId != null && !ID_PATTERN.test(input.investigationId)) throw badInput('investigationId', 'not a valid id');
  if (input.recipient != null && input.recipient.length > 200) throw badInput('recipient', 'at most 200 characters');
  return input;
}

export async function recordExport(ctx: RequestContext, args: { input: ExportInput }): Promise<{ seq: number; at: string; count: number }> {
  requireCapability(ctx, 'recordExport');
  const justification = requireJustification(ctx);
  const input = validateExport(args.input);
  const ids = [...new Set(input.ids)];
  await requireShown(ctx, ids);
  const entry = await appendAccessLog(ctx, {
    operation: 'disclosure',
    justification,
    ids,
    detail: { kind: 'workspace-export', format: input.format, investigationId: input.investigationId ?? null, recipient: input.recipient ?? null },
  });
  return { seq: entry.seq, at: entry.at, count: ids.length };
}

/**
 * Refuses ids the caller was not shown, in one wording whether the record is hidden from them,
 * missing, or visible but never read: the answer tells nothing of other records. Places, schools,
 * online spaces and other contexts every data role sees are shown by the aggregate views, which
 * are not logged: they count as shown when they exist.
 */
async function requireShown(ctx: RequestContext, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const since = new Date(Date.now() - SHOWN_WITHIN_HOURS * 3600_000).toISOString();
  const [row] = await readRows(ctx, cypherFile(__dirname, 'shown'), { actorId: ctx.user.id, since, ids });
  const shownNodes = new Set((row?.shown as string[] | undefined) ?? []);
  const rest = new Set(ids.filter((id) => !shownNodes.has(id)));
  // nodesByIds and edgesBetween read through the visibility gate: only what the caller may see.
  if (rest.size) {
    for (const n of await nodesByIds(ctx, [...rest])) {
      if (n.labels.includes('Context')) { shownNodes.add(n.id); rest.delete(n.id); }
    }
  }
  if (rest.size && shownNodes.size > 1) {
    for (const e of await edgesBetween(ctx, [...shownNodes])) {
      if (rest.has(e.id)) rest.delete(e.id);
    }
  }
  if (!rest.size) return;
  const first = ids.findIndex((id) => rest.has(id));
  const others = rest.size - 1;
  throw badInput(`ids[${first}]`, `${ids[first]}${others ? ` and ${others} other id${others === 1 ? '' : 's'}` : ''} ${others ? 'were' : 'was'} not shown to you in the last ${SHOWN_WITHIN_HOURS} hours: an export holds only records you were shown`);
}
