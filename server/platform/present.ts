/**
 * How records leave the API: presentation by purpose. A pseudonymised viewer (a lead) gets
 * people under a stable pseudonym without what identifies them, and no free text or source
 * reference on any record (a name can sit in a summary, a crime number or a match reason).
 * Every read module passes nodes and relationships through here, so the rule lives in one place;
 * which records arrive at all is the visibility gate's (visibility.ts).
 */
import type { User } from './context';
import { NODE_KINDS } from '../model/model';
import { DISRUPTION_TACTIC, GRACES_FIELDS, LINE_STATUS } from '../model/enums';
import { gracesFieldsShownTo, isPseudonymised } from './policy';
import { pseudonymFor } from './secrets';
import { ageOn, ageBand } from '../domain/age';
import { offenceLabel } from '../domain/offence';

export interface RawNode { labels: string[]; properties: Record<string, unknown> }
export interface RawEdge { id: string; type: string; from: string; to: string; properties: Record<string, unknown> }
export interface ApiNode { id: string; labels: string[]; kind: string; name: string; properties: Record<string, unknown> }
export interface ApiEdge { id: string; type: string; source: string; target: string; properties: Record<string, unknown> }

const KIND_LABELS = new Set(NODE_KINDS.map((k) => k.label));
const IDENTIFYING = ['name', 'aliases', 'dateOfBirth', 'dobLatest', 'postcodeArea', 'nhsNumber', 'identifiers'];
const FREE_TEXT = ['summary', 'text', 'sourceRef', 'conditions', 'reason', 'notes'];

const dropKeys = (p: Record<string, unknown>, keys: readonly string[]): void => { for (const k of keys) delete p[k]; };

export const kindOf = (labels: readonly string[]): string => labels.find((l) => KIND_LABELS.has(l)) ?? labels[0] ?? 'Entity';


const humanise = (label: string): string => label.replace(/([a-z])([A-Z])/g, '$1 $2');

/**
 * `owned`: n.properties is the caller's own fresh map (plainProperties' output, say), presented in
 * place instead of copied again.
 */
export function presentNode(user: User, n: RawNode, owned = false): ApiNode {
  const p = owned ? n.properties : { ...n.properties };
  const id = String(p.id);
  const kind = kindOf(n.labels);
  if (kind === 'Person' && typeof p.dateOfBirth === 'string') {
    const age = ageOn(p.dateOfBirth);
    p.isChild = age < 18;
    p.ageBand = ageBand(age);
  } else if (kind === 'Person') {
    presentPartialAge(p);
  }
  const pseudonymised = isPseudonymised(user);
  if (pseudonymised) dropKeys(p, FREE_TEXT);
  if (kind === 'Person') dropKeys(p, hiddenGraces(user));
  let name: string;
  if (kind === 'Person' && pseudonymised) {
    dropKeys(p, IDENTIFYING);
    name = pseudonymFor(id);
    p.pseudonymised = true;
  } else if (typeof p.name === 'string') {
    name = p.name;
  } else {
    name = eventName(kind, p);
  }
  return { id, labels: n.labels, kind, name, properties: keysInOrder(p) };
}

const hiddenByRole = new Map<string, string[]>();
/** The fairness fields a person's record loses for this user (policy.ts: gracesFieldsShownTo), worked out once per role. */
function hiddenGraces(user: User): string[] {
  let hidden = hiddenByRole.get(user.role);
  if (!hidden) {
    const shown = gracesFieldsShownTo(user);
    hidden = GRACES_FIELDS.filter((f) => !shown.includes(f));
    hiddenByRole.set(user.role, hidden);
  }
  return hidden;
}

/**
 * The store keeps a record's properties in the order they were written, so the same record can
 * come back in another order after a load or an update elsewhere; answers give them in key order,
 * so an answer changes only when a value does.
 */
function keysInOrder(p: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(p).sort().map((k) => [k, p[k]]));
}

/** A relationship's properties as the viewer gets them (no free text for a pseudonymised viewer). */
export function presentLinkProperties(user: User, p: Record<string, unknown>): Record<string, unknown> {
  const out = { ...p };
  if (isPseudonymised(user)) dropKeys(out, FREE_TEXT);
  return keysInOrder(out);
}

export const presentEdge = (user: User, e: RawEdge): ApiEdge =>
  ({ id: e.id, type: e.type, source: e.from, target: e.to, properties: presentLinkProperties(user, e.properties) });

/** "3x5x2 B2P" style text for a record's grading. */
export function gradingText(p: Record<string, unknown>): string | null {
  if (!p.gradingScheme) return null;
  return `${p.gradingScheme} ${p.sourceEval ?? '?'}${p.assessment ?? '?'}${p.handling ?? '?'}`;
}

/**
 * A person without a date of birth: an age on a day or a range makes them certainly an adult or
 * possibly a child; nothing makes their age unknown. Neither is ever shown as an adult unless certain.
 */
function presentPartialAge(p: Record<string, unknown>): void {
  const latest = typeof p.dobLatest === 'string' ? p.dobLatest : undefined;
  if (!latest) { p.ageUnknown = true; p.isChild = true; return; }
  const youngest = ageOn(latest);
  p.isChild = youngest < 18;
  p.ageAtLeast = youngest;
  p.ageEstimated = true;
}

/** "Robbery 2017-08-01" for an incident, "Arrest: Robbery 2017-08-01", "Missing Episode 2017-08-01": what and when. */
export function eventName(kind: string, p: Record<string, unknown>): string {
  const offence = typeof p.offenceType === 'string' ? offenceLabel(p.offenceType) : undefined;
  const coded = offence ?? codedDetail(kind, p);
  const what = kind === 'Incident' && offence ? offence : coded ? `${humanise(kind)}: ${coded}` : humanise(kind);
  return `${what}${typeof p.occurredAt === 'string' ? ` ${p.occurredAt.slice(0, 10)}` : ''}`;
}

/** The code that says what a disruption action or a county line's status was, as words. */
function codedDetail(kind: string, p: Record<string, unknown>): string | undefined {
  if (kind === 'DisruptionAction' && typeof p.tactic === 'string') return (DISRUPTION_TACTIC as Record<string, string>)[p.tactic];
  if (kind === 'LineStatus' && typeof p.lineStatus === 'string') return (LINE_STATUS as Record<string, string>)[p.lineStatus];
  return undefined;
}
