/** Filter controls (context and event kinds, relationship types, minimum grading, hypotheses). */
import { refresh } from '../graph/actions';
import { CONTEXT_TYPES, EVENT_TYPES, RELATIONSHIP_TYPES } from '../graph/kinds';
import { state } from '../state';
import { $, el } from '../ui/dom';

const human = (s: string): string => s.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase().replace(/^\w/, (c) => c.toUpperCase());

function checkGroup(title: string, items: string[], hidden: () => string[], set: (v: string[]) => void, idPrefix: string): HTMLElement {
  const fs = el('fieldset', { class: 'filters-group' }, el('legend', { class: 'sr-only' }, title));
  for (const item of items) {
    const id = `${idPrefix}-${item}`;
    const box = el('input', { type: 'checkbox', id, 'data-value': item });
    box.checked = !hidden().includes(item);
    box.addEventListener('change', () => {
      const h = new Set(hidden());
      if (box.checked) h.delete(item); else h.add(item);
      set([...h]);
      refresh();
    });
    fs.append(el('label', { for: id }, box, human(item)));
  }
  // Collapsed by default so the layout and legend stay in view on a laptop screen.
  return el('details', {}, el('summary', {}, `${title} (${items.length})`), fs);
}

export function renderFilters(): void {
  const f = state.filters;
  const grading = el('select', { id: 'filter-grading' },
    el('option', { value: 'C' }, 'Any source evaluation'), el('option', { value: 'B' }, 'B or better'), el('option', { value: 'A' }, 'A (reliable) only'));
  grading.value = f.minSourceEval;
  grading.addEventListener('change', () => { f.minSourceEval = grading.value as 'A' | 'B' | 'C'; refresh(); });
  const hyp = el('input', { type: 'checkbox', id: 'filter-hypotheses' });
  hyp.checked = f.showHypotheses;
  hyp.addEventListener('change', () => { f.showHypotheses = hyp.checked; refresh(); });
  $('filters').replaceChildren(
    el('label', { for: 'filter-grading' }, 'Minimum grading'), grading,
    el('fieldset', { class: 'filters-group' }, el('legend', {}, 'Status'), el('label', { for: 'filter-hypotheses' }, hyp, 'Show hypotheses (unconfirmed links)')),
    checkGroup('Contexts', CONTEXT_TYPES, () => f.hiddenKinds, (v) => { f.hiddenKinds = v; }, 'kind'),
    checkGroup('Events', EVENT_TYPES, () => f.hiddenKinds, (v) => { f.hiddenKinds = v; }, 'event'),
    checkGroup('Relationships', RELATIONSHIP_TYPES, () => f.hiddenRelTypes, (v) => { f.hiddenRelTypes = v; }, 'rel'),
  );
}
