/** listen(): serves buildApp() on HOST:PORT and says where, and how to sign in. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp, type AppOptions } from './app';
import { config } from './platform/config';
import { DEMO_PASSWORD, DEMO_USERS, usingLocalIssuer } from './auth';
import { database, getDriver } from './platform/db/driver';
import { startCheckpoints } from './modules/accesslog/access-log-checkpoints';
import { defaultSink } from './platform/logger';
import type { DatabaseAvailability } from './ops/availability';
import { productionProblems, refusal } from './ops/production';

function signInHelp(url: string): string {
  if (!usingLocalIssuer()) return `Sign-in: bearer tokens from ${config().OIDC_ISSUER}`;
  const users = Object.values(DEMO_USERS).map((u) => `    ${u.id.padEnd(12)} ${u.role.padEnd(8)} ${u.description}`);
  return [
    `Demo users (embedded default; password "${DEMO_PASSWORD}"):`,
    ...users,
    'Get a bearer token:',
    '    npm run token -- ana.analyst',
    `    curl -s -X POST ${url}/auth/token -H 'content-type: application/json' -d '{"username":"ana.analyst","password":"${DEMO_PASSWORD}"}'`,
    `Then query, with a justification for person-level reads (a purpose: ${config().JUSTIFICATION_PURPOSES.join(', ')}; and a case reference or a reason):`,
    `    curl -s ${url}/graphql -H "authorization: Bearer $TOKEN" -H 'x-justification-purpose: safeguarding-enquiry' -H 'x-justification: CASE-123' -H 'content-type: application/json' -d '{"query":"{ me { name role } }"}'`,
    config().NODE_ENV === 'production' ? '' : `GraphiQL: ${url}/graphql`,
  ].join('\n');
}

export async function startServer(opts: AppOptions = {}): Promise<{ close(): Promise<void>; url: string }> {
  const c = config();
  const problems = productionProblems(c);
  if (problems.length) throw new Error(refusal(problems));
  const app = await buildApp(opts);
  const availability = app.locals.availability as DatabaseAvailability;
  availability.watch();
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(c.PORT, c.HOST, resolve));
  const url = `http://${c.HOST}:${(server.address() as AddressInfo).port}`;
  const log = opts.log ?? defaultSink(c.NODE_ENV);
  const checkpoints = startCheckpoints({
    driver: getDriver(), database: database(), file: c.ACCESS_LOG_CHECKPOINTS, everyMs: c.ACCESS_LOG_CHECKPOINT_SECONDS * 1000,
    alarm: (msg) => log({ level: 'error', event: 'access-log-checkpoint', msg }),
  });
  console.log(`Safeguarding graph ready on ${url}  (health: ${url}/health)`);
  console.log(`Access-log checkpoints: ${c.ACCESS_LOG_CHECKPOINTS}, every ${c.ACCESS_LOG_CHECKPOINT_SECONDS} s`);
  console.log(signInHelp(url));
  return {
    url,
    close: async () => {
      availability.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await checkpoints.tick().catch(() => undefined); // the last entries before stopping
      await checkpoints.stop();
    },
  };
}
