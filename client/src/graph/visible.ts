/**
 * What the canvas shows, from the classes that hide things (user-hidden, filtered, and gathered:
 * an event drawn as part of a busy place's group node, gather.ts). Cytoscape's
 * `:visible` reads a style cache that can lag one tick behind class changes, so exports,
 * layouts and fits use this instead.
 */
import type { Collection, Core, EdgeSingular } from 'cytoscape';

const HIDDEN = '.user-hidden, .filtered, .gathered';

export function shownNodes(cy: Core): Collection {
  return cy.nodes().not(HIDDEN);
}

export function shown(cy: Core): Collection {
  const nodes = shownNodes(cy);
  const edges = cy.edges().not(HIDDEN).filter((e) => nodes.has((e as EdgeSingular).source()) && nodes.has((e as EdgeSingular).target()));
  return nodes.union(edges);
}
