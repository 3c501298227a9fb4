/**
 * What every resolver and service receives. Built per request by server/graphql (sign-in,
 * justification header, request id). Services take this context, never the raw request.
 */
import type { Driver } from 'neo4j-driver';
import type { AgencyCode, Role } from '../model/enums';

export interface User {
  /** Subject of the verified token. */
  id: string;
  name: string;
  role: Role;
  /** Partner users (and any user tied to an agency): the agency whose records they hold. */
  agency?: AgencyCode;
}

export interface RequestContext {
  user: User;
  /** Why person-level data is consulted: a case reference or reason, from the x-justification header (decoded). */
  justification?: string;
  /** The purpose of the consultation, from the x-justification-purpose header (server/platform/justification.ts). */
  purpose?: string;
  requestId: string;
  driver: Driver;
  database: string;
}
