/**
 * The quarterly briefing job: gather → tables (disclosure-controlled for the partner edition) →
 * narrative (language-checked) → HTML, PDF, one CSV per table, written to `outDir`.
 * The CLI (scripts/briefing.ts) and the GraphQL mutation (server/modules/briefing) both call this.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AnalyticsInputError, boroughScopeSentence, scopedSource, type AnalyticsSource, type Store } from '../analytics';
import { packViewer } from '../../platform/visibility';
import { gather, GATHER_STEPS } from './gather';
import { packTables, PackTable } from './tables';
import { buildNarrative } from './narrative';
import { buildSections } from './sections';
import { renderHtml, PackMeta } from './html';
import { tableCsv } from './csv';
import { startPrinter, Printer } from './pdf';
import { resolveOptions, BriefingOptions, ResolvedOptions } from './options';
import { dateText, label } from './labels';
import { eventBand } from './bands';
import { loadHistory, saveRecord, PackRecord } from './history';
import { auditRelease, DisclosureAuditError } from './release-audit';

import { BriefingInputError } from './options';

export { resolveOptions, BriefingInputError, EDITIONS } from './options';
export { DisclosureAuditError } from './release-audit';
export type { BriefingOptions, Edition } from './options';

export interface BriefingFile { name: string; path: string; kind: 'html' | 'pdf' | 'csv'; bytes: number }
export interface BriefingResult {
  quarter: string;
  edition: string;
  files: BriefingFile[];
  /** Ids of the people whose records fed person-level parts (for the access log). */
  personIds: string[];
  tables: string[];
  /** The tables as published (after disclosure control for the partner edition). */
  publishedTables: PackTable[];
  /** Partner edition: the published record kept in the history folder, and where. */
  record?: PackRecord;
  historyFile?: string;
  timings: Record<string, number>;
}

export const BRIEFING_STEPS = GATHER_STEPS + 3;

function meta(o: ResolvedOptions, d: Awaited<ReturnType<typeof gather>>): PackMeta {
  const end = new Date(Date.parse(d.period.end) - 1).toISOString();
  return {
    title: `Quarterly exploitation intelligence briefing: ${o.borough.name}${o.boroughCode ? `, borough ${o.boroughCode}` : ''}${o.borough.synthetic ? ' (synthetic)' : ''}`,
    marking: o.marking, edition: o.edition, quarter: o.quarter,
    periodText: `${o.quarter} (${dateText(d.period.start)} to ${dateText(end)})`,
    author: `${o.author.name} (${o.author.role})`, created: o.createdAt, reviewBy: o.reviewBy,
    // Event counts involve children: the partner edition gives bands, not counts.
    sources: d.sources.map((s) => `${label('agency', s.source)} (${o.edition === 'partner' ? `${eventBand(s.events)} events` : `${s.events.toLocaleString('en-GB')} events`})`),
    caveats: [
      ...(o.boroughCode ? [boroughScopeSentence(o.boroughCode)] : []),
      'Figures are from records held by partner agencies and undercount harm that is not reported.',
      'Associations are graded intelligence, not fact.',
      o.edition === 'partner' ? 'Counts of 0–4 are shown as "c".' : 'Restricted: need to know only.',
    ],
  };
}

export interface BuildHooks {
  progress?: (step: string) => void;
  /**
   * Called with the finished result while the files are still in a staging folder: the access
   * log entry is written here, so nothing is released unlogged. Throwing discards the files.
   */
  beforeRelease?: (result: BriefingResult) => Promise<void>;
}

export async function buildBriefing(source: Store, options: BriefingOptions, outDir: string,
  hooks: BuildHooks = {}): Promise<BriefingResult> {
  const progress = hooks.progress ?? (() => undefined);
  const o = resolveOptions(options);
  const timings: Record<string, number> = {};
  const t0 = Date.now();
  // Chromium starts while the data is gathered.
  const printerReady: Promise<Printer> | undefined = o.formats.includes('pdf') ? startPrinter() : undefined;
  printerReady?.catch(() => undefined);
  try {
    return await build(source, o, outDir, hooks, progress, timings, t0, printerReady);
  } finally {
    if (printerReady) await printerReady.then((p) => p.close(), () => undefined);
  }
}

/** The pack's reader: the edition's, within the borough asked for (an unknown one is the caller's mistake). */
async function packSource(source: Store, o: ResolvedOptions): Promise<AnalyticsSource> {
  try {
    return await scopedSource({ ...source, viewer: packViewer(o.edition), memo: new Map() }, o.boroughCode, 'boroughCode');
  } catch (e) {
    if (e instanceof AnalyticsInputError) throw new BriefingInputError(e.field, e.reason);
    throw e;
  }
}

async function build(source: Store, o: ResolvedOptions, outDir: string, hooks: BuildHooks, progress: (step: string) => void,
  timings: Record<string, number>, start: number, printerReady: Promise<Printer> | undefined): Promise<BriefingResult> {
  let t0 = start;
  const lap = (name: string) => { timings[name] = Date.now() - t0; t0 = Date.now(); progress(name); };
  // Read as the edition's reader. One memo per job: analytics share each quarter's peer
  // projection (network themes, brokerage).
  const data = await gather(await packSource(source, o), o, progress);
  timings.gather = Date.now() - t0; t0 = Date.now();
  // Each borough's partner packs are a series of their own.
  const historyDir = o.historyDir ?? path.join(outDir, 'published-history', ...(o.boroughCode ? [o.boroughCode] : []));
  const earlier = o.edition === 'partner' ? loadHistory(historyDir, o.quarter) : [];
  const { tables, revisions, counts } = packTables(data, o, earlier);
  const narrative = buildNarrative(data, tables, o);
  if (o.edition === 'partner') {
    // The series audit over every pack published so far and this one: a violating pack is not released.
    const a0 = Date.now();
    const published = { quarter: o.quarter, tables: [...tables.values()].map(({ extra, note, ...t }) => t), statements: narrative.statements };
    const { problems } = auditRelease(earlier, published, counts);
    if (problems.length) throw new DisclosureAuditError(problems);
    timings.audit = Date.now() - a0;
  }
  const m = meta(o, data);
  const html = renderHtml(m, narrative, buildSections(data, tables, narrative, o));
  lap('render');

  fs.mkdirSync(outDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(outDir, '.staging-'));
  const base = `briefing-${o.quarter}-${o.edition}${o.boroughCode ? `-${o.boroughCode}` : ''}`;
  const files: BriefingFile[] = [];
  const write = (name: string, kind: BriefingFile['kind'], content: string | Buffer) => {
    const p = path.join(staging, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
    files.push({ name, path: p, kind, bytes: Buffer.byteLength(content) });
  };
  if (o.formats.includes('html')) write(`${base}.html`, 'html', html);
  if (o.formats.includes('csv')) for (const t of tables.values()) write(`${base}-csv/${t.id}.csv`, 'csv', tableCsv(t, m));
  lap('files');
  if (printerReady) {
    const { pdf, blockedRequests } = await (await printerReady).print(html);
    if (blockedRequests.length) throw new Error(`briefing: the page tried to load ${blockedRequests[0]}; the pack must be self-contained`);
    write(`${base}.pdf`, 'pdf', pdf);
  }
  lap('pdf');
  const personIds = o.edition === 'restricted' && o.names !== 'none'
    ? [...new Set([...data.notYetReferred.items.slice(0, 20).map((c) => c.id), ...data.critical.items.filter((i) => i.overdue.length).slice(0, 25).map((i) => i.childId), ...(o.pocNames ? data.highHarm.items.map((p) => p.id) : [])])]
    : [];
  const record: PackRecord | undefined = o.edition === 'partner' ? {
    quarter: o.quarter, createdAt: o.createdAt, tables: [...tables.values()].map(({ extra, note, ...t }) => t), statements: narrative.statements,
    revisions: revisions.length ? [{ reason: o.revise!.reason, by: o.author.name, changes: revisions }] : [],
  } : undefined;
  const result: BriefingResult = { quarter: o.quarter, edition: o.edition, files, personIds, tables: [...tables.keys()], publishedTables: [...tables.values()], timings, record };
  try {
    await hooks.beforeRelease?.(result);
    for (const f of files) {
      const final = path.join(outDir, f.name);
      fs.mkdirSync(path.dirname(final), { recursive: true });
      fs.renameSync(f.path, final);
      f.path = final;
    }
    // Released: what was published becomes the history the next pack re-prints.
    if (record) result.historyFile = saveRecord(historyDir, record);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  return result;
}
