import path from 'node:path';
import { PassThrough } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { isOwnDataDir, confirmWrite, targetLine, Target } from '../target';
import { freshGraph, closeDriver } from '../../tests/support/db';

const root = path.resolve(__dirname, '..', '..');
const foreign: Target = { uri: 'bolt://127.0.0.1:7687', database: 'neo4j', found: 'running instance', nodes: 1200, relationships: 5000, dataDir: '/elsewhere/data', ours: false };

describe('the data commands say which Neo4j they use', () => {
  afterAll(async () => { await closeDriver(); });

  it("tells this checkout's data folder from another's", () => {
    expect(isOwnDataDir(path.join(root, '.data/neo4j/data'), path.join(root, '.data/neo4j'))).toBe(true);
    expect(isOwnDataDir('/work/other-checkout/.data/neo4j/data', path.join(root, '.data/neo4j'))).toBe(false);
    expect(isOwnDataDir(undefined, '.data/neo4j')).toBe(false);
  });

  it('names a store found on the default port that is not ours, with its counts', () => {
    expect(targetLine(foreign)).toMatch(/^Neo4j bolt:\/\/127\.0\.0\.1:7687, database "neo4j" \(a running instance, NOT this checkout's store \(its data: \/elsewhere\/data\)\): 1,200 nodes, 5,000 relationships$/);
  });

  it('writing to a store that is not ours needs --yes when nobody can be asked', async () => {
    const said = new PassThrough();
    let text = '';
    said.on('data', (d) => { text += String(d); });
    expect(await confirmWrite(foreign, false, new PassThrough(), said)).toBe(false);
    expect(text).toMatch(/pass --yes/);
    expect(await confirmWrite(foreign, true, new PassThrough(), said)).toBe(true);
    expect(await confirmWrite({ ...foreign, ours: true }, false, new PassThrough(), said)).toBe(true);
  });

  it('npm run import prints the database before anything else', async () => {
    await freshGraph();
    const run = spawnSync('npx', ['tsx', 'scripts/import.ts', path.join(root, 'templates', 'examples', 'police-uk'),
      '--mapping', 'templates/examples/police-uk/places.mapping.json', '--mapping', 'templates/examples/police-uk/crimes.mapping.json'],
    { cwd: root, encoding: 'utf8', env: process.env });
    expect(run.stderr.split('\n')[0]).toMatch(/^Neo4j bolt:\/\/\S+, database "\S+" \(from NEO4J_URI\): [\d,]+ nodes, 0 relationships$/);
    expect(run.stdout).toMatch(/FALLBACK offenceType "Fraud and forgery" \(no translation\): 1 row/);
    expect(run.stdout).toMatch(/Dry run: nothing written/);
    expect(run.status).toBe(0);
  });
});
