/**
 * Briefing benchmark (`npm run bench -- briefing [--scale demo|borough|force] [--seed N] [--quarter 2025-Q3] [--runs 2]`).
 * Uses NEO4J_URI if set (loading the fixture only when the database is empty), else a fresh
 * embedded Neo4j in .data/bench-briefing-<scale>. Measures, in the same process:
 *  - baseline: the analytics the pack is built from, run alone (in parallel, as the pack does);
 *  - the partner pack (HTML + PDF + CSV) and the restricted pack: wall time by stage, peak RSS and
 *    heap of Node, peak RSS of the Chromium processes it starts, Neo4j heap peak (JMX);
 *  - ratio pack / baseline. Target: pack ≤ 20 s at borough scale.
 * Before timing, the baseline and one pack of each edition run once (warm-up); the warm-up packs'
 * times are reported as firstPackMs (a pack soon after Neo4j starts).
 * Writes bench-results/briefing-<scale>.json. The machine is shared: prefer the ratios.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDriver } from '../../server/platform/db/driver';
import { resolveNeo4j } from '../neo4j/launch';
import { migrate } from '../../server/platform/db/migrate';
import { load } from '../../server/platform/bulk/loader';
import { generate } from '../../fixtures/generator';
import type { Scale } from '../../fixtures/generator/types';
import * as A from '../../server/modules/analytics';
import { buildBriefing } from '../../server/modules/briefing';
import { median } from '../../server/domain/median';
import { packViewer } from '../../server/platform/visibility';
import { runForceBriefing } from './briefing-force-lib';
import { maxPeak, sampled } from './measure-lib';

const arg = (args: string[], name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

export async function run(args: string[]): Promise<void> {
  // The force is measured on the store its load benchmark keeps (briefing-force-lib.ts).
  if (arg(args, 'scale', 'demo') === 'force') return runForceBriefing(args);
  const scale = arg(args, 'scale', 'demo') as Scale;
  const seed = Number(arg(args, 'seed', '20251'));
  const quarter = arg(args, 'quarter', '2025-Q3');
  const runs = Number(arg(args, 'runs', '2'));
  const neo = await resolveNeo4j({ dataDir: `.data/bench-briefing-${scale}`, port: 0, fresh: !process.env.NEO4J_URI, heap: '2g', pageCacheMb: 512, log: () => undefined });
  const driver = openDriver(neo.uri, neo.user, neo.password, { disableLosslessIntegers: true });
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-briefing-'));
  try {
    await migrate(driver);
    const { records } = await driver.executeQuery('MATCH (n:Entity) RETURN count(n) AS n');
    if ((records[0].get('n') as number) === 0) {
      const fixture = generate({ scale, seed });
      console.log(`Loading the ${scale} fixture …`);
      await load(driver, fixture.units);
      await A.storeBaseline({ driver }, fixture.baseline);
    }
    const size = (await driver.executeQuery('MATCH (n:Entity) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels')).records[0].toObject();
    const source = { driver, viewer: packViewer('partner') };
    const baseline = () => Promise.all([
      A.trends(source, { quarter }), A.hotspots(source, { quarter, limit: 50 }), A.networkThemes(source, { quarter }),
      A.highHarmPersonsOfConcern(source, { quarter, limit: 10 }), A.criticalMoments(source, { quarter }), A.notYetReferred(source, { quarter, limit: 500 }),
    ]);
    await baseline(); // warm-up: plans, page cache, JIT
    // The pack's own queries (support, outcomes, young adults…) are not in the baseline: one pack of
    // each edition warms them too, and its time is reported as the first pack after a start.
    const firstPackMs: Record<string, number> = {};
    for (const edition of ['partner', 'restricted'] as const) {
      const t0 = Date.now();
      await buildBriefing({ driver }, { quarter, edition, author: { name: 'Bench', role: 'lead' } }, path.join(out, `${edition}-warm-up`));
      firstPackMs[edition] = Date.now() - t0;
    }
    const base = [];
    for (let i = 0; i < runs; i += 1) base.push(await sampled(driver, baseline));
    const packs: Record<string, unknown> = {};
    for (const edition of ['partner', 'restricted'] as const) {
      const times = [];
      for (let i = 0; i < runs; i += 1) {
        times.push(await sampled(driver, () => buildBriefing({ driver }, { quarter, edition, author: { name: 'Bench', role: 'lead' } }, path.join(out, `${edition}-${i}`))));
      }
      const med = median(times.map((t) => t.ms));
      packs[edition] = {
        medianMs: Math.round(med), runsMs: times.map((t) => Math.round(t.ms)),
        stagesMs: times[times.length - 1].value.timings,
        peak: maxPeak(times.map((t) => t.peak)),
        ratioToAnalytics: Math.round((med / median(base.map((b) => b.ms))) * 100) / 100,
        withinTarget: med <= 20_000,
      };
    }
    const result = {
      scale, seed, quarter, runs, graph: size, machine: { cpus: os.cpus().length, note: 'shared, contended machine: compare ratios' },
      analyticsBaselineMs: { median: Math.round(median(base.map((b) => b.ms))), runs: base.map((b) => Math.round(b.ms)) }, firstPackMs, packs,
    };
    fs.mkdirSync('bench-results', { recursive: true });
    fs.writeFileSync(`bench-results/briefing-${scale}.json`, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await driver.close();
    await neo.stop();
    fs.rmSync(out, { recursive: true, force: true });
  }
}

if (require.main === module) run(process.argv.slice(2)).catch((e) => { console.error(e); process.exit(1); });
