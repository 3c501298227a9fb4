/**
 * Neo4j's offline importer (`neo4j-admin database import full`) on an embedded data folder. The
 * importer comes with the embedded DBMS's Maven dependencies (neo4j-import-tool), so it runs on
 * the launcher's class path through org.neo4j.cli.AdminTool, the class behind `neo4j-admin`,
 * with NEO4J_HOME set to the data folder: it writes data/databases/neo4j and
 * data/transactions/neo4j there, where the embedded DBMS (Launcher.java) opens them.
 * The database must not exist yet: the importer only makes new stores.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { AdminCsvFiles } from '../../server/platform/bulk/offline/csv-writer';
import { ARRAY_DELIMITER } from '../../server/platform/bulk/offline/columns';
import { neo4jClassPath } from './launch';

export interface AdminImportOptions {
  dataDir: string;
  files: AdminCsvFiles;
  /** The importer's JVM heap (default 1g); it also uses memory off the heap (maxOffHeap). */
  heap?: string;
  /** e.g. '2g' (default: the importer's own, 90% of free memory). */
  maxOffHeap?: string;
  log?: (line: string) => void;
}

export interface AdminImportResult {
  seconds: number;
  nodes: number;
  relationships: number;
  properties: number;
  /** Peak resident memory of the importer process (VmHWM). */
  peakRssMb?: number;
  /** What the importer said of its own peak memory use. */
  reportedPeakMemory?: string;
}

export const storeDir = (dataDir: string): string => path.join(dataDir, 'data', 'databases', 'neo4j');

export function importArguments(files: AdminCsvFiles, reportFile: string): string[] {
  return [
    'database', 'import', 'full', 'neo4j',
    `--array-delimiter=${ARRAY_DELIMITER}`, '--id-type=string', `--report-file=${reportFile}`,
    ...[...files.nodes.values()].map((list) => `--nodes=${list.join(',')}`),
    ...[...files.rels.entries()].map(([type, list]) => `--relationships=${type}=${list.join(',')}`),
  ];
}

/** Peak resident memory of a process so far, in MB (Linux). */
function peakRssMb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

const counted = (out: string, what: string): number => Number(new RegExp(`^\\s*(\\d+) ${what}$`, 'm').exec(out)?.[1] ?? NaN);

export async function adminImportFull(opts: AdminImportOptions): Promise<AdminImportResult> {
  const log = opts.log ?? (() => undefined);
  const dataDir = path.resolve(opts.dataDir);
  if (fs.existsSync(storeDir(dataDir))) throw new Error(`${storeDir(dataDir)} exists: the offline import only makes a new database`);
  fs.mkdirSync(dataDir, { recursive: true });
  const cp = neo4jClassPath(log);
  const args = [`-Xmx${opts.heap ?? '1g'}`, '-cp', cp, 'org.neo4j.cli.AdminTool', ...importArguments(opts.files, path.join(dataDir, 'import.report'))];
  if (opts.maxOffHeap) args.push(`--max-off-heap-memory=${opts.maxOffHeap}`);
  const started = process.hrtime.bigint();
  const child = spawn('java', args, { env: { ...process.env, NEO4J_HOME: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let peak: number | undefined;
  const sampler = setInterval(() => { peak = peakRssMb(child.pid!) ?? peak; }, 250);
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    for (const line of chunk.toString().split('\n')) if (/^(IMPORT|Import|Estimated|Peak|\S+ COMPLETED)/.test(line)) log(line.trim());
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const code = await new Promise<number | null>((resolve, reject) => { child.once('error', reject); child.once('exit', resolve); });
  clearInterval(sampler);
  fs.writeFileSync(path.join(dataDir, 'import.log'), output);
  if (code !== 0) {
    const tail = output.split('\n').filter((l) => !/^\s+at /.test(l)).slice(-15).join('\n');
    throw new Error(`neo4j-admin database import full failed (exit ${code}); its output is in ${path.join(dataDir, 'import.log')}:\n${tail}`);
  }
  return {
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    nodes: counted(output, 'nodes'), relationships: counted(output, 'relationships'), properties: counted(output, 'properties'),
    peakRssMb: peak, reportedPeakMemory: /Peak memory usage: (.+)/.exec(output)?.[1]?.trim(),
  };
}
