/**
 * The borough's ward boundaries, read from its configuration (server/platform/borough.ts) for the
 * workspace's geographic layout. Configuration, not records: no query, nothing to log.
 */
import type { RequestContext } from '../../platform/context';
import { requireCapability } from '../../platform/policy';
import { borough, type Ward } from '../../platform/borough';

export function wards(ctx: RequestContext): Ward[] {
  requireCapability(ctx, 'wards');
  return borough().wards;
}
