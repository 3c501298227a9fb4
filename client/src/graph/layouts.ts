/**
 * Layouts: fcose (default; draft quality on big graphs, pinned nodes fixed), concentric by harm,
 * grid, and geographic (places at their lat/lon; everything else near the places it links to,
 * each then given the nearest spot where no two names overlap; the borough's wards drawn under it).
 */
import { declutter, type Box } from './declutter';
import { shown, shownNodes } from './visible';
import { projection, setLastProjection } from './projection';
import { showWards } from './wards';
import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';

/** Highest zoom a layout's fit may leave the map at. */
export const MAX_FIT_ZOOM = 1.6;

export type LayoutName = 'fcose' | 'concentric' | 'grid' | 'geo';

export function layoutOptions(cy: Core, name: LayoutName, animate = true): LayoutOptions {
  const visible = shownNodes(cy);
  const big = visible.length > 300;
  switch (name) {
    case 'concentric':
      return {
        name: 'concentric', animate, animationDuration: 300, minNodeSpacing: 12,
        // Highest score in the centre (data(size): the normalised computed score).
        concentric: (n: NodeSingular) => Math.round(Number(n.data('size') ?? 0) * 10),
        levelWidth: () => 1,
      } as LayoutOptions;
    case 'grid':
      return { name: 'grid', animate, animationDuration: 300, avoidOverlap: true, sort: (a: NodeSingular, b: NodeSingular) => String(a.data('kind')).localeCompare(String(b.data('kind'))) } as LayoutOptions;
    case 'geo':
      return { name: 'preset', positions: geoPositions(cy), animate, animationDuration: 300, fit: true } as LayoutOptions;
    default: {
      const pinned = visible.filter('.pinned');
      return {
        name: 'fcose', quality: big ? 'draft' : 'default', randomize: true, animate: animate && !big,
        animationDuration: 400, nodeRepulsion: 6000, idealEdgeLength: 70, nodeSeparation: 60, packComponents: true,
        // Labels count as part of a node's size, so names do not land on top of each other.
        nodeDimensionsIncludeLabels: true,
        fixedNodeConstraint: pinned.length ? pinned.map((n) => ({ nodeId: n.id(), position: { ...(n as NodeSingular).position() } })) : undefined,
      } as unknown as LayoutOptions;
    }
  }
}

export function runLayout(cy: Core, name: LayoutName, animate = true): Promise<void> {
  return new Promise((resolve) => {
    const els = shown(cy);
    if (!els.length) return resolve();
    const layout = els.layout(layoutOptions(cy, name, animate));
    layout.one('layoutstop', () => {
      // A handful of nodes would otherwise be fitted at maximum zoom.
      if (cy.zoom() > MAX_FIT_ZOOM) { cy.zoom(MAX_FIT_ZOOM); cy.center(els); }
      showWards(cy, name === 'geo');
      resolve();
    });
    layout.run();
  });
}

/** Equirectangular projection of places; other nodes at the mean of their placed neighbours. */
export function geoPositions(cy: Core): Record<string, { x: number; y: number }> {
  const pos: Record<string, { x: number; y: number }> = {};
  const placed = cy.nodes().filter((n) => typeof n.data('lat') === 'number' && typeof n.data('lon') === 'number');
  if (placed.length) {
    const p = projection(placed.reduce((s, n) => s + n.data('lat'), 0) / placed.length);
    setLastProjection(p);
    placed.forEach((n) => { pos[n.id()] = p.point(n.data('lon'), n.data('lat')); });
  } else {
    setLastProjection(undefined);
  }
  let spill = 0;
  // Two passes: events sit around their places, then people around their events and places.
  // Each anchor point gets a spiral of its own so its nodes do not pile up.
  const around = new Map<string, number>();
  for (let pass = 0; pass < 2; pass++) {
    const placedNow = new Set(Object.keys(pos));
    cy.nodes().forEach((n) => {
      if (pos[n.id()]) return;
      const near = n.neighborhood('node').filter((m) => placedNow.has(m.id()));
      if (!near.length) return;
      const x = near.reduce((s, m) => s + pos[m.id()].x, 0) / near.length;
      const y = near.reduce((s, m) => s + pos[m.id()].y, 0) / near.length;
      const key = `${Math.round(x)}:${Math.round(y)}`;
      const i = around.get(key) ?? 0;
      around.set(key, i + 1);
      const r = 45 + 9 * i;
      const a = i * 2.4; // golden-angle spiral
      pos[n.id()] = { x: x + r * Math.cos(a), y: y + r * Math.sin(a) };
    });
  }
  const xs = Object.values(pos).map((p) => p.x);
  const minX = xs.length ? Math.min(...xs) : 0;
  const maxY = Object.values(pos).reduce((m, p) => Math.max(m, p.y), 0);
  cy.nodes().forEach((n) => {
    if (!pos[n.id()]) pos[n.id()] = { x: minX + (spill % 20) * 40, y: maxY + 80 + Math.floor(spill++ / 20) * 40 };
  });
  return apartWithLabels(cy, pos);
}

/** Most nodes the geographic layout declutters (600 crowded nodes take ~0.1 s). */
const DECLUTTER_AT_MOST = 600;

/**
 * Finds every node a spot near its position where no two nodes, names included, overlap; places
 * at their coordinates give way only to other places. A node's box is its rendered bounding box
 * with its label, measured around where it is now and carried to its new position.
 */
function apartWithLabels(cy: Core, pos: Record<string, { x: number; y: number }>): Record<string, { x: number; y: number }> {
  // Every node has a position by now; events gathered into a group node are not drawn, so take no room.
  const nodes = cy.nodes(':not(.gathered)');
  if (nodes.length > DECLUTTER_AT_MOST) return pos;
  const offsets = new Map<string, { dx: number; dy: number }>();
  const boxes: Box[] = nodes.map((n) => {
    const bb = n.boundingBox({ includeLabels: true, includeOverlays: false });
    const here = n.position();
    const off = { dx: (bb.x1 + bb.x2) / 2 - here.x, dy: (bb.y1 + bb.y2) / 2 - here.y };
    offsets.set(n.id(), off);
    const p = pos[n.id()];
    return { id: n.id(), x: p.x + off.dx, y: p.y + off.dy, width: bb.w, height: bb.h, anchored: typeof n.data('lat') === 'number' };
  });
  const out: Record<string, { x: number; y: number }> = { ...pos };
  for (const [id, c] of declutter(boxes)) {
    const off = offsets.get(id)!;
    out[id] = { x: c.x - off.dx, y: c.y - off.dy };
  }
  return out;
}
