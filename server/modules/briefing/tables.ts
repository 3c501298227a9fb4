/**
 * The pack's count tables, built from raw data with shared keys where two tables publish the same
 * quantity, then disclosure-controlled together for the partner edition (one call, so shared
 * margins are suppressed alike). Extra columns (rates, scores) are derived from the published
 * counts, never from hidden ones.
 */
import { ETHNICITY_GROUP } from '../../model/enums';
import { ageAt, ageBand } from '../../domain/period';
import { CountTable, PublishedTable, controlTables, percent, relativeRateIndex, rriText, SUPPRESSED } from './disclosure';
import { pseudonymFor } from '../../platform/secrets';
import type { BriefingData } from './gather';
import type { ResolvedOptions } from './options';
import { assignKeys } from './links';
import { applyHistory, PackRecord, Revision } from './history';
import { DIMENSION_LABEL, EXPLOITATION_ORDER, MOMENT_LABEL, NRM_STAGES, NRM_STAGE_LABEL, RHI_LABEL, RISK_LEVELS, fmt, label } from './labels';

export interface ExtraColumn { header: string; values: string[]; before?: boolean; text?: boolean }
export interface PackTable extends PublishedTable { extra: ExtraColumn[]; note?: string }

/** Larger boroughs find hundreds of small networks: the pack tabulates the largest. */
export const MAX_NETWORK_ROWS = 20;
const DIMENSIONS = ['ageBand', 'sex', 'ethnicity', 'sen', 'careStatus'] as const;
type Dimension = (typeof DIMENSIONS)[number];

const distinct = (ids: string[][]): number => new Set(ids.flat()).size;
const count = <T>(xs: T[], f: (x: T) => boolean): number => xs.reduce((n, x) => n + (f(x) ? 1 : 0), 0);

function groupOf(r: BriefingData['cohort'][number], dim: Dimension, atMs: number): string {
  switch (dim) {
    case 'ethnicity': return ETHNICITY_GROUP[(r.ethnicity ?? 'NOT_STATED') as keyof typeof ETHNICITY_GROUP] ?? 'Not stated';
    case 'sex': return r.sex ?? 'UNKNOWN';
    case 'ageBand': return r.dob ? ageBand(ageAt(r.dob, atMs)) : 'unknown';
    case 'sen': return r.sen ?? 'N';
    case 'careStatus': return r.careStatus ?? 'NONE';
  }
}

function baselineFor(d: BriefingData, dim: Dimension): Record<string, number> {
  const b = d.baseline;
  if (!b) return {};
  if (dim === 'ethnicity') {
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(b.byEthnicity)) {
      const g = ETHNICITY_GROUP[k as keyof typeof ETHNICITY_GROUP] ?? k;
      out[g] = (out[g] ?? 0) + v;
    }
    return out;
  }
  return { ageBand: b.byAgeBand, sex: b.bySex, sen: b.bySen, careStatus: b.byCareStatus }[dim];
}

/** Children 10–17 at the quarter end, at risk in the quarter: the disproportionality cohort. */
export function demographicCohort(d: BriefingData): BriefingData['cohort'] {
  const at = Date.parse(d.period.end) - 1;
  return d.cohort.filter((r) => r.quarter === d.quarter && r.dob && ageAt(r.dob, at) >= 10 && ageAt(r.dob, at) <= 17);
}

interface Built { tables: CountTable[]; extras: Map<string, (p: PublishedTable) => ExtraColumn[]>; notes: Map<string, string> }

export function buildCountTables(d: BriefingData, o: ResolvedOptions): Built {
  const tables: CountTable[] = [];
  const extras = new Map<string, (p: PublishedTable) => ExtraColumn[]>();
  const notes = new Map<string, string>();
  const control = o.edition === 'partner';
  const table = (t: Omit<CountTable, 'unit'> & { unit?: string }): CountTable => {
    const full = { unit: 'children', ...t } as CountTable;
    tables.push(full);
    return full;
  };

  // Scale: children at risk by exploitation type and level (latest assessment in the quarter).
  const atRisk = d.trends.atRisk.filter((r) => r.quarter === d.quarter && RISK_LEVELS.includes(r.riskLevel));
  const types = EXPLOITATION_ORDER.filter((t) => atRisk.some((r) => r.exploitationType === t))
    .concat([...new Set(atRisk.map((r) => r.exploitationType))].filter((t) => !EXPLOITATION_ORDER.includes(t)));
  const atRiskTable = table({
    id: 'children-at-risk', title: 'Children at risk by exploitation type and risk level', rowHeader: 'Exploitation type',
    rows: types.map((t) => label('exploitation', t)), cols: RISK_LEVELS.map((l) => `${l[0].toUpperCase()}${l.slice(1)} risk`),
    cells: types.map((t) => RISK_LEVELS.map((l) => atRisk.filter((r) => r.exploitationType === t && r.riskLevel === l).reduce((s, r) => s + r.children, 0))),
    showRowTotals: true, showColTotals: true, showGrandTotal: true,
  });
  const atRiskTotal = atRiskTable.cells.flat().reduce((a, b) => a + b, 0);
  const nowIds = new Set(d.cohort.filter((r) => r.quarter === d.quarter).map((r) => r.childId));
  const beforeIds = new Set(d.cohort.filter((r) => r.quarter === d.previousQuarter).map((r) => r.childId));
  const continuing = [...nowIds].filter((id) => beforeIds.has(id)).length;
  table({
    id: 'new-and-continuing', title: 'Children at risk: new this quarter or also at risk last quarter', rowHeader: 'Children at risk',
    rows: ['New this quarter', 'Also at risk last quarter'], cols: ['Children'], cells: [[nowIds.size - continuing], [continuing]],
    showColTotals: true,
  });

  // Trend series (links.ts ties each column to the same quantity in other tables and packs).
  // Quarters before the data begin (all zero) are left out of the series.
  const firstData = d.trends.series.findIndex((s) => Object.entries(s).some(([k, v]) => k !== 'quarter' && typeof v === 'number' && v > 0));
  const series = firstData < 0 ? d.trends.series.slice(-1) : d.trends.series.slice(firstData);
  const missingChildren = distinct(d.missing.map((m) => m.childIds));
  const seriesCols: Array<[string, keyof (typeof series)[number]]> = [
    ['Children at risk', 'childrenAtRisk'], ['Missing episodes', 'missingEpisodes'], ['Children missing', 'childrenMissing'],
    ['Children missing 2+ times', 'repeatMissingChildren'], ['Exclusions', 'exclusions'], ['Referrals', 'referrals'],
    ['Panel / MACE referrals', 'panelOrMaceReferrals'], ['Disruption actions', 'disruptionActions'],
  ];
  table({
    id: 'trend', title: 'Quarterly trend', unit: 'count', rowHeader: 'Quarter',
    rows: series.map((s) => s.quarter), cols: seriesCols.map(([h]) => h),
    cells: series.map((s) => seriesCols.map(([, k]) => s[k] as number)),
  });

  // Demographics against the borough baseline (children 10–17).
  const cohort = demographicCohort(d);
  const at = Date.parse(d.period.end) - 1;
  for (const dim of DIMENSIONS) {
    const pop = baselineFor(d, dim);
    const groups = [...new Set([...Object.keys(pop), ...cohort.map((r) => groupOf(r, dim, at))])].sort();
    const id = `demographics-${dim}`;
    table({
      id, title: `Children at risk aged 10–17 by ${DIMENSION_LABEL[dim].toLowerCase()}`, rowHeader: DIMENSION_LABEL[dim],
      rows: groups.map((g) => (dim === 'ethnicity' || dim === 'ageBand' ? g : label(dim, g))), cols: ['Children at risk'],
      cells: groups.map((g) => [count(cohort, (r) => groupOf(r, dim, at) === g)]),
      showColTotals: true,
    });
    const popTotal = d.baseline?.total ?? 0;
    extras.set(id, (p) => {
      const all = p.colTotals?.[0];
      return [
        { header: 'Population 10–17', values: groups.map((g) => fmt(pop[g] ?? 0)) },
        { header: 'Rate per 1,000', values: groups.map((g, i) => {
          const v = p.cells[i][0];
          if (v === SUPPRESSED || !pop[g]) return v === SUPPRESSED ? 'c' : '–';
          if (v === 0) return '0';
          return control && v < 10 ? 'c' : fmt((1000 * v) / pop[g], 1);
        }) },
        { header: 'RRI', values: groups.map((g, i) => {
          const v = p.cells[i][0];
          const total = typeof all === 'number' ? all : cohort.length;
          if (v === SUPPRESSED) return 'c';
          if (v === 0 && pop[g]) return '0';
          return rriText(v, relativeRateIndex(v, total, pop[g] ?? 0, popTotal), { control, numeratorSuppressed: all === SUPPRESSED });
        }) },
      ];
    });
  }
  if (!d.baseline) notes.set('demographics-sex', 'No population baseline is loaded: rates and RRI cannot be computed.');

  // Missing and return home interviews.
  const repeatMissing = (() => {
    const per = new Map<string, number>();
    d.missing.forEach((m) => m.childIds.forEach((c) => per.set(c, (per.get(c) ?? 0) + 1)));
    return [...per.values()].filter((n) => n >= 2).length;
  })();
  table({
    id: 'missing', title: 'Missing episodes that started in the quarter', unit: 'count', rowHeader: 'Measure',
    rows: ['Missing episodes', 'Children missing', 'Children missing 2+ times', 'Episodes from care', 'Episodes found out of borough', 'Episodes with a county-lines concern'],
    cols: ['Count'],
    cells: [[d.missing.length], [missingChildren], [repeatMissing], [count(d.missing, (m) => m.fromCare)],
      [count(d.missing, (m) => m.foundOutOfBorough)], [count(d.missing, (m) => m.countyLinesConcern)]],
  });
  const rhiStatuses = Object.keys(RHI_LABEL);
  table({
    id: 'return-interviews', title: 'Returns from missing in the quarter and their return home interview', unit: 'returns', rowHeader: 'Return home interview',
    rows: rhiStatuses.map((s) => RHI_LABEL[s]), cols: ['Returns'],
    cells: rhiStatuses.map((s) => [d.critical.rhi.byStatus[s as keyof typeof d.critical.rhi.byStatus] ?? 0]),
    showColTotals: true,
  });
  extras.set('return-interviews', (p) => [{
    header: 'Share of returns', values: p.cells.map((row) => {
      const total = p.colTotals?.[0];
      return row[0] === SUPPRESSED || total === SUPPRESSED || total === undefined ? 'c' : percent(row[0], total, { control });
    }),
  }]);

  // Critical moments: follow-up in place or something overdue.
  const kinds = ['Exclusion', 'Injury', 'Arrest', 'ReturnFromMissing'] as const;
  table({
    id: 'critical-moments', title: 'Critical moments in the quarter and their follow-up', unit: 'moments', rowHeader: 'Critical moment',
    rows: kinds.map((k) => MOMENT_LABEL[k]), cols: ['Follow-up in place', 'Something overdue'],
    cells: kinds.map((k) => {
      const items = d.critical.items.filter((i) => i.kind === k);
      const overdue = count(items, (i) => i.overdue.length > 0);
      return [items.length - overdue, overdue];
    }),
    showRowTotals: true, showColTotals: true, showGrandTotal: true,
  });

  // Hotspots: people and event counts per place are controlled (events involve children); scores are not counts.
  const top = d.hotspots.items.slice(0, 10);
  table({
    id: 'hotspots', title: 'Places, schools and online spaces ranked by harm', unit: 'people or events', rowHeader: 'Place',
    rows: top.map((h) => h.name), cols: ['Children', 'Persons of concern', 'Events'],
    cells: top.map((h) => [h.distinctChildren, h.distinctPersonsOfConcern, h.eventCount]),
  });
  extras.set('hotspots', () => [
    { header: 'Rank', before: true, values: top.map((h) => String(h.rank)) },
    { header: 'Kind', before: true, values: top.map((h) => (h.kind === 'Location' ? 'Place' : h.kind === 'OnlineSpace' ? 'Online space' : 'School')) },
    { header: 'Harm score', values: top.map((h) => fmt(h.score)) },
    { header: 'Previous rank', values: top.map((h) => (h.previousRank ? String(h.previousRank) : 'new')) },
  ]);

  // Peer networks: size by sex and by age band share the community size as row total.
  const comms = [...d.networks.communities].sort((a, b) => b.size - a.size).slice(0, MAX_NETWORK_ROWS);
  if (d.networks.communities.length > comms.length) {
    notes.set('networks-age', `The ${comms.length} largest of ${d.networks.communities.length} networks are tabulated; the rest are smaller.`);
  }
  const commRows = comms.map((c, i) => `Network ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`);
  const sexCodes = ['FEMALE', 'MALE', 'UNKNOWN'];
  const ageCodes = [...new Set(comms.flatMap((c) => Object.keys(c.ageMix)))].sort();
  if (comms.length) {
    table({
      id: 'networks-sex', title: 'Peer networks: members by sex', rowHeader: 'Network', rows: commRows, cols: sexCodes.map((s) => label('sex', s)),
      cells: comms.map((c) => sexCodes.map((s) => c.sexMix[s] ?? 0)), showRowTotals: true,
    });
    table({
      id: 'networks-age', title: 'Peer networks: members by age band', rowHeader: 'Network', rows: commRows, cols: ageCodes,
      cells: comms.map((c) => ageCodes.map((a) => c.ageMix[a] ?? 0)), showRowTotals: true,
    });
    extras.set('networks-sex', () => [
      { header: 'Status', text: true, values: comms.map((c) => c.status) },
      { header: 'Main exploitation type', text: true, values: comms.map((c) => (c.exploitationTypes[0] ? label('exploitation', c.exploitationTypes[0].type) : 'none recorded')) },
    ]);
  }

  // Persons of concern (adults): counts and disruption status.
  const poc = d.personsOfConcern;
  table({
    id: 'persons-of-concern', title: 'Persons of concern (adults)', unit: 'adults', rowHeader: 'Measure',
    rows: ['Persons of concern on record', 'Involved in an event this quarter', 'Subject of a disruption action this quarter', 'Ever subject of a disruption action'],
    cols: ['Adults'],
    cells: [[poc.length], [count(poc, (p) => p.eventsInQuarter > 0)], [count(poc, (p) => p.disruptionsInQuarter > 0)], [count(poc, (p) => p.disruptionsToDate > 0)]],
  });
  const ranked = d.highHarm.items.slice(0, 10);
  const status = new Map(poc.map((p) => [p.id, p]));
  table({
    id: 'high-harm', title: 'Highest-harm persons of concern (for tasking review)', unit: 'children', rowHeader: 'Rank',
    rows: ranked.map((p) => String(p.rank)), cols: ['Children linked'], cells: ranked.map((p) => [p.breakdown.distinctChildren]),
  });
  extras.set('high-harm', () => [
    ...(o.pocNames ? [{ header: 'Name', before: true, text: true, values: ranked.map((p) => p.name) }] : []),
    { header: 'Score', values: ranked.map((p) => p.score.toFixed(2)) },
    { header: 'Disruption status', text: true, values: ranked.map((p) => {
      const s = status.get(p.id);
      if (!s || s.disruptionsToDate === 0) return 'none recorded';
      return `${s.disruptionsInQuarter > 0 ? 'active this quarter' : 'earlier'}: ${s.tactics.map((t) => label('tactic', t)).join(', ')}`;
    }) },
  ]);

  // County lines, NRM, disruption.
  table({
    id: 'county-lines', title: 'County lines', unit: 'people', rowHeader: 'County line',
    rows: d.countyLines.map((l) => (l.destination && !l.name.includes(l.destination) ? `${l.name} (to ${l.destination})` : l.name)),
    cols: ['Young people linked', 'Adults linked', 'Missing episodes with a county-lines concern'],
    cells: d.countyLines.map((l) => [l.youngPeople, l.adults, l.missingWithConcern]),
  });
  const nrmTypes = EXPLOITATION_ORDER.filter((t) => d.nrm.some((r) => r.exploitationType === t || (t === 'UNSPECIFIED' && r.exploitationType === 'NOT_RECORDED')));
  const nrmType = (r: { exploitationType: string }) => (r.exploitationType === 'NOT_RECORDED' ? 'UNSPECIFIED' : r.exploitationType);
  table({
    id: 'nrm', title: 'National Referral Mechanism: referrals in the quarter by stage and exploitation type', unit: 'referrals', rowHeader: 'Stage',
    rows: NRM_STAGES.map((s) => NRM_STAGE_LABEL[s]), cols: nrmTypes.length ? nrmTypes.map((t) => label('exploitation', t)) : ['All types'],
    cells: NRM_STAGES.map((s) => (nrmTypes.length ? nrmTypes.map((t) => count(d.nrm, (r) => r.stage === s && nrmType(r) === t)) : [0])),
    showRowTotals: true, showColTotals: true, showGrandTotal: true,
  });
  const tactics = [...new Set([...d.disruption, ...d.disruptionPrevious].map((r) => r.tactic))].sort();
  table({
    id: 'disruption', title: 'Disruption activity', unit: 'actions', rowHeader: 'Tactic',
    rows: tactics.map((t) => label('tactic', t)), cols: [d.quarter, d.previousQuarter],
    cells: tactics.map((t) => [count(d.disruption, (r) => r.tactic === t), count(d.disruptionPrevious, (r) => r.tactic === t)]),
    showColTotals: true,
  });
  table({
    id: 'not-yet-referred', title: 'Children of concern not yet known to a panel or plan', rowHeader: 'Measure',
    rows: [`Concern score of ${fmt(d.notYetReferred.minScore)} or more (serious harm, signs of exploitation, repeat missing)`], cols: ['Children'], cells: [[d.notYetReferred.total]],
  });
  return { tables, extras, notes };
}

export function personLabel(o: ResolvedOptions, id: string, name: string): string {
  if (o.names === 'names') return name;
  if (o.names === 'pseudonyms') return pseudonymFor(id);
  return '—';
}

/**
 * Builds, controls (partner edition) and decorates every table. The partner edition re-prints
 * what earlier packs printed (history.ts) and plans its suppression against them.
 */
export function packTables(d: BriefingData, o: ResolvedOptions, earlier: PackRecord[] = []): { tables: Map<string, PackTable>; revisions: Revision[] } {
  const { tables, extras, notes } = buildCountTables(d, o);
  assignKeys(tables, d.quarter);
  const control = o.edition === 'partner';
  const history = control ? applyHistory(tables, earlier, o.revise) : { earlier: [], revisions: [] };
  const published = controlTables(tables, { control, earlier: history.earlier });
  return {
    tables: new Map(published.map((p) => [p.id, { ...p, extra: extras.get(p.id)?.(p) ?? [], note: notes.get(p.id) }])),
    revisions: history.revisions,
  };
}
