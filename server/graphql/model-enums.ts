/** GraphQL enums generated from the one model definition, so the API cannot drift from it. */
import * as E from '../model/enums';
import { CONTEXT_LABELS, EVENT_LABELS, NODE_KINDS, REL_KINDS } from '../model/model';

const keys = (o: object): string[] => Object.keys(o);

export const MODEL_ENUMS: Record<string, readonly string[]> = {
  Role: E.ROLE,
  Agency: keys(E.AGENCY),
  NodeKind: NODE_KINDS.map((k) => k.label),
  ContextType: [...CONTEXT_LABELS, 'Organisation'],
  EventType: EVENT_LABELS,
  RelationshipType: REL_KINDS.map((r) => r.type),
  LinkStatus: Object.values(E.STATUS),
  InvolvementRole: E.INVOLVEMENT_ROLE,
  ExploitationType: keys(E.EXPLOITATION_TYPE),
  OffenceType: E.OFFENCE_TYPE,
  RiskLevel: E.RISK_LEVEL,
};

export function modelEnumsSdl(): string {
  return Object.entries(MODEL_ENUMS)
    .map(([name, values]) => `enum ${name} {\n${values.map((v) => `  ${v}`).join('\n')}\n}`)
    .join('\n\n');
}
