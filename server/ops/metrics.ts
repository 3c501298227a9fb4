/**
 * Prometheus metrics (prom-client): request latency per operation, errors, Neo4j's connection
 * pool, access-log append latency and the age of the newest access-log checkpoint, beside
 * Node's own process metrics. One registry per process; /metrics serves it (ops-routes.ts).
 */
import fs from 'node:fs';
import type express from 'express';
import type { Driver } from 'neo4j-driver';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry });

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const requestDuration = new Histogram({
  name: 'api_request_duration_seconds',
  help: 'Time to answer a request, by operation (the GraphQL operation name, else the route)',
  labelNames: ['operation'] as const, buckets: LATENCY_BUCKETS, registers: [registry],
});

export const requestErrors = new Counter({
  name: 'api_errors_total',
  help: 'Responses with HTTP status 5xx, and GraphQL errors by their code, per operation',
  labelNames: ['operation', 'code'] as const, registers: [registry],
});

const appendDuration = new Histogram({
  name: 'access_log_append_duration_seconds',
  help: 'Time for an access-log entry to be committed (group commit included)',
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5], registers: [registry],
});

/** Starts timing one access-log append; call the result when it is committed (or failed). */
export const accessLogAppendTimer = (): (() => void) => {
  const end = appendDuration.startTimer();
  return () => { end(); };
};

/** At most this many distinct operation names are kept apart; more are counted as "other". */
const MAX_OPERATIONS = 200;
const seen = new Set<string>();
const NAME = /^[A-Za-z_]\w{0,63}$/;

/** A label for the operation: the GraphQL operation name as the client sent it, bounded. */
export function operationLabel(req: express.Request): string {
  if (!req.originalUrl.startsWith('/graphql')) {
    const route = /^\/(auth\/token|auth|health|ready|metrics)\b/.exec(req.originalUrl);
    return route ? route[1] : 'client';
  }
  const body = req.body as { operationName?: unknown } | undefined;
  const raw = (typeof body === 'object' && body ? body.operationName : undefined) ?? req.query?.operationName;
  if (typeof raw !== 'string' || !NAME.test(raw)) return 'graphql';
  if (seen.has(raw)) return raw;
  if (seen.size >= MAX_OPERATIONS) return 'other';
  seen.add(raw);
  return raw;
}

/** Times every request and counts 5xx answers. */
export function requestMetrics(): express.RequestHandler {
  return (req, res, next) => {
    const end = requestDuration.startTimer();
    res.on('finish', () => {
      const operation = operationLabel(req);
      end({ operation });
      if (res.statusCode >= 500) requestErrors.inc({ operation, code: `HTTP_${res.statusCode}` });
    });
    next();
  };
}

interface PoolInternals { _activeResourceCounts?: Record<string, number>; _pools?: Record<string, { length?: number }> }

/**
 * Neo4j's connection pool, read from neo4j-driver's pool (5.x keeps no public figures): in use and
 * idle connections. Reads nothing if the driver's internals change shape.
 */
function poolOf(driver: Driver): PoolInternals | undefined {
  const provider = (driver as unknown as { _connectionProvider?: { _connectionPool?: PoolInternals } })._connectionProvider;
  return provider?._connectionPool;
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/** Gauges read at scrape time: the pool, whether Neo4j answers, and the checkpoint's age. */
export function registerLiveGauges(o: { driver: () => Driver; databaseUp: () => boolean; checkpointFile: string }): void {
  for (const name of ['neo4j_pool_connections', 'neo4j_up', 'access_log_checkpoint_age_seconds']) registry.removeSingleMetric(name);
  new Gauge({
    name: 'neo4j_pool_connections', help: 'Bolt connections in the driver\'s pool, in use or idle',
    labelNames: ['state'] as const, registers: [registry],
    collect() {
      const pool = poolOf(o.driver());
      this.reset();
      if (!pool) return;
      this.set({ state: 'in_use' }, sum(Object.values(pool._activeResourceCounts ?? {})));
      this.set({ state: 'idle' }, sum(Object.values(pool._pools ?? {}).map((p) => p.length ?? 0)));
    },
  });
  new Gauge({
    name: 'neo4j_up', help: '1 while Neo4j answers the API\'s probe, else 0', registers: [registry],
    collect() { this.set(o.databaseUp() ? 1 : 0); },
  });
  new Gauge({
    name: 'access_log_checkpoint_age_seconds',
    help: 'Seconds since the newest access-log checkpoint kept outside the database was written (absent before the first)',
    registers: [registry],
    collect() {
      this.reset();
      const at = newestCheckpointTime(o.checkpointFile);
      if (at !== undefined) this.set((Date.now() - at) / 1000);
    },
  });
}

/** The time of the last line of the checkpoint file, read from its tail only. */
export function newestCheckpointTime(file: string): number | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    const length = Math.min(size, 4096);
    const buf = Buffer.alloc(length);
    fs.readSync(fd, buf, 0, length, size - length);
    const lines = buf.toString('utf8').trim().split('\n');
    const at = Date.parse((JSON.parse(lines[lines.length - 1]) as { at?: string }).at ?? '');
    return Number.isNaN(at) ? undefined : at;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
