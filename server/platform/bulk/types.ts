/** Shapes shared by the bulk loader and its staged writer. */
import type { ManagedTransaction } from 'neo4j-driver';
import type { LoadUnit } from '../../model/types';

export interface LoadOptions {
  database?: string;
  batchSize?: number;
  /** Staged loads: batches in flight at once (default 2). */
  concurrency?: number;
  now?: Date;
  /** Loads with more rows than this are staged instead of one transaction (see above). */
  singleTransactionMaxRows?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * New records only: a row whose id is already in the database fails the whole load, nothing
   * written. Checked on what MERGE did, so it also holds when another transaction commits the same
   * id while this one runs (MERGE waits for it, then finds it). Single-transaction loads only.
   */
  newOnly?: boolean;
  /**
   * Runs inside the load's own write transaction, after every row is written, so whatever it
   * writes (an access-log entry) commits together with the rows or not at all; when the driver
   * retries the transaction it runs again with it. Single-transaction loads only: a load that
   * would be staged fails before writing anything.
   */
  inSameTransaction?: (tx: ManagedTransaction, summary: LoadSummary) => Promise<void>;
}

export interface LoadSummary {
  rows: number;
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
  labelsAdded: number;
}

export type NodeBatchRow = { i: number; id: string; props: Record<string, unknown> };
export type RelBatchRow = { i: number; id: string; from: string; to: string; props: Record<string, unknown> };

export interface PreparedUnit {
  unit: LoadUnit;
  /** Node rows grouped by their exact label set (labels come from the model, never from input text). */
  nodeGroups?: Map<string, NodeBatchRow[]>;
  rels?: RelBatchRow[];
}
