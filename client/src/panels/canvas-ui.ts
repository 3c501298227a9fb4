/**
 * Canvas interaction: selection → detail panel, double-click → expand, right-click → context
 * menu, toolbar buttons, and keyboard access (arrows move between nodes, Enter expands, C
 * collapses, P pins, H / Delete hides, Ctrl+Z undoes, F fits, / focuses search). On a busy
 * place's group node, expanding (double-click, Enter, Expand) shows its events one by one; on one
 * of those events, collapsing gathers them again.
 */
import { shown, shownNodes } from '../graph/visible';
import type { Core, NodeSingular } from 'cytoscape';
import { canvas } from '../graph/canvas';
import { expand, collapse, togglePin, hide, showHidden, undo, clearCanvas, focusNode, refresh, currentLayout, openedGroupOf, gatherGroup, groupActionText } from '../graph/actions';
import { runLayout, type LayoutName } from '../graph/layouts';
import { showNode, showEdge, clearDetail, showGroup } from './detail';
import { state } from '../state';
import { $, $select, el } from '../ui/dom';
import type { SizeBy } from '../graph/elements';

const selectedNodeIds = (cy: Core): string[] => cy.nodes(':selected').map((n) => n.id());

/**
 * Expand these nodes. A group node among them is opened (it leaves the map): its place is
 * selected instead, so the arrow keys go on from there, and the detail panel shows the group.
 */
function expandNodes(ids: string[]): void {
  const cy = canvas();
  const group = ids.map((id) => cy.getElementById(id)).find((n) => n.hasClass('aggregate'));
  const [context, key] = [group?.data('context') as string, group?.data('groupKey') as string];
  void expand(ids);
  if (group) {
    cy.getElementById(context).select();
    showGroup(context, key);
  }
}

function openMenu(n: NodeSingular, x: number, y: number): void {
  const menu = $('ctx-menu');
  const item = (label: string, fn: () => void): HTMLButtonElement => {
    const b = el('button', { type: 'button', role: 'menuitem' }, label);
    b.addEventListener('click', () => { closeMenu(); fn(); });
    return b;
  };
  const expanded = state.expansions.has(n.id());
  const inGroup = n.hasClass('event') && !expanded ? openedGroupOf(n.id()) : undefined;
  const details = item('Details', () => { n.select(); void showNode(n); });
  if (n.hasClass('aggregate')) {
    const members = n.data('members') as string[];
    menu.replaceChildren(
      item(groupActionText({ kind: n.data('kind'), what: n.data('what'), members, opened: false }), () => expandNodes([n.id()])),
      item('Hide', () => hide([n.id()])),
      details,
    );
  } else menu.replaceChildren(
    item('Expand neighbourhood', () => void expand([n.id()])),
    item('Expand two steps', () => void expand([n.id()], 2)),
    ...(expanded ? [item('Collapse', () => collapse(n.id()))] : []),
    ...(inGroup ? [item(groupActionText(inGroup), () => gatherGroup(inGroup.context, inGroup.key))] : []),
    item(n.hasClass('pinned') ? 'Unpin' : 'Pin', () => togglePin([n.id()])),
    item('Hide', () => hide([n.id()])),
    details,
  );
  const box = $('cy').getBoundingClientRect();
  menu.style.left = `${box.left + x}px`;
  menu.style.top = `${box.top + y}px`;
  menu.hidden = false;
  (menu.querySelector('button') as HTMLButtonElement).focus();
}
const closeMenu = (): void => { $('ctx-menu').hidden = true; };

/** Nearest visible node in the arrow's direction from the current one. */
function step(cy: Core, key: string): void {
  const visible = shownNodes(cy);
  if (!visible.length) return;
  const cur = cy.nodes(':selected').first();
  if (cur.empty()) { focusNode(visible.first().id()); return; }
  const p = cur.renderedPosition();
  const dir = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] }[key]!;
  let best: NodeSingular | undefined;
  let bestScore = Infinity;
  visible.forEach((n) => {
    if (n.same(cur)) return;
    const q = n.renderedPosition();
    const dx = q.x - p.x; const dy = q.y - p.y;
    const along = dx * dir[0] + dy * dir[1];
    if (along <= 0) return;
    const score = along + 2 * Math.abs(dx * dir[1] - dy * dir[0]);
    if (score < bestScore) { bestScore = score; best = n; }
  });
  if (best) { focusNode(best.id()); void showNode(best); }
}

export function initCanvasUi(): void {
  const cy = canvas();
  cy.on('tap', 'node', (ev) => void showNode(ev.target));
  cy.on('tap', 'edge', (ev) => showEdge(ev.target));
  cy.on('tap', (ev) => { if (ev.target === cy) { clearDetail(); closeMenu(); } });
  cy.on('dbltap', 'node', (ev) => expandNodes([ev.target.id()]));
  cy.on('cxttap', 'node', (ev) => { ev.target.select(); openMenu(ev.target, ev.renderedPosition.x, ev.renderedPosition.y); });
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') closeMenu(); });
  document.addEventListener('click', (ev) => { if (!$('ctx-menu').contains(ev.target as Node)) closeMenu(); });

  $('btn-expand').addEventListener('click', () => expandNodes(selectedNodeIds(cy)));
  $('btn-collapse').addEventListener('click', () => selectedNodeIds(cy).forEach(collapse));
  $('btn-pin').addEventListener('click', () => togglePin(selectedNodeIds(cy)));
  $('btn-hide').addEventListener('click', () => hide(cy.elements(':selected').map((e) => e.id())));
  $('btn-show-all').addEventListener('click', showHidden);
  $('btn-undo').addEventListener('click', undo);
  $('btn-fit').addEventListener('click', () => cy.fit(shown(cy), 30));
  $('btn-clear').addEventListener('click', clearCanvas);
  $select('layout-select').addEventListener('change', () => void runLayout(cy, currentLayout() as LayoutName));
  $select('size-by').addEventListener('change', () => { state.sizeBy = $select('size-by').value as SizeBy; refresh(); });
  $select('colour-by').addEventListener('change', () => { state.colourBy = $select('colour-by').value as 'kind' | 'community'; refresh(); });

  $('cy').addEventListener('keydown', (ev) => {
    const sel = selectedNodeIds(cy);
    if (ev.key.startsWith('Arrow')) { ev.preventDefault(); step(cy, ev.key); }
    else if (ev.key === 'Enter') expandNodes(sel);
    else if (ev.key === 'c') sel.forEach(collapse);
    else if (ev.key === 'p') togglePin(sel);
    else if (ev.key === 'h' || ev.key === 'Delete') hide(sel);
    else if (ev.key === 'f') cy.fit(shown(cy), 30);
    else if (ev.key === 'ContextMenu' && sel[0]) { const n = cy.getElementById(sel[0]); const p = n.renderedPosition(); openMenu(n, p.x, p.y); }
  });
  document.addEventListener('keydown', (ev) => {
    const typing = (ev.target as HTMLElement).closest('input, select, textarea, dialog');
    if (ev.key === '/' && !typing) { ev.preventDefault(); $('search-input').focus(); }
    if ((ev.ctrlKey || ev.metaKey) && ev.key === 'z' && !typing) { ev.preventDefault(); undo(); }
  });
}
