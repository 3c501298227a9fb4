/**
 * Children in the families and households of ranked persons of concern (plain service), for a
 * diversionary offer of support: under-18 siblings (recorded, or through a shared parent or
 * carer), the person's own children and children sharing their household. Each child is shown
 * with the links that place them there and whether a panel or plan already knows them. Being
 * related to someone is never a concern about the child: the list is for offering help.
 */
import { cypherFile } from '../../../platform/db/query';
import { gradingText } from '../../../platform/present';
import { readAnalytics } from '../read';
import { parseQuarter } from '../../../domain/period';
import { ageOn } from '../../../domain/age';
import { DEFAULT_KNOWN, type KnownDefinition } from '../../../domain/known';
import { checkLimit } from '../validate';
import { highHarmPersonsOfConcern } from '../highharm';
import type { AnalyticsSource, FamiliesArgs, FamiliesResult, FamilyChild, FamilyRelation } from '../types';

interface FamilyRow {
  personOfConcernId: string; id: string; name: string; dob: string | null; relation: FamilyRelation; kind: string | null;
  linkIds: string[]; statuses: string[]; gradings: Array<Record<string, unknown>>; known: boolean;
}

export function familiesMethod(considered: number, known: KnownDefinition): string {
  return `The ${considered} highest-ranked persons of concern this quarter (the high-harm ranking). For each, children under 18 at the quarter end `
    + '(or whose age is not recorded) linked as a sibling, as a sibling through a shared parent or carer, as their child, or as sharing their household, '
    + `by links current at the quarter end. "Known" means a ${known.referralTypes.join(', ')} referral or a care status ${known.careStatuses.join(' or ')} by then. `
    + 'For a diversionary offer of support: a family link says nothing about the child\'s own conduct.';
}

export async function familiesOfPersonsOfConcern(source: AnalyticsSource, args: FamiliesArgs & { known?: KnownDefinition }): Promise<FamiliesResult> {
  const period = parseQuarter(args.quarter);
  const limit = checkLimit(args.limit, 20);
  const known = args.known ?? DEFAULT_KNOWN;
  const ranking = await highHarmPersonsOfConcern(source, { quarter: period.quarter, limit });
  const rows = ranking.items.length ? await readAnalytics<FamilyRow>(source, cypherFile(__dirname, 'family-children'), {
    pocIds: ranking.items.map((p) => p.id), to: period.end, knownReferralTypes: known.referralTypes, knownCareStatuses: known.careStatuses,
  }) : [];
  const ranked = new Map(ranking.items.map((p) => [p.id, p]));
  const children = new Map<string, FamilyChild>();
  for (const r of rows) {
    const poc = ranked.get(r.personOfConcernId)!;
    const child = children.get(r.id) ?? { id: r.id, name: r.name, age: r.dob ? ageOn(r.dob, period.endMs - 1) : null, knownToPanelOrPlan: r.known, links: [] };
    child.links.push({
      personOfConcernId: poc.id, personOfConcernName: poc.name, personOfConcernRank: poc.rank, relation: r.relation, kind: r.kind,
      linkIds: r.linkIds, statuses: r.statuses, gradings: r.gradings.map(gradingText),
    });
    children.set(r.id, child);
  }
  const firstRank = (c: FamilyChild) => Math.min(...c.links.map((l) => l.personOfConcernRank));
  const items = [...children.values()].sort((a, b) => firstRank(a) - firstRank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { quarter: period.quarter, method: familiesMethod(ranking.items.length, known), personsOfConcernConsidered: ranking.items.length, items };
}
