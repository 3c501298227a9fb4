/**
 * The API benchmark several times over (`npm run bench -- api-runs [--runs 3] [api args…]`), each
 * run a process of its own with a freshly started Neo4j, and the median of the runs' figures.
 *
 * Why: within one run the rounds agree, but between runs the driver scenario's p95 moves by up to
 * a third (Neo4j's JIT compiles differently each start), so one run's ratio is one sample. The
 * one-hop driver p95 falls in one of two bands by run (about 2× or 3× its p50); in the wider band
 * the p95 ratio looks far better than the p50 ratio, which stays steady (1.46-1.71 in fifteen runs). Writes
 * bench-results/api-runs.json (every run's figures, their median and range); api.json is left as
 * the last run wrote it. Other arguments (--split-cores, --seconds…) go to each run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { median } from '../../server/domain/median';

/** The figures compared with the API's performance targets, per hop count. */
const FIGURES = ['ratioApiToDriverP95', 'ratioApiToDriverP50', 'accessLogCostP95Pct', 'accessLogShareOfApiP95Pct', 'cpuRatioApiToDriver', 'accessLogCostCpuPct',
  'accessLogShareOfApiCpuPct', 'ratioApiToBareDriverP95', 'ratioHttpToDriverP50', 'ratioHttpToDriverP95', 'ratioApiToHttpP50', 'ratioApiToHttpP95', 'cpuRatioHttpToDriver',
  'serverCpuBudgetMs', 'httpServerCpuMs', 'apiServerCpuMs'] as const;
type Figures = Record<(typeof FIGURES)[number], number> & { apiP95: number };

function runOnce(args: string[]): Record<string, Figures> {
  const r = spawnSync(process.execPath, [...process.execArgv, path.join(__dirname, 'index.ts'), 'api', ...args], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`api benchmark run failed (exit ${r.status})`);
  const out = JSON.parse(fs.readFileSync(path.resolve('bench-results', 'api.json'), 'utf8')) as { results: Record<string, Record<string, unknown>> };
  return Object.fromEntries(Object.entries(out.results).map(([hop, t]) => [hop, {
    ...Object.fromEntries(FIGURES.map((k) => [k, Number(t[k])])),
    apiP95: (t.api as { p95: number }).p95,
  } as Figures]));
}

export async function run(args: string[]): Promise<void> {
  const i = args.indexOf('--runs');
  const runs = i >= 0 ? Number(args[i + 1]) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs must be a whole number, 1 or more');
  const apiArgs = i >= 0 ? [...args.slice(0, i), ...args.slice(i + 2)] : args;
  const all: Array<Record<string, Figures>> = [];
  for (let n = 1; n <= runs; n++) {
    console.log(`\n— run ${n} of ${runs} —`);
    all.push(runOnce(apiArgs));
  }
  const summary = Object.fromEntries(Object.keys(all[0]).map((hop) => {
    const keys = [...FIGURES, 'apiP95'] as const;
    return [hop, Object.fromEntries(keys.map((k) => {
      const xs = all.map((r) => r[hop][k]);
      return [k, { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs }];
    }))];
  }));
  fs.writeFileSync(path.resolve('bench-results', 'api-runs.json'), JSON.stringify({ when: new Date().toISOString(), runs, args: apiArgs, summary }, null, 2));
  console.table(Object.fromEntries(Object.entries(summary).flatMap(([hop, s]) => Object.entries(s).map(([k, v]) => [`${hop} ${k}`, { median: v.median, min: v.min, max: v.max }]))));
  console.log('Written bench-results/api-runs.json');
}
