/**
 * Writes load units as neo4j-admin import CSV files, part by part (a force writes one borough
 * at a time and lets it go). Rows go through the online loader's own validation (validate.ts), so
 * the files carry exactly the labels and typed values a load would write; one header file per
 * label or type, then one data file per part:
 *   nodes/<Label>/header.csv, nodes/<Label>/<part>.csv, rels/<TYPE>/header.csv, rels/<TYPE>/<part>.csv
 * Empty lists are the one value the importer cannot hold (an empty cell is no property): they are
 * kept in empty-lists.ndjson and set once the store is running (emptyLists.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { validateNode, validateRel } from '../../../model/validate';
import type { LoadUnit, NodeRow, RelRow } from '../../../model/types';
import { ARRAY_DELIMITER, nodeColumns, nodeHeader, relColumns, relHeader, type Column } from './columns';
import { cellOf } from './cells';

export interface AdminCsvFiles {
  dir: string;
  /** Label or type → header file, then its data files. */
  nodes: Map<string, string[]>;
  rels: Map<string, string[]>;
  /** Records that have an empty list (see above). */
  emptyListsFile: string;
  nodeRows: number;
  relRows: number;
}

/** Rows per CSV chunk: bounds the text held at once. */
const CHUNK = 20_000;

export class AdminCsvWriter {
  private readonly files: AdminCsvFiles;
  private readonly columns = new Map<string, Column[]>();
  private readonly now = new Date();

  constructor(dir: string) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const emptyListsFile = path.join(dir, 'empty-lists.ndjson');
    fs.writeFileSync(emptyListsFile, '');
    this.files = { dir, nodes: new Map(), rels: new Map(), emptyListsFile, nodeRows: 0, relRows: 0 };
  }

  /** Writes one part's units (a borough, say); `part` names its data files. */
  writePart(part: string, units: LoadUnit[]): void {
    if (!/^[A-Za-z0-9_-]+$/.test(part)) throw new Error(`part names are letters, digits, - and _: ${JSON.stringify(part)}`);
    const empties: string[] = [];
    for (const unit of units) {
      if (!unit.rows.length) continue;
      if (unit.kind === 'node') this.writeNodes(part, unit.label, unit.origin, unit.rows, empties);
      else this.writeRels(part, unit.type, unit.origin, unit.rows, empties);
    }
    if (empties.length) fs.appendFileSync(this.files.emptyListsFile, empties.join(''));
  }

  finish(): AdminCsvFiles {
    return this.files;
  }

  private dataFile(kind: 'nodes' | 'rels', name: string, part: string, header: string[]): string {
    const group = kind === 'nodes' ? this.files.nodes : this.files.rels;
    const dir = path.join(this.files.dir, kind, name);
    if (!group.has(name)) {
      fs.mkdirSync(dir, { recursive: true });
      const headerFile = path.join(dir, 'header.csv');
      fs.writeFileSync(headerFile, stringify([header]));
      group.set(name, [headerFile]);
    }
    const file = path.join(dir, `${part}.csv`);
    if (!group.get(name)!.includes(file)) group.get(name)!.push(file);
    return file;
  }

  private columnsOf(key: string, make: () => Column[]): Column[] {
    if (!this.columns.has(key)) this.columns.set(key, make());
    return this.columns.get(key)!;
  }

  private writeNodes(part: string, label: string, origin: string, rows: NodeRow[], empties: string[]): void {
    const columns = this.columnsOf(`node:${label}`, () => nodeColumns(label));
    const file = this.dataFile('nodes', label, part, nodeHeader(label));
    this.writeChunks(file, rows, (row, i) => {
      const where = `${origin} row ${i + 1}`;
      const v = validateNode(label, row, { file: origin, row: i + 1 }, this.now);
      noteEmptyLists(empties, 'node', label, v.id, v.props);
      return [v.id, v.labels.join(ARRAY_DELIMITER), ...columns.map((c) => cellOf(v.props[c.name], c, where))];
    });
    this.files.nodeRows += rows.length;
  }

  private writeRels(part: string, type: string, origin: string, rows: RelRow[], empties: string[]): void {
    const columns = this.columnsOf(`rel:${type}`, () => relColumns(type));
    const file = this.dataFile('rels', type, part, relHeader(type));
    this.writeChunks(file, rows, (row, i) => {
      const where = `${origin} row ${i + 1}`;
      const v = validateRel(type, row, { file: origin, row: i + 1 }, this.now);
      noteEmptyLists(empties, 'rel', type, v.id, v.props);
      return [v.from, v.to, ...columns.map((c) => cellOf(v.props[c.name], c, where))];
    });
    this.files.relRows += rows.length;
  }

  private writeChunks<T>(file: string, rows: T[], cells: (row: T, i: number) => Array<string | undefined>): void {
    const fd = fs.openSync(file, 'a');
    try {
      for (let s = 0; s < rows.length; s += CHUNK) {
        const records = rows.slice(s, s + CHUNK).map((row, k) => cells(row, s + k));
        fs.writeSync(fd, stringify(records));
      }
    } finally {
      fs.closeSync(fd);
    }
  }
}

function noteEmptyLists(out: string[], kind: 'node' | 'rel', type: string, id: string, props: Record<string, unknown>): void {
  const empty = Object.keys(props).filter((k) => Array.isArray(props[k]) && (props[k] as unknown[]).length === 0);
  if (empty.length) out.push(`${JSON.stringify({ kind, type, id, props: Object.fromEntries(empty.map((k) => [k, []])) })}\n`);
}
