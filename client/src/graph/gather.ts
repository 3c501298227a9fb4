/**
 * Busy places on the canvas: the groups busy.ts finds are drawn as one group node each (class
 * `aggregate`), joined to their context by one edge; their events stay on the canvas with class
 * `gathered` (not drawn). The groups are worked out again from the canvas on every refresh, so a
 * time window, a hidden person or an undo changes them with nothing else to keep in step. Which
 * groups the reader opened is kept on the context node (data `openedGroups`), so undo snapshots
 * and saved investigations carry it with the node.
 */
import type { Core, EdgeSingular, ElementDefinition, NodeSingular } from 'cytoscape';
import { busyGroups, groupCanvasLabel, groupLabel, GATHERING_KINDS, type BusyGroup, type CanvasEvent, type CanvasFacts } from './busy';
import { declutter, type Box } from './declutter';

/** Not drawn because the reader or a filter hid it (a gathered event still counts as on the map). */
const OFF_MAP = '.user-hidden, .filtered';

const openedOf = (n: NodeSingular): string[] => (n.data('openedGroups') as string[] | undefined) ?? [];

/** What busy.ts needs to know about the canvas. */
export function canvasFacts(cy: Core): CanvasFacts {
  const contexts = new Map<string, string>();
  const opened = new Map<string, string[]>();
  cy.nodes().not(OFF_MAP).forEach((n) => {
    if (GATHERING_KINDS.includes(n.data('kind'))) {
      contexts.set(n.id(), n.data('kind'));
      if (openedOf(n).length) opened.set(n.id(), openedOf(n));
    }
  });
  const events: CanvasEvent[] = [];
  const neighbours = new Map<string, Set<string>>();
  cy.nodes('.event').not(OFF_MAP).not('.pinned').forEach((n) => {
    const props = (n.data('props') ?? {}) as Record<string, unknown>;
    events.push({
      id: n.id(), kind: n.data('kind'), time: n.data('time'),
      offenceType: typeof props.offenceType === 'string' ? props.offenceType : undefined,
    });
    const near = new Set<string>();
    n.connectedEdges().forEach((e) => {
      const other = (e as EdgeSingular).source().same(n) ? (e as EdgeSingular).target() : (e as EdgeSingular).source();
      if (!other.same(n) && !other.hasClass('aggregate') && !other.is(OFF_MAP)) near.add(other.id());
    });
    neighbours.set(n.id(), near);
  });
  return { contexts, events, neighbours, opened };
}

/** The groups on this canvas, opened ones included. */
export const groupsOn = (cy: Core): BusyGroup[] => busyGroups(canvasFacts(cy));

const mean = (ps: { x: number; y: number }[]): { x: number; y: number } =>
  ({ x: ps.reduce((s, p) => s + p.x, 0) / ps.length, y: ps.reduce((s, p) => s + p.y, 0) / ps.length });

/** The edge type most members have to their context (AT for events at a place). */
function linkType(cy: Core, g: BusyGroup): string {
  const count = new Map<string, number>();
  for (const m of g.members) {
    cy.getElementById(m).connectedEdges().forEach((e) => {
      if (e.source().id() === g.context || e.target().id() === g.context) count.set(e.data('type'), (count.get(e.data('type')) ?? 0) + 1);
    });
  }
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'AT';
}

function groupData(g: BusyGroup): { id: string; [key: string]: unknown } {
  return {
    id: g.id, name: groupLabel(g), display: groupCanvasLabel(g), kind: g.kind, cls: 'aggregate',
    context: g.context, groupKey: g.key, what: g.what, members: g.members, count: g.members.length,
    first: g.first, last: g.last, size: 0,
  };
}

/**
 * Draw the canvas's unopened groups as group nodes and hide their events; remove group nodes no
 * longer wanted (opened, or too few events left in the time window) and show the events they held
 * around where they were. Returns the groups drawn.
 */
export function gather(cy: Core): BusyGroup[] {
  const groups = groupsOn(cy).filter((g) => !g.opened);
  const wanted = new Set(groups.map((g) => g.id));
  const members = new Set(groups.flatMap((g) => g.members));
  const released: { at: { x: number; y: number }; members: string[] }[] = [];
  cy.batch(() => {
    cy.nodes('.aggregate').forEach((n) => {
      if (wanted.has(n.id())) return;
      released.push({ at: { ...n.position() }, members: (n.data('members') as string[]).filter((m) => !members.has(m)) });
      n.remove();
    });
    cy.nodes('.gathered').forEach((n) => { if (!members.has(n.id())) n.removeClass('gathered'); });
    const defs: ElementDefinition[] = [];
    for (const g of groups) {
      const node = cy.getElementById(g.id);
      if (node.nonempty()) {
        for (const [k, v] of Object.entries(groupData(g))) node.data(k, v);
        cy.getElementById(`${g.id}:link`).data('count', g.members.length);
      } else {
        const at = mean(g.members.map((m) => cy.getElementById(m).position()));
        defs.push({ group: 'nodes', data: groupData(g), classes: 'aggregate', position: at });
        defs.push({ group: 'edges', data: { id: `${g.id}:link`, source: g.id, target: g.context, type: linkType(cy, g), count: g.members.length }, classes: 'aggregate' });
      }
      for (const m of g.members) cy.getElementById(m).addClass('gathered').unselect();
    }
    if (defs.length) cy.add(defs);
  });
  for (const r of released) {
    const shown = r.members.filter((m) => cy.getElementById(m).nonempty() && !cy.getElementById(m).is(OFF_MAP));
    if (shown.length) placeNear(cy, shown, r.at);
  }
  return groups;
}

/** Mark a group opened (or closed) on its context node; refresh() then draws the change. */
export function setOpened(cy: Core, context: string, key: string, opened: boolean): void {
  const n = cy.getElementById(context);
  const keys = openedOf(n).filter((k) => k !== key);
  n.data('openedGroups', opened ? [...keys, key] : keys);
}

/** The group (opened or not) an event belongs to, if any. */
export const groupOfEvent = (cy: Core, eventId: string): BusyGroup | undefined =>
  groupsOn(cy).find((g) => g.members.includes(eventId));

/** Rough size of an event tag with its name: they are not drawn while gathered, so not measurable. */
const tagBox = (n: NodeSingular): { width: number; height: number } =>
  ({ width: Math.max(16, String(n.data('name') ?? '').length * 4.6 + 6), height: 28 });

/**
 * Put a group's events near where its group node was, on free spots around it: the nodes already
 * drawn stay where they are, and no name lands on another.
 */
export function placeNear(cy: Core, memberIds: string[], centre: { x: number; y: number }): void {
  // Only what is drawn near enough to be in the way (a big map has far more).
  const reach = 250 + 60 * Math.sqrt(memberIds.length);
  const moving = new Set(memberIds);
  const boxes: Box[] = [];
  cy.nodes().not(OFF_MAP).not('.gathered').forEach((n) => {
    if (moving.has(n.id())) return;
    const bb = n.boundingBox({ includeLabels: true, includeOverlays: false });
    const box = { id: n.id(), x: (bb.x1 + bb.x2) / 2, y: (bb.y1 + bb.y2) / 2, width: bb.w, height: bb.h, anchored: true };
    if (Math.abs(box.x - centre.x) < reach && Math.abs(box.y - centre.y) < reach) boxes.push(box);
  });
  // Wanted spots: a sunflower around the centre, so the events read as one cluster.
  memberIds.forEach((id, i) => {
    const r = 30 * Math.sqrt(i + 1);
    const a = i * Math.PI * (3 - Math.sqrt(5));
    boxes.push({ id, x: centre.x + r * Math.cos(a), y: centre.y + r * Math.sin(a), ...tagBox(cy.getElementById(id)) });
  });
  const out = declutter(boxes);
  cy.batch(() => memberIds.forEach((id) => {
    const p = out.get(id);
    const n = cy.getElementById(id);
    // The box is centred on the tag and its name below it: the node sits near the box's top.
    if (p && !n.locked()) n.position({ x: p.x, y: p.y - 7 });
  }));
}
