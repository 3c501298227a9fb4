/**
 * Whose view a pack built outside the API (npm run briefing) is written for: a role that holds the
 * edition's capability in the access table; by default the first role that holds it.
 */
import { ROLE, type Role } from '../../model/enums';
import { BRIEFING_EDITIONS, CAPABILITIES } from '../../platform/capabilities';
import { BriefingInputError } from './options';

export function editionRole(edition: string, role?: string): Role {
  const key = edition.toUpperCase();
  if (!(key in BRIEFING_EDITIONS)) {
    throw new BriefingInputError('edition', `must be one of ${Object.keys(BRIEFING_EDITIONS).map((e) => e.toLowerCase()).join(', ')}`);
  }
  const holders: readonly Role[] = CAPABILITIES[BRIEFING_EDITIONS[key as keyof typeof BRIEFING_EDITIONS]].roles;
  if (role === undefined) return holders[0];
  if (!(ROLE as readonly string[]).includes(role)) throw new BriefingInputError('role', `must be one of ${ROLE.join(', ')}; got ${role}`);
  if (!holders.includes(role as Role)) {
    throw new BriefingInputError('role', `${role} may not build the ${edition.toLowerCase()} edition (the access matrix gives it to ${holders.join(', ')})`);
  }
  return role as Role;
}
