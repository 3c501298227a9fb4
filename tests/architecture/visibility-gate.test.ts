/**
 * One gate: every query of a feature reads records only through the visibility rule. Each
 * `.cypher` file under server/modules either names every person, event and relationship it
 * matches in VISIBLE_NODE(x) / VISIBLE_REL(r) (anonymous pattern elements are not allowed: they
 * could not be gated), or opens with a `// visibility: exempt, <reason>` line that says why the
 * gate does not apply (retention and resolution work over every record as the data controller).
 * Context nodes (places, schools, online spaces, peer groups, county lines, organisations) and the
 * product's own bookkeeping nodes are not personal records.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gatedVariables, patternElements, type PatternElement } from './cypher-patterns';
import { expandVisibility } from '../../server/platform/visibility';

const ROOT = path.resolve(__dirname, '..', '..');
const MODULES = path.join(ROOT, 'server', 'modules');
const NOT_RECORDS = new Set(['Context', 'Location', 'School', 'OnlineSpace', 'PeerGroup', 'CountyLine', 'Organisation',
  'Investigation', 'AccessLogEntry', 'PopulationBaseline', 'SchemaMigration']);
const EXEMPT = /^\/\/ visibility: exempt, \S.{10,}/m;

function cypherFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === '__tests__' ? [] : cypherFiles(p);
    return d.name.endsWith('.cypher') ? [p] : [];
  });
}

const describeElement = (e: PatternElement): string =>
  `${e.kind === 'node' ? '(' : '['}${e.variable ?? ''}${e.labels.length ? `:${e.labels.join('|')}` : ''}${e.kind === 'node' ? ')' : ']'}`;

/** The pattern elements of a query that read records without the gate. */
export function ungated(cypher: string): string[] {
  const gated = gatedVariables(cypher);
  const elements = patternElements(cypher);
  const isContext = (e: PatternElement) => e.kind === 'node' && e.labels.some((l) => NOT_RECORDS.has(l));
  // A variable bound to a context node once is one in every later pattern, where its label is left out.
  const contextVariables = new Set(elements.filter(isContext).map((e) => e.variable).filter(Boolean));
  return elements
    .filter((e) => !isContext(e) && !(e.kind === 'node' && contextVariables.has(e.variable)))
    .filter((e) => !(e.variable && (e.kind === 'node' ? gated.nodes : gated.rels).has(e.variable)))
    .map(describeElement);
}

describe('the visibility gate', () => {
  const files = cypherFiles(MODULES);

  it('finds the queries', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files.map((f) => [path.relative(ROOT, f)]))('%s reads every record through the gate, or says why not', (rel) => {
    const text = fs.readFileSync(path.join(ROOT, rel), 'utf8');
    if (EXEMPT.test(text)) return;
    expect(ungated(text)).toEqual([]);
  });

  it('fails a query that matches a record outside the gate', () => {
    expect(ungated('MATCH (p:Person)<-[i:INVOLVED]-(e:Event) WHERE VISIBLE_NODE(e) AND VISIBLE_REL(i) RETURN p.id')).toEqual(['(p:Person)']);
    expect(ungated('MATCH (p:Person) WHERE VISIBLE_NODE(p) RETURN [(p)<-[:INVOLVED]-(e:Event) | e.id]')).toEqual(['(e:Event)', '[:INVOLVED]']);
    expect(ungated('MATCH (c:Location)<-[at:AT]-(e:Event) WHERE VISIBLE_REL(at) AND VISIBLE_NODE(e) RETURN count(e)')).toEqual([]);
  });

  it('does not take function calls or expressions for patterns', () => {
    expect(ungated("MATCH (e:Event) WHERE VISIBLE_NODE(e) AND (e.x > 1) RETURN count(e), coalesce(e.handling, '')")).toEqual([]);
  });

  it('expands every macro, leaving none for Neo4j to reject', () => {
    for (const f of files) expect(expandVisibility(fs.readFileSync(f, 'utf8'))).not.toMatch(/VISIBLE_(NODE|REL)/);
  });
});
