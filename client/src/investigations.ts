/**
 * Saved investigations: a name, the node ids on the canvas, filters, time window, positions and
 * the busy places' groups opened. Group nodes are not records: they are drawn again from the
 * events when the investigation is opened. A new or opened investigation asks for its own
 * justification. Deep link: #investigation=<id>.
 */
import { shown } from './graph/visible';
import { canvas } from './graph/canvas';
import { merge } from './graph/elements';
import { refresh, resetCanvas } from './graph/actions';
import { runLayout, type LayoutName } from './graph/layouts';
import { defaultFilters, type Filters } from './graph/filters';
import { listInvestigations, getInvestigation, saveInvestigation, loadSubgraph } from './api/queries';
import { ApiError, setJustification } from './api/client';
import { resetWindow, setWindow, windowMonths } from './panels/timebar';
import { monthOf, parseMonthKey } from './period';
import { renderFilters } from './panels/filters-panel';
import { state } from './state';
import { $, $input, $select, el, toast } from './ui/dom';
import { attachLanguageCheck } from './language/live-check';

/**
 * `window`: the time window's months ('YYYY-MM'), null for the whole period, or two month indexes
 * counted from October 2024 (the form some saved investigations hold).
 */
export interface SavedState {
  filters: Filters; window: [string, string] | [number, number] | null; layout: LayoutName;
  positions: Record<string, { x: number; y: number }>; pinned: string[];
  /** Context id → keys of its groups of events shown one by one (graph/gather.ts). */
  openedGroups?: Record<string, string[]>;
}

/** The records on the canvas: every node but the group nodes drawn for busy places. */
const recordNodes = () => canvas().nodes().not('.aggregate');

/** The months of a saved window, whichever way it was saved; undefined for the whole period. */
function savedWindow(w: SavedState['window'] | undefined): [number, number] | undefined {
  if (!Array.isArray(w) || w.length !== 2) return undefined;
  const [from, to] = w.map((x) => (typeof x === 'number' ? monthOf('2024-10') + x : parseMonthKey(String(x))));
  return from === undefined || to === undefined ? undefined : [from, to];
}

function setName(name: string | undefined): void {
  $('inv-name').textContent = name ?? 'No investigation';
}

export function newInvestigation(): void {
  resetCanvas();
  state.investigation = undefined;
  state.filters = defaultFilters();
  setJustification(undefined);
  renderFilters();
  resetWindow();
  setName(undefined);
  history.replaceState(null, '', location.pathname);
}

function snapshot(): SavedState {
  const positions: Record<string, { x: number; y: number }> = {};
  const openedGroups: Record<string, string[]> = {};
  recordNodes().forEach((n) => {
    positions[n.id()] = { x: Math.round(n.position('x')), y: Math.round(n.position('y')) };
    if (n.data('openedGroups')?.length) openedGroups[n.id()] = n.data('openedGroups');
  });
  return { filters: state.filters, window: windowMonths(), layout: $select('layout-select').value as LayoutName, positions, pinned: recordNodes().filter('.pinned').map((n) => n.id()), openedGroups };
}

export async function save(name: string, notes = state.investigation?.notes ?? ''): Promise<string | undefined> {
  try {
    const saved = await saveInvestigation({ id: state.investigation?.id, name, ids: recordNodes().map((n) => n.id()), state: snapshot(), notes });
    state.investigation = { id: saved.id, name: saved.name, notes };
    setName(saved.name);
    history.replaceState(null, '', `#investigation=${encodeURIComponent(saved.id)}`);
    toast(`Saved "${saved.name}"`);
    return saved.id;
  } catch (e) {
    toast(e instanceof ApiError ? e.message : 'Could not save');
    return undefined;
  }
}

export async function open(id: string): Promise<boolean> {
  try {
    // Each investigation carries its own justification: ask again for this one.
    setJustification(undefined);
    const inv = await getInvestigation(id);
    resetCanvas();
    const s = inv.state as Partial<SavedState>;
    const g = await loadSubgraph(inv.ids);
    const cy = canvas();
    merge(cy, g.nodes, g.edges);
    cy.nodes().forEach((n) => { const p = s.positions?.[n.id()]; if (p) n.position(p); });
    (s.pinned ?? []).forEach((pid) => cy.getElementById(pid).addClass('pinned').lock());
    for (const [cid, keys] of Object.entries(s.openedGroups ?? {})) cy.getElementById(cid).data('openedGroups', keys);
    state.hiddenByAccess = g.hiddenByAccess;
    state.hiddenByLimit = g.hiddenByLimit;
    state.filters = { ...defaultFilters(), ...(s.filters ?? {}) };
    state.investigation = { id: inv.id, name: inv.name, notes: inv.notes ?? '' };
    renderFilters();
    if (s.layout) $select('layout-select').value = s.layout;
    const months = savedWindow(s.window);
    if (months) setWindow(months[0], months[1]); else resetWindow();
    refresh(cy);
    if (!s.positions) await runLayout(cy, (s.layout ?? 'fcose') as LayoutName, false);
    cy.fit(shown(cy), 30);
    setName(inv.name);
    history.replaceState(null, '', `#investigation=${encodeURIComponent(inv.id)}`);
    return true;
  } catch (e) {
    toast(e instanceof ApiError ? e.message : 'Could not open the investigation');
    return false;
  }
}

export const deepLinkId = (): string | undefined => {
  const m = /investigation=([^&]+)/.exec(location.hash);
  return m ? decodeURIComponent(m[1]) : undefined;
};

export function initInvestigations(): void {
  $('btn-new-inv').addEventListener('click', newInvestigation);
  const checkNotes = attachLanguageCheck($('save-notes') as HTMLTextAreaElement);
  $('btn-save-inv').addEventListener('click', () => {
    $input('save-name').value = state.investigation?.name ?? '';
    ($('save-notes') as HTMLTextAreaElement).value = state.investigation?.notes ?? '';
    checkNotes();
    ($('dlg-save') as HTMLDialogElement).showModal();
  });
  $('save-cancel').addEventListener('click', () => ($('dlg-save') as HTMLDialogElement).close());
  $('save-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const name = $input('save-name').value.trim();
    if (!name) return;
    ($('dlg-save') as HTMLDialogElement).close();
    void save(name, ($('save-notes') as HTMLTextAreaElement).value.trim());
  });
  $('btn-open-inv').addEventListener('click', async () => {
    const list = $('open-list');
    list.replaceChildren(el('li', {}, 'Loading…'));
    ($('dlg-open') as HTMLDialogElement).showModal();
    try {
      const items = await listInvestigations();
      list.replaceChildren(...items.map((i) => {
        const b = el('button', { type: 'button', 'data-id': i.id }, 'Open');
        b.addEventListener('click', async () => { ($('dlg-open') as HTMLDialogElement).close(); await open(i.id); });
        return el('li', {}, el('span', {}, i.name, el('span', { class: 'kind' }, `${i.ownerName ?? i.owner ?? ''} · ${i.count ?? 0} items · ${String(i.updatedAt ?? '').slice(0, 16).replace('T', ' ')}`)), b);
      }));
      if (!items.length) list.replaceChildren(el('li', {}, 'No saved investigations yet'));
    } catch (e) {
      list.replaceChildren(el('li', { class: 'error' }, e instanceof ApiError ? e.message : 'Could not list investigations'));
    }
  });
  window.addEventListener('hashchange', () => { const id = deepLinkId(); if (id && id !== state.investigation?.id) void open(id); });
}
