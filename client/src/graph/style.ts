/**
 * Style as data: node size from a normalised score (data `size`, 0..1, computed from harm,
 * hotspot score or degree), colour by kind or community, edge dash from status and width/colour
 * from grading. Selectors are generated from VISUALS so the legend and the canvas never disagree.
 */
import type { StylesheetJson } from 'cytoscape';
import { VISUALS, EVENT_COLOURS, GRADE_WIDTH, ASSESSMENT_COLOUR, type VisualClass } from './kinds';

export function stylesheet(): StylesheetJson {
  const s: StylesheetJson = [
    {
      selector: 'node',
      style: {
        width: 'mapData(size, 0, 1, 22, 64)', height: 'mapData(size, 0, 1, 22, 64)',
        label: 'data(name)', 'font-size': 10, color: '#1b1f24', 'text-valign': 'bottom', 'text-margin-y': 3,
        'text-background-color': '#ffffff', 'text-background-opacity': 0.8, 'text-background-padding': '1px',
        'text-max-width': '110px', 'text-wrap': 'ellipsis', 'min-zoomed-font-size': 7,
        'border-width': 2, 'background-color': '#888',
      },
    },
  ];
  for (const [cls, v] of Object.entries(VISUALS) as [VisualClass, (typeof VISUALS)[VisualClass]][]) {
    s.push({ selector: `node.${cls}`, style: { shape: v.shape as never, 'background-color': v.colour, 'border-color': v.border } });
  }
  // Children and young adults: a wide light ring (protective framing), never the PoC diamond.
  s.push({ selector: 'node.child, node.young-adult', style: { 'border-width': 4, 'border-style': 'double' } });
  s.push({ selector: 'node.event', style: { width: 14, height: 14, 'font-size': 8, label: 'data(name)' } });
  for (const [kind, colour] of Object.entries(EVENT_COLOURS)) {
    s.push({ selector: `node.event[kind = "${kind}"]`, style: { 'background-color': colour, 'border-color': colour } });
  }
  s.push({ selector: 'node.by-community[communityColour]', style: { 'background-color': 'data(communityColour)' } });
  s.push({ selector: 'node.pinned', style: { 'outline-width': 2, 'outline-color': '#0b5cad', 'outline-offset': 2 } as never });
  s.push({ selector: 'node.expanded', style: { 'border-color': '#0b5cad' } });
  s.push({ selector: 'node:selected', style: { 'overlay-color': '#ffbf47', 'overlay-opacity': 0.45, 'overlay-padding': 6 } });
  s.push({ selector: '.highlight', style: { 'overlay-color': '#ffbf47', 'overlay-opacity': 0.6, 'overlay-padding': 10, 'z-index': 99 } });
  s.push({ selector: '.faded', style: { opacity: 0.2 } });
  // A busy place's group of events: a stack of cards in the events' colour, its count and months below.
  s.push({
    selector: 'node.aggregate',
    style: {
      shape: 'round-rectangle', width: 40, height: 30, 'background-opacity': 0, 'border-width': 0,
      'background-fit': 'contain', 'background-clip': 'none', 'background-image': stackIcon(VISUALS.event.colour),
      label: 'data(display)', 'text-wrap': 'wrap', 'text-max-width': '180px', 'font-size': 10, 'font-weight': 'bold',
      'text-margin-y': 2, 'text-background-opacity': 0.9,
    },
  });
  for (const [kind, colour] of Object.entries(EVENT_COLOURS)) {
    s.push({ selector: `node.aggregate[kind = "${kind}"]`, style: { 'background-image': stackIcon(colour) } });
  }
  s.push({ selector: '.user-hidden, .filtered, .gathered', style: { display: 'none' } });

  s.push({
    selector: 'edge',
    style: {
      width: 2, 'line-color': '#5d6d7e', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle',
      'target-arrow-color': '#5d6d7e', 'arrow-scale': 0.7, opacity: 0.9,
    },
  });
  for (const [g, w] of Object.entries(GRADE_WIDTH)) s.push({ selector: `edge[sourceEval = "${g}"]`, style: { width: w } });
  for (const [a, c] of Object.entries(ASSESSMENT_COLOUR)) {
    s.push({ selector: `edge[assessment = "${a}"]`, style: { 'line-color': c, 'target-arrow-color': c } });
  }
  s.push({ selector: 'edge[status = "hypothesis"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } });
  s.push({ selector: 'edge[status = "expired"]', style: { 'line-style': 'dotted', opacity: 0.5 } });
  s.push({ selector: 'edge.aggregate', style: { width: 'mapData(count, 10, 60, 3, 7)' } });
  s.push({ selector: 'edge[type = "PROTECTIVE"]', style: { 'line-color': '#2e7d32', 'target-arrow-color': '#2e7d32' } });
  s.push({ selector: 'edge:selected', style: { label: 'data(type)', 'font-size': 9, 'text-background-color': '#fff', 'text-background-opacity': 1, 'line-color': '#0b5cad', 'target-arrow-color': '#0b5cad' } });
  return s;
}

/**
 * Three cards stacked, the front one in the events' colour (an SVG data URL for the node's
 * background): what a group of events looks like on the map and in the legend.
 */
export function stackIcon(colour: string): string {
  const card = (x: number, y: number, opacity: number): string =>
    `<rect x="${x}" y="${y}" width="28" height="18" rx="4" fill="${colour}" fill-opacity="${opacity}" stroke="#ffffff" stroke-width="1.5"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30" viewBox="0 0 40 30">${card(11, 1, 0.45)}${card(6.5, 5.5, 0.7)}${card(2, 10, 1)}</svg>`;
  return `data:image/svg+xml;utf8,${encodeURIComponent(svg)}`;
}

/** Deterministic, distinguishable colour for a community id. */
export function communityColour(id: string | number | null | undefined): string | undefined {
  if (id == null || id === '') return undefined;
  const palette = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#a6761d', '#1f78b4', '#b15928', '#6a3d9a', '#33a02c', '#e31a1c', '#525252'];
  let h = 0;
  for (const ch of String(id)) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return palette[h % palette.length];
}
