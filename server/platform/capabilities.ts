/**
 * The one table of who may do what: every GraphQL query and mutation, every briefing edition and
 * every operational command is a named capability with the roles that hold it. Services ask
 * policy.ts (requireCapability) with these names, the client reads the caller's list from `me`,
 * and docs/access-matrix.md is generated from this file (`npm run access-matrix`).
 */
import { ROLE, type Role } from '../model/enums';

export type CapabilityKind = 'query' | 'mutation' | 'edition' | 'command' | 'existence';

export interface CapabilityRule {
  kind: CapabilityKind;
  /** How it is reached: the GraphQL field, the mutation and argument, or the npm command. */
  reachedBy: string;
  roles: readonly Role[];
  /** Needs the x-justification header (or --justification): person-level data or an alteration. */
  justification: boolean;
  /** What the holder gets, where the roles differ. */
  note?: string;
}

const DATA_ROLES = ['analyst', 'police', 'lead', 'partner'] as const satisfies readonly Role[];
const ANALYTICS_ROLES = ['analyst', 'police', 'lead'] as const satisfies readonly Role[];
const RECORDING_ROLES = ['analyst', 'police', 'partner'] as const satisfies readonly Role[];
const RESOLUTION_ROLES = ['analyst', 'admin'] as const satisfies readonly Role[];

const gql = (kind: 'query' | 'mutation', field: string, roles: readonly Role[], justification: boolean, note?: string): CapabilityRule =>
  ({ kind, reachedBy: `${kind === 'query' ? 'Query' : 'Mutation'}.${field}`, roles, justification, note });

const VIEW_NOTE = 'lead: people pseudonymised; partner: own agency and what is shared with it';

export const CAPABILITIES = {
  me: gql('query', 'me', ROLE, false, 'the caller, with the capabilities of their role'),
  search: gql('query', 'search', DATA_ROLES, true, `${VIEW_NOTE}; lead finds people by exact id only`),
  profile: gql('query', 'profile', DATA_ROLES, true, VIEW_NOTE),
  neighbourhood: gql('query', 'neighbourhood', DATA_ROLES, true, VIEW_NOTE),
  subgraph: gql('query', 'subgraph', DATA_ROLES, true, VIEW_NOTE),
  dataPeriod: gql('query', 'dataPeriod', DATA_ROLES, false, 'the days of the first and last events the caller may see'),
  wards: gql('query', 'wards', DATA_ROLES, false, 'the borough\'s ward boundaries, from its configuration (no records)'),
  investigations: gql('query', 'investigations', DATA_ROLES, false, 'the caller\'s own saved investigations'),
  investigation: gql('query', 'investigation', DATA_ROLES, false, 'the caller\'s own; ids of records they may no longer see are left out'),
  saveInvestigation: gql('mutation', 'saveInvestigation', DATA_ROLES, false, 'only ids of records the caller may see are saved'),
  deleteInvestigation: gql('mutation', 'deleteInvestigation', DATA_ROLES, false),
  recordExport: gql('mutation', 'recordExport', ANALYTICS_ROLES, true, 'logs a chart or table export as a disclosure; only ids the caller was shown (returned by their logged reads in the last 12 hours; places and other contexts; links between those), refused alike otherwise'),
  recordEvent: gql('mutation', 'recordEvent', RECORDING_ROLES, true),
  recordRelationship: gql('mutation', 'recordRelationship', RECORDING_ROLES, true),
  hotspots: gql('query', 'hotspots', ANALYTICS_ROLES, false, 'places, schools and online spaces; figures leave out records the caller may not see'),
  trends: gql('query', 'trends', ANALYTICS_ROLES, false, 'aggregates of the records the caller may see'),
  disproportionality: gql('query', 'disproportionality', ANALYTICS_ROLES, false, 'aggregates of the records the caller may see, disclosure-controlled'),
  youngAdults: gql('query', 'youngAdults', ANALYTICS_ROLES, false, 'transitional safeguarding: counts of young adults 18–25 of the records the caller may see'),
  networkThemes: gql('query', 'networkThemes', ANALYTICS_ROLES, true, 'lead: persons of concern pseudonymised'),
  criticalMoments: gql('query', 'criticalMoments', ANALYTICS_ROLES, true, 'lead: children pseudonymised'),
  notYetReferred: gql('query', 'notYetReferred', ANALYTICS_ROLES, true, 'lead: children pseudonymised'),
  highHarmPersonsOfConcern: gql('query', 'highHarmPersonsOfConcern', ['police'], true, 'police only: named persons of concern with the evidence of each score'),
  familiesOfPersonsOfConcern: gql('query', 'familiesOfPersonsOfConcern', ['police', 'lead'], true, 'for a diversionary offer of support; lead: children and persons of concern pseudonymised'),
  sameAsCandidates: gql('query', 'sameAsCandidates', RESOLUTION_ROLES, true, 'admin: ids and scores without names or dates of birth'),
  runEntityResolution: gql('mutation', 'runEntityResolution', RESOLUTION_ROLES, true),
  confirmSameAs: gql('mutation', 'confirmSameAs', RESOLUTION_ROLES, true),
  rejectSameAs: gql('mutation', 'rejectSameAs', RESOLUTION_ROLES, true),
  undoMerge: gql('mutation', 'undoMerge', RESOLUTION_ROLES, true),
  accessLog: gql('query', 'accessLog', ['auditor'], true, 'reading entries is itself logged (a consultation naming the entries shown)'),
  verifyAccessLog: gql('query', 'verifyAccessLog', ['auditor'], false),
  exportAccessLog: gql('mutation', 'exportAccessLog', ['auditor'], true),
  'briefing:restricted': {
    kind: 'edition', reachedBy: 'Mutation.generateBriefing(edition: RESTRICTED); npm run briefing -- --edition restricted',
    roles: ['police'], justification: true,
    note: 'need to know: names and the police-only high-harm ranking; counts what police see, never 5x5x5 code 4',
  },
  'briefing:partner': {
    kind: 'edition', reachedBy: 'Mutation.generateBriefing(edition: PARTNER); npm run briefing -- --edition partner',
    roles: ['lead'], justification: true,
    note: 'wider circulation: partnership-wide aggregates of every agency\'s records except police-only handling (C, 5) and 5x5x5 code 4; no child identified, counts of 0-4 suppressed',
  },
  'exists:hidden-links': {
    kind: 'existence', reachedBy: 'Subgraph.hiddenByAccess of Query.neighbourhood; Profile.hiddenByAccess of Query.profile',
    roles: ['analyst', 'police'], justification: false,
    note: '1 when the record(s) asked about have direct links the caller may not see, else 0: never a count, the same whatever the filter; search and subgraph always say 0',
  },
  'command:start': { kind: 'command', reachedBy: 'npm start', roles: ['admin'], justification: false, note: 'runs the API server' },
  'command:migrate': { kind: 'command', reachedBy: 'npm run migrate', roles: ['admin'], justification: false, note: 'schema only, no data' },
  'command:seed': { kind: 'command', reachedBy: 'npm run seed', roles: ['admin'], justification: false, note: 'loads a synthetic borough (demonstration and tests)' },
  'command:import': { kind: 'command', reachedBy: 'npm run import', roles: ['analyst', 'partner', 'admin'], justification: false, note: 'a partner imports its own agency\'s records' },
  'command:baseline': { kind: 'command', reachedBy: 'npm run baseline', roles: ['admin'], justification: false, note: 'loads the population baseline from the borough\'s Census-shaped files (reference data, no person)' },
  'command:review': { kind: 'command', reachedBy: 'npm run review', roles: ['admin'], justification: false, note: 'expires hypotheses past their review date (logged)' },
  'command:erase': { kind: 'command', reachedBy: 'npm run erase', roles: ['admin'], justification: true },
  'command:verify-log': { kind: 'command', reachedBy: 'npm run verify-log', roles: ['auditor', 'admin'], justification: false, note: 'checks the hash chain and checkpoints; prints no entry' },
  'command:token': { kind: 'command', reachedBy: 'npm run token', roles: ['admin'], justification: false, note: 'demo issuer only: refused when OIDC_ISSUER is set or NODE_ENV is production' },
  'command:backup': { kind: 'command', reachedBy: 'npm run backup', roles: ['admin'], justification: false, note: 'the store and the access log\'s checkpoints together (docs/operations.md)' },
  'command:restore': { kind: 'command', reachedBy: 'npm run restore', roles: ['admin'], justification: false, note: 'refused while the product runs' },
} as const satisfies Record<string, CapabilityRule>;

export type Capability = keyof typeof CAPABILITIES;

/** The mutation behind the briefing editions: open to a role that holds at least one edition. */
export const BRIEFING_EDITIONS = { RESTRICTED: 'briefing:restricted', PARTNER: 'briefing:partner' } as const satisfies Record<string, Capability>;

/**
 * package.json scripts that are development tooling, not operations on the partnership's data
 * (no connection to a deployment's database): they are not capabilities.
 */
export const DEVELOPER_SCRIPTS = [
  'test', 'test:unit', 'test:faults', 'test:disclosure-borough', 'typecheck', 'build', 'codegen', 'generate', 'gen-schema', 'templates', 'language-check', 'bench', 'neo4j', 'access-matrix',
] as const;

export const capabilityNames = (): Capability[] => Object.keys(CAPABILITIES) as Capability[];

/** The capabilities a role holds, in table order. */
export const capabilitiesOf = (role: Role): Capability[] =>
  capabilityNames().filter((c) => (CAPABILITIES[c].roles as readonly Role[]).includes(role));
