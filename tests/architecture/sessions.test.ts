/**
 * Sessions carry the driver's bookmark manager (server/platform/db/session.ts), so a read follows
 * the writes before it on a cluster too. A session opened anywhere else would drop it.
 */
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
/** Where `driver.session(` may be called: the one helper, and the probe that wants no bookmarks. */
const ALLOWED = new Set(['server/platform/db/session.ts', 'server/ops/availability.ts']);

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === '__tests__' ? [] : sources(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

const opensSession = (file: string): boolean => /\.session\(\s*\{/.test(fs.readFileSync(path.join(ROOT, file), 'utf8'));

describe('sessions', () => {
  it('are opened through openSession everywhere in the server', () => {
    const files = sources('server');
    expect(files.length).toBeGreaterThan(100);
    expect(files.filter((f) => !ALLOWED.has(f) && opensSession(f))).toEqual([]);
  });

  it('would be found opened elsewhere', () => {
    expect([...ALLOWED].every(opensSession)).toBe(true);
  });
});
