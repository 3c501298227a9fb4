/**
 * Who may do and see what (the role matrix in docs/access-matrix.md). Services call these; no
 * rule is re-implemented elsewhere. Record visibility is visibility.ts's one rule.
 */
import type { RequestContext, User } from './context';
import { GRACES_FIELDS, GRACES_RECORD_ROLES, ROLE, type GracesField, type Role } from '../model/enums';
import { capabilitiesOf, type Capability } from './capabilities';
import { AppError } from './errors';
import { viewerOf, visibleTo, type RecordMarking } from './visibility';

export type { Capability } from './capabilities';

/** What each role may call (the table in capabilities.ts). Record-level visibility is canSeeRecord's job. */
export const ROLE_CAPABILITIES: Readonly<Record<Role, readonly Capability[]>> = ROLE.reduce(
  (byRole, role) => ({ ...byRole, [role]: capabilitiesOf(role) }), {} as Record<Role, readonly Capability[]>);

export const roleMay = (role: Role, cap: Capability): boolean => ROLE_CAPABILITIES[role]?.includes(cap) ?? false;

export const can = (user: User, cap: Capability): boolean => roleMay(user.role, cap);

export function requireCapability(ctx: Pick<RequestContext, 'user'>, cap: Capability): void {
  if (!can(ctx.user, cap)) throw new AppError('FORBIDDEN', `The ${ctx.user.role} role may not use ${cap}`);
}

/** DPA 2018 s.62: a purpose and a case reference or reason (server/platform/justification.ts). */
export { requireJustification } from './justification';

export type { RecordMarking } from './visibility';

/** Whether the user may see a record (the one rule: visibility.ts). */
export const canSeeRecord = (user: User, rec: RecordMarking): boolean => visibleTo(viewerOf(user), rec);

/**
 * Places, schools, online spaces, peer groups, county lines and organisations are not personal
 * records: every data role sees them (partners included). People and events follow the record rule.
 */
export const canSeeNode = (user: User, rec: RecordMarking & { labels: readonly string[] }): boolean => canSeeRecord(user, rec);

/** Leads see people under a stable pseudonym, without names or dates of birth. */
export const isPseudonymised = (user: User): boolean => user.role === 'lead';

/**
 * The fairness (GRACES) fields of a person's record the user may see: faith on no record, the
 * others for the roles in GRACES_RECORD_ROLES; never for leads or partners. Aggregates are the
 * analytics' business (disclosure-controlled), not this rule's.
 */
export const gracesFieldsShownTo = (user: User): GracesField[] =>
  GRACES_FIELDS.filter((f) => GRACES_RECORD_ROLES[f].includes(user.role));
