/**
 * Detail panel for the selected node or link: profile, flags, review date, provenance, grading
 * and (for nodes, from the API) the timeline. For a busy place's group of events, the group in
 * words with its events listed (the group node's text alternative) and the button that opens or
 * gathers it, so it works from the keyboard alone.
 */
import type { NodeSingular, EdgeSingular } from 'cytoscape';
import { profile, type Profile } from '../api/queries';
import { profileFacts } from '../api/facts';
import { ApiError } from '../api/client';
import { VISUALS, type VisualClass } from '../graph/kinds';
import { canvas } from '../graph/canvas';
import { groupsOn } from '../graph/gather';
import { GATHER_ABOVE, groupLabel, groupSentence, memberWords, type BusyGroup } from '../graph/busy';
import { gatherGroup, groupActionText, openGroups } from '../graph/actions';
import { $, el, fmtDate } from '../ui/dom';
import { AGENCY, ETHNICITY, SEX, SEN, CARE_STATUS, EXPLOITATION_TYPE, DISRUPTION_TACTIC, DISRUPTION_OUTCOME, LINE_STATUS, REFERRAL_TYPE, IMMIGRATION_STATUS, NEURODIVERSITY, FIRST_LANGUAGE } from '../../../server/model/enums';

/** Code lists from the model: codes are shown with their words. */
const CODES: Record<string, Record<string, string>> = {
  ethnicity: ETHNICITY, sex: SEX, sen: SEN, careStatus: CARE_STATUS, exploitationType: EXPLOITATION_TYPE, tactic: DISRUPTION_TACTIC, referralType: REFERRAL_TYPE,
  disruptionOutcome: DISRUPTION_OUTCOME, lineStatus: LINE_STATUS,
  immigrationStatus: IMMIGRATION_STATUS, neurodiversity: NEURODIVERSITY, firstLanguage: FIRST_LANGUAGE,
};
const words = (k: string): string => { const w = k.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase(); return w.charAt(0).toUpperCase() + w.slice(1); };
const human = (k: string, v: unknown): unknown => (Array.isArray(v) && CODES[k] ? v.map((x) => CODES[k][String(x)] ?? x)
  : (typeof v === 'string' && CODES[k]?.[v]) || v);

let seq = 0;

const put = (...nodes: (Node | null)[]): void => $('detail').replaceChildren(...nodes.filter((n): n is Node => n != null));

const agencyName = (code: unknown): string => (code ? AGENCY[code as keyof typeof AGENCY] ?? String(code) : '—');

const ddText = (v: unknown): string =>
  Array.isArray(v) ? v.join(', ') : typeof v === 'boolean' ? (v ? 'Yes' : 'No') : typeof v === 'object' ? JSON.stringify(v) : String(v);

function dl(rows: [string, unknown][]): HTMLDListElement {
  const d = el('dl');
  for (const [k, v] of rows) {
    if (v == null || v === '') continue;
    const shown = human(k, v);
    d.append(el('dt', {}, words(k)), el('dd', {}, ddText(shown)));
  }
  return d;
}

export function gradingText(d: Record<string, unknown>): string {
  if (!d.sourceEval && !d.assessment) return '—';
  return `${d.gradingScheme ?? ''} ${d.sourceEval ?? '?'}${d.assessment ?? '?'}${d.handling ?? ''}`.trim();
}

function provenance(p: Record<string, unknown>): HTMLElement {
  return el('section', {}, el('h3', {}, 'Provenance and grading'), dl([
    ['Source', agencyName(p.source)], ['Reference', p.sourceRef], ['Recorded', p.recordedAt ? fmtDate(p.recordedAt) : undefined],
    ['Valid from', p.validFrom ? fmtDate(p.validFrom) : undefined], ['Valid to', p.validTo ? fmtDate(p.validTo) : undefined],
    ['Grading', p.sourceEval ? gradingText(p) : undefined], ['Conditions', p.conditions], ['Status', p.status], ['Review by', p.reviewBy],
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

/** What the canvas already holds about a node (properties from the API), shown at once. */
function localSections(d: Record<string, unknown>): HTMLElement[] {
  const p = (d.props ?? {}) as Record<string, unknown>;
  const facts = profileFacts((d.labels ?? []) as string[], p);
  const out = [el('section', {}, el('h3', {}, 'Profile'), dl(facts))];
  if (d.cls === 'event' || p.sourceRef || p.gradingScheme) out.push(provenance(p));
  else if (p.source) out.push(el('section', {}, el('h3', {}, 'Provenance'), dl([['Source', agencyName(p.source)], ['Shared with', p.sharedWith]])));
  return out;
}

/** Open or gather a group, then show it with the focus on its button (the old one is gone). */
function toggleGroup(g: BusyGroup): void {
  const cy = canvas();
  cy.elements().unselect();
  if (g.opened) {
    const id = gatherGroup(g.context, g.key);
    if (id) cy.getElementById(id).select();
  } else {
    openGroups([g.id]);
    cy.getElementById(g.context).select();
  }
  showGroup(g.context, g.key, true);
}

const groupButton = (g: BusyGroup): HTMLButtonElement => {
  const b = el('button', { type: 'button', class: 'group-action' }, groupActionText(g));
  b.addEventListener('click', () => toggleGroup(g));
  return b;
};

/** A busy place's group of events: what it holds in words, each event, and open / gather. */
export function showGroup(context: string, key: string, focusAction = false): void {
  seq++;
  const cy = canvas();
  const g = groupsOn(cy).find((x) => x.context === context && x.key === key);
  if (!g) { clearDetail(); return; }
  const place = String(cy.getElementById(context).data('name') ?? context);
  const action = groupButton(g);
  const events = el('ol', { class: 'timeline', 'aria-label': `The ${memberWords(g, 2)}` }, ...g.members.map((id) => {
    const d = cy.getElementById(id).data() as Record<string, unknown>;
    const e = { ...(d.props as Record<string, unknown> | undefined), ...d };
    return el('li', {}, String(e.name ?? id), el('div', { class: 'muted' }, `${agencyName(e.source)} · ${gradingText(e)}${e.status ? ` · ${e.status}` : ''}`));
  }));
  put(
    el('h3', {}, groupLabel(g)),
    el('p', { class: 'muted' }, g.opened ? 'Events at one place, shown one by one' : `Group of events at one place: more than ${GATHER_ABOVE} of one kind`),
    el('p', {}, groupSentence(g, place)),
    action,
    el('section', {}, el('h3', {}, `Events (${g.members.length})`), events),
  );
  if (focusAction) action.focus();
}

/** The groups a place holds, or the opened group an event belongs to, each with its button. */
function groupsSection(n: NodeSingular): HTMLElement | null {
  const groups = groupsOn(n.cy()).filter((g) => g.context === n.id() || (g.opened && g.members.includes(n.id())));
  if (!groups.length) return null;
  const title = n.data('cls') === 'event' ? 'Part of a group of events' : 'Groups of events here';
  return el('section', {}, el('h3', {}, title), el('ul', { class: 'group-actions' }, ...groups.map((g) =>
    el('li', {}, el('span', {}, groupLabel(g)), groupButton(g)))));
}

export async function showNode(n: NodeSingular): Promise<void> {
  const d = n.data();
  if (d.cls === 'aggregate') { showGroup(d.context, d.groupKey); return; }
  const v = VISUALS[d.cls as VisualClass];
  const mine = ++seq;
  const head = [el('h3', {}, d.name), el('p', { class: 'muted' }, v?.label ?? d.kind), groupsSection(n)];
  const local = localSections(d);
  // Events carry their own provenance and grading; people and places get the full profile.
  if (d.cls === 'event') { put(...head, ...local); return; }
  put(...head, ...local, el('p', { class: 'muted' }, 'Loading profile and timeline…'));
  let p: Profile | undefined;
  try {
    p = await profile(d.id);
  } catch (e) {
    if (mine !== seq) return;
    put(...head, el('p', { class: 'error' }, e instanceof ApiError ? e.message : 'Could not load the profile'), ...local);
    return;
  }
  if (mine !== seq) return;
  const flags = el('div', { 'aria-label': 'Flags' }, ...(p.flags.length ? p.flags.map((f) => el('span', { class: 'flag' }, f)) : [el('span', { class: 'muted' }, 'No flags')]));
  const timeline = el('ol', { class: 'timeline', 'aria-label': 'Timeline' }, ...p.timeline.map((t) =>
    el('li', {}, el('strong', {}, fmtDate(t.at)), ` ${t.kind}${t.role ? ` (${t.role})` : ''}`, t.summary ? el('div', {}, t.summary) : null,
      el('div', { class: 'muted' }, `${agencyName(t.source)} · ${t.grading ?? ''}${t.status ? ` · ${t.status}` : ''}`))));
  put(
    ...head,
    p.childAtRisk ? el('section', { 'aria-label': 'Safeguarding considerations' }, el('h3', {}, 'Safeguarding considerations'),
      el('p', { class: 'flag' }, 'Known as a child at risk before turning 18'),
      el('p', { class: 'muted' }, `Evidence: ${p.childAtRisk.join(', ')}`)) : null,
    el('section', {}, el('h3', {}, 'Flags'), flags),
    el('section', {}, el('h3', {}, 'Profile'), dl(p.facts)),
    p.provenance ? provenance(p.provenance) : null,
    p.riskTrend ? el('p', {}, `Risk trend: ${p.riskTrend.direction}${p.riskTrend.points.length ? ` (CEAM ${p.riskTrend.points.map((x) => x.score).join(' → ')})` : ''}`) : null,
    el('section', {}, el('h3', {}, `Links (${p.links.length})`), links(p)),
    el('section', {}, el('h3', {}, `Timeline (${p.timeline.length})`), timeline),
    p.hidden ? el('p', { class: 'muted' }, `${p.hidden} item(s) withheld by access rules`) : null,
  );
}

/** Relationships with grading, status and review date; overdue reviews stand out. */
function links(p: Profile): HTMLElement {
  return el('ul', { class: 'timeline', 'aria-label': 'Links' }, ...p.links.slice(0, 60).map((l) =>
    el('li', {}, el('strong', {}, l.type), ` ${l.direction === 'OUT' ? '→' : '←'} ${l.other.name}`,
      el('div', { class: 'muted' }, `${agencyName(l.source)} · ${l.grading ?? ''} · ${l.status ?? ''} · review by ${l.reviewBy ?? '—'}`),
      l.reviewOverdue ? el('span', { class: 'flag' }, 'Review overdue') : null)));
}

export function clearDetail(): void {
  seq++;
  $('detail').replaceChildren(el('p', { class: 'muted' }, 'Select a node or link to see its profile, timeline, provenance and grading.'));
}
