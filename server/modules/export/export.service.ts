/**
 * Exports from the workspace are disclosures: logged (who, when, why, which ids, format) before
 * the client is allowed to produce the file.
 */
import type { RequestContext } from '../../platform/context';
import { requireCapability, requireJustification } from '../../platform/policy';
import { appendAccessLog } from '../accesslog/access-log';
import { badInput } from '../../platform/errors';

export const EXPORT_FORMATS = ['PNG', 'CSV', 'JSON'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const MAX_EXPORT_IDS = 20000;

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
  const entry = await appendAccessLog(ctx, {
    operation: 'disclosure',
    justification,
    ids,
    detail: { kind: 'workspace-export', format: input.format, investigationId: input.investigationId ?? null, recipient: input.recipient ?? null },
  });
  return { seq: entry.seq, at: entry.at, count: ids.length };
}
