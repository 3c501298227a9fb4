/**
 * What the differential leak test asks, as each demo user: every operation the workspace sends
 * (the client's own documents, client/src/api/operations) and the rest of the schema's reads,
 * with the same arguments in both builds, over visible ids and over the ids of the extras
 * (missing in one build, hidden in the other). Answers are compared whole, errors included.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, getNamedType, isObjectType, parse, print, type GraphQLObjectType, type GraphQLSchema, Kind } from 'graphql';
import { schemaSdl } from '../../../server/graphql/sdl';
import type { Anchors } from './extras';

export interface Probe { name: string; query: string; variables: Record<string, unknown> }

const OPERATIONS = path.resolve(__dirname, '..', '..', '..', 'client', 'src', 'api', 'operations');

/** The client's named operations, each printed with the fragments it spreads. */
export function clientOperations(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of fs.readdirSync(OPERATIONS).filter((f) => f.endsWith('.graphql'))) {
    const doc = parse(fs.readFileSync(path.join(OPERATIONS, file), 'utf8'));
    const fragments = doc.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [{ name: d.name.value, text: print(d) }] : []));
    for (const d of doc.definitions) {
      if (d.kind !== Kind.OPERATION_DEFINITION || !d.name) continue;
      const text = print(d);
      const used = fragments.filter((f) => text.includes(`...${f.name}`)).map((f) => f.text);
      out.set(d.name.value, [text, ...used].join('\n'));
    }
  }
  return out;
}

let schema: GraphQLSchema | undefined;
export const apiSchema = (): GraphQLSchema => (schema ??= buildSchema(schemaSdl()));

/** Every scalar field of a type, and of the object types under it, to a depth: a whole answer. */
export function fullSelection(type: GraphQLObjectType, depth = 4): string {
  const fields = Object.values(type.getFields()).flatMap((f) => {
    if (f.args.some((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined)) return [];
    const named = getNamedType(f.type);
    if (!isObjectType(named)) return [f.name];
    return depth > 1 ? [`${f.name} { ${fullSelection(named, depth - 1)} }`] : [];
  });
  return fields.join(' ');
}

const whole = (field: string): string => {
  const f = apiSchema().getQueryType()!.getFields()[field];
  return fullSelection(getNamedType(f.type) as GraphQLObjectType);
};

export const QUARTER = '2026-Q2';

/** The probes of one user over the borough's anchors and the ids the extras may carry. */
export function probesFor(a: Anchors, probeIds: string[], names: string[]): Probe[] {
  const ops = clientOperations();
  const op = (name: string, variables: Record<string, unknown>, label = name): Probe => ({ name: label, query: ops.get(name)!, variables });
  const visible = [...a.children.map((c) => c.id), ...a.adults, ...a.places];
  const probes: Probe[] = [
    op('Me', {}),
    ...names.map((text) => op('Search', { text, limit: 20 }, `Search ${text}`)),
    ...[...visible, ...probeIds].map((id) => op('Profile', { id }, `Profile ${id}`)),
    ...visible.map((id) => op('Neighbourhood', { ids: [id], hops: 1 }, `Neighbourhood ${id} 1 hop`)),
    ...a.children.slice(0, 2).map((c) => op('Neighbourhood', { ids: [c.id], hops: 2 }, `Neighbourhood ${c.id} 2 hops`)),
    op('Subgraph', { ids: [...visible, ...probeIds] }, 'Subgraph of every probed id'),
    op('Hotspots', { quarter: QUARTER }), op('Themes', { quarter: QUARTER }), op('HighHarm', { quarter: QUARTER }),
    op('Critical', { quarter: QUARTER }), op('NotReferred', { quarter: QUARTER }),
    op('HotspotScores', { quarter: QUARTER }), op('CommunityMembers', { quarter: QUARTER }), op('HighHarmScores', { quarter: QUARTER }),
    { name: 'Trends', query: `query($q: String!) { trends(quarter: $q, from: "2025-Q3") { ${whole('trends')} } }`, variables: { q: QUARTER } },
    { name: 'Disproportionality', query: `query($q: String!) { disproportionality(quarter: $q) { ${whole('disproportionality')} } }`, variables: { q: QUARTER } },
    { name: 'Young adults', query: `query($q: String!) { youngAdults(quarter: $q) { ${whole('youngAdults')} } }`, variables: { q: QUARTER } },
    { name: 'Hotspots, all harm', query: `query($q: String!) { hotspots(quarter: $q, harm: all, limit: 100) { ${whole('hotspots')} } }`, variables: { q: QUARTER } },
    { name: 'Children of concern, score 1', query: `query($q: String!) { notYetReferred(quarter: $q, minScore: 1, limit: 500) { ${whole('notYetReferred')} } }`, variables: { q: QUARTER } },
    { name: 'Same-as candidates', query: `{ sameAsCandidates(limit: 500) { ${whole('sameAsCandidates')} } }`, variables: {} },
    ...a.children.slice(0, 2).map((c) => ({
      name: `Neighbourhood ${c.id} filtered`,
      query: `query($ids: [ID!]!) { neighbourhood(ids: $ids, hops: 2, filter: { relationshipTypes: [INVOLVED, AT, ABOUT], from: "2026-04-01T00:00:00Z", to: "2026-07-01T00:00:00Z", minGrading: { sourceEval: B, assessment: 2 } }) { ${whole('neighbourhood')} } }`,
      variables: { ids: [c.id] },
    })),
  ];
  return probes;
}
