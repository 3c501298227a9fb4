/**
 * buildClientIfStale(): runs the Vite build (vite.config.ts) when client/dist is missing or older
 * than anything under client/src, client/index.html, the model the client styles come from, or
 * the Vite config. `npm start` calls it before serving; `npm run build` always builds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';

const ROOT = path.resolve(__dirname, '..');
export const CLIENT_DIST = path.join(ROOT, 'client', 'dist');
const VITE_CONFIG = path.join(ROOT, 'vite.config.ts');
const SOURCES = [
  path.join(ROOT, 'client', 'src'),
  path.join(ROOT, 'client', 'index.html'),
  path.join(ROOT, 'server', 'model'),
  path.join(ROOT, 'server', 'language'),
  VITE_CONFIG,
];

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const e of fs.readdirSync(p)) max = Math.max(max, newestMtime(path.join(p, e)));
  return max;
}

export function clientIsStale(): boolean {
  const index = path.join(CLIENT_DIST, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  return SOURCES.some((s) => newestMtime(s) > built);
}

/** Build the workspace with Vite's API. Returns the output directory. */
export async function buildClient(): Promise<string> {
  let vite: typeof import('vite') | undefined;
  try {
    // Loaded lazily: the server never pays for Vite unless a build is needed. Node 20.19+
    // requires ESM-only Vite synchronously; jest's module loader cannot, hence the fallback.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    vite = require('vite') as typeof import('vite');
  } catch {
    vite = undefined;
  }
  if (vite) await vite.build({ configFile: VITE_CONFIG, logLevel: 'warn' });
  else await buildInChildProcess();
  return CLIENT_DIST;
}

/** The same build in a plain Node process (used where require(esm) is unavailable, e.g. jest). */
function buildInChildProcess(): Promise<void> {
  const script = `require('vite').build({ configFile: ${JSON.stringify(VITE_CONFIG)}, logLevel: 'warn' }).catch((e) => { console.error(e); process.exit(1); })`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Vite build failed (exit ${code})`))));
  });
}

/** Build only when client/dist is missing or older than its sources. True when it built. */
export async function buildClientIfStale(log: (msg: string) => void = console.log): Promise<boolean> {
  if (!clientIsStale()) return false;
  const t0 = Date.now();
  log('Building the workspace (client/dist)…');
  await buildClient();
  log(`Workspace built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return true;
}

if (require.main === module) {
  buildClient().then(() => console.log(`Built ${path.relative(process.cwd(), CLIENT_DIST)}`), (e) => {
    console.error(e);
    process.exit(1);
  });
}
