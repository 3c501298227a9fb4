/**
 * What a pack may show, asked of the policy for the role it is written for: names only where the
 * role sees every agency's people by name, persons of concern named only for a role holding the
 * high-harm ranking, and the handling codes the role may not see left out. A pack is read by
 * others than its author, so 5x5x5 code 4 (originating agency only) is always left out, and the
 * partner edition leaves out everything that is not freely shareable.
 */
import type { Role } from '../../model/enums';
import { canSeeRecord, isPseudonymised, roleMay } from '../../platform/policy';
import { handlingNeverSeen, packViewer } from '../../platform/visibility';
/** The editions of options.ts (not imported from there: options.ts imports this file). */
type Edition = 'restricted' | 'partner';

export interface PackView {
  names: 'names' | 'pseudonyms' | 'none';
  pocNames: boolean;
  hiddenHandling: string[];
}

export function packView(edition: Edition, role: Role): PackView {
  const reader = { id: 'briefing', name: 'briefing', role };
  const hiddenHandling = handlingNeverSeen(packViewer(edition));
  if (edition === 'partner') return { names: 'none', pocNames: false, hiddenHandling };
  const seesEveryonesPeople = canSeeRecord(reader, { labels: ['Person'], source: null, handling: 'P' });
  const names = !seesEveryonesPeople ? 'none' : isPseudonymised(reader) ? 'pseudonyms' : 'names';
  return { names, pocNames: roleMay(role, 'highHarmPersonsOfConcern'), hiddenHandling };
}
