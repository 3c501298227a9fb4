/** What a briefing job is asked for, validated once (CLI and GraphQL share it). */
import type { Role } from '../../model/enums';
import { parseQuarter } from '../../domain/period';
import { packView } from './view';
import type { RevisionRequest } from './history';
import { borough, Borough } from '../../platform/borough';
import { checkPriorities } from './priorities';

export const EDITIONS = ['restricted', 'partner'] as const;
export type Edition = (typeof EDITIONS)[number];
export const MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export type Marking = (typeof MARKINGS)[number];

export interface BriefingOptions {
  quarter: string;
  edition: Edition;
  author: { name: string; role: Role };
  marking?: Marking;
  /** "Now" for what is overdue and the created date; default the current time. */
  createdAt?: string;
  /** Review date; default three months after creation. */
  reviewBy?: string;
  /** Formats to write; default all. */
  formats?: Array<'html' | 'pdf' | 'csv'>;
  /** Folder of the partner packs' published history; default `published-history` in the output folder. */
  historyDir?: string;
  /** The lead's explicit revision of figures earlier packs printed (logged in the history). */
  revise?: RevisionRequest;
  /** The borough the pack is about; default the configured one (BOROUGH_CONFIG). */
  borough?: Borough;
  /**
   * One borough of a store that holds several (a force), by its code: the pack covers that
   * borough (server/modules/analytics/read.ts says what its figures count). Default: the whole store.
   */
  boroughCode?: string | null;
}

export interface ResolvedOptions extends Required<Omit<BriefingOptions, 'formats' | 'historyDir' | 'revise'>> {
  historyDir?: string;
  revise?: RevisionRequest;
  formats: Array<'html' | 'pdf' | 'csv'>;
  /** Names of people may appear (restricted edition, role that may see names). */
  names: 'names' | 'pseudonyms' | 'none';
  /** Persons of concern are named only in the restricted edition for police (who may see the ranking). */
  pocNames: boolean;
  hiddenHandling: string[];
}

export class BriefingInputError extends Error {
  constructor(readonly field: string, message: string) {
    super(`${field}: ${message}`);
  }
}

const addMonths = (iso: string, n: number): string => {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};

export function resolveOptions(o: BriefingOptions): ResolvedOptions {
  let quarter: string;
  try {
    quarter = parseQuarter(o.quarter).quarter;
  } catch (e) {
    throw new BriefingInputError('quarter', `"${String(o.quarter).slice(0, 20)}" is not a quarter like 2025-Q3`);
  }
  if (!EDITIONS.includes(o.edition)) throw new BriefingInputError('edition', `must be one of ${EDITIONS.join(', ')}`);
  const marking = o.marking ?? 'OFFICIAL-SENSITIVE';
  if (!MARKINGS.includes(marking)) throw new BriefingInputError('marking', `must be one of ${MARKINGS.join(', ')}`);
  const createdAt = o.createdAt ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(createdAt))) throw new BriefingInputError('createdAt', 'not a date-time');
  const reviewBy = o.reviewBy ?? addMonths(createdAt, 3);
  const formats = o.formats ?? ['html', 'pdf', 'csv'];
  const { names, pocNames, hiddenHandling } = packView(o.edition, o.author.role);
  const revise = o.revise && resolveRevision(o.revise);
  const b = o.borough ?? borough();
  checkPriorities(b);
  return {
    quarter, edition: o.edition, author: o.author, marking, createdAt, reviewBy, formats, names, pocNames, hiddenHandling, historyDir: o.historyDir, revise,
    borough: b, boroughCode: o.boroughCode ?? null,
  };
}

function resolveRevision(r: RevisionRequest): RevisionRequest {
  if (!Array.isArray(r.quarters) || r.quarters.length === 0) throw new BriefingInputError('revise.quarters', 'name at least one quarter to revise');
  r.quarters.forEach((q, i) => {
    try { parseQuarter(q); } catch { throw new BriefingInputError(`revise.quarters[${i}]`, `"${String(q).slice(0, 20)}" is not a quarter like 2025-Q3`); }
  });
  if (typeof r.reason !== 'string' || r.reason.trim().length < 10) throw new BriefingInputError('revise.reason', 'give the reason for the revision (10 characters or more)');
  return { quarters: r.quarters.map((q) => parseQuarter(q).quarter), reason: r.reason.trim() };
}
