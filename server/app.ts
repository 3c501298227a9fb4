/**
 * buildApp(): the express application (API, sign-in, workspace, health), apart from listen() so
 * tests drive it over HTTP. Order: request id → security headers → no-store and CORS → rate limits
 * per address → sign-in → rate limits per user → GraphQL (/graphql) → built client (/) with an SPA
 * fallback.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import helmet from 'helmet';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { getDriver, database } from './platform/db/driver';
import { config } from './platform/config';
import { authenticate, authRouter } from './auth';
import { AppError } from './platform/errors';
import { buildSchema } from './graphql/schema';
import { buildYoga, type ServerContext } from './graphql/yoga';
import { corsFor } from './graphql/cors';
import { defaultSink, type LogSink } from './platform/logger';
import { watchDatabase, type DatabaseAvailability } from './ops/availability';
import { opsRouter, refuseWhileDatabaseDown } from './ops/ops-routes';
import { registerLiveGauges, requestMetrics } from './ops/metrics';
import { refusal, signInProblems } from './ops/production';
import { queriesAnswered } from './platform/db/query';

export interface AppOptions {
  /** Only these modules (folder names under server/modules); default: every module found. */
  modules?: readonly string[];
  /** Another folder of modules (tests). */
  modulesDir?: string;
  /** Requests per minute per client address (and, for /graphql, per signed-in user). */
  rateLimits?: { authPerMinute?: number; graphqlPerMinute?: number; graphqlPerUserPerMinute?: number };
  log?: LogSink;
  /** Folder of the built client; default client/dist. */
  clientDir?: string;
}

/** graphql-yoga's default maxRequestBodySize. */
const YOGA_BODY_LIMIT = 25_000_000;
const CLIENT_DIST = path.resolve(__dirname, '..', 'client', 'dist');
type Req = ServerContext['req'];

export async function buildApp(opts: AppOptions = {}): Promise<express.Express> {
  const c = config();
  const production = c.NODE_ENV === 'production';
  // Whoever builds the app (startServer, a test, a benchmark), production never signs in demo users.
  const signIn = signInProblems(c);
  if (signIn.length) throw new Error(refusal(signIn));
  const log = opts.log ?? defaultSink(c.NODE_ENV);
  const availability = watchDatabase({
    driver: getDriver, database: database(), answered: queriesAnswered,
    onChange: (up, detail) => log({ level: up ? 'info' : 'error', event: 'database', msg: up ? 'Neo4j answers again' : `Neo4j unavailable: ${detail}` }),
  });
  registerLiveGauges({ driver: getDriver, databaseUp: availability.isUp, checkpointFile: c.ACCESS_LOG_CHECKPOINTS });
  const yoga = buildYoga({ schema: buildSchema({ modules: opts.modules, modulesDir: opts.modulesDir }), production, driver: getDriver, database: database(), log, onDatabaseDown: availability.markDown });

  const app = express();
  app.locals.availability = availability;
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  app.use((req: Req, res, next) => {
    const incoming = req.header('x-request-id');
    req.requestId = incoming && /^[\w.-]{1,100}$/.test(incoming) ? incoming : crypto.randomUUID();
    res.setHeader('x-request-id', req.requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      log({ level: 'info', requestId: req.requestId, method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode,
        user: req.user?.id, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    });
    next();
  });
  app.use(requestMetrics());

  // GraphiQL (development only) loads its assets from a CDN: it gets a looser policy there.
  const strict = helmet();
  const forGraphiql = helmet({ contentSecurityPolicy: { directives: {
    'script-src': ["'self'", "'unsafe-inline'", 'https://unpkg.com'],
    'style-src': ["'self'", "'unsafe-inline'", 'https://unpkg.com'],
    'img-src': ["'self'", 'data:', 'https:'],
  } } });
  app.use((req, res, next) => (!production && req.path === '/graphql' && req.method === 'GET' && req.accepts('html') && !req.query.query ? forGraphiql : strict)(req, res, next));

  // Person data is never kept by a browser or a proxy; nor are tokens.
  app.use(['/graphql', '/auth/token'], (_req, res, next) => { res.setHeader('Cache-Control', 'no-store'); next(); });
  app.use('/graphql', corsFor(c.CORS_ORIGINS));

  const limiter = (perMinute: number, perUser = false) => rateLimit({
    windowMs: 60_000, limit: perMinute, standardHeaders: 'draft-8', legacyHeaders: false,
    // Per user: the token's subject, so users behind one proxy address are counted apart and
    // one user cannot spread requests over addresses.
    ...(perUser ? { identifier: 'user', keyGenerator: (req: Req) => (req.user ? `user:${req.user.id}` : `ip:${ipKeyGenerator(req.ip ?? '')}`) } : {}),
    message: { errors: [{ message: `Too many requests${perUser ? ' from this user' : ''}: try again in a minute`, extensions: { code: 'LIMIT_EXCEEDED' } }] },
  });
  app.use('/auth/token', limiter(opts.rateLimits?.authPerMinute ?? 20));
  app.use('/graphql', limiter(opts.rateLimits?.graphqlPerMinute ?? c.GRAPHQL_RATE_PER_IP));

  app.use('/auth', authRouter());

  app.use(opsRouter({ driver: getDriver, database: database(), availability, metricsAllow: c.METRICS_ALLOW }));

  // No data without a valid token. GraphiQL's page itself (development, no query) needs none.
  app.use('/graphql', async (req: Req, res, next) => {
    const graphiqlPage = !production && req.method === 'GET' && !req.query.query && req.accepts('html') === 'html';
    if (graphiqlPage && !req.header('authorization')) return next();
    try {
      req.user = await authenticate(req.header('authorization'));
      next();
    } catch (e) {
      const err = e instanceof AppError ? e : new AppError('UNAUTHENTICATED', 'Sign in first');
      res.status(401).set('WWW-Authenticate', 'Bearer').json({ errors: [{ message: err.message, extensions: { code: 'UNAUTHENTICATED' } }] });
    }
  });
  app.use('/graphql', limiter(opts.rateLimits?.graphqlPerUserPerMinute ?? c.GRAPHQL_RATE_PER_USER, true));
  // JSON bodies are read here (same 25 MB limit as yoga's): yoga then takes the parsed body
  // instead of piping the request through its size-limiting web TransformStream (stream pipeline,
  // abort controller, body re-read), which was ~6 % of the API process's CPU per request.
  // Other content types reach yoga untouched. Errors keep yoga's shape and status.
  const readJson = express.json({ limit: YOGA_BODY_LIMIT });
  app.use('/graphql', (req: Req, res, next) => readJson(req, res, (err?: unknown) => {
    if (err) {
      const tooLarge = (err as { status?: number }).status === 413;
      res.status(tooLarge ? 413 : 400).json({ errors: [tooLarge
        ? { message: 'Request body too large', extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }
        : { message: 'POST body sent invalid JSON.', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
    // An empty object goes on as text: the adapter only uses a parsed body with keys.
    if (req.body !== undefined && typeof req.body === 'object' && Object.keys(req.body as object).length === 0) req.body = JSON.stringify(req.body);
    next();
  }));
  app.use('/graphql', refuseWhileDatabaseDown(availability));
  app.use('/graphql', yoga as unknown as express.RequestHandler);

  const clientDir = opts.clientDir ?? CLIENT_DIST;
  if (fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: 'index.html' }));
    app.get(/^\/(?!graphql|auth|health|ready|metrics).*/, (_req, res) => res.sendFile(path.join(clientDir, 'index.html')));
  }
  return app;
}
