/**
 * buildClientIfStale(): runs the Vite build (vite.config.ts) when client/dist is missing or older
 * than anything under client/src, client/index.html, the model the client styles come from, or
 * the Vite config. `npm start` calls it before serving; `npm run build` always builds.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
export const CLIENT_DIST = path.join(ROOT, 'client', 'dist');
const SOURCES = [
  path.join(ROOT, 'client', 'src'),
  path.join(ROOT, 'client', 'index.html'),
  path.join(ROOT, 'server', 'model'),
  path.join(ROOT, 'vite.config.ts'),
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

/** Build the workspace with Vite. Returns the output directory. */
export async function buildClient(): Promise<string> {
  // Loaded lazily: the server and tests never pay for Vite unless a build is needed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vite = require('vite') as typeof import('vite');
  await vite.build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
  return CLIENT_DIST;
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
