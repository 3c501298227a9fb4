/**
 * Row types derived from the model: what the loader, the generator and imports exchange.
 * Values are plain JSON (dates as ISO strings); validate.ts converts them for Neo4j.
 */
import type { PersonRole } from './model';

export type Scalar = string | number | boolean | null | string[];

/** A node row: its kind label, id, and properties named in the model. */
export interface NodeRow {
  id: string;
  /** Person only: role labels. */
  roles?: PersonRole[];
  [prop: string]: Scalar | PersonRole[] | undefined;
}

/** A relationship row: id, endpoints by node id, properties named in the model. */
export interface RelRow {
  id: string;
  from: string;
  to: string;
  [prop: string]: Scalar | undefined;
}

/** Where a row came from, for error messages that name file, row and field. */
export interface RowOrigin {
  file: string;
  /** 1-based row number within the file (data rows; a CSV header is row 0). */
  row: number;
}

/** A batch of rows of one node label or one relationship type. */
export type LoadUnit =
  | { kind: 'node'; label: string; rows: NodeRow[]; origin: string }
  | { kind: 'rel'; type: string; rows: RelRow[]; origin: string };
