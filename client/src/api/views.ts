/**
 * The analytic views (the queries of server/modules/analytics): what each fetches and
 * how its rows are tabulated. `allowed()` keeps a role from being offered what it may not use.
 */
import { gql } from './client';
import { AccessLogLatestDocument, CriticalDocument, FamiliesDocument, HighHarmDocument, HotspotsDocument, NotReferredDocument, ThemesDocument, VerifyAccessLogDocument, YoungAdultsDocument } from './generated/graphql';
import { detailText } from './detail-text';
import { chainSummary, logTime } from './chain-summary';
import type { ApiNode } from '../graph/elements';
import { can } from '../state';
import { EXPLOITATION_TYPE } from '../../../server/model/enums';
import { CONCERN_INDICATOR_LABEL } from '../../../server/domain/known';
import { familyLinkText } from './family-text';
import { thresholdEffect } from './threshold-text';

export interface ViewRow { cells: Record<string, string | number | null>; node?: ApiNode; memberIds?: string[] }
/** `alert`: something an auditor must act on (a broken hash chain), shown as a warning. */
export interface SummaryLine { text: string; alert?: boolean }
export interface ViewResult {
  rows: ViewRow[];
  note?: string;
  summary?: string;
  /** A line that replaces the summary once it arrives: work slower than the rows (never rejects). */
  later?: Promise<SummaryLine>;
}
/** A number the reader may set for a view (a threshold): shown above its table, passed to load(). */
export interface ViewSetting { label: string; min: number; max: number; initial: number }

export interface ViewDef {
  key: string;
  title: string;
  explain: string;
  columns: { key: string; title: string; numeric?: boolean }[];
  setting?: ViewSetting;
  allowed(): boolean;
  load(quarter: string, setting?: number): Promise<ViewResult>;
}

/** Two decimals with thousands separators (2,399.44), as the tables show whole numbers (1,234). */
const r2 = (n: number | null | undefined): string | null =>
  (n == null ? null : n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
const exploitation = (code: string): string => EXPLOITATION_TYPE[code as keyof typeof EXPLOITATION_TYPE] ?? code;
const child = (id: string, name: string): ApiNode => ({ id, name, labels: ['Person', 'YoungPerson'], isChild: true });

export const VIEWS: ViewDef[] = [
  {
    key: 'hotspots', title: 'Hotspots',
    explain: 'Places, schools and online spaces ranked by harm × grading × recency in the quarter; change against the previous quarter.',
    columns: [
      { key: 'rank', title: '#', numeric: true }, { key: 'name', title: 'Place' }, { key: 'kind', title: 'Kind' },
      { key: 'ward', title: 'Ward' }, { key: 'score', title: 'Score', numeric: true }, { key: 'change', title: 'Change', numeric: true },
      { key: 'children', title: 'Children', numeric: true }, { key: 'poc', title: 'Persons of concern', numeric: true },
      { key: 'copresence', title: 'Co-presence events', numeric: true },
    ],
    allowed: () => can('hotspots'),
    async load(quarter) {
      const d = await gql(HotspotsDocument, { quarter });
      return {
        note: d.hotspots.method,
        rows: d.hotspots.items.map((h) => ({
          node: { id: h.id, name: h.name, labels: [h.kind, 'Context'], lat: h.lat, lon: h.lon, hotspotScore: h.score },
          cells: { rank: h.rank, name: h.name, kind: h.kind, ward: h.ward, score: r2(h.score), change: r2(h.change), children: h.distinctChildren, poc: h.distinctPersonsOfConcern, copresence: h.coPresenceEvents },
        })),
      };
    },
  },
  {
    key: 'themes', title: 'Network themes',
    explain: 'Peer-network communities (Louvain over peer links, events shared on the same side and shared places; groups over 20 split) and how they changed since the previous quarter.',
    columns: [
      { key: 'name', title: 'Theme' }, { key: 'status', title: 'Status' }, { key: 'size', title: 'Size', numeric: true },
      { key: 'types', title: 'Exploitation types' }, { key: 'places', title: 'Top places' }, { key: 'poc', title: 'Linked persons of concern' },
    ],
    allowed: () => can('networkThemes'),
    async load(quarter) {
      const d = await gql(ThemesDocument, { quarter });
      return {
        note: d.networkThemes.method,
        rows: d.networkThemes.communities.map((c) => ({
          memberIds: c.memberIds,
          node: c.topPlaces[0] ? { id: c.topPlaces[0].id, name: c.topPlaces[0].name, labels: ['Location', 'Context'] } : undefined,
          cells: {
            name: c.name, status: c.status, size: c.size,
            types: c.exploitationTypes.map((t) => exploitation(t.type)).join('; ') || '—',
            places: c.topPlaces.slice(0, 3).map((p) => p.name).join(', ') || '—',
            poc: c.personsOfConcern.slice(0, 3).map((p) => p.name).join(', ') || '—',
          },
        })),
      };
    },
  },
  {
    key: 'highharm', title: 'High-harm persons of concern',
    explain: 'Adults only (nobody under 18 is ranked); a young adult who was known as a child at risk is marked, as a safeguarding consideration. Recency, frequency, gravity, distinct children, brokerage and grading, each a percentile; review the evidence before acting.',
    columns: [
      { key: 'rank', title: '#', numeric: true }, { key: 'name', title: 'Person of concern' }, { key: 'score', title: 'Score', numeric: true },
      { key: 'r', title: 'Recency', numeric: true }, { key: 'f', title: 'Frequency', numeric: true }, { key: 'g', title: 'Gravity (days)', numeric: true },
      { key: 'children', title: 'Children linked', numeric: true }, { key: 'evidence', title: 'Evidence items', numeric: true },
      { key: 'childAtRisk', title: 'Known as a child at risk' },
    ],
    allowed: () => can('highHarmPersonsOfConcern'),
    async load(quarter) {
      const d = await gql(HighHarmDocument, { quarter });
      return {
        note: d.highHarmPersonsOfConcern.method,
        rows: d.highHarmPersonsOfConcern.items.map((p) => ({
          node: { id: p.id, name: p.name, labels: ['Person', 'PersonOfConcern'], isChild: false, harm: p.score },
          cells: { rank: p.rank, name: p.name, score: r2(p.score), r: r2(p.breakdown.recency), f: r2(p.breakdown.frequency), g: Math.round(p.breakdown.gravity), children: p.breakdown.distinctChildren, evidence: p.evidence.eventCount + p.evidence.relationshipCount,
            childAtRisk: p.knownAsChildAtRisk ? 'yes: a safeguarding consideration' : '—' },
        })),
      };
    },
  },
  {
    key: 'families', title: 'Families for diversion',
    explain: 'Children under 18 in the families and households of the ranked persons of concern, for an offer of support before harm: siblings, children of a shared parent or carer, their own children, children in the same household. A family link says nothing about the child\'s own conduct.',
    columns: [
      { key: 'name', title: 'Child' }, { key: 'age', title: 'Age', numeric: true }, { key: 'links', title: 'Family link' },
      { key: 'status', title: 'Link status' }, { key: 'known', title: 'Known to a panel or plan' },
    ],
    allowed: () => can('familiesOfPersonsOfConcern'),
    async load(quarter) {
      const r = (await gql(FamiliesDocument, { quarter })).familiesOfPersonsOfConcern;
      return {
        note: `${r.items.length} ${r.items.length === 1 ? 'child' : 'children'} in the families of ${r.personsOfConcernConsidered} ranked persons of concern. ${r.method}`,
        rows: r.items.map((c) => ({
          node: child(c.id, c.name),
          cells: {
            name: c.name, age: c.age ?? 'not known', links: c.links.map(familyLinkText).join('; '),
            status: [...new Set(c.links.flatMap((l) => l.statuses))].join(', '), known: c.knownToPanelOrPlan ? 'yes' : 'no',
          },
        })),
      };
    },
  },
  {
    key: 'critical', title: 'Critical moments',
    explain: 'Exclusions, injuries, arrests and returns from missing in the quarter, with follow-up: return home interview within 72 hours, referral, plan review.',
    columns: [
      { key: 'at', title: 'When' }, { key: 'kind', title: 'Moment' }, { key: 'child', title: 'Child' },
      { key: 'rhi', title: 'Return interview' }, { key: 'referral', title: 'Referral' }, { key: 'overdue', title: 'Overdue' },
    ],
    allowed: () => can('criticalMoments'),
    async load(quarter) {
      const d = await gql(CriticalDocument, { quarter });
      const c = d.criticalMoments;
      return {
        summary: c.rhi.rate == null ? 'No returns from missing this quarter.' : `Return home interviews within 72 h: ${c.rhi.within72h} of ${c.rhi.returns} (${Math.round(c.rhi.rate * 100)}%).`,
        note: c.method,
        rows: c.items.map((m) => ({
          node: child(m.childId, m.childName),
          cells: {
            at: m.occurredAt.slice(0, 10), kind: m.kind === 'ReturnFromMissing' ? 'Return from missing' : m.kind, child: m.childName,
            rhi: m.rhi ? `${m.rhi.status}${m.rhi.hoursAfterReturn != null ? ` (${Math.round(m.rhi.hoursAfterReturn)} h)` : ''}` : '—',
            referral: m.referralMade ? 'made' : 'none', overdue: m.overdue.map((o) => o.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()).join(', ') || '—',
          },
        })),
      };
    },
  },
  {
    key: 'notreferred', title: 'Not yet known to a panel',
    explain: 'Children not yet known to a panel or plan whose records show serious harm done to them, signs of exploitation by others or repeat missing episodes: consider a referral. A child recorded in supply, weapons or robbery may be acting under coercion.',
    columns: [
      { key: 'name', title: 'Child' }, { key: 'age', title: 'Age', numeric: true }, { key: 'score', title: 'Concern score', numeric: true },
      { key: 'harm', title: 'Harm to the child (days)', numeric: true }, { key: 'signs', title: 'Signs of exploitation' },
      { key: 'missing', title: 'Missing episodes', numeric: true }, { key: 'last', title: 'Latest' }, { key: 'other', title: 'Other referrals' },
    ],
    setting: { label: 'Minimum concern score', min: 1, max: 10, initial: 2 },
    allowed: () => can('notYetReferred'),
    async load(quarter, minScore = 2) {
      const r = (await gql(NotReferredDocument, { quarter, minScore })).notYetReferred;
      return {
        summary: thresholdEffect(minScore, r.countsByScore),
        note: `${r.total} ${r.total === 1 ? 'child' : 'children'} at this threshold${r.items.length < r.total ? ` (the first ${r.items.length} shown)` : ''}. ${r.method}`,
        rows: r.items.map((c) => ({
          node: child(c.id, c.name),
          cells: {
            name: c.name, age: c.ageAtQuarterEnd ?? 'not known', score: c.concernScore, harm: Math.round(c.victimHarm),
            signs: c.indicators.map((i) => CONCERN_INDICATOR_LABEL[i.kind] ?? i.kind).join('; ') || '—', missing: c.missingEpisodes,
            last: c.lastEventAt ? c.lastEventAt.slice(0, 10) : '—', other: c.otherReferrals.join(', ') || '—',
          },
        })),
      };
    },
  },
  {
    key: 'youngadults', title: 'Young adults 18–25',
    explain: 'Transitional safeguarding: young adults aged 18 to 25 known to the partnership in the quarter, how many were known as a child at risk before 18, referred to the Adults at Risk Panel, now also persons of concern, or harmed as a victim. Open a young adult\'s profile to see the records.',
    columns: [
      { key: 'band', title: 'Age' }, { key: 'all', title: 'Young adults', numeric: true }, { key: 'known', title: 'Known as a child at risk', numeric: true },
      { key: 'referred', title: 'Referred to the Adults at Risk Panel', numeric: true }, { key: 'notReferred', title: 'Known as a child at risk, not referred', numeric: true },
      { key: 'poc', title: 'Now also persons of concern', numeric: true }, { key: 'harmed', title: 'Harmed as a victim', numeric: true },
    ],
    allowed: () => can('youngAdults'),
    async load(quarter) {
      const r = (await gql(YoungAdultsDocument, { quarter })).youngAdults;
      return {
        note: r.method,
        rows: [...r.byBand, r.total].map((b) => ({
          cells: { band: b.band === 'all' ? 'All 18–25' : b.band.replace('-', '–'), all: b.youngAdults, known: b.knownAsChildAtRisk, referred: b.referredToAdultsAtRiskPanel,
            notReferred: b.knownAsChildAtRiskNotReferred, poc: b.personsOfConcern, harmed: b.harmedAsVictim },
        })),
      };
    },
  },
  {
    key: 'accesslog', title: 'Access log',
    explain: 'Every consultation, disclosure, alteration, combination and erasure, with who, when and why (DPA 2018 s.62). The latest 40 entries. On opening, the whole hash chain is verified against the checkpoints the server keeps outside the database; this takes about half a minute per million entries.',
    columns: [
      { key: 'seq', title: '#', numeric: true }, { key: 'at', title: 'When (UTC)' }, { key: 'actor', title: 'Who' }, { key: 'operation', title: 'Operation' },
      { key: 'justification', title: 'Justification' }, { key: 'records', title: 'Records', numeric: true }, { key: 'detail', title: 'Detail' },
    ],
    allowed: () => can('accessLog'),
    async load() {
      // Two requests: the API's cost limit counts list sizes, and the chain check reads the whole
      // log, so the entries show while it runs.
      const later = gql(VerifyAccessLogDocument)
        .then(({ verifyAccessLog: v }) => chainSummary(v))
        .catch((e: unknown) => ({ text: `Could not verify the hash chain: ${e instanceof Error ? e.message : 'unknown error'}`, alert: true }));
      const d = await gql(AccessLogLatestDocument);
      return {
        summary: 'Verifying the hash chain…',
        later,
        rows: d.accessLog.entries.map((e) => ({
          cells: { seq: e.seq, at: logTime(e.at), actor: `${e.actorName} (${e.actorRole})`, operation: e.operation, justification: e.justification, records: e.idCount, detail: detailText(e.detail) },
        })),
      };
    },
  },
];
