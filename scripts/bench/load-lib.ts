/** Helpers for the load benchmark: CPU time of a process, Neo4j memory figures, sample selection. */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { LoadUnit } from '../../server/model/types';

/** utime + stime of a /proc `stat` text, in seconds (clock ticks, 100 a second). */
function statCpuSeconds(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // after "pid (name) "
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** User + system CPU seconds a process has used so far (Linux /proc). */
export function cpuSeconds(pid: number): number | undefined {
  try {
    return statCpuSeconds(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * CPU seconds of the JVM's JIT compiler threads ("C1/C2 CompilerThread"): a JIT still compiling
 * is warm-up, not the cost being measured. A thread that exits between two readings drops out of
 * the sum: an indicator, not an account.
 */
export function jitCpuSeconds(pid: number): number | undefined {
  let total = 0;
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).includes('CompilerThre')) total += statCpuSeconds(stat);
      } catch {
        // the thread ended meanwhile
      }
    }
  } catch {
    return undefined;
  }
  return total;
}


/** Java process serving the embedded Neo4j whose data folder is `dataDir`. */
export function neo4jPid(dataDir: string): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes('Launcher.java') && cmd.includes(dataDir)) return Number(entry);
    } catch { /* process gone */ }
  }
  return undefined;
}

export interface MemoryFigures { heapUsedMb: number; heapCommittedMb: number; heapMaxMb: number }

export async function heapNow(driver: Driver): Promise<MemoryFigures | undefined> {
  try {
    const { records } = await driver.executeQuery("CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes RETURN attributes.HeapMemoryUsage.value.properties AS heap");
    const h = records[0].get('heap') as Record<string, number>;
    const mb = (v: unknown) => Math.round(Number(v) / 1048576);
    return { heapUsedMb: mb(h.used), heapCommittedMb: mb(h.committed), heapMaxMb: mb(h.max) };
  } catch {
    return undefined;
  }
}

/** Samples Neo4j's heap every `everyMs` until stopped; `stop()` gives the highest heap in use seen. */
export function watchPeakHeap(driver: Driver, everyMs = 2000): { stop(): MemoryFigures | undefined } {
  let peak: MemoryFigures | undefined;
  const timer = setInterval(async () => {
    const h = await heapNow(driver);
    if (h && (!peak || h.heapUsedMb > peak.heapUsedMb)) peak = h;
  }, everyMs);
  return { stop: () => { clearInterval(timer); return peak; } };
}

export async function memorySettings(driver: Driver): Promise<Record<string, string>> {
  try {
    const { records } = await driver.executeQuery(
      "SHOW SETTINGS YIELD name, value WHERE name IN ['server.memory.pagecache.size', 'server.memory.heap.max_size', 'db.memory.transaction.total.max'] RETURN name, value");
    return Object.fromEntries(records.map((r) => [r.get('name'), String(r.get('value'))]));
  } catch {
    return {};
  }
}

/** Bytes of the store files (what the page cache would hold to cache the whole graph). */
export function storeSizeMb(dataDir: string): number {
  const walk = (dir: string): number => fs.readdirSync(dir, { withFileTypes: true })
    .reduce((s, e) => s + (e.isDirectory() ? walk(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).size), 0);
  const db = path.join(dataDir, 'data', 'databases', 'neo4j');
  return fs.existsSync(db) ? Math.round(walk(db) / 1048576) : Math.round(walk(dataDir) / 1048576);
}

/**
 * A sample of the same rows: `n` incidents with their INVOLVED, AT and REPORTED_BY links, so
 * a sample is a self-contained slice whose endpoints (people, places, agencies) stay loaded.
 */
export function sampleUnits(units: LoadUnit[], n: number): LoadUnit[] {
  const incidents = units.find((u) => u.kind === 'node' && u.label === 'Incident');
  if (!incidents || incidents.kind !== 'node') throw new Error('the fixture has no incidents to sample');
  const rows = incidents.rows.slice(0, n);
  const ids = new Set(rows.map((r) => r.id));
  const out: LoadUnit[] = [{ kind: 'node', label: 'Incident', origin: incidents.origin, rows }];
  for (const u of units) {
    if (u.kind === 'rel' && ['INVOLVED', 'AT', 'REPORTED_BY'].includes(u.type)) {
      out.push({ kind: 'rel', type: u.type, origin: u.origin, rows: u.rows.filter((r) => ids.has(r.from)) });
    }
  }
  return out;
}

export const rowCount = (units: LoadUnit[]): number => units.reduce((s, u) => s + u.rows.length, 0);
