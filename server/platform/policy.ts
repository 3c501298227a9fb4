/**
 * Who may do and see what (the role matrix in docs/access-matrix.md). Services call these; no
 * rule is re-implemented elsewhere. Denied records are made invisible by the caller and counted.
 */
import type { RequestContext, User } from './context';
import { ROLE, type Role } from '../model/enums';
import { capabilitiesOf, type Capability } from './capabilities';
import { AppError } from './errors';

export type { Capability } from './capabilities';

/** What each role may call (the table in capabilities.ts). Record-level visibility is canSeeRecord's job. */
export const ROLE_CAPABILITIES: Readonly<Record<Role, readonly Capability[]>> = ROLE.reduce(
  (byRole, role) => ({ ...byRole, [role]: capabilitiesOf(role) }), {} as Record<Role, readonly Capability[]>);

export const roleMay = (role: Role, cap: Capability): boolean => ROLE_CAPABILITIES[role]?.includes(cap) ?? false;

export const can = (user: User, cap: Capability): boolean => roleMay(user.role, cap);

export function requireCapability(ctx: Pick<RequestContext, 'user'>, cap: Capability): void {
  if (!can(ctx.user, cap)) throw new AppError('FORBIDDEN', `The ${ctx.user.role} role may not use ${cap}`);
}

/**
 * DPA 2018 s.62: consulting person-level data needs a reason (case reference or purpose), sent as
 * the x-justification header. Returns the cleaned justification.
 */
export function requireJustification(ctx: Pick<RequestContext, 'justification'>): string {
  const j = (ctx.justification ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  if (j.length < 3) {
    throw new AppError('JUSTIFICATION_REQUIRED',
      'Person-level data needs a justification: send a case reference or purpose in the x-justification header');
  }
  if (j.length > 500) throw new AppError('BAD_USER_INPUT', 'x-justification: at most 500 characters', { field: 'x-justification' });
  return j;
}

/** The marking of a node, event or relationship that decides who may see it. */
export interface RecordMarking {
  source?: string | null;
  handling?: string | null;
  sharedWith?: readonly string[] | null;
  /** Node labels, when the record is a node (raw intelligence is hidden from leads). */
  labels?: readonly string[] | null;
}

/** Handling codes only police may see: 3x5x2 "C" (sharing with conditions), 5x5x5 "5" (no further dissemination). */
const POLICE_ONLY_HANDLING = new Set(['C', '5']);
/** 5x5x5 "4": originating agency only. */
const ORIGINATOR_ONLY_HANDLING = new Set(['4']);
const DATA_ROLES: ReadonlySet<Role> = new Set(['analyst', 'police', 'lead', 'partner']);

export function canSeeRecord(user: User, rec: RecordMarking): boolean {
  if (!DATA_ROLES.has(user.role)) return false;
  const handling = rec.handling ?? undefined;
  if (handling && POLICE_ONLY_HANDLING.has(handling) && user.role !== 'police') return false;
  if (handling && ORIGINATOR_ONLY_HANDLING.has(handling) && (!user.agency || user.agency !== rec.source)) return false;
  if (user.role === 'lead' && rec.labels?.includes('IntelligenceReport')) return false;
  if (user.role === 'partner') {
    if (!user.agency) return false;
    return rec.source === user.agency || (rec.sharedWith ?? []).includes(user.agency);
  }
  return true;
}

/**
 * Places, schools, online spaces, peer groups, county lines and organisations are not personal
 * records: every data role sees them (partners included). People and events follow canSeeRecord.
 */
export function canSeeNode(user: User, rec: RecordMarking & { labels: readonly string[] }): boolean {
  if (!DATA_ROLES.has(user.role)) return false;
  if (rec.labels.includes('Context')) return true;
  return canSeeRecord(user, rec);
}

/** Leads see people under a stable pseudonym, without names or dates of birth. */
export const isPseudonymised = (user: User): boolean => user.role === 'lead';
