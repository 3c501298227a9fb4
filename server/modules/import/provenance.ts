/**
 * Provenance for relationship files that do not carry their own: copied from the event the
 * relationship joins (an event of the same import), and a dateless link kept with its date marked
 * unknown. The book is filled while event files are read and consulted by relationship files,
 * which are read after them (run.ts reads node and event files first).
 */
import { nodeKind, PROVENANCE } from '../../model/model';
import type { ImportIssue, ParsedRecord } from './convert';
import type { Mapping } from './mapping';

const FIELDS = Object.keys(PROVENANCE);

export class ProvenanceBook {
  private readonly byEvent = new Map<string, Record<string, unknown>>();

  /** Keeps an event record's provenance (its fields as the mapping gave them). */
  keep(rec: ParsedRecord): void {
    if (rec.kind !== 'node' || !nodeKind(rec.type)?.event || typeof rec.data.id !== 'string') return;
    const kept: Record<string, unknown> = {};
    for (const f of FIELDS) if (rec.data[f as keyof typeof rec.data] !== undefined) kept[f] = rec.data[f as keyof typeof rec.data];
    this.byEvent.set(rec.data.id, kept);
  }

  /** Fills the provenance fields a relationship row left empty from the event at `end`. */
  fill(rec: ParsedRecord, end: 'from' | 'to'): ImportIssue | undefined {
    const id = rec.data[end as keyof typeof rec.data];
    const event = typeof id === 'string' ? this.byEvent.get(id) : undefined;
    if (!event) {
      return {
        file: rec.file, row: rec.row, column: rec.columnOf[end] ?? end,
        reason: `provenance is taken from the event at "${end}", but ${JSON.stringify(id ?? '')} is not an event of this import`,
      };
    }
    const data = rec.data as unknown as Record<string, unknown>;
    for (const [f, v] of Object.entries(event)) {
      if (data[f] === undefined) { data[f] = v; rec.columnOf[f] = `(provenance of event ${id})`; }
    }
    return undefined;
  }
}

/** A relationship row without recordedAt, in a mapping that allows it: dated by the import, marked dateUnknown. */
export function markUndated(rec: ParsedRecord, m: Mapping, now: Date): void {
  if (!m.allowUndated || rec.kind !== 'rel') return;
  const data = rec.data as unknown as Record<string, unknown>;
  if (data.recordedAt !== undefined) return;
  data.recordedAt = now.toISOString();
  data.dateUnknown = true;
  rec.columnOf.recordedAt = '(no date in the file: the import date, marked dateUnknown)';
  if (data.reviewBy === undefined && m.reviewAfterMonths) {
    const review = new Date(now);
    review.setUTCMonth(review.getUTCMonth() + m.reviewAfterMonths);
    data.reviewBy = review.toISOString().slice(0, 10);
    rec.columnOf.reviewBy = '(mapping reviewAfterMonths)';
  }
}

/** True when some mapping copies provenance from events (only then are events' provenance kept). */
export const needsBook = (mappings: Array<Mapping | undefined>): boolean => mappings.some((m) => m?.provenanceFrom);
