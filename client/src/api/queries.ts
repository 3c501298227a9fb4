/**
 * Every GraphQL operation the workspace uses, in one place, returning client-side shapes.
 * The SDL lives in server/modules/<concept>/<concept>.graphql.
 */
import { gql } from './client';
import type { ApiEdge, ApiNode } from '../graph/elements';
import type { Viewer } from '../state';
import { PROVENANCE_KEYS, profileFacts } from './facts';

export interface SearchHit { id: string; labels: string[]; name: string; kind: string; detail?: string; lat?: number | null; lon?: number | null; properties?: Record<string, unknown> }
export interface Subgraph { nodes: ApiNode[]; edges: ApiEdge[]; truncated: boolean; hiddenByLimit: number; hiddenByAccess: number }

export async function me(): Promise<Viewer> {
  const d = await gql<{ me: Viewer }>('query Me { me { id name role agency capabilities pseudonymised } }');
  return d.me;
}

const NODE_FIELDS = 'id labels name properties';
const EDGE_FIELDS = 'id type source target properties';
const SUBGRAPH = `nodes { ${NODE_FIELDS} } edges { ${EDGE_FIELDS} } truncated hiddenByLimit hiddenByAccess`;

export async function search(text: string, limit = 20): Promise<{ items: SearchHit[]; hidden: number }> {
  const d = await gql<{ search: { items: SearchHit[]; hidden: number } }>(
    `query Search($text: String!, $limit: Int) { search(text: $text, limit: $limit) { items { id labels kind name detail lat lon } hidden } }`, { text, limit });
  return d.search;
}

export async function neighbourhood(ids: string[], hops = 1): Promise<Subgraph> {
  const d = await gql<{ neighbourhood: Subgraph }>(
    `query Neighbourhood($ids: [ID!]!, $hops: Int) { neighbourhood(ids: $ids, hops: $hops) { ${SUBGRAPH} } }`, { ids, hops });
  return d.neighbourhood;
}

/** Exactly these nodes and the links between them (reopening an investigation). */
export async function loadSubgraph(ids: string[]): Promise<Subgraph> {
  const d = await gql<{ subgraph: Subgraph }>(`query Subgraph($ids: [ID!]!) { subgraph(ids: $ids) { ${SUBGRAPH} } }`, { ids });
  return d.subgraph;
}

export interface TimelineItem { at: string; kind: string; role?: string; summary?: string; source?: string; grading?: string; status?: string }
export interface ProfileLink { id: string; type: string; direction: string; other: { id: string; name: string; kind: string }; source?: string; grading?: string; status?: string; reviewBy?: string; reviewOverdue: boolean }
export interface Profile {
  facts: [string, unknown][]; flags: string[]; timeline: TimelineItem[]; links: ProfileLink[];
  provenance?: Record<string, unknown>; riskTrend?: { direction: string; points: { at: string; score: number }[] } | null; hidden: number;
}

export async function profile(id: string): Promise<Profile> {
  const d = await gql<{ profile: { node: { labels: string[]; properties: Record<string, unknown> }; flags: string[]; timeline: TimelineItem[]; relationships: ProfileLink[]; riskTrend: Profile['riskTrend']; hiddenByAccess: number } }>(
    `query Profile($id: ID!) { profile(id: $id) {
      node { labels properties } flags hiddenByAccess
      timeline { at kind role summary source grading status }
      relationships { id type direction other { id name kind } source grading status reviewBy reviewOverdue }
      riskTrend { direction points { at score } } } }`, { id });
  const p = d.profile;
  const props = p.node.properties;
  const hasProvenance = Object.keys(props).some((k) => PROVENANCE_KEYS.has(k) && k !== 'source' && k !== 'sharedWith');
  return {
    facts: profileFacts(p.node.labels, props),
    flags: p.flags, timeline: p.timeline, links: p.relationships, riskTrend: p.riskTrend, hidden: p.hiddenByAccess,
    provenance: hasProvenance ? props : { source: props.source, sharedWith: props.sharedWith },
  };
}

export interface InvestigationSummary { id: string; name: string; owner?: string; ownerName?: string; updatedAt?: string; count?: number }
export interface Investigation extends InvestigationSummary { ids: string[]; state: unknown; notes?: string | null }

export async function listInvestigations(): Promise<InvestigationSummary[]> {
  const d = await gql<{ investigations: InvestigationSummary[] }>('query Investigations { investigations { id name owner ownerName updatedAt count } }');
  return d.investigations;
}

export async function getInvestigation(id: string): Promise<Investigation> {
  const d = await gql<{ investigation: Investigation }>('query Investigation($id: ID!) { investigation(id: $id) { id name owner updatedAt ids state notes } }', { id });
  return d.investigation;
}

export async function saveInvestigation(input: { id?: string; name: string; ids: string[]; state: unknown; notes?: string }): Promise<InvestigationSummary> {
  const d = await gql<{ saveInvestigation: InvestigationSummary }>(
    'mutation Save($input: InvestigationInput!) { saveInvestigation(input: $input) { id name owner updatedAt } }', { input });
  return d.saveInvestigation;
}

export async function recordExport(format: 'PNG' | 'CSV' | 'JSON', ids: string[], investigationId?: string): Promise<{ seq: number }> {
  const d = await gql<{ recordExport: { seq: number } }>(
    'mutation RecordExport($input: ExportInput!) { recordExport(input: $input) { seq at count } }', { input: { format, ids, investigationId } });
  return d.recordExport;
}
