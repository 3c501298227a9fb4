/**
 * The series audit as a release gate for the partner edition: before a pack leaves, every partner
 * pack published so far (the history folder) and this one are attacked together (totals, repeats,
 * statistics in the text; disclosure/series-audit.ts). The pack is refused, naming each problem,
 * if a quantity printed as "c" is printed as a number elsewhere, a statistic is printed over a
 * hidden count, a "c" of this pack is pinned to one value, or a small count of this pack is
 * narrowed below the protection rule. The true figures known here are this pack's own, so the
 * protection of quantities only in earlier packs was checked when those packs were released.
 */
import { auditSeries, breaches, countValues, CountTable, PublishedPack, SeriesAudit } from './disclosure';
import type { PackRecord } from './history';

export class DisclosureAuditError extends Error {
  constructor(readonly problems: string[]) {
    super(`disclosure audit: the partner pack is not released (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n  ${problems.join('\n  ')}`);
  }
}

export interface ReleaseAudit { audit: SeriesAudit; problems: string[] }

export function auditRelease(earlier: PackRecord[], current: PublishedPack, counts: CountTable[]): ReleaseAudit {
  const packs: PublishedPack[] = [...earlier.map((r) => ({ quarter: r.quarter, tables: r.tables, statements: r.statements })), current];
  const audit = auditSeries(packs);
  const truth = countValues(counts);
  const problems = [
    ...audit.revealed.map((r) => `"${r.key}" is printed as "c" in one pack and as ${r.value} in another`),
    ...audit.statisticsOverHidden.map((s) => (s.kind === 'unpublished'
      ? `a statistic (${s.statistic}) is printed over counts no table publishes: ${s.description}`
      : `the statistic ${s.statistic} is printed over "${s.x}" and its earlier quarters, one of them hidden`)),
    ...audit.intervals.filter((i) => truth.has(i.key) && i.min === i.max).map((i) => `"${i.key}" (a "c") can be worked out exactly: ${i.min}`),
    ...breaches(audit.intervals, (k) => truth.get(k)).filter((b) => !b.recovered)
      .map((b) => `"${b.key}" (a count of 0–4) is narrowed to ${b.min}–${b.max}, narrower than the protection rule allows`),
  ];
  return { audit, problems };
}
