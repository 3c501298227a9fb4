/**
 * The record rows of the access matrix: each is a sample marking, and each cell is what
 * policy.ts answers for the demo user of that role. Nothing here decides; it only asks.
 */
import type { User } from '../../server/platform/context';
import { canSeeNode, gracesFieldsShownTo, isPseudonymised } from '../../server/platform/policy';

export interface RecordRow {
  record: string;
  marking: { labels: string[]; source?: string; handling?: string; sharedWith?: string[] };
  /** A person (pseudonymised for the roles that see people so). */
  person?: boolean;
}

export const RECORD_ROWS: RecordRow[] = [
  { record: 'places, schools, online spaces, peer groups, county lines, organisations', marking: { labels: ['Location', 'Context'] } },
  { record: 'person held by another agency (HEALTH), not shared', marking: { labels: ['Person', 'YoungPerson'], source: 'HEALTH', handling: 'P' }, person: true },
  { record: 'event held by another agency (HEALTH), not shared', marking: { labels: ['Incident'], source: 'HEALTH', handling: 'P' } },
  { record: 'person or event held by EDUCATION', marking: { labels: ['Person', 'YoungPerson'], source: 'EDUCATION', handling: 'P' }, person: true },
  { record: 'person or event held by HEALTH, shared with EDUCATION (`sharedWith`)', marking: { labels: ['Person', 'YoungPerson'], source: 'HEALTH', sharedWith: ['EDUCATION'] }, person: true },
  { record: '3x5x2 handling **C** (sharing with conditions), held by POLICE', marking: { labels: ['IntelligenceReport'], source: 'POLICE', handling: 'C' } },
  { record: '5x5x5 handling **5** (no further dissemination), held by POLICE', marking: { labels: ['IntelligenceReport'], source: 'POLICE', handling: '5' } },
  { record: '5x5x5 handling **4** (originating agency only), originated by POLICE', marking: { labels: ['IntelligenceReport'], source: 'POLICE', handling: '4' } },
  { record: '5x5x5 handling **4**, originated by EDUCATION', marking: { labels: ['Referral'], source: 'EDUCATION', handling: '4' } },
  { record: '`IntelligenceReport` (raw intelligence), handling P, held by POLICE', marking: { labels: ['IntelligenceReport'], source: 'POLICE', handling: 'P' } },
  { record: 'merged duplicate (the record entity resolution merged into another)', marking: { labels: ['MergedRecord'], source: 'POLICE', handling: 'P' } },
];

export function recordCell(user: User, row: RecordRow): string {
  if (!canSeeNode(user, row.marking)) return 'hidden';
  return row.person && isPseudonymised(user) ? 'yes, pseudonymised' : 'yes';
}

export const identifyingFieldsCell = (user: User): string => (isPseudonymised(user)
  ? 'removed: stable pseudonym `Person XXXXXXXX`, age band, `isChild`'
  : 'yes');

/** The fairness (GRACES) fields of a person's record the role sees: aggregates are the analytics' rows. */
export const gracesFieldsCell = (user: User): string => {
  const shown = gracesFieldsShownTo(user);
  return shown.length ? `${shown.map((f) => `\`${f}\``).join(', ')}; not \`faith\`` : 'none (aggregates only)';
};
