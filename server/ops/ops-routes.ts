/**
 * Health, readiness and metrics, and the 503 answer while Neo4j is down:
 *   /health  the API process is alive (anonymous; says nothing about the database);
 *   /ready   Neo4j answers and every schema migration in cypher/schema is applied (503 if not);
 *   /metrics Prometheus metrics, only to the configured client addresses (METRICS_ALLOW).
 */
import express from 'express';
import type { Driver } from 'neo4j-driver';
import { pendingMigrations } from './pending-migrations';
import { registry } from './metrics';
import { UNAVAILABLE_MESSAGE, type DatabaseAvailability } from './availability';

export interface OpsRouteOptions {
  driver: () => Driver;
  database: string;
  availability: DatabaseAvailability;
  /** Client addresses allowed to read /metrics. */
  metricsAllow: readonly string[];
}

/** Addresses as the socket reports them: an IPv4 client of a dual-stack socket is ::ffff:a.b.c.d. */
const plain = (address: string | undefined): string => (address ?? '').replace(/^::ffff:/, '');

export function opsRouter(o: OpsRouteOptions): express.Router {
  const router = express.Router();
  const allowed = new Set(o.metricsAllow.map(plain));

  router.get('/health', (_req, res) => { res.json({ status: 'ok' }); });

  router.get('/ready', async (_req, res) => {
    const up = await o.availability.probe();
    if (!up) return void res.status(503).json({ status: 'not ready', reason: 'the database is not available' });
    try {
      const pending = await pendingMigrations(o.driver(), o.database);
      if (pending.length) return void res.status(503).json({ status: 'not ready', reason: `schema migrations not applied: ${pending.join(', ')}` });
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'not ready', reason: 'the database did not answer the migration check' });
    }
  });

  router.get('/metrics', async (req, res) => {
    if (!allowed.has(plain(req.socket.remoteAddress))) return void res.status(403).type('text/plain').send('Metrics are not served to this address.\n');
    res.type(registry.contentType).send(await registry.metrics());
  });
  return router;
}

/** Refuses a request at once, with 503 and Retry-After, while Neo4j is known to be down. */
export function refuseWhileDatabaseDown(availability: DatabaseAvailability): express.RequestHandler {
  return (_req, res, next) => {
    if (availability.isUp()) return next();
    res.status(503).set('Retry-After', '5').json({ errors: [{ message: UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
  };
}
