/**
 * The one visibility rule: which records a viewer may see. It is stated once, as data (a Viewer)
 * and one predicate, and evaluated in two places that a test proves equal
 * (visibility.gate.test.ts runs the Cypher over every combination of markings):
 *  - in Cypher, where queries read: a query names each record it matches in VISIBLE_NODE(x) or
 *    VISIBLE_REL(r), the runner expands the macro into the predicate over the `$viewer`
 *    parameter, and it fills `$viewer` from the request's user;
 *  - in Node, for the few decisions made outside a query (visibleTo).
 * A record is any person, event or relationship; context nodes (places, schools, online spaces,
 * peer groups, county lines, organisations) are not personal records and every data role sees
 * them. Merged duplicates are seen by no one through the data views: resolution has its own queries.
 */
import type { User } from './context';
import type { Role } from '../model/enums';

export interface Viewer {
  /** Reads records at all (the data roles). */
  reads: boolean;
  /** Sees police-only handling: 3x5x2 "C" (sharing with conditions) and 5x5x5 "5". */
  policeOnly: boolean;
  /** The agency whose 5x5x5 code 4 ("originating agency only") records the viewer sees; '' for none. */
  originator: string;
  /** '' to see every agency's records; else only those held by, or shared with, this agency. */
  onlyAgency: string;
  /** Sees raw intelligence reports as records. */
  intelligence: boolean;
}

/** The marking of a node, event or relationship that decides who may see it. */
export interface RecordMarking {
  source?: string | null;
  handling?: string | null;
  sharedWith?: readonly string[] | null;
  /** Node labels, when the record is a node. */
  labels?: readonly string[] | null;
}

const DATA_ROLES: ReadonlySet<Role> = new Set(['analyst', 'police', 'lead', 'partner']);
/** An agency code no record carries: a partner without an agency sees no agency's records. */
const NO_AGENCY = '-';

export function viewerOf(user: Pick<User, 'role' | 'agency'>): Viewer {
  return {
    reads: DATA_ROLES.has(user.role),
    policeOnly: user.role === 'police',
    originator: user.agency ?? '',
    onlyAgency: user.role === 'partner' ? (user.agency ?? NO_AGENCY) : '',
    intelligence: user.role !== 'lead',
  };
}

/**
 * Who reads a briefing pack: people other than its author, so 5x5x5 code 4 is never in a pack.
 * The restricted edition (police) counts police-only handling and raw intelligence; the partner
 * edition is a partnership-wide aggregate of what may be shared freely, so it counts neither (its
 * author, a lead, does not see raw intelligence either).
 */
export const packViewer = (edition: 'restricted' | 'partner'): Viewer => {
  const restricted = edition === 'restricted';
  return { reads: true, policeOnly: restricted, originator: '', onlyAgency: '', intelligence: restricted };
};

const POLICE_ONLY_HANDLING = ['C', '5'];
const ORIGINATOR_ONLY_HANDLING = '4';

/** The rule in Node. */
export function visibleTo(v: Viewer, rec: RecordMarking): boolean {
  if (!v.reads) return false;
  const labels = rec.labels ?? [];
  if (labels.includes('MergedRecord')) return false;
  if (labels.includes('Context')) return true;
  const handling = rec.handling ?? '';
  if (POLICE_ONLY_HANDLING.includes(handling) && !v.policeOnly) return false;
  if (handling === ORIGINATOR_ONLY_HANDLING && rec.source !== v.originator) return false;
  if (v.onlyAgency && rec.source !== v.onlyAgency && !(rec.sharedWith ?? []).includes(v.onlyAgency)) return false;
  if (!v.intelligence && labels.includes('IntelligenceReport')) return false;
  return true;
}

const HANDLING_CODES = ['P', 'C', '1', '2', '3', '4', '5'];
/** A holder no viewer belongs to. */
const ANOTHER_AGENCY = '\u0000';

/** Handling codes whose records this viewer never sees, whoever holds them (for method notes). */
export const handlingNeverSeen = (v: Viewer): string[] =>
  HANDLING_CODES.filter((handling) => !visibleTo({ ...v, onlyAgency: '' }, { handling, source: ANOTHER_AGENCY }));

/** The rule in Cypher, on a variable `x` bound to a record (relationship or node). */
function recordPredicate(x: string): string {
  return [
    `(NOT coalesce(${x}.handling, '') IN ['${POLICE_ONLY_HANDLING.join("', '")}'] OR $viewer.policeOnly)`,
    `(coalesce(${x}.handling, '') <> '${ORIGINATOR_ONLY_HANDLING}' OR ${x}.source = $viewer.originator)`,
    `($viewer.onlyAgency = '' OR ${x}.source = $viewer.onlyAgency OR $viewer.onlyAgency IN coalesce(${x}.sharedWith, []))`,
  ].join(' AND ');
}

const nodePredicate = (x: string): string =>
  `($viewer.reads AND NOT ${x}:MergedRecord AND (${x}:Context OR (${recordPredicate(x)} AND ($viewer.intelligence OR NOT ${x}:IntelligenceReport))))`;

const relPredicate = (x: string): string => `($viewer.reads AND ${recordPredicate(x)})`;

const MACRO = /\bVISIBLE_(NODE|REL)\(\s*([A-Za-z_]\w*)\s*\)/g;

/** Whether a query's text reads through the gate (and so needs `$viewer`). */
export const usesGate = (text: string): boolean => /\$viewer\b/.test(text) || /\bVISIBLE_(NODE|REL)\(/.test(text);

/** Expands VISIBLE_NODE(x) and VISIBLE_REL(r) into the predicate over `$viewer`. */
export const expandVisibility = (text: string): string =>
  text.replace(MACRO, (_m, kind: string, x: string) => (kind === 'NODE' ? nodePredicate(x) : relPredicate(x)));
