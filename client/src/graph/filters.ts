/**
 * Canvas filters: time window, context / event types, relationship types, minimum grading and
 * hypotheses. Filtered elements get class `filtered` (display none) and count as hidden.
 */
import type { Core, NodeSingular, EdgeSingular } from 'cytoscape';

export interface Filters {
  /** Inclusive ISO date bounds of the time window (events by occurredAt, links by validFrom). */
  from?: string;
  to?: string;
  /** Node kinds switched off (Location, School, MissingEpisode…). */
  hiddenKinds: string[];
  /** Relationship types switched off. */
  hiddenRelTypes: string[];
  /** Minimum source evaluation: 'C' shows all, 'B' hides C, 'A' shows A only. */
  minSourceEval: 'A' | 'B' | 'C';
  showHypotheses: boolean;
}

export const defaultFilters = (): Filters => ({ hiddenKinds: [], hiddenRelTypes: [], minSourceEval: 'C', showHypotheses: true });

const EVAL_ORDER = ['A', 'B', 'C', 'D', 'E'];

function passes(el: NodeSingular | EdgeSingular, f: Filters): boolean {
  const time = el.data('time') as string | undefined;
  const timed = el.isEdge() || el.data('cls') === 'event';
  if (timed && time) {
    const day = time.slice(0, 10);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
  }
  if (el.isNode()) return !f.hiddenKinds.includes(el.data('kind'));
  if (f.hiddenRelTypes.includes(el.data('type'))) return false;
  if (!f.showHypotheses && el.data('status') === 'hypothesis') return false;
  const se = el.data('sourceEval') as string | undefined;
  if (se && EVAL_ORDER.indexOf(se) > EVAL_ORDER.indexOf(f.minSourceEval)) return false;
  return true;
}

/** Apply the filters; returns how many elements they hide. */
export function applyFilters(cy: Core, f: Filters): number {
  let hidden = 0;
  cy.batch(() => {
    cy.elements().forEach((el: NodeSingular | EdgeSingular) => {
      const ok = passes(el, f);
      if (ok) el.removeClass('filtered');
      else { el.addClass('filtered'); hidden++; }
    });
  });
  return hidden;
}
