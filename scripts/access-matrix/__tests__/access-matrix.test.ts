/**
 * One table: docs/access-matrix.md is what the table generates; every GraphQL operation and every
 * package.json script is in it; the client and the services name capabilities, never roles.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema } from '../../../server/graphql/schema';
import { CAPABILITIES, DEVELOPER_SCRIPTS, capabilityNames, type CapabilityRule } from '../../../server/platform/capabilities';
import { ROLE } from '../../../server/model/enums';
import { ACCESS_MATRIX_DOC, renderAccessMatrix } from '../render';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const rules = (): Array<[string, CapabilityRule]> => capabilityNames().map((c) => [c, CAPABILITIES[c]]);
const ROLE_LITERAL = new RegExp(`['"\`](${ROLE.join('|')})['"\`]`);

function sourceFiles(dir: string, ext = /\.ts$/): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === '__tests__' ? [] : sourceFiles(p, ext);
    return ext.test(d.name) ? [p] : [];
  });
}

const linesMatching = (files: string[], re: RegExp): string[] => files.flatMap((f) =>
  fs.readFileSync(f, 'utf8').split('\n').flatMap((line, i) => (re.test(line) ? [`${path.relative(ROOT, f)}:${i + 1}: ${line.trim()}`] : [])));

describe('docs/access-matrix.md', () => {
  it('is exactly what npm run access-matrix generates', () => {
    expect(fs.readFileSync(ACCESS_MATRIX_DOC, 'utf8')).toBe(renderAccessMatrix());
  });

  it('has one row per capability and one column per role', () => {
    const text = renderAccessMatrix();
    for (const c of capabilityNames()) expect(text).toContain(`| \`${c}\` |`);
    expect(text).toContain(`| capability | reached by | ${ROLE.join(' | ')} | justification | notes |`);
  });
});

describe('the capability table', () => {
  it('names every query and mutation of the schema, and nothing the schema lacks', () => {
    const schema = buildSchema();
    const fields = [
      ...Object.keys(schema.getQueryType()!.getFields()).map((f) => `Query.${f}`),
      ...Object.keys(schema.getMutationType()!.getFields()).map((f) => `Mutation.${f}`),
    ].sort();
    const named = [...new Set(rules().flatMap(([, r]) => r.reachedBy.match(/\b(Query|Mutation)\.\w+/g) ?? []))].sort();
    expect(named).toEqual(fields);
  });

  it('names every package.json script as a command or as developer tooling, not both', () => {
    const scripts = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>);
    const commands = rules().flatMap(([, r]) => r.reachedBy.match(/\bnpm (?:run )?[\w-]+/g) ?? []).map((c) => c.replace(/^npm (run )?/, ''));
    const dev: readonly string[] = DEVELOPER_SCRIPTS;
    expect(commands.filter((c) => dev.includes(c))).toEqual([]);
    expect(scripts.filter((s) => !commands.includes(s) && !dev.includes(s))).toEqual([]);
    expect([...commands, ...dev].filter((c) => !scripts.includes(c))).toEqual([]);
  });

  it('gives the restricted pack to police only, the partner edition to leads, and no pack to admin', () => {
    expect(CAPABILITIES['briefing:restricted'].roles).toEqual(['police']);
    expect(CAPABILITIES['briefing:partner'].roles).toEqual(['lead']);
    expect(rules().filter(([, r]) => r.kind === 'edition' && r.roles.includes('admin'))).toEqual([]);
  });
});

describe('no role hard-coded outside the policy', () => {
  it('the client names capabilities that exist and no role', () => {
    // The generated types spell out the SDL's Role enum: they are the schema, not client code.
    const files = [...sourceFiles(path.join(ROOT, 'client', 'src')).filter((f) => !f.includes(`${path.sep}generated${path.sep}`)), path.join(ROOT, 'client', 'index.html')];
    const asked = files.flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/\bcan\('([^']+)'\)|: '(briefing:[a-z]+)'/g)].map((m) => m[1] ?? m[2]));
    expect(asked.length).toBeGreaterThan(5);
    expect(asked.filter((c) => !(c in CAPABILITIES))).toEqual([]);
    expect(linesMatching(files, ROLE_LITERAL)).toEqual([]);
  });

  it('services ask for capabilities: no requireRole and no role compared outside the policy and the visibility rule', () => {
    const files = sourceFiles(path.join(ROOT, 'server')).filter((f) => !/server\/(platform\/(policy|capabilities|visibility)|model\/enums|auth\/demo-users)\.ts$/.test(f));
    expect(files.length).toBeGreaterThan(100);
    const roleRule = new RegExp(`requireRole|\\brole\\b.*${ROLE_LITERAL.source}|${ROLE_LITERAL.source}.*\\brole\\b`);
    expect(linesMatching(files, roleRule)).toEqual([]);
  });
});
