/**
 * What a pack may show, asked of the policy for the role it is written for: names only where the
 * role sees every agency's people by name, persons of concern named only for a role holding the
 * high-harm ranking, and the handling codes the role may not see left out. A pack is read by
 * others than its author, so 5x5x5 code 4 (originating agency only) is always left out, and the
 * partner edition leaves out everything that is not freely shareable.
 */
import type { Role } from '../../model/enums';
import { canSeeRecord, isPseudonymised, roleMay } from '../../platform/policy';
/** The editions of options.ts (not imported from there: options.ts imports this file). */
type Edition = 'restricted' | 'partner';

export interface PackView {
  names: 'names' | 'pseudonyms' | 'none';
  pocNames: boolean;
  hiddenHandling: string[];
}

const RESTRICTED_HANDLING = ['C', '5'];
const NEVER_IN_A_PACK = ['4'];

export function packView(edition: Edition, role: Role): PackView {
  const reader = { id: 'briefing', name: 'briefing', role };
  if (edition === 'partner') return { names: 'none', pocNames: false, hiddenHandling: [...RESTRICTED_HANDLING, ...NEVER_IN_A_PACK] };
  const seesEveryonesPeople = canSeeRecord(reader, { labels: ['Person'], source: null, handling: 'P' });
  const names = !seesEveryonesPeople ? 'none' : isPseudonymised(reader) ? 'pseudonyms' : 'names';
  const hidden = RESTRICTED_HANDLING.filter((handling) => !canSeeRecord(reader, { handling, source: null }));
  return { names, pocNames: roleMay(role, 'highHarmPersonsOfConcern'), hiddenHandling: [...hidden, ...NEVER_IN_A_PACK] };
}
