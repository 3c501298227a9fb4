/** A family link in words, for the families view: "half sibling of Jo Bloggs (ranked 3)". */
import { PARENT_KIND } from '../../../server/model/enums';

export interface FamilyLinkFields {
  personOfConcernName: string;
  personOfConcernRank: number;
  relation: string;
  kind?: string | null;
}

const SIBLING_WORDS: Record<string, string> = { full: 'sibling', half: 'half sibling', step: 'step-sibling', not_recorded: 'sibling' };

export function familyLinkText(l: FamilyLinkFields): string {
  const who = `${l.personOfConcernName} (ranked ${l.personOfConcernRank})`;
  switch (l.relation) {
    case 'sibling': return `${SIBLING_WORDS[l.kind ?? ''] ?? 'sibling'} of ${who}`;
    case 'siblingThroughParent': return `${l.kind && l.kind in PARENT_KIND && l.kind !== 'parent' ? `shares a ${PARENT_KIND[l.kind as keyof typeof PARENT_KIND].toLowerCase()}` : 'shares a parent'} with ${who}`;
    case 'childOf': return `child of ${who}`;
    case 'household': return `lives with ${who}`;
    default: return `${l.relation} of ${who}`;
  }
}
