/**
 * The one visibility rule, evaluated twice (in Cypher where queries read, in Node for decisions
 * made outside a query), must give the same answer for every viewer and every marking: this runs
 * the expanded VISIBLE_NODE / VISIBLE_REL predicates in the real Neo4j over every combination.
 */
import { driver, closeDriver, freshGraph } from '../../../tests/support/db';
import { expandVisibility, packViewer, viewerOf, visibleTo, type RecordMarking, type Viewer } from '../visibility';
import { ROLE } from '../../model/enums';

const HANDLING = [null, 'P', 'C', '1', '2', '3', '4', '5'];
const SOURCES = ['POLICE', 'EDUCATION', 'HEALTH'];
const SHARED = [null, [], ['EDUCATION'], ['HEALTH', 'POLICE']];
const LABELS = [['Entity', 'Person', 'YoungPerson'], ['Entity', 'Event', 'IntelligenceReport'], ['Entity', 'Event', 'Incident'],
  ['Entity', 'Context', 'Location'], ['Entity', 'MergedRecord']];

const markings: Array<RecordMarking & { labels: string[] }> = LABELS.flatMap((labels) => HANDLING.flatMap((handling) =>
  SOURCES.flatMap((source) => SHARED.map((sharedWith) => ({ labels, handling, source, sharedWith })))));

const viewers: Array<[string, Viewer]> = [
  ...ROLE.flatMap((role) => [undefined, 'POLICE', 'EDUCATION'].map((agency) =>
    [`${role}/${agency ?? '-'}`, viewerOf({ role, agency: agency as never })] as [string, Viewer])),
  ['pack:restricted', packViewer('restricted')], ['pack:partner', packViewer('partner')],
];

beforeAll(async () => {
  await freshGraph();
  await driver().executeQuery(`
    UNWIND range(0, size($markings) - 1) AS i
    WITH i, $markings[i] AS m
    CREATE (:GateProbe {i: i})-[r:PROBE {source: m.source}]->(n:GateProbe {i: i, source: m.source})
    FOREACH (h IN CASE WHEN m.handling IS NULL THEN [] ELSE [m.handling] END | SET r.handling = h, n.handling = h)
    FOREACH (s IN CASE WHEN m.sharedWith IS NULL THEN [] ELSE [m.sharedWith] END | SET r.sharedWith = s, n.sharedWith = s)`,
  { markings });
  // Labels cannot be parameters in plain Cypher: one statement per label set.
  for (const labels of LABELS) {
    const ids = markings.flatMap((m, i) => (m.labels === labels ? [i] : []));
    await driver().executeQuery(`MATCH (n:GateProbe) WHERE n.i IN $ids AND ()-[:PROBE]->(n) SET n:${labels.map((l) => `\`${l}\``).join(':')}`, { ids });
  }
});
afterAll(async () => {
  await freshGraph();
  await closeDriver();
});

describe('the visibility rule in Cypher and in Node', () => {
  it.each(viewers)('agree for %s over every marking', async (_name, viewer) => {
    const { records } = await driver().executeQuery(expandVisibility(`
      MATCH ()-[r:PROBE]->(n:GateProbe)
      RETURN n.i AS i, VISIBLE_NODE(n) AS node, VISIBLE_REL(r) AS rel ORDER BY i`), { viewer });
    expect(records).toHaveLength(markings.length);
    const inCypher = records.map((r) => [r.get('node'), r.get('rel')]);
    const inNode = markings.map((m) => [visibleTo(viewer, m), visibleTo(viewer, { ...m, labels: null })]);
    expect(inCypher).toEqual(inNode);
  });

  it('lets through what each role should see, and no more', () => {
    const police = viewerOf({ role: 'police', agency: 'POLICE' });
    const partner = viewerOf({ role: 'partner', agency: 'EDUCATION' });
    const event = { labels: ['Entity', 'Event', 'Incident'] };
    expect(visibleTo(police, { ...event, handling: 'C', source: 'HEALTH' })).toBe(true);
    expect(visibleTo(viewerOf({ role: 'analyst' }), { ...event, handling: 'C', source: 'HEALTH' })).toBe(false);
    expect(visibleTo(police, { ...event, handling: '4', source: 'HEALTH' })).toBe(false);
    expect(visibleTo(police, { ...event, handling: '4', source: 'POLICE' })).toBe(true);
    expect(visibleTo(partner, { ...event, handling: 'P', source: 'HEALTH' })).toBe(false);
    expect(visibleTo(partner, { ...event, handling: 'P', source: 'HEALTH', sharedWith: ['EDUCATION'] })).toBe(true);
    expect(visibleTo(partner, { labels: ['Entity', 'Context', 'Location'], source: 'HEALTH' })).toBe(true);
    expect(visibleTo(viewerOf({ role: 'lead' }), { labels: ['Entity', 'Event', 'IntelligenceReport'], handling: 'P', source: 'POLICE' })).toBe(false);
    expect(visibleTo(police, { labels: ['Entity', 'MergedRecord'], source: 'POLICE' })).toBe(false);
    expect(visibleTo(viewerOf({ role: 'admin' }), { ...event, handling: 'P', source: 'POLICE' })).toBe(false);
  });
});
