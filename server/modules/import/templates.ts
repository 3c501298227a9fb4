/**
 * The CSV templates, one per source kind, derived from the model: which record types a template
 * holds, its columns (model field names) and the link columns that turn one event row into its
 * INVOLVED / AT / ABOUT / FOLLOWS_UP relationships. Template mappings, headers and the data
 * dictionary are generated from these definitions (templates/generate.ts).
 */
import { nodeKind, relKind, REL_KINDS, CONTEXT_LABELS, PropSpec } from '../../model/model';

export interface LinkDef {
  /** Column holding the id of the other end. */
  column: string;
  type: string;
  /** Relationship properties taken from a column (with a default when the cell is empty). */
  props?: Record<string, { column: string; default?: string }>;
  description: string;
}

export interface TemplateDef {
  name: string;
  title: string;
  kind: 'node' | 'rel';
  /** Node labels (kind 'node') or relationship types (kind 'rel') a row may be. */
  types: string[];
  /** Column naming the record type when a template holds more than one. */
  typeColumn?: string;
  links: LinkDef[];
}

const involved = (defaultRole: string): LinkDef => ({
  column: 'personId', type: 'INVOLVED', description: 'id of the person involved (a row in people.csv or already loaded)',
  props: { role: { column: 'personRole', default: defaultRole } },
});
const at = (what = 'place where it happened'): LinkDef => ({ column: 'placeId', type: 'AT', description: `id of the ${what}` });
const about = (column = 'subjectId'): LinkDef => ({ column, type: 'ABOUT', description: 'id of the person or place it is about' });

/** Resolution-made relationships are never imported (they are hypotheses the system proposes). */
export const SYSTEM_REL_TYPES = ['POSSIBLY_SAME_AS', 'MERGED_INTO'];

export const TEMPLATES: TemplateDef[] = [
  { name: 'people', title: 'People (young people, persons of concern, trusted adults)', kind: 'node', types: ['Person'], links: [] },
  { name: 'places', title: 'Places and other contexts', kind: 'node', types: [...CONTEXT_LABELS, 'Organisation'], typeColumn: 'recordType', links: [] },
  { name: 'missing-episodes', title: 'Missing episodes', kind: 'node', types: ['MissingEpisode'], links: [involved('subject'), at('place where the child was found')] },
  {
    name: 'return-interviews', title: 'Return home interviews', kind: 'node', types: ['ReturnInterview'],
    links: [involved('subject'), { column: 'missingEpisodeId', type: 'FOLLOWS_UP', description: 'id of the missing episode it follows up' }],
  },
  { name: 'exclusions', title: 'Exclusions and suspensions', kind: 'node', types: ['Exclusion'], links: [involved('subject'), { column: 'schoolId', type: 'AT', description: 'id of the school' }] },
  { name: 'incidents', title: 'Incidents, arrests and injuries', kind: 'node', types: ['Incident', 'Arrest', 'Injury'], typeColumn: 'recordType', links: [involved('victim'), at()] },
  { name: 'referrals', title: 'Referrals (MACE, panel, NRM, social care)', kind: 'node', types: ['Referral'], links: [involved('subject')] },
  { name: 'risk-assessments', title: 'Risk assessments (CEAM)', kind: 'node', types: ['RiskAssessment'], links: [about('personId')] },
  {
    name: 'support', title: 'Support offered to children (occurredAt is when it was offered)', kind: 'node', types: ['Support'],
    links: [involved('subject'), at('place where the support is given, if one')],
  },
  { name: 'intelligence', title: 'Graded intelligence reports', kind: 'node', types: ['IntelligenceReport'], links: [about()] },
  { name: 'disruption-actions', title: 'Disruption actions', kind: 'node', types: ['DisruptionAction'], links: [about(), at()] },
  {
    name: 'line-status', title: 'County line status over time (occurredAt is the date from which it holds)', kind: 'node', types: ['LineStatus'],
    links: [{ column: 'lineId', type: 'AT', description: 'id of the county line' }],
  },
  {
    name: 'relationships', title: 'Relationships between people, places and events', kind: 'rel',
    types: REL_KINDS.map((r) => r.type).filter((t) => !SYSTEM_REL_TYPES.includes(t)), typeColumn: 'type', links: [],
  },
];

export const templateByName = (name: string): TemplateDef | undefined => TEMPLATES.find((t) => t.name === name);

export interface FieldInfo { field: string; spec: PropSpec; appliesTo: string[] }

/** The model fields a template carries: the union over its record types, in model order. */
export function templateFields(t: TemplateDef): FieldInfo[] {
  const out = new Map<string, FieldInfo>();
  for (const type of t.types) {
    const props = t.kind === 'node' ? nodeKind(type)!.props : relKind(type)!.props;
    for (const [field, spec] of Object.entries(props)) {
      const seen = out.get(field);
      if (seen) seen.appliesTo.push(type);
      else out.set(field, { field, spec, appliesTo: [type] });
    }
  }
  return [...out.values()];
}

/** CSV header of a template: type column, id, endpoints, fields, roles, link columns. */
export function templateColumns(t: TemplateDef): string[] {
  const fields = templateFields(t).map((f) => f.field).filter((f) => f !== 'id');
  const cols = [...(t.typeColumn ? [t.typeColumn] : []), 'id', ...(t.kind === 'rel' ? ['from', 'to'] : []), ...fields];
  if (t.types.includes('Person')) cols.push('roles');
  for (const l of t.links) {
    cols.push(l.column);
    for (const p of Object.values(l.props ?? {})) cols.push(p.column);
  }
  return cols;
}
