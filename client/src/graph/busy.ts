/**
 * Busy places: which events around a context (a place, school, online space or county line) the
 * map draws as one group node instead of one tag each, the group's key and the words on it. Pure:
 * it reads plain facts about the canvas, so it is tested without a browser (gather.ts applies it).
 *
 * An event is gathered only when the one thing it links to on the map is its context. An event
 * that also links to something else drawn (a person, another place, another event) stays on its
 * own: its link carries a role (victim, suspect…), a grading and a status that a counted edge from
 * a group would have to merge or drop, and that link is usually why the reader put the other end
 * on the map. Expanding a person therefore takes their events out of a group, which is what the
 * reader is asking to see.
 */
import { offenceLabel } from '../../../server/domain/offence';
import { monthName, monthOf } from '../period';

/**
 * More events of one kind than this around one context are gathered into a group. About ten
 * tags fit in a readable ring around a place at the usual zoom; above that their names (which
 * differ only by date) overlap into a star that hides the one thing a reader wants from it, how
 * many there are and over what months.
 */
export const GATHER_ABOVE = 10;

/** The kinds of context node an event can be gathered around. */
export const GATHERING_KINDS: readonly string[] = ['Location', 'School', 'OnlineSpace', 'CountyLine'];

export interface CanvasEvent {
  id: string;
  /** Model label: Incident, MissingEpisode… */
  kind: string;
  offenceType?: string;
  /** When it happened (ISO), if known. */
  time?: string;
}

export interface CanvasFacts {
  /** Context nodes the map shows that events can gather around: id → kind label. */
  contexts: ReadonlyMap<string, string>;
  /** Events that may be gathered: shown or already gathered; not hidden, filtered out or pinned. */
  events: readonly CanvasEvent[];
  /** Event id → the ids of the other nodes it links to that the map shows (group nodes left out). */
  neighbours: ReadonlyMap<string, ReadonlySet<string>>;
  /** Context id → keys of its groups the reader chose to see one by one. */
  opened?: ReadonlyMap<string, readonly string[]>;
}

export interface BusyGroup {
  /** Node id of the group on the canvas. */
  id: string;
  context: string;
  key: string;
  /** Model label of its events. */
  kind: string;
  /** What the events are, in words: "Robbery", "Missing episode". */
  what: string;
  /** Member event ids, earliest first. */
  members: string[];
  /** Earliest and latest event times among the members (ISO), when any is dated. */
  first?: string;
  last?: string;
  /** The reader chose to see these events one by one. */
  opened: boolean;
}

/** Incidents group by offence type, every other event by its kind. */
export function groupKey(e: Pick<CanvasEvent, 'kind' | 'offenceType'>): string {
  return e.kind === 'Incident' ? `Incident:${e.offenceType || 'unrecorded'}` : e.kind;
}

const kindWords = (kind: string): string => {
  const w = kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return w.charAt(0).toUpperCase() + w.slice(1);
};

/** "Robbery", "GBH", "Incident (offence not recorded)", "Missing episode". */
export function groupWhat(e: Pick<CanvasEvent, 'kind' | 'offenceType'>): string {
  if (e.kind !== 'Incident') return kindWords(e.kind);
  return e.offenceType ? offenceLabel(e.offenceType) : 'Incident (offence not recorded)';
}

/** What one member is called in a sentence, plural: "robbery incidents", "missing episodes". */
export function memberWords(g: Pick<BusyGroup, 'kind' | 'what'>, count: number): string {
  const one = count === 1;
  if (g.kind === 'Incident') {
    const offence = g.what.startsWith('Incident') ? '' : `${g.what.length <= 3 ? g.what : g.what.toLowerCase()} `;
    return `${offence}incident${one ? '' : 's'}`;
  }
  if (g.kind === 'Support') return `support record${one ? '' : 's'}`;
  return `${kindWords(g.kind).toLowerCase()}${one ? '' : 's'}`;
}

export const groupNodeId = (context: string, key: string): string => `group:${context}:${key}`;

/** "Mar 2017 – Nov 2017", "Mar 2017" for one month, "" when no member is dated. */
export function monthRange(first?: string, last?: string): string {
  if (!first || !last) return '';
  const [a, b] = [monthName(monthOf(first)), monthName(monthOf(last))];
  return a === b ? a : `${a} – ${b}`;
}

/** "Robbery × 23 (Mar 2017 – Nov 2017)": what, how many and over which months. */
export function groupLabel(g: Pick<BusyGroup, 'what' | 'members' | 'first' | 'last'>): string {
  const range = monthRange(g.first, g.last);
  return `${g.what} × ${g.members.length}${range ? ` (${range})` : ''}`;
}

/** The same on two lines, as the map draws it under the group node. */
export function groupCanvasLabel(g: Pick<BusyGroup, 'what' | 'members' | 'first' | 'last'>): string {
  const range = monthRange(g.first, g.last);
  return `${g.what} × ${g.members.length}${range ? `\n${range}` : ''}`;
}

/** The group in a sentence, for the detail panel (the node's text alternative). */
export function groupSentence(g: BusyGroup, contextName: string): string {
  const range = monthRange(g.first, g.last);
  const when = !range ? '' : range.includes('–') ? ` from ${range.replace(' – ', ' to ')}` : ` in ${range}`;
  const how = g.opened ? 'shown one by one' : 'drawn as one group node';
  return `${g.members.length} ${memberWords(g, g.members.length)} at ${contextName}${when}, ${how}.`;
}

/**
 * Every group of more than `above` events of one key around one context, opened or not. Members
 * are events whose only shown neighbour is that context; they are ordered by time, then id, and
 * the groups by context, then key, so the same canvas always gives the same groups.
 */
export function busyGroups(facts: CanvasFacts, above = GATHER_ABOVE): BusyGroup[] {
  const byGroup = new Map<string, { context: string; key: string; events: CanvasEvent[] }>();
  for (const e of facts.events) {
    const near = facts.neighbours.get(e.id);
    if (!near || near.size !== 1) continue;
    const [context] = near;
    if (!facts.contexts.has(context)) continue;
    const key = groupKey(e);
    const id = groupNodeId(context, key);
    const g = byGroup.get(id) ?? { context, key, events: [] };
    g.events.push(e);
    byGroup.set(id, g);
  }
  const out: BusyGroup[] = [];
  for (const [id, g] of byGroup) {
    if (g.events.length <= above) continue;
    const events = [...g.events].sort((a, b) => (a.time ?? '').localeCompare(b.time ?? '') || a.id.localeCompare(b.id));
    const dated = events.map((e) => e.time).filter((t): t is string => !!t).sort();
    out.push({
      id, context: g.context, key: g.key, kind: events[0].kind, what: groupWhat(events[0]),
      members: events.map((e) => e.id), first: dated[0], last: dated.at(-1),
      opened: !!facts.opened?.get(g.context)?.includes(g.key),
    });
  }
  return out.sort((a, b) => a.context.localeCompare(b.context) || a.key.localeCompare(b.key));
}
