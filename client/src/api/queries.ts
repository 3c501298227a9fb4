/**
 * The workspace's own operations (client/src/api/operations/*.graphql, typed by `npm run codegen`
 * from the SDL), returning the shapes the panels use.
 */
import { gql } from './client';
import {
  DataPeriodDocument, InvestigationDocument, InvestigationsDocument, MeDocument, NeighbourhoodDocument, ProfileDocument, RecordExportDocument,
  SaveInvestigationDocument, SearchDocument, SubgraphDocument, WardsDocument,
  type ExportFormat, type InvestigationQuery, type InvestigationsQuery, type ProfileQuery,
  type SaveInvestigationMutation, type SearchQuery, type SubgraphFieldsFragment,
} from './generated/graphql';
import { PROVENANCE_KEYS, profileFacts } from './facts';
import { asRecord } from './json';
import type { Viewer } from '../state';
import type { Ward } from '../graph/wards';

export type SearchResult = SearchQuery['search'];
export type SearchHit = SearchResult['items'][number];
export type Subgraph = SubgraphFieldsFragment;

export async function me(): Promise<Viewer> {
  return (await gql(MeDocument)).me;
}

/** The days of the first and last events the user may see (null when none). */
export async function dataPeriod(): Promise<{ first?: string | null; last?: string | null }> {
  return (await gql(DataPeriodDocument)).dataPeriod;
}

/** The borough's ward boundaries (its configuration), for the geographic layout. */
export async function wards(): Promise<Ward[]> {
  return (await gql(WardsDocument)).wards as Ward[];
}

export async function search(text: string, limit = 20): Promise<SearchResult> {
  return (await gql(SearchDocument, { text, limit })).search;
}

export async function neighbourhood(ids: string[], hops = 1): Promise<Subgraph> {
  return (await gql(NeighbourhoodDocument, { ids, hops })).neighbourhood;
}

/** Exactly these nodes and the links between them (reopening an investigation). */
export async function loadSubgraph(ids: string[]): Promise<Subgraph> {
  return (await gql(SubgraphDocument, { ids })).subgraph;
}

type ProfileData = ProfileQuery['profile'];
export type TimelineItem = ProfileData['timeline'][number];
export type ProfileLink = ProfileData['relationships'][number];
export interface Profile {
  facts: [string, unknown][]; flags: string[]; timeline: TimelineItem[]; links: ProfileLink[];
  provenance: Record<string, unknown>; riskTrend: ProfileData['riskTrend']; hidden: number;
  /** An adult known as a child at risk before 18, with the records that show it. */
  childAtRisk: string[] | null;
}

export async function profile(id: string): Promise<Profile> {
  const p = (await gql(ProfileDocument, { id })).profile;
  const props = asRecord(p.node.properties);
  const hasProvenance = Object.keys(props).some((k) => PROVENANCE_KEYS.has(k) && k !== 'source' && k !== 'sharedWith');
  return {
    facts: profileFacts(p.node.labels, props),
    flags: p.flags, timeline: p.timeline, links: p.relationships, riskTrend: p.riskTrend, hidden: p.hiddenByAccess,
    childAtRisk: p.knownAsChildAtRisk ? p.childAtRiskEvidence : null,
    provenance: hasProvenance ? props : { source: props.source, sharedWith: props.sharedWith },
  };
}

export type InvestigationSummary = InvestigationsQuery['investigations'][number];
export type Investigation = InvestigationQuery['investigation'];

export async function listInvestigations(): Promise<InvestigationSummary[]> {
  return (await gql(InvestigationsDocument)).investigations;
}

export async function getInvestigation(id: string): Promise<Investigation> {
  return (await gql(InvestigationDocument, { id })).investigation;
}

export async function saveInvestigation(input: { id?: string; name: string; ids: string[]; state: unknown; notes?: string }): Promise<SaveInvestigationMutation['saveInvestigation']> {
  return (await gql(SaveInvestigationDocument, { input })).saveInvestigation;
}

export async function recordExport(format: ExportFormat, ids: string[], investigationId?: string): Promise<{ seq: number }> {
  return (await gql(RecordExportDocument, { input: { format, ids, investigationId } })).recordExport;
}
