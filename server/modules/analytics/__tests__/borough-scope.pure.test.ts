/**
 * The borough scope cannot be forgotten: every query the analytics and the briefing read marks
 * the records it counts with IN_BOROUGH, unless it reads only records already chosen by a scoped
 * query (ids passed in), listed here with that reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expandBoroughScope, usesBoroughScope } from '../read';

const MODULES = path.resolve(__dirname, '../..');

/** Queries that read records by ids a scoped query chose, or that are not figures at all. */
const SCOPED_BY_IDS: Record<string, string> = {
  'analytics/outcomes/outcome-assessments.cypher': 'the assessments of children from the scoped support rows',
  'analytics/networks/community-members.cypher': 'facts about members of communities from the scoped projection',
  'analytics/young-adults/child-at-risk.cypher': 'evidence for the scoped young-adult cohort',
  'analytics/family/family-children.cypher': 'families of persons of concern from the scoped ranking',
  'briefing/community-links.cypher': 'the picture of one community from the scoped network themes',
  'analytics/baseline-read.cypher': 'reference data, kept per borough under its code (baseline.ts)',
  'analytics/baseline-store.cypher': 'a write of reference data',
  'analytics/borough-known.cypher': 'checks the borough argument itself',
  'analytics/hotspots/hotspot-scores-cypher-only.cypher': 'a benchmark alternative the service does not run',
};

const cypherFiles = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
  const p = path.join(dir, e.name);
  if (e.isDirectory()) return e.name === '__tests__' ? [] : cypherFiles(p);
  return e.name.endsWith('.cypher') ? [path.relative(MODULES, p)] : [];
});

describe('the borough scope of analytics and briefing queries', () => {
  const files = [...cypherFiles(path.join(MODULES, 'analytics')), ...cypherFiles(path.join(MODULES, 'briefing'))];

  it('every query marks its subjects, or reads only records a scoped query chose', () => {
    expect(files.length).toBeGreaterThan(25);
    const unmarked = files.filter((f) => !usesBoroughScope(fs.readFileSync(path.join(MODULES, f), 'utf8')) && !(f in SCOPED_BY_IDS));
    expect(unmarked).toEqual([]);
  });

  it('lists no exemption for a query that is gone or that marks its subjects after all', () => {
    const stale = Object.keys(SCOPED_BY_IDS).filter((f) => !files.includes(f) || usesBoroughScope(fs.readFileSync(path.join(MODULES, f), 'utf8')));
    expect(stale).toEqual([]);
  });

  it('expands the mark into a test of the record\'s borough against $borough', () => {
    expect(expandBoroughScope('MATCH (p:Person) WHERE IN_BOROUGH(p) AND (IN_BOROUGH( a ) OR x) RETURN p'))
      .toBe('MATCH (p:Person) WHERE ($borough IS NULL OR p.borough = $borough) AND (($borough IS NULL OR a.borough = $borough) OR x) RETURN p');
  });
});
