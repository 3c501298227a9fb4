/**
 * The borough's ward boundaries under the geographic layout: an SVG behind Cytoscape's canvases,
 * drawn in the layout's projection (projection.ts) and moved with the map's pan and zoom. Shown
 * only while the geographic layout is the one on the map, and only when wards are configured.
 */
import type { Core } from 'cytoscape';
import { lastProjection } from './projection';

export interface Ward { name: string; polygons: Array<Array<Array<[number, number]>>> }

const SVG = 'http://www.w3.org/2000/svg';
/** Ward names' size on screen, in pixels, whatever the zoom. */
const LABEL_PX = 12;

let wards: Ward[] = [];
let layer: SVGSVGElement | undefined;
let drawnWith: unknown;

export function setWards(w: Ward[]): void {
  wards = w;
  drawnWith = undefined;
}

const svgEl = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string>): SVGElementTagNameMap[K] => {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
};

function follow(cy: Core): void {
  if (!layer || layer.hasAttribute('hidden')) return;
  const { x, y } = cy.pan();
  const z = cy.zoom();
  layer.querySelector('g')!.setAttribute('transform', `translate(${x} ${y}) scale(${z})`);
  layer.querySelectorAll('text').forEach((t) => t.setAttribute('font-size', String(LABEL_PX / z)));
}

/** (Re)draws the wards in the last geographic projection. */
function draw(cy: Core): void {
  const p = lastProjection();
  if (!layer || !p || drawnWith === p) return;
  drawnWith = p;
  const g = svgEl('g', {});
  for (const w of wards) {
    const path = w.polygons.map((poly) => poly.map((ring) => `M${ring.map(([lon, lat]) => { const q = p.point(lon, lat); return `${q.x},${q.y}`; }).join('L')}Z`).join('')).join('');
    g.append(svgEl('path', { d: path, class: 'ward', 'fill-rule': 'evenodd' }));
    // The name at the middle of the ward's first ring's extent.
    const ring = w.polygons[0][0].map(([lon, lat]) => p.point(lon, lat));
    const xs = ring.map((q) => q.x);
    const ys = ring.map((q) => q.y);
    const label = svgEl('text', { x: String((Math.min(...xs) + Math.max(...xs)) / 2), y: String((Math.min(...ys) + Math.max(...ys)) / 2), class: 'ward-name', 'text-anchor': 'middle' });
    label.textContent = w.name;
    g.append(label);
  }
  layer.replaceChildren(g);
  follow(cy);
}

/** Shows the wards under the map (geographic layout) or hides them. */
export function showWards(cy: Core, on: boolean): void {
  if (!layer) {
    const container = cy.container();
    if (!container) return;
    layer = svgEl('svg', { class: 'wards', 'aria-hidden': 'true', focusable: 'false', hidden: '' });
    container.prepend(layer);
    cy.on('viewport', () => follow(cy));
  }
  const visible = on && wards.length > 0 && lastProjection() !== undefined;
  layer.toggleAttribute('hidden', !visible);
  if (visible) draw(cy);
  follow(cy);
}
