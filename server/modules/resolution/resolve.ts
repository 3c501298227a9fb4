/**
 * Entity resolution run: read the people (one query), block, score, and propose the likely
 * duplicates as POSSIBLY_SAME_AS hypotheses (score, reasons, review date) through the shared
 * loader. Pairs already proposed, confirmed or rejected are never proposed again.
 */
import { load, SINGLE_TRANSACTION_MAX_ROWS } from '../../platform/bulk/loader';
import { appendAccessLog, appendAccessLogTx, type AccessLogInput, type SystemActor } from '../accesslog/access-log';
import type { RequestContext } from '../../platform/context';
import { candidatePairs } from './blocking';
import { scorePair, MATCH_THRESHOLD, PersonRecord } from './score';
import { cypherFile } from '../../platform/db/query';

export interface Proposal { id: string; from: string; to: string; score: number; reasons: string[] }
export interface ResolutionRun { people: number; compared: number; proposed: Proposal[]; alreadyKnown: number; ms: number }

export interface ResolveOptions {
  /** Only compare these (new) people against everyone. */
  focusIds?: string[];
  now?: Date;
  /** Days until an unconfirmed hypothesis expires (npm run review). */
  reviewDays?: number;
  threshold?: number;
  /** Score and report only; write nothing. */
  dryRun?: boolean;
}

export const pairId = (a: string, b: string): string => `same-as:${a}:${b}`;

/** Pure part: people in, proposals out (used by the run and the benchmark). */
export function findDuplicates(people: PersonRecord[], focus?: Set<string>, threshold = MATCH_THRESHOLD): { compared: number; matches: Proposal[] } {
  const { pairs } = candidatePairs(people, focus);
  const matches: Proposal[] = [];
  for (const [a, b] of pairs) {
    const s = scorePair(a, b);
    if (s.score >= threshold) matches.push({ id: pairId(a.id, b.id), from: a.id, to: b.id, ...s });
  }
  return { compared: pairs.length, matches };
}

export async function runResolution(actor: RequestContext | SystemActor, opts: ResolveOptions = {}): Promise<ResolutionRun> {
  const started = Date.now();
  const { driver, database } = actor;
  const now = opts.now ?? new Date();
  const read = await driver.executeQuery(cypherFile(__dirname, 'people'), {}, { database, routing: 'READ' });
  const people = read.records.map((r) => r.toObject() as PersonRecord & { source: string });
  const known = await driver.executeQuery(cypherFile(__dirname, 'known-pairs'), {}, { database, routing: 'READ' });
  const knownPairs = new Set(known.records.map((r) => [r.get('a'), r.get('b')].sort().join('\u0000')));
  const { compared, matches } = findDuplicates(people, opts.focusIds ? new Set(opts.focusIds) : undefined, opts.threshold);
  const fresh = matches.filter((m) => !knownPairs.has([m.from, m.to].sort().join('\u0000')));
  const sourceOf = new Map(people.map((p) => [p.id, p.source]));
  if (fresh.length && !opts.dryRun) {
    const reviewBy = new Date(now.getTime() + (opts.reviewDays ?? 30) * 86_400_000).toISOString().slice(0, 10);
    const rows = fresh.map((m) => ({
      id: m.id, from: m.from, to: m.to, score: m.score, reasons: m.reasons,
      // Held by the agency of the first record; a machine-made link is untested (B) and not known to a source (4).
      source: sourceOf.get(m.from) ?? 'SOCIAL_CARE', sourceRef: `entity-resolution:${now.toISOString().slice(0, 10)}`,
      recordedAt: now.toISOString(), gradingScheme: '3x5x2', sourceEval: 'B', assessment: '4', handling: 'P',
      reviewBy, status: 'hypothesis',
    }));
    const entry: AccessLogInput = {
      operation: 'combination', justification: 'entity resolution: proposing possible duplicate records for review',
      ids: fresh.flatMap((m) => [m.from, m.to]), detail: { stage: 'proposed', pairs: fresh.map((m) => m.id) },
    };
    const units = [{ kind: 'rel' as const, type: 'POSSIBLY_SAME_AS', rows, origin: 'entity-resolution' }];
    if (rows.length <= SINGLE_TRANSACTION_MAX_ROWS) {
      // The proposals and their entry commit together or not at all.
      await load(driver, units, { database, now, inSameTransaction: async (tx) => { await appendAccessLogTx(tx, actor, entry); } });
    } else {
      // Staged (committed in batches): the entry goes first, so no proposal is ever unlogged.
      await appendAccessLog(actor, entry);
      await load(driver, units, { database, now });
    }
  }
  return { people: people.length, compared, proposed: fresh, alreadyKnown: matches.length - fresh.length, ms: Date.now() - started };
}
