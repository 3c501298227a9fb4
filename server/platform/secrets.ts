/**
 * Secrets of the embedded default, kept under .data/auth (git-ignored) so they survive restarts:
 * tokens from `npm run token` keep working against a running `npm start`.
 * Created atomically (write to a temp file, then link) so concurrent processes agree on one value.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SECRET_DIR = path.resolve(__dirname, '..', '..', '.data', 'auth');

/** Reads `name`, creating it with make() the first time. */
export function persistentSecret(name: string, make: () => string): string {
  const file = path.join(SECRET_DIR, name);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  fs.mkdirSync(SECRET_DIR, { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${crypto.randomUUID()}`;
  fs.writeFileSync(tmp, make(), { mode: 0o600 });
  try {
    fs.linkSync(tmp, file); // fails if another process won the race: then use theirs
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return fs.readFileSync(file, 'utf8');
}

let pseudonymKey: string | undefined;

/** A stable pseudonym for a person id (keyed hash: not reversible without the key). */
export function pseudonymFor(id: string): string {
  pseudonymKey ??= persistentSecret('pseudonym.key', () => crypto.randomBytes(32).toString('hex'));
  const h = crypto.createHmac('sha256', pseudonymKey).update(id).digest('hex').slice(0, 8).toUpperCase();
  return `Person ${h}`;
}
