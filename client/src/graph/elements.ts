/**
 * From API graph items to Cytoscape element data, and merging them into the canvas without
 * duplicates. Node size comes from a score normalised over what is on the canvas.
 */
import type { Core, ElementDefinition, NodeSingular } from 'cytoscape';
import { classify, VISUALS } from './kinds';
import type { SubgraphFieldsFragment } from '../api/generated/graphql';
import { asRecord } from '../api/json';
import { isChildOn } from '../../../server/domain/age';

type GraphNode = SubgraphFieldsFragment['nodes'][number];
/**
 * A node as the API sends it (GraphNode), or as an analytic view builds it from a row: then
 * with what the row knows (whether a child, where, the row's score).
 */
export interface ApiNode extends Pick<GraphNode, 'id' | 'labels' | 'name'> {
  properties?: GraphNode['properties'];
  isChild?: boolean;
  lat?: number | null;
  lon?: number | null;
  hotspotScore?: number;
  harm?: number;
}
export type ApiEdge = SubgraphFieldsFragment['edges'][number];

const pick = (o: Record<string, unknown>, ...keys: string[]): unknown => {
  for (const k of keys) if (o[k] != null) return o[k];
  return undefined;
};

export function nodeData(n: ApiNode): ElementDefinition {
  const p: Record<string, unknown> = { ...asRecord(n.properties), ...n };
  const dob = pick(p, 'dateOfBirth') as string | undefined;
  const isChild = typeof p.isChild === 'boolean' ? p.isChild : dob ? isChildOn(dob) : undefined;
  const { kind, cls } = classify(n.labels ?? [], isChild);
  const time = pick(p, 'occurredAt', 'validFrom') as string | undefined;
  const name = (pick(p, 'name') as string | undefined) ?? (cls === 'event' ? kind.replace(/([a-z])([A-Z])/g, '$1 $2') : n.id);
  return {
    group: 'nodes',
    data: {
      id: n.id, name, kind, cls, labels: n.labels, isChild,
      time: time ? String(time) : undefined,
      lat: typeof p.lat === 'number' ? p.lat : undefined,
      lon: typeof p.lon === 'number' ? p.lon : undefined,
      harm: num(p.harm), hotspot: num(p.hotspotScore),
      source: p.source, handling: p.handling, sourceEval: p.sourceEval, assessment: p.assessment,
      status: p.status, reviewBy: p.reviewBy, props: asRecord(n.properties),
      size: 0,
    },
    classes: cls,
  };
}

export function edgeData(e: ApiEdge): ElementDefinition {
  const props = asRecord(e.properties);
  const p: Record<string, unknown> = { ...props, ...e };
  return {
    group: 'edges',
    data: {
      id: e.id, type: e.type, source: e.source, target: e.target,
      status: p.status, sourceEval: p.sourceEval, assessment: p.assessment, handling: p.handling,
      gradingScheme: p.gradingScheme, role: p.role, source_agency: props.source,
      time: (p.validFrom ?? p.recordedAt) as string | undefined, validTo: p.validTo, reviewBy: p.reviewBy,
      props,
    },
  };
}

function num(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** Add what is new; returns the ids added (for collapse and undo). */
export function merge(cy: Core, nodes: ApiNode[], edges: ApiEdge[], near?: { x: number; y: number }): string[] {
  const added: string[] = [];
  const defs: ElementDefinition[] = [];
  for (const n of nodes) {
    const existing = cy.getElementById(n.id);
    if (existing.nonempty()) {
      // A fuller record (e.g. from a neighbourhood after a search hit): refresh data and kind style.
      const def = nodeData(n);
      const d = def.data as Record<string, unknown>;
      const richer = Object.keys(asRecord(n.properties)).length > 0;
      const oldCls = existing.data('cls');
      for (const [k, v] of Object.entries(d)) {
        if (k === 'id' || k === 'size' || v == null) continue;
        if (richer || ['harm', 'hotspot', 'community', 'communityColour'].includes(k)) existing.data(k, v);
      }
      if (richer && oldCls !== d.cls) {
        existing.removeClass(Object.keys(VISUALS).join(' ')).addClass(String(d.cls));
      }
      continue;
    }
    const def = nodeData(n);
    if (near) def.position = { x: near.x + (Math.random() - 0.5) * 120, y: near.y + (Math.random() - 0.5) * 120 };
    defs.push(def);
    added.push(n.id);
  }
  const present = new Set([...cy.nodes().map((n) => n.id()), ...defs.map((d) => d.data.id as string)]);
  for (const e of edges) {
    const def = edgeData(e);
    if (cy.getElementById(e.id).nonempty() || !present.has(def.data.source) || !present.has(def.data.target)) continue;
    defs.push(def);
    added.push(e.id);
  }
  cy.add(defs);
  return added;
}

export type SizeBy = 'score' | 'harm' | 'hotspot' | 'degree';

/**
 * Normalise the chosen score to 0..1 into data(size) (drives width/height via mapData).
 * 'score' combines both computed scores: hotspot score for places, harm score for persons of
 * concern, each relative to its own maximum on the canvas.
 */
export function applySize(cy: Core, by: SizeBy): void {
  const metrics: ('harm' | 'hotspot' | 'degree')[] = by === 'score' ? ['harm', 'hotspot'] : [by];
  const value = (n: NodeSingular, m: 'harm' | 'hotspot' | 'degree'): number => (m === 'degree' ? n.degree(false) : Number(n.data(m) ?? 0));
  const max: Record<string, number> = {};
  for (const m of metrics) { max[m] = 0; cy.nodes().forEach((n) => { max[m] = Math.max(max[m], value(n, m)); }); }
  cy.batch(() => cy.nodes().forEach((n) => {
    let size = 0;
    for (const m of metrics) if (max[m] > 0) size = Math.max(size, value(n, m) / max[m]);
    n.data('size', size);
  }));
}
