/**
 * Detail panel for the selected node or link: profile, flags, review date, provenance, grading
 * and (for nodes, from the API) the timeline.
 */
import type { NodeSingular, EdgeSingular } from 'cytoscape';
import { profile, type Profile } from '../api/queries';
import { ApiError } from '../api/client';
import { VISUALS, type VisualClass } from '../graph/kinds';
import { $, el, fmtDate } from '../ui/dom';
import { AGENCY } from '../../../server/model/enums';

let seq = 0;

const put = (...nodes: (Node | null)[]): void => $('detail').replaceChildren(...nodes.filter((n): n is Node => n != null));

const agencyName = (code: unknown): string => (code ? AGENCY[code as keyof typeof AGENCY] ?? String(code) : '—');

function dl(rows: [string, unknown][]): HTMLDListElement {
  const d = el('dl');
  for (const [k, v] of rows) {
    if (v == null || v === '') continue;
    d.append(el('dt', {}, k), el('dd', {}, Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v)));
  }
  return d;
}

export function gradingText(d: Record<string, unknown>): string {
  if (!d.sourceEval && !d.assessment) return '—';
  return `${d.gradingScheme ?? ''} ${d.sourceEval ?? '?'}${d.assessment ?? '?'}${d.handling ?? ''}`.trim();
}

function provenance(p: Record<string, unknown>): HTMLElement {
  return el('section', {}, el('h3', {}, 'Provenance and grading'), dl([
    ['Source', agencyName(p.source)], ['Reference', p.sourceRef], ['Recorded', fmtDate(p.recordedAt)],
    ['Valid from', p.validFrom ? fmtDate(p.validFrom) : undefined], ['Valid to', p.validTo ? fmtDate(p.validTo) : undefined],
    ['Grading', gradingText(p)], ['Conditions', p.conditions], ['Status', p.status], ['Review by', p.reviewBy],
  ]));
}

export function showEdge(e: EdgeSingular): void {
  const d = e.data();
  const src = e.source().data('name');
  const tgt = e.target().data('name');
  put(
    el('h3', {}, `${d.type}${d.role ? ` (${d.role})` : ''}`),
    el('p', {}, `${src} → ${tgt}`),
    d.status === 'hypothesis' ? el('p', { class: 'flag' }, 'Hypothesis: not confirmed') : null,
    provenance({ ...d.props, ...d }),
  );
}

export async function showNode(n: NodeSingular): Promise<void> {
  const d = n.data();
  const v = VISUALS[d.cls as VisualClass];
  const mine = ++seq;
  const head = [el('h3', {}, d.name), el('p', { class: 'muted' }, v?.label ?? d.kind)];
  $('detail').replaceChildren(...head, el('p', { class: 'muted' }, 'Loading…'));
  let p: Profile | undefined;
  try {
    p = await profile(d.id);
  } catch (e) {
    if (mine !== seq) return;
    $('detail').replaceChildren(...head, el('p', { class: 'error' }, e instanceof ApiError ? e.message : 'Could not load the profile'),
      dl(Object.entries(d.props ?? {}).map(([k, val]) => [k, val] as [string, unknown])));
    return;
  }
  if (mine !== seq) return;
  const flags = el('div', { 'aria-label': 'Flags' }, ...(p.flags.length ? p.flags.map((f) => el('span', { class: 'flag' }, f)) : [el('span', { class: 'muted' }, 'No flags')]));
  const timeline = el('ol', { class: 'timeline', 'aria-label': 'Timeline' }, ...p.timeline.map((t) =>
    el('li', {}, el('strong', {}, fmtDate(t.at)), ` ${t.kind}${t.role ? ` (${t.role})` : ''}`, t.summary ? el('div', {}, t.summary) : null,
      el('div', { class: 'muted' }, `${agencyName(t.source)} · ${t.grading ?? ''}${t.status ? ` · ${t.status}` : ''}`))));
  put(
    ...head,
    el('section', {}, el('h3', {}, 'Flags'), flags),
    el('section', {}, el('h3', {}, 'Profile'), dl(p.facts)),
    p.provenance ? provenance(p.provenance) : null,
    el('section', {}, el('h3', {}, `Timeline (${p.timeline.length})`), timeline),
    p.hidden ? el('p', { class: 'muted' }, `${p.hidden} item(s) withheld by access rules`) : null,
  );
}

export function clearDetail(): void {
  seq++;
  $('detail').replaceChildren(el('p', { class: 'muted' }, 'Select a node or link to see its profile, timeline, provenance and grading.'));
}
