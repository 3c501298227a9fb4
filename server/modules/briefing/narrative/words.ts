/** How published figures are read out of the tables and put into words. */
import { SUPPRESSED, Published, percent } from '../disclosure';
import type { BriefingData } from '../gather';
import type { PackTable } from '../tables';
import type { Comparator } from '../../../platform/borough';
import { fmt, RHI_LABEL } from '../labels';

export const num = (v: Published | undefined): string => (v === undefined ? '–' : v === SUPPRESSED ? 'c (suppressed)' : fmt(v));
/** "25 children" or "a suppressed number of children (c)". */
export const many = (v: Published | undefined, noun: string): string =>
  (v === SUPPRESSED ? `a suppressed number of ${noun} (c)` : `${v === undefined ? 'no' : fmt(v)} ${noun}`);
export const pText = (p: number): string => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);
export const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
/** A label in running text: lower case, except acronyms ("Panel and MACE referrals" → "panel and MACE referrals"). */
export const inText = (s: string): string => s.split(' ').map((w) => (/^[A-Z0-9]*[A-Z]{2,}[A-Z0-9]*$/.test(w.replace(/[^A-Za-z0-9]/g, '')) ? w : w.toLowerCase())).join(' ');
/** What a theme measures, in words ("Disruption actions", "Share of girls among …"). */
export const themeSubject = (e: { description: string; measure: string }): string =>
  (e.measure === 'count' ? e.description.split(':')[0].trim() : e.description);
export const cell = (t: PackTable | undefined, r: number, c: number): Published | undefined => t?.cells[r]?.[c];
export const total = (t: PackTable | undefined): Published | undefined => t?.grandTotal ?? t?.colTotals?.[0];

/** Returns from missing in the quarter, and those with an interview within 72 hours. */
export function rhiFigures(t: Map<string, PackTable>): { returns: Published | undefined; within: Published | undefined } {
  const rhi = t.get('return-interviews')!;
  return { returns: total(rhi), within: cell(rhi, 0, 0) };
}

/** Fewest completed interviews whose share is set beside a national figure. */
const MIN_COMPARED = 10;

/**
 * Of the return home interviews completed, the share within 72 hours, beside the national
 * comparator with its source and year. Undefined when no comparator is configured, a count is
 * suppressed, or fewer than 10 interviews were completed (too few to set beside a national figure,
 * in either edition).
 */
export function rhiAgainstNational(t: Map<string, PackTable>, national: Comparator | null, control: boolean): { sentence: string; below: boolean } | undefined {
  if (!national) return undefined;
  const rhi = t.get('return-interviews')!;
  const within = cell(rhi, rhi.rows.indexOf(RHI_LABEL.done), 0);
  const late = cell(rhi, rhi.rows.indexOf(RHI_LABEL.late), 0);
  if (typeof within !== 'number' || typeof late !== 'number') return undefined;
  const completed = within + late;
  if (completed < MIN_COMPARED) return undefined;
  const share = percent(within, completed, { control });
  return {
    sentence: `Of ${fmt(completed)} return home interviews completed, ${share} were completed within 72 hours, against ${fmt(100 * national.value, 0)}% nationally (${national.source}, ${national.year}).`,
    below: within / completed < national.value,
  };
}

export const newOrGrowingNetworks = (d: BriefingData) => d.networks.communities.filter((c) => c.status === 'new' || c.status === 'growing');

/** One measure this quarter against last quarter, in a sentence. */
export function change(name: string, now: Published | undefined, before: Published | undefined): string {
  if (now === undefined || before === undefined) return `${name}: no figures.`;
  if (now === SUPPRESSED || before === SUPPRESSED) return `${name}: ${num(now)} this quarter, ${num(before)} last quarter (change not shown: a figure is suppressed).`;
  const d = now - before;
  const how = d === 0 ? 'no change' : `${d > 0 ? 'up' : 'down'} ${fmt(Math.abs(d))}${before > 0 ? ` (${d > 0 ? '+' : '−'}${Math.round((100 * Math.abs(d)) / before)}%)` : ''}`;
  return `${name}: ${fmt(now)} this quarter against ${fmt(before)} last quarter, ${how}.`;
}
