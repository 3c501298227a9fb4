/**
 * Analytic views as tables linked to the canvas: selecting a row puts the item on the map if it
 * is not there, then highlights and centres it. Only the views the role may use are offered.
 */
import { VIEWS, type ViewDef, type ViewRow } from '../api/views';
import { ApiError } from '../api/client';
import { canvas } from '../graph/canvas';
import { merge } from '../graph/elements';
import { focusNode, refresh, currentLayout } from '../graph/actions';
import { runLayout } from '../graph/layouts';
import { state } from '../state';
import { loadScores } from '../graph/scores';
import { $, $select, el } from '../ui/dom';
import { loadSubgraph } from '../api/queries';
import { quartersOf } from '../period';

let current: ViewDef | undefined;
/** Each view's setting as the reader last chose it (a threshold), for this session. */
const settings = new Map<string, number>();

/** The quarters of the data the user may see, the most recent first. */
export const quarters = (): string[] => quartersOf(state.period);

async function selectRow(row: ViewRow, tr: HTMLTableRowElement): Promise<void> {
  tr.parentElement?.querySelectorAll('tr.sel').forEach((r) => r.classList.remove('sel'));
  tr.classList.add('sel');
  const cy = canvas();
  if (row.memberIds?.length) {
    // A network theme: its members and the links between them, coloured by community.
    const g = await loadSubgraph(row.memberIds);
    merge(cy, g.nodes, g.edges);
    $select('colour-by').value = 'community';
    state.colourBy = 'community';
    refresh(cy);
    await runLayout(cy, currentLayout(), false);
    cy.elements().unselect();
    const members = cy.nodes().filter((n) => row.memberIds!.includes(n.id()));
    members.select();
    cy.animate({ fit: { eles: members, padding: 40 } }, { duration: 300 });
    return;
  }
  if (!row.node) return;
  if (cy.getElementById(row.node.id).empty()) {
    merge(cy, [row.node], []);
    refresh(cy);
    await runLayout(cy, currentLayout(), false);
  }
  focusNode(row.node.id);
}

/** Whole numbers with thousands separators (1,234); anything else as given. */
const cellText = (v: unknown): string => (v == null ? '—' : Number.isInteger(v) ? (v as number).toLocaleString('en-GB') : String(v));

function table(def: ViewDef, rows: ViewRow[]): HTMLElement {
  const head = el('tr', {}, ...def.columns.map((c) => el('th', { scope: 'col' }, c.title)));
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr', { tabindex: '0', 'data-id': row.node?.id ?? '' }, ...def.columns.map((c) => {
      const v = row.cells[c.key];
      return el('td', c.numeric ? { class: 'num' } : {}, cellText(v));
    }));
    tr.addEventListener('click', () => void selectRow(row, tr));
    tr.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); void selectRow(row, tr); } });
    body.append(tr);
  }
  return el('table', { 'aria-label': def.title }, el('thead', {}, head), body);
}

/** The labelled number field of a view's setting; a change reloads the view and keeps the focus there. */
function settingField(def: ViewDef): HTMLElement | null {
  const s = def.setting;
  if (!s) return null;
  const input = el('input', {
    id: 'view-setting', type: 'number', min: String(s.min), max: String(s.max), step: '1', value: String(settings.get(def.key) ?? s.initial),
  });
  input.addEventListener('change', () => {
    const v = Math.round(Number(input.value));
    if (!Number.isFinite(v) || v < s.min || v > s.max) { input.value = String(settings.get(def.key) ?? s.initial); return; }
    settings.set(def.key, v);
    void openView(def).then(() => document.getElementById('view-setting')?.focus());
  });
  return el('p', { class: 'small view-setting' }, el('label', { for: 'view-setting' }, `${s.label} `), input);
}

export async function openView(def: ViewDef): Promise<void> {
  current = def;
  document.querySelectorAll('#view-tabs [role=tab]').forEach((b) => b.setAttribute('aria-selected', String(b.getAttribute('data-view') === def.key)));
  const body = $('view-body');
  body.dataset.view = def.key;
  body.dataset.state = 'loading';
  body.replaceChildren(el('p', { class: 'muted' }, `Loading ${def.title.toLowerCase()} for ${state.quarter}…`));
  try {
    const r = await def.load(state.quarter, def.setting ? settings.get(def.key) ?? def.setting.initial : undefined);
    if (current !== def) return;
    const summary = r.summary ? el('p', { class: 'small', id: 'view-summary', 'aria-live': 'polite' }, r.summary) : null;
    body.replaceChildren(...[
      el('p', { class: 'muted small' }, def.explain),
      settingField(def),
      r.note ? el('details', { class: 'small' }, el('summary', {}, 'How this is computed'), el('p', { class: 'muted' }, r.note)) : null,
      summary,
      r.rows.length ? table(def, r.rows) : el('p', {}, def.key === 'accesslog' ? 'No entries yet.' : 'Nothing for this quarter.'),
    ].filter((x): x is HTMLElement => x != null));
    body.dataset.state = 'ready';
    body.dataset.rows = String(r.rows.length);
    body.dataset.summary = r.later ? 'pending' : 'ready';
    if (r.later && summary) {
      void r.later.then(({ text, alert }) => {
        if (current !== def || !summary.isConnected) return;
        summary.textContent = text;
        summary.classList.toggle('alert', alert === true);
        body.dataset.summary = 'ready';
      });
    }
  } catch (e) {
    if (current !== def) return;
    body.replaceChildren(el('p', { class: 'error' }, e instanceof ApiError ? e.message : 'Could not load this view'));
    body.dataset.state = 'error';
  }
}

export function initViews(): void {
  const tabs = $('view-tabs');
  const offered = VIEWS.filter((v) => v.allowed());
  const buttons = offered.map((v) => {
    const b = el('button', { type: 'button', role: 'tab', 'data-view': v.key, 'aria-selected': 'false' }, v.title);
    b.addEventListener('click', () => void openView(v));
    return b;
  });
  const select = el('select', { id: 'quarter-select' }, ...quarters().map((q) => el('option', { value: q }, q)));
  select.value = state.quarter;
  select.addEventListener('change', () => {
    state.quarter = select.value;
    void loadScores(state.quarter).then((changed) => { if (changed) refresh(); });
    if (current) void openView(current);
  });
  const quarterPicker = el('span', { class: 'quarter' }, el('label', { for: 'quarter-select' }, 'Quarter'), select);
  quarterPicker.hidden = !offered.some((v) => v.key !== 'accesslog');
  tabs.replaceChildren(...buttons, quarterPicker);
  current = undefined;
  $('view-body').replaceChildren(el('p', { class: 'muted' }, offered.length ? 'Choose a view.' : 'No analytic views for your role.'));
}
