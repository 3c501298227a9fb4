/**
 * Canvas actions: expand / collapse a neighbourhood, open / gather a busy place's group of
 * events, pin, hide, show hidden, undo, fit, clear. Each mutating action records an undo snapshot
 * first, then refresh() re-applies size, colour, filters, the busy places' groups and the
 * "n hidden" indicator.
 */
import type { Collection, Core } from 'cytoscape';
import { shown } from './visible';
import { canvas, tunePerformance } from './canvas';
import { applySize, merge } from './elements';
import { applyFilters } from './filters';
import { applyScores, loadScores } from './scores';
import { record, undo as undoSnapshot, clearHistory } from './history';
import { runLayout, MAX_FIT_ZOOM, type LayoutName } from './layouts';
import { gather, groupOfEvent, groupsOn, setOpened } from './gather';
import { memberWords, type BusyGroup } from './busy';
import { state } from '../state';
import { neighbourhood } from '../api/queries';
import { $, $select, toast } from '../ui/dom';
import { ApiError } from '../api/client';

export function refresh(cy: Core = canvas()): void {
  applyScores(cy);
  applySize(cy, state.sizeBy);
  cy.nodes().toggleClass('by-community', state.colourBy === 'community');
  // Groups count only the events the filters leave; the group nodes they make are filtered in turn.
  applyFilters(cy, state.filters);
  gather(cy);
  const filtered = applyFilters(cy, state.filters);
  const userHidden = cy.elements('.user-hidden').length;
  // hiddenByAccess is a yes/no from the server (never a count): it adds a note, not a number.
  const server = state.hiddenByLimit;
  const parts: string[] = [];
  if (userHidden) parts.push(`${userHidden} hidden by you`);
  if (filtered) parts.push(`${filtered} filtered`);
  if (state.hiddenByAccess) parts.push('some linked records withheld by access rules');
  if (state.hiddenByLimit) parts.push(`${state.hiddenByLimit} over the limit`);
  const total = userHidden + filtered + server;
  $('hidden-indicator').textContent = total ? `${total} hidden (${parts.join(', ')})` : parts.join('');
  $('hidden-indicator').dataset.count = String(total);
  tunePerformance(cy);
}

export const currentLayout = (): LayoutName => $select('layout-select').value as LayoutName;

/**
 * Fetch and add the neighbourhood of the given nodes; remembers what each expansion added. A busy
 * place's group node among them is opened instead: its events are already on the canvas.
 */
export async function expand(ids: string[], hops = 1): Promise<number> {
  const cy = canvas();
  const groups = ids.filter((id) => cy.getElementById(id).hasClass('aggregate'));
  const opened = groups.length ? openGroups(groups) : 0;
  ids = ids.filter((id) => !groups.includes(id));
  if (!ids.length) return opened;
  // Tests and the benchmark wait for this to go: the expansion is fetched, drawn and laid out.
  document.body.dataset.busy = 'expand';
  try {
    const g = await neighbourhood(ids, hops);
    record(cy);
    const centre = cy.getElementById(ids[0]);
    const added = merge(cy, g.nodes, g.edges, centre.nonempty() ? centre.position() : undefined);
    for (const id of ids) {
      state.expansions.set(id, [...(state.expansions.get(id) ?? []), ...added]);
      cy.getElementById(id).addClass('expanded');
    }
    state.hiddenByAccess = g.hiddenByAccess;
    state.hiddenByLimit = g.hiddenByLimit;
    refresh(cy);
    // Person-level scores become readable once the investigation holds a justification.
    void loadScores(state.quarter).then((changed) => { if (changed) refresh(cy); });
    if (added.length) await runLayout(cy, currentLayout());
    if (g.truncated) toast(`Showing the first items only: ${g.hiddenByLimit} over the limit`);
    return added.length;
  } catch (e) {
    toast(e instanceof ApiError ? e.message : 'Could not expand');
    return 0;
  } finally {
    delete document.body.dataset.busy;
  }
}

/**
 * Remove what expanding this node brought in, and what expanding those nodes brought in in turn
 * (the whole branch), except pinned nodes.
 */
export function collapse(id: string): void {
  const cy = canvas();
  if (!state.expansions.get(id)?.length) {
    // An event shown one by one from a busy place's group folds back into the group.
    const g = cy.getElementById(id).hasClass('event') ? openedGroupOf(id) : undefined;
    if (g) gatherGroup(g.context, g.key);
    return;
  }
  record(cy);
  const remove = new Set<string>();
  const queue = [id];
  while (queue.length) {
    const cur = queue.shift()!;
    for (const eid of state.expansions.get(cur) ?? []) {
      if (eid === id || remove.has(eid) || cy.getElementById(eid).hasClass('pinned')) continue;
      remove.add(eid);
      if (state.expansions.has(eid)) queue.push(eid);
    }
    state.expansions.delete(cur);
  }
  cy.batch(() => remove.forEach((eid) => cy.getElementById(eid).remove()));
  cy.getElementById(id).removeClass('expanded');
  refresh(cy);
}

/**
 * Show the events of these group nodes one by one, around where each group was. Returns how
 * many events were shown.
 */
export function openGroups(groupIds: string[]): number {
  const cy = canvas();
  const groups = groupIds.map((id) => cy.getElementById(id)).filter((n) => n.nonempty() && n.hasClass('aggregate'));
  if (!groups.length) return 0;
  record(cy);
  let opened = cy.collection();
  for (const g of groups) {
    setOpened(cy, g.data('context'), g.data('groupKey'), true);
    opened = opened.union(cy.getElementById(g.data('context')));
    for (const m of g.data('members') as string[]) opened = opened.union(cy.getElementById(m));
  }
  // The refresh takes the group nodes away and puts their events around where each was.
  refresh(cy);
  keepInView(cy, opened);
  return opened.filter('.event').length;
}

/** Fit the map to what it shows when some of `eles` (names included) fall outside the view. */
function keepInView(cy: Core, eles: Collection): void {
  const bb = eles.boundingBox({ includeLabels: true, includeOverlays: false });
  const view = cy.extent();
  if (bb.x1 >= view.x1 && bb.x2 <= view.x2 && bb.y1 >= view.y1 && bb.y2 <= view.y2) return;
  cy.fit(shown(cy), 30);
  if (cy.zoom() > MAX_FIT_ZOOM) { cy.zoom(MAX_FIT_ZOOM); cy.center(shown(cy)); }
}

/** Gather a group of a busy place's events into one node again; returns the group node's id. */
export function gatherGroup(context: string, key: string): string | undefined {
  const cy = canvas();
  const g = groupsOn(cy).find((x) => x.context === context && x.key === key && x.opened);
  if (!g) return undefined;
  record(cy);
  setOpened(cy, context, key, false);
  refresh(cy);
  return g.id;
}

/** The opened group an event on the map belongs to, if it can be gathered again. */
export const openedGroupOf = (eventId: string): BusyGroup | undefined => {
  const g = groupOfEvent(canvas(), eventId);
  return g?.opened ? g : undefined;
};

/** "Show the 23 robbery incidents one by one" / "Gather the 23 robbery incidents into one node". */
export function groupActionText(g: Pick<BusyGroup, 'kind' | 'what' | 'members' | 'opened'>): string {
  const n = g.members.length;
  return g.opened ? `Gather the ${n} ${memberWords(g, n)} into one node` : `Show the ${n} ${memberWords(g, n)} one by one`;
}

export function togglePin(ids: string[]): void {
  const cy = canvas();
  record(cy);
  ids.forEach((id) => {
    const n = cy.getElementById(id);
    if (n.hasClass('pinned')) { n.removeClass('pinned'); n.unlock(); } else { n.addClass('pinned'); n.lock(); }
  });
}

export function hide(ids: string[]): void {
  const cy = canvas();
  if (!ids.length) return;
  record(cy);
  cy.batch(() => ids.forEach((id) => cy.getElementById(id).addClass('user-hidden').unselect()));
  refresh(cy);
}

export function showHidden(): void {
  const cy = canvas();
  record(cy);
  cy.elements('.user-hidden').removeClass('user-hidden');
  refresh(cy);
}

export function undo(): void {
  const cy = canvas();
  if (!undoSnapshot(cy)) { toast('Nothing to undo'); return; }
  cy.nodes('.pinned').lock();
  refresh(cy);
}

export function clearCanvas(): void {
  const cy = canvas();
  record(cy);
  cy.elements().remove();
  state.expansions.clear();
  state.hiddenByAccess = 0;
  state.hiddenByLimit = 0;
  refresh(cy);
}

export function resetCanvas(): void {
  canvas().elements().remove();
  clearHistory();
  state.expansions.clear();
  state.hiddenByAccess = 0;
  state.hiddenByLimit = 0;
  refresh();
}

/** Select, highlight and centre a node (from a table row or a search hit). */
export function focusNode(id: string): boolean {
  const cy = canvas();
  const n = cy.getElementById(id);
  if (n.empty()) return false;
  // An event gathered into a busy place's group is shown by opening the group.
  const g = n.hasClass('gathered') ? groupOfEvent(cy, id) : undefined;
  if (g) openGroups([g.id]);
  n.removeClass('user-hidden filtered');
  cy.elements().unselect();
  cy.elements('.highlight').removeClass('highlight');
  n.select().addClass('highlight');
  cy.animate({ center: { eles: n }, zoom: Math.min(Math.max(cy.zoom(), 0.8), MAX_FIT_ZOOM) }, { duration: 300 });
  setTimeout(() => n.removeClass('highlight'), 2500);
  return true;
}
