/**
 * `tsx scripts/disclosure-replay.ts <series.json>`: the series audit of a run of partner packs
 * with the suppression rule's own replay (server/modules/briefing/disclosure/replay.ts).
 * Input: `{ packs: PublishedPack[], baseline: [key, value][], only?: key[] }`, the published
 * packs, the figures they were built from, and the quantities to replay (default: every one).
 * Prints one line of JSON: `{ seconds, runs, narrowed, intervals }`; an interval with no upper
 * bound has `max: null` (JSON has no Infinity): read it back with `readReplayOutput`.
 *
 * The attacker tests run the replay through this script, in a process of its own: jest runs test
 * code inside a vm context, where every global lookup of the LP solver (`Math.imul` in its inner
 * loop) is intercepted, and the replay's thousands of solves run about ten times slower there.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { auditSeries, type Interval, type PublishedPack, type ReplayResult } from '../server/modules/briefing/disclosure';

export interface ReplayInput { packs: PublishedPack[]; baseline: Array<[string, number]>; only?: string[] }

export interface ReplayOutput { seconds: number; runs: number; narrowed: ReplayResult['narrowed']; intervals: Interval[] }

/** The script's output, with unbounded maxima (`null` in JSON) back to Infinity. */
export const readReplayOutput = (text: string): ReplayOutput =>
  JSON.parse(text, (key, value) => (key === 'max' && value === null ? Infinity : value)) as ReplayOutput;

/** Runs this script on `input` (a file of `ReplayInput`) in a child process and reads its output. */
export function replayInOwnProcess(input: string): ReplayOutput {
  const root = path.resolve(__dirname, '..');
  const child = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [__filename, input], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`disclosure-replay failed (${child.status}): ${child.stderr}`);
  return readReplayOutput(child.stdout);
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx scripts/disclosure-replay.ts <series.json>');
  const input = JSON.parse(fs.readFileSync(file, 'utf8')) as ReplayInput;
  const started = Date.now();
  const audit = auditSeries(input.packs, {
    replay: { baseline: new Map(input.baseline), ...(input.only ? { only: new Set(input.only) } : {}) },
  });
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ seconds, runs: audit.replay!.runs, narrowed: audit.replay!.narrowed, intervals: audit.intervals })}\n`);
}

if (require.main === module) main();
