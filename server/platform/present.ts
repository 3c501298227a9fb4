/**
 * How records leave the API: visibility (policy.canSeeNode / canSeeRecord) and presentation
 * (leads get pseudonyms, no names, dates of birth, aliases or postcodes). Every read module
 * passes nodes and relationships through here, so the rules live in one place.
 */
import type { User } from './context';
import { NODE_KINDS } from '../model/model';
import { canSeeNode, canSeeRecord, isPseudonymised } from './policy';
import { pseudonymFor } from './secrets';
import { ageOn, ageBand } from '../domain/age';

export interface RawNode { labels: string[]; properties: Record<string, unknown> }
export interface RawEdge { id: string; type: string; from: string; to: string; properties: Record<string, unknown> }
export interface ApiNode { id: string; labels: string[]; kind: string; name: string; properties: Record<string, unknown> }
export interface ApiEdge { id: string; type: string; source: string; target: string; properties: Record<string, unknown> }

const KIND_LABELS = new Set(NODE_KINDS.map((k) => k.label));
const IDENTIFYING = ['name', 'aliases', 'dateOfBirth', 'postcodeArea'];

const marking = (p: Record<string, unknown>) => ({
  source: p.source as string | undefined,
  handling: p.handling as string | undefined,
  sharedWith: p.sharedWith as string[] | undefined,
});

export const kindOf = (labels: readonly string[]): string => labels.find((l) => KIND_LABELS.has(l)) ?? labels[0] ?? 'Entity';

export const nodeVisible = (user: User, n: RawNode): boolean => canSeeNode(user, { ...marking(n.properties), labels: n.labels });
export const edgeVisible = (user: User, e: Pick<RawEdge, 'properties'>): boolean => canSeeRecord(user, marking(e.properties));

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
  }
  let name: string;
  if (kind === 'Person' && isPseudonymised(user)) {
    for (const k of IDENTIFYING) delete p[k];
    name = pseudonymFor(id);
    p.pseudonymised = true;
  } else if (typeof p.name === 'string') {
    name = p.name;
  } else {
    name = `${humanise(kind)}${typeof p.occurredAt === 'string' ? ` ${p.occurredAt.slice(0, 10)}` : ''}`;
  }
  return { id, labels: n.labels, kind, name, properties: p };
}

export const presentEdge = (e: RawEdge): ApiEdge => ({ id: e.id, type: e.type, source: e.from, target: e.to, properties: e.properties });

/** "3x5x2 B2P" style text for a record's grading. */
export function gradingText(p: Record<string, unknown>): string | null {
  if (!p.gradingScheme) return null;
  return `${p.gradingScheme} ${p.sourceEval ?? '?'}${p.assessment ?? '?'}${p.handling ?? '?'}`;
}
