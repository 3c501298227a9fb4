/** `npm run briefing` end to end against the test Neo4j: files written, disclosure logged, bad input refused. */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { load } from '../../../platform/bulk/loader';
import { generate } from '../../../../fixtures/generator';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-cli-'));

beforeAll(async () => {
  await freshGraph();
  await load(driver(), generate({ scale: 'tiny', seed: 7 }).units);
}, 120_000);
afterAll(async () => { await closeDriver(); fs.rmSync(out, { recursive: true, force: true }); });

it('writes the pack and logs the disclosure', async () => {
  const { stdout } = await run(tsx, ['scripts/briefing.ts', '--quarter', '2025-Q3', '--edition', 'partner', '--out', out, '--formats', 'html,csv',
    '--justification', 'Q3 board pack'], { cwd: root, env: process.env });
  expect(stdout).toContain('briefing-2025-Q3-partner.html');
  expect(fs.existsSync(path.join(out, 'briefing-2025-Q3-partner.html'))).toBe(true);
  expect(fs.readdirSync(path.join(out, 'briefing-2025-Q3-partner-csv')).length).toBeGreaterThan(10);
  expect(fs.readdirSync(out).filter((f) => f.startsWith('.staging'))).toEqual([]);
  const { records } = await driver().executeQuery("MATCH (e:AccessLogEntry {operation: 'disclosure'}) WHERE e.actorId = 'system:briefing-cli' RETURN e.justification AS why");
  expect(records.map((r) => r.get('why'))).toContain('Q3 board pack');
}, 180_000);

it('refuses a bad quarter naming the field', async () => {
  await expect(run(tsx, ['scripts/briefing.ts', '--quarter', '2025Q3', '--out', out], { cwd: root, env: process.env }))
    .rejects.toMatchObject({ stderr: expect.stringContaining('quarter') });
});
