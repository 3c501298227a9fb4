/**
 * Search: suggestions while typing (combobox, arrow keys + Enter), then a result list in the
 * sidebar; each result goes onto the canvas on request (Add / Add all).
 */
import { search, type SearchHit } from '../api/queries';
import { ApiError } from '../api/client';
import { canvas } from '../graph/canvas';
import { merge } from '../graph/elements';
import { record } from '../graph/history';
import { refresh, focusNode, currentLayout } from '../graph/actions';
import { runLayout } from '../graph/layouts';
import { $, $input, el, toast } from '../ui/dom';

let hits: SearchHit[] = [];
let hiddenHits = 0;
let active = -1;
let timer: number | undefined;
let seq = 0;

const describe = (h: SearchHit): string => `${h.kind}${h.detail ? ` · ${h.detail}` : ''}`;

async function fetchHits(text: string): Promise<SearchHit[]> {
  const mine = ++seq;
  // Names are shown with brackets ("… (synthetic 15)"): the full-text index tokenises them away,
  // so a pasted name would otherwise match nothing.
  const r = await search(text.replace(/[()[\]{}"]/g, ' ').replace(/\s+/g, ' ').trim(), 20);
  if (mine !== seq) return hits;
  hiddenHits = r.hidden;
  return r.items;
}

function renderSuggestions(): void {
  const box = $('search-suggestions');
  const input = $input('search-input');
  box.replaceChildren(...hits.slice(0, 8).map((h, i) => {
    const li = el('li', { role: 'option', id: `sugg-${i}`, 'aria-selected': String(i === active), 'data-id': h.id }, h.name, ' ', el('span', { class: 'kind' }, describe(h)));
    li.addEventListener('mousedown', (ev) => { ev.preventDefault(); active = i; showResults(); void addToCanvas([h]); });
    return li;
  }));
  const open = hits.length > 0 && document.activeElement === input;
  box.hidden = !open;
  input.setAttribute('aria-expanded', String(open));
  input.setAttribute('aria-activedescendant', active >= 0 ? `sugg-${active}` : '');
}

export function showResults(): void {
  const list = $('results');
  list.replaceChildren(...hits.map((h) => {
    const add = el('button', { type: 'button', 'aria-label': `Add ${h.name} to the map` }, 'Add');
    add.addEventListener('click', () => void addToCanvas([h]));
    return el('li', { 'data-id': h.id }, el('span', {}, h.name, el('span', { class: 'kind' }, describe(h))), add);
  }));
  if (!hits.length) list.replaceChildren(el('li', {}, 'No matches'));
  if (hiddenHits) list.append(el('li', { class: 'muted small', id: 'search-hidden' }, `${hiddenHits} match(es) hidden by access rules`));
  $('btn-add-all').hidden = hits.length < 2;
  $('search-suggestions').hidden = true;
}

/** A hit's map point as node properties (places and schools), so the geographic layout places it. */
const mapPoint = (h: SearchHit): Record<string, number> =>
  (typeof h.lat === 'number' && typeof h.lon === 'number' ? { lat: h.lat, lon: h.lon } : {});

export async function addToCanvas(items: SearchHit[]): Promise<void> {
  const cy = canvas();
  document.body.dataset.busy = 'add';
  record(cy);
  const added = merge(cy, items.map((h) => ({ id: h.id, labels: h.labels, name: h.name, properties: mapPoint(h) })), []);
  refresh(cy);
  try {
    if (added.length) await runLayout(cy, currentLayout());
    focusNode(items[0].id);
  } finally {
    delete document.body.dataset.busy;
  }
}

export function initSearch(): void {
  const input = $input('search-input');
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) { hits = []; renderSuggestions(); return; }
    timer = window.setTimeout(async () => {
      try {
        hits = await fetchHits(text);
        active = -1;
        renderSuggestions();
      } catch (e) {
        toast(e instanceof ApiError ? e.message : 'Search failed');
      }
    }, 180);
  });
  input.addEventListener('keydown', async (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      const n = Math.min(hits.length, 8);
      if (!n) return;
      active = (active + (ev.key === 'ArrowDown' ? 1 : n - 1)) % n;
      renderSuggestions();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      window.clearTimeout(timer);
      const text = input.value.trim();
      if (active >= 0 && hits[active]) { showResults(); await addToCanvas([hits[active]]); return; }
      if (text.length < 2) return;
      try { hits = await fetchHits(text); } catch (e) { toast(e instanceof ApiError ? e.message : 'Search failed'); return; }
      showResults();
    } else if (ev.key === 'Escape') {
      $('search-suggestions').hidden = true;
    }
  });
  input.addEventListener('blur', () => setTimeout(() => { $('search-suggestions').hidden = true; }, 150));
  $('btn-add-all').addEventListener('click', () => void addToCanvas(hits));
}
