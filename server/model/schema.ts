/**
 * The Cypher schema that follows from the model: uniqueness constraints on id, range indexes for
 * time filters and lookups, one full-text index for name search. Written to cypher/schema/ by
 * `npm run gen-schema`; a test checks the file and the model agree.
 */
import { NODE_KINDS, REL_KINDS, ENTITY_LABEL } from './model';

const snake = (s: string): string => s.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

export function schemaStatements(): string[] {
  const out: string[] = [
    `CREATE CONSTRAINT entity_id_unique IF NOT EXISTS FOR (n:${ENTITY_LABEL}) REQUIRE n.id IS UNIQUE`,
  ];
  for (const k of NODE_KINDS) {
    out.push(`CREATE CONSTRAINT ${snake(k.label)}_id_unique IF NOT EXISTS FOR (n:${k.label}) REQUIRE n.id IS UNIQUE`);
  }
  for (const r of REL_KINDS) {
    out.push(`CREATE CONSTRAINT ${snake(r.type)}_id_unique IF NOT EXISTS FOR ()-[r:${r.type}]-() REQUIRE r.id IS UNIQUE`);
  }
  for (const k of NODE_KINDS) {
    for (const [prop, spec] of Object.entries(k.props)) {
      if (spec.indexed) {
        out.push(`CREATE INDEX ${snake(k.label)}_${snake(prop)} IF NOT EXISTS FOR (n:${k.label}) ON (n.${prop})`);
      }
    }
  }
  // Shared by every event label: each index costs every write, so time and review filters
  // use one index on :Event rather than one per event label (measured on the borough load).
  out.push(`CREATE INDEX event_occurred_at IF NOT EXISTS FOR (n:Event) ON (n.occurredAt)`);
  out.push(`CREATE INDEX event_review_by IF NOT EXISTS FOR (n:Event) ON (n.reviewBy)`);
  for (const r of ['INVOLVED', 'AT', 'ASSOCIATES_WITH', 'FREQUENTS']) {
    out.push(`CREATE INDEX ${snake(r)}_valid_from IF NOT EXISTS FOR ()-[r:${r}]-() ON (r.validFrom)`);
  }
  const searchLabels = NODE_KINDS.filter((k) => !k.event && Object.values(k.props).some((p) => p.search));
  const searchProps = [...new Set(searchLabels.flatMap((k) => Object.entries(k.props).filter(([, p]) => p.search).map(([n]) => n)))];
  out.push(
    `CREATE FULLTEXT INDEX entity_name_search IF NOT EXISTS FOR (n:${searchLabels.map((k) => k.label).join('|')}) ` +
      `ON EACH [${searchProps.map((p) => `n.${p}`).join(', ')}]`,
  );
  return out;
}

export function schemaFileText(): string {
  return [
    '// Generated from server/model/model.ts by `npm run gen-schema`. Do not edit by hand.',
    '// Idempotent: every statement uses IF NOT EXISTS.',
    ...schemaStatements().map((s) => `${s};`),
    '',
  ].join('\n');
}
