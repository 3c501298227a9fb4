/** Demo users of the embedded default, one per role. Synthetic people, obviously so. */
import type { User } from '../platform/context';

/** One password for every demo user: the embedded default is a local demonstration only. */
export const DEMO_PASSWORD = 'demo';

export const DEMO_USERS: Record<string, User & { description: string }> = {
  'ana.analyst': { id: 'ana.analyst', name: 'Ana Analyst (demo)', role: 'analyst', description: 'partnership analyst: search, profiles, networks, investigations' },
  'pat.police': { id: 'pat.police', name: 'Pat Police (demo)', role: 'police', agency: 'POLICE', description: 'police: also sees handling-code C intelligence' },
  'lee.lead': { id: 'lee.lead', name: 'Lee Lead (demo)', role: 'lead', description: 'strategic lead: aggregates and pseudonymised people' },
  'pam.partner': { id: 'pam.partner', name: 'Pam Partner (demo)', role: 'partner', agency: 'EDUCATION', description: "partner (Education): its agency's records and what is shared to it" },
  'aud.auditor': { id: 'aud.auditor', name: 'Aud Auditor (demo)', role: 'auditor', description: 'auditor: the access log only' },
  'adm.admin': { id: 'adm.admin', name: 'Adm Admin (demo)', role: 'admin', description: 'administrator: imports, entity resolution, retention' },
};
