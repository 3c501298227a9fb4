/**
 * The Cytoscape instance: style from data, and the large-graph settings (edges hidden and a
 * texture drawn while panning/zooming; labels dropped below a zoomed font size) switched on by size.
 */
import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { stylesheet } from './style';

cytoscape.use(fcose);

/** Above this many elements the viewport-time shortcuts are switched on. */
export const LARGE_GRAPH = 400;

let cy: Core | undefined;

export function createCanvas(container: HTMLElement): Core {
  cy = cytoscape({
    container,
    style: stylesheet(),
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: true,
    selectionType: 'additive',
    pixelRatio: 1,
  });
  // Cytoscape caches the container's size and offset: refresh them when the layout around it moves.
  const ro = new ResizeObserver(() => cy?.resize());
  for (const sel of ['#cy', '.toolbar', '.sidebar', '.topbar']) {
    const e = document.querySelector(sel);
    if (e) ro.observe(e);
  }
  // Handle for the end-to-end tests and the browser benchmark (scripts/bench/client.ts).
  (window as unknown as { __cy: Core }).__cy = cy;
  return cy;
}

export function canvas(): Core {
  if (!cy) throw new Error('Canvas not created');
  return cy;
}

/** Keep panning fluid on big graphs; full fidelity on small ones. */
export function tunePerformance(c: Core = canvas()): void {
  const large = c.elements().length > LARGE_GRAPH;
  const r = (c as unknown as { renderer(): Record<string, unknown> }).renderer();
  // The options are read at construction; these are the renderer fields they populate.
  // (cytoscape 3.35 has no hideLabelsOnViewport: with the texture on, labels are not redrawn
  // while panning, and min-zoomed-font-size drops them when zoomed out.)
  r.hideEdgesOnViewport = large;
  r.textureOnViewport = large;
  r.motionBlur = false;
}
