/**
 * Visual vocabulary, derived from the one model (server/model): one shape and colour per kind.
 * Children and young people are drawn as rounded teal circles with a protective ring; persons of
 * concern as dark diamonds. A child is never drawn with the person-of-concern style, whatever
 * events they appear in (alleged harm by a child is a flag in the detail panel, not a style).
 */
import { NODE_KINDS, REL_KINDS, CONTEXT_LABELS, EVENT_LABELS } from '../../../server/model/model';

export type VisualClass =
  | 'child' | 'young-adult' | 'poc' | 'trusted' | 'person'
  | 'place' | 'school' | 'online' | 'group' | 'line' | 'org' | 'event';

export interface Visual { label: string; shape: string; colour: string; border: string; description: string }

export const VISUALS: Record<VisualClass, Visual> = {
  child: { label: 'Child (under 18)', shape: 'ellipse', colour: '#1a7f74', border: '#9be3d9', description: 'A child at risk: always a possible victim, never an offender' },
  'young-adult': { label: 'Young adult 18–25 (transitional safeguarding)', shape: 'ellipse', colour: '#2f6f9f', border: '#a9d2ef', description: 'Young person over 18' },
  poc: { label: 'Person of concern (adult)', shape: 'diamond', colour: '#4a2a55', border: '#4a2a55', description: 'Adult alleged to cause harm' },
  trusted: { label: 'Trusted adult', shape: 'round-rectangle', colour: '#2e7d32', border: '#b7e1b9', description: 'Protective adult' },
  person: { label: 'Other person', shape: 'ellipse', colour: '#5f6b76', border: '#5f6b76', description: 'Person without a role label' },
  place: { label: 'Place', shape: 'round-triangle', colour: '#b35900', border: '#b35900', description: 'Location: park, shop, estate, transport hub…' },
  school: { label: 'School', shape: 'barrel', colour: '#1f4fa8', border: '#1f4fa8', description: 'School or alternative provision' },
  online: { label: 'Online space', shape: 'hexagon', colour: '#7b3fa0', border: '#7b3fa0', description: 'Platform and space' },
  group: { label: 'Peer group (assessed)', shape: 'round-octagon', colour: '#56707f', border: '#56707f', description: 'An assessed peer group, not a "gang" list' },
  line: { label: 'County line', shape: 'vee', colour: '#333f48', border: '#333f48', description: 'County drugs line' },
  org: { label: 'Agency', shape: 'rectangle', colour: '#7a7f85', border: '#7a7f85', description: 'Source agency' },
  event: { label: 'Event', shape: 'round-tag', colour: '#8a8f94', border: '#8a8f94', description: 'Missing episode, incident, referral…' },
};

/** Event colours (small round tags): critical moments stand out. */
export const EVENT_COLOURS: Record<string, string> = {
  MissingEpisode: '#c0392b', ReturnInterview: '#2e86c1', Exclusion: '#b9770e', Incident: '#7d6608',
  Arrest: '#5d4037', Injury: '#c2185b', Referral: '#1e8449', RiskAssessment: '#0b5345',
  IntelligenceReport: '#34495e', DisruptionAction: '#6e2c00',
  // Support offered to a child: its own hue, away from the harm and critical-moment colours.
  Support: '#5e35b1',
  // A county line's status over time: a dark cyan, apart from the grey-blues of lines and groups.
  LineStatus: '#00838f',
};

const CONTEXT_CLASS: Record<string, VisualClass> = {
  Location: 'place', School: 'school', OnlineSpace: 'online', PeerGroup: 'group', CountyLine: 'line', Organisation: 'org',
};

/** Kind label (first model label found) and visual class from a node's labels and age. */
export function classify(labels: string[], isChild?: boolean | null): { kind: string; cls: VisualClass } {
  const kind = NODE_KINDS.map((k) => k.label).find((l) => labels.includes(l)) ?? labels[0] ?? 'Entity';
  if (kind === 'Person') {
    // Child first: under 18 wins over every other label; unknown age with YoungPerson is treated as a child.
    if (isChild === true) return { kind, cls: 'child' };
    if (labels.includes('PersonOfConcern')) return { kind, cls: 'poc' };
    if (labels.includes('YoungPerson')) return { kind, cls: isChild === false ? 'young-adult' : 'child' };
    if (labels.includes('TrustedAdult')) return { kind, cls: 'trusted' };
    return { kind, cls: 'person' };
  }
  if (CONTEXT_CLASS[kind]) return { kind, cls: CONTEXT_CLASS[kind] };
  if (EVENT_LABELS.includes(kind)) return { kind, cls: 'event' };
  return { kind, cls: 'person' };
}

export const RELATIONSHIP_TYPES = REL_KINDS.map((r) => r.type);
export const CONTEXT_TYPES = [...CONTEXT_LABELS, 'Organisation'];
export const EVENT_TYPES = EVENT_LABELS;

/** Edge width by source evaluation, colour by intelligence assessment (3x5x2 / 5x5x5 codes). */
export const GRADE_WIDTH: Record<string, number> = { A: 4, B: 2.5, C: 1.5, D: 1.2, E: 1 };
export const ASSESSMENT_COLOUR: Record<string, string> = { '1': '#1b2631', '2': '#34495e', '3': '#5d6d7e', '4': '#8f9aa5', '5': '#b6bec6' };
