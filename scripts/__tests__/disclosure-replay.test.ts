/** The replay script gives, through its JSON output, what the series audit gives in process. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { readReplayOutput, type ReplayInput } from '../disclosure-replay';
import { auditSeries, controlTables, type CountTable } from '../../server/modules/briefing/disclosure';

const root = path.resolve(__dirname, '..', '..');

// A table with no printed sums: the count of 2 is hidden with a partner in its column, and nothing
// bounds either from above.
const counts: CountTable = {
  id: 'offers', title: 'Support offers', unit: 'children', rowHeader: 'Offer', rows: ['Mentoring', 'Sport'], cols: ['Taken up', 'Declined'],
  cells: [[2, 9], [7, 8]],
};
const [table] = controlTables([counts], { control: true });
const input: ReplayInput = {
  packs: [{ quarter: '2026-Q3', tables: [table], statements: [] }],
  baseline: table.keys.cells.flatMap((row, r) => row.map((key, col): [string, number] => [key, counts.cells[r][col]])),
  only: [table.keys.cells[0][0]],
};

it('prints the intervals, unbounded ones included, that the audit computes in process', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'replay-')), 'series.json');
  fs.writeFileSync(file, JSON.stringify(input));
  const child = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/disclosure-replay.ts', file], { cwd: root, encoding: 'utf8' });
  expect(child.stderr).toBe('');
  const out = readReplayOutput(child.stdout);
  const inProcess = auditSeries(input.packs, { replay: { baseline: new Map(input.baseline), only: new Set(input.only) } });
  expect(out.intervals).toEqual(inProcess.intervals);
  expect(out.runs).toBe(inProcess.replay!.runs);
  expect(table.cells.flat().filter((v) => v === 'c')).toHaveLength(2);
  expect(out.intervals.some((i) => i.max === Infinity)).toBe(true);
});
