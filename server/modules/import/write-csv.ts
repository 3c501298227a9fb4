/**
 * Writes records as template-shaped CSV files (UTF-8, RFC 4180 quoting): the synthetic fixture
 * (for the import benchmark) or the current graph (a fresh export that round-trips through
 * `npm run import`). Events are written without link columns: every relationship, INVOLVED and AT
 * included, goes to relationships.csv. Resolution's own links are not exported.
 */
import fs from 'node:fs';
import path from 'node:path';
import neo4j, { Driver } from 'neo4j-driver';
import { PERSON_ROLES } from '../../model/model';
import type { LoadUnit } from '../../model/types';
import { TEMPLATES, TemplateDef, templateColumns, SYSTEM_REL_TYPES } from './templates';
import { openSession } from '../../platform/db/session';

const quote = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A property value as template text: lists joined with '|', dates in ISO 8601. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(cellText).join('|');
  if (neo4j.isInt(v as never)) return String((v as { toNumber(): number }).toNumber());
  return String(v);
}

const templateOf = (kind: 'node' | 'rel', type: string): TemplateDef | undefined => TEMPLATES.find((t) => t.kind === kind && t.types.includes(type));

/** One open CSV per template, header written on first use. */
class CsvSet {
  private streams = new Map<string, { out: fs.WriteStream; cols: string[] }>();
  rows = 0;
  constructor(private dir: string) { fs.mkdirSync(dir, { recursive: true }); }
  write(t: TemplateDef, row: Record<string, unknown>): void {
    let s = this.streams.get(t.name);
    if (!s) {
      const cols = templateColumns(t);
      s = { out: fs.createWriteStream(path.join(this.dir, `${t.name}.csv`)), cols };
      s.out.write(`${cols.join(',')}\r\n`);
      this.streams.set(t.name, s);
    }
    s.out.write(`${s.cols.map((c) => quote(cellText(row[c]))).join(',')}\r\n`);
    this.rows += 1;
  }
  async close(): Promise<string[]> {
    await Promise.all([...this.streams.values()].map((s) => new Promise((r) => s.out.end(r))));
    return [...this.streams.keys()].map((n) => path.join(this.dir, `${n}.csv`));
  }
}

/** Fixture units → template CSVs. Returns the files written. */
export async function writeUnitsAsCsv(units: LoadUnit[], dir: string): Promise<{ files: string[]; rows: number }> {
  const set = new CsvSet(dir);
  for (const u of units) {
    const type = u.kind === 'node' ? u.label : u.type;
    const t = templateOf(u.kind, type);
    if (!t) continue;
    for (const row of u.rows) set.write(t, t.typeColumn ? { ...row, [t.typeColumn]: type } : row);
  }
  return { files: await set.close(), rows: set.rows };
}

/** The current graph → template CSVs (a fresh export). */
export async function exportGraphAsCsv(driver: Driver, database: string, dir: string): Promise<{ files: string[]; rows: number }> {
  const set = new CsvSet(dir);
  const session = openSession(driver, database, 'READ');
  try {
    for (const t of TEMPLATES) {
      for (const type of t.types) {
        // Labels and types come from the template list (the model), never from input.
        const q = t.kind === 'node'
          ? `MATCH (n:${type}) RETURN properties(n) AS p, labels(n) AS labels ORDER BY n.id`
          : `MATCH (a:Entity)-[r:${type}]->(b:Entity) RETURN properties(r) AS p, a.id AS from, b.id AS to ORDER BY r.id`;
        if (t.kind === 'rel' && SYSTEM_REL_TYPES.includes(type)) continue;
        const res = await session.run(q);
        for (const rec of res.records) {
          const row: Record<string, unknown> = { ...rec.get('p') };
          if (t.typeColumn) row[t.typeColumn] = type;
          if (t.kind === 'rel') Object.assign(row, { from: rec.get('from'), to: rec.get('to') });
          if (type === 'Person') row.roles = (rec.get('labels') as string[]).filter((l) => (PERSON_ROLES as readonly string[]).includes(l));
          set.write(t, row);
        }
      }
    }
  } finally {
    await session.close();
  }
  return { files: await set.close(), rows: set.rows };
}
