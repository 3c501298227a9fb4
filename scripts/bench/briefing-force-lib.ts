/**
 * `npm run bench -- briefing --scale force [--data-dir <store>] [--borough B01] [--quarter 2026-Q2] [--runs 1] [--page-cache 2048]`:
 * the partner pack (HTML + PDF + CSV) for the whole force and for one borough within it, on the
 * store `npm run bench -- load --scale force --keep` leaves. For each scope one pack first
 * (reported as firstPackMs: plans and page cache warm), then `runs` timed packs with wall time by
 * stage and the peaks of Node, Chromium and Neo4j. Writes bench-results/briefing-force.json.
 * Target: a force pack ≤ 60 s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBriefing } from '../../server/modules/briefing';
import { median } from '../../server/domain/median';
import { QUARTERS } from '../../fixtures/generator/time';
import { openForceStore } from './load-force-lib';
import { maxPeak, sampled } from './measure-lib';

const arg = (args: string[], name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

const FORCE_PACK_TARGET_MS = 60_000;

export async function runForceBriefing(args: string[]): Promise<void> {
  const borough = arg(args, 'borough', 'B01');
  const quarter = arg(args, 'quarter', QUARTERS[6]);
  const runs = Number(arg(args, 'runs', '1'));
  const { dataDir, pageCacheMb, neo, driver } = await openForceStore(args);
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-briefing-force-'));
  const result: Record<string, any> = {
    scale: 'force', dataDir: path.relative(process.cwd(), dataDir), borough, quarter, runs, heap: '2g', pageCacheMb, when: new Date().toISOString(),
    machine: `${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start (shared)`, packs: {},
  };
  try {
    for (const [scope, boroughCode] of [['force', null], [borough, borough]] as const) {
      const pack = (dir: string) => buildBriefing({ driver }, { quarter, edition: 'partner', author: { name: 'Bench', role: 'lead' }, boroughCode }, path.join(out, scope, dir));
      const t0 = Date.now();
      try {
        await pack('warm-up');
      } catch (e) {
        // A pack that cannot be built here (a read past the server's timeout, say) is a result too.
        result.packs[scope] = { failedAfterMs: Date.now() - t0, error: e instanceof Error ? e.message : String(e) };
        console.log(`  ${scope}: partner pack failed after ${Date.now() - t0} ms: ${result.packs[scope].error}`);
        continue;
      }
      const firstPackMs = Date.now() - t0;
      const times = [];
      for (let i = 0; i < runs; i += 1) times.push(await sampled(driver, () => pack(`run-${i}`)));
      const med = median(times.map((t) => t.ms));
      result.packs[scope] = {
        firstPackMs, medianMs: Math.round(med), runsMs: times.map((t) => Math.round(t.ms)), stagesMs: times[times.length - 1].value.timings,
        peak: maxPeak(times.map((t) => t.peak)), withinTarget: scope === 'force' ? med <= FORCE_PACK_TARGET_MS : null,
      };
      console.log(`  ${scope}: partner pack ${Math.round(med)} ms (first ${firstPackMs} ms)`);
    }
  } finally {
    await driver.close();
    await neo.stop();
    fs.rmSync(out, { recursive: true, force: true });
  }
  fs.mkdirSync('bench-results', { recursive: true });
  fs.writeFileSync('bench-results/briefing-force.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
}
