/**
 * The period of the data as the caller sees it: the days of the first and last events that pass
 * the visibility gate. The workspace offers its quarters and time bar over this period, so an
 * imported export from any year can be seen. No record is returned, only two days: not logged.
 */
import type { RequestContext } from '../../platform/context';
import { requireCapability } from '../../platform/policy';
import { cypherFile, readRows } from '../../platform/db/query';

export interface DataPeriod { first: string | null; last: string | null }

/** The UTC day of an ISO date-time as the query runner returns it (any offset). */
export const utcDay = (iso: unknown): string | null => (typeof iso === 'string' ? new Date(iso).toISOString().slice(0, 10) : null);

export async function dataPeriod(ctx: RequestContext): Promise<DataPeriod> {
  requireCapability(ctx, 'dataPeriod');
  // One read per end of the occurredAt index, side by side.
  const [[first], [last]] = await Promise.all([
    readRows<{ at: string }>(ctx, cypherFile(__dirname, 'first'), {}),
    readRows<{ at: string }>(ctx, cypherFile(__dirname, 'last'), {}),
  ]);
  return { first: utcDay(first?.at), last: utcDay(last?.at) };
}
