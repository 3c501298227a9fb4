/**
 * The strategy's priorities in the pack: one section each, in the strategy's order, right after
 * what changed. A priority's section states its aim, reprints the rows of the strategy-measures
 * table it names exactly as that table is published (a suppressed cell stays "c": no figure here
 * is new to disclosure control), and links to the sections with the detail. The priorities are
 * the borough's configuration (server/platform/borough.ts); checkPriorities names a wrong one.
 */
import { boroughError, type Borough, type Priority } from '../../platform/borough';
import { esc } from './charts/svg';
import { tableHtml, type PackSection } from './html';
import { SECTION_TITLES, isSectionId } from './section-titles';
import type { PackTable } from './tables/table';
import { STRATEGY_ROWS } from './tables/outcomes';

const MEASURES = STRATEGY_ROWS.map(([row]) => row);

/** Every measure a priority names is a row of the strategy-measures table, every section a section of the pack. */
export function checkPriorities(b: Borough): void {
  b.priorities.forEach((p, i) => {
    p.measures.forEach((m, j) => {
      if (!MEASURES.includes(m)) throw boroughError(b.file, `priorities.${i}.measures.${j}`, `"${m}" is not a row of the strategy-measures table (its rows: ${MEASURES.map((r) => `"${r}"`).join(', ')})`);
    });
    p.sections.forEach((s, j) => {
      if (!isSectionId(s)) throw boroughError(b.file, `priorities.${i}.sections.${j}`, `"${s}" is not a section of the pack (its sections: ${Object.keys(SECTION_TITLES).join(', ')})`);
    });
  });
}

/** The published strategy-measures rows a priority names, as a table of its own. */
function measuresTable(p: Priority, n: number, strategy: PackTable): PackTable {
  const picked = p.measures.map((m) => strategy.rows.indexOf(m)).filter((i) => i >= 0);
  return {
    id: `priority-${n}-measures`, title: `Measures for priority ${n}`, unit: strategy.unit, rowHeader: strategy.rowHeader,
    cols: strategy.cols, rows: picked.map((i) => strategy.rows[i]), cells: picked.map((i) => strategy.cells[i]), extra: [],
    keys: { cells: picked.map((i) => strategy.keys.cells[i]) },
    note: 'The same figures as the strategy measures table; each is defined under its own table in "What difference we make".',
  };
}

function sectionLinks(p: Priority): string {
  if (!p.sections.length) return '';
  const links = p.sections.filter(isSectionId).map((s) => `<a href="#${esc(s)}">${esc(SECTION_TITLES[s])}</a>`);
  return `<p class="note">The detail is in: ${links.join('; ')}.</p>`;
}

export function prioritySections(priorities: Priority[], tables: Map<string, PackTable>): PackSection[] {
  const strategy = tables.get('strategy-measures');
  return priorities.map((p, i) => {
    const n = i + 1;
    const measures = strategy && p.measures.length ? [tableHtml(measuresTable(p, n, strategy))] : [];
    return {
      id: `priority-${n}`, title: `Priority ${n}: ${p.title}`, newPage: i === 0,
      paragraphs: [p.aim, ...(measures.length ? [] : ['The strategy names no measure from this pack for this priority.'])],
      tables: measures, figures: [], html: sectionLinks(p),
    };
  });
}
