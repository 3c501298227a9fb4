/**
 * The differential leak test: nothing a role may not see changes anything it is told.
 *
 * The borough (tiny scale) is built as it is, and every demo user's answers to every probe are
 * recorded. It is then rebuilt with extra records around the same visible people and places,
 * each variant marked so that the roles it names may not see them, and the same probes are asked
 * again: every answer (ids, names, attributes, counts, error wording) must be the same, byte for
 * byte, apart from the access log's sequence numbers and the ids of newly saved investigations.
 *
 * Variants: records no data role may see (5x5x5 code 4 of an agency no user belongs to, a merged
 * duplicate, an erased person); police-only handling (3x5x2 C, 5x5x5 5) for the other roles;
 * another agency's unshared records for the partner; police intelligence for the lead.
 */
import { generate } from '../../../fixtures/generator';
import { load } from '../../../server/platform/bulk/loader';
import { storeBaseline } from '../../../server/modules/analytics';
import { confirmMerge } from '../../../server/modules/resolution/merge';
import { erasePerson } from '../../../server/modules/retention/erase';
import { systemActor } from '../../../server/modules/accesslog/access-log';
import type { LoadUnit } from '../../../server/model/types';
import { closeDriver, driver, freshGraph } from '../../support/db';
import { startApi, type TestApi } from '../client';
import { LOADED_AT } from '../harness';
import { anchorsOf, duplicateUnits, erasedPersonUnits, extraIds, extraUnits, type Marking } from './extras';
import { probesFor, QUARTER, type Probe } from './probes';
import { fuzzProbes } from './fuzz';
import { roleMay } from '../../../server/platform/policy';
import { DEMO_USERS } from '../../../server/auth/demo-users';

const USERS = ['ana.analyst', 'pat.police', 'lee.lead', 'pam.partner', 'adm.admin'] as const;
type User = (typeof USERS)[number];

const fixture = generate({ scale: 'tiny', seed: 2026 });
const anchors = anchorsOf(fixture);

interface Variant {
  name: string;
  users: readonly User[];
  marking: Marking;
  /** Extra people too (only where the marking can hide a person: handling does not apply to people). */
  people: boolean;
  /** Only raw intelligence (and its links) rather than every kind of record. */
  intelligenceOnly?: boolean;
  /** Product operations run on the rebuilt graph (merge, erase). */
  after?: () => Promise<void>;
  extraUnits?: LoadUnit[];
}

const duplicate = duplicateUnits(anchors.children[1], 'HEALTH');
const erased = erasedPersonUnits(anchors.children[2], anchors.places[0]);
const VARIANTS: Variant[] = [
  {
    name: 'code 4 of an agency no user belongs to, a merged duplicate and an erased person',
    users: USERS, marking: { source: 'HEALTH', handling: '4', gradingScheme: '5x5x5' }, people: false,
    extraUnits: [...duplicate.units, ...erased.units],
    after: async () => {
      const actor = systemActor('leak-test', driver());
      await confirmMerge(actor, { id: duplicate.pairId, keepId: anchors.children[1].id, justification: 'LEAK-TEST merge' });
      await erasePerson(actor, { personId: erased.personId, justification: 'LEAK-TEST erasure' });
    },
  },
  { name: 'police-only handling C', users: ['ana.analyst', 'lee.lead', 'pam.partner', 'adm.admin'], marking: { source: 'POLICE', handling: 'C' }, people: false },
  { name: 'police-only handling 5', users: ['ana.analyst', 'lee.lead', 'pam.partner'], marking: { source: 'SOCIAL_CARE', handling: '5', gradingScheme: '5x5x5' }, people: false },
  { name: 'another agency\'s unshared records', users: ['pam.partner'], marking: { source: 'HEALTH', handling: 'P', sharedWith: ['SOCIAL_CARE'] }, people: true },
  { name: 'police intelligence (and its links) seen by no lead', users: ['lee.lead'], marking: { source: 'POLICE', handling: 'P' }, people: false, intelligenceOnly: true },
];

const tagOf = (v: Variant) => `v${VARIANTS.indexOf(v)}`;
const COUNT = anchors.children.length;
const probeIds = [...VARIANTS.flatMap((v) => extraIds(tagOf(v), COUNT)), duplicate.dropId, erased.personId, `${erased.personId}-inc`];
const surnames = anchors.children.map((c) => c.name.split(' ').slice(-1)[0]);
const names = [...surnames, ...anchors.children.map((c) => c.name), 'Leaktest', 'Erasetest', 'Leakdup', ...probeIds.slice(0, 6), 'a', 'e'];

/** The access log's sequence numbers, and the clock a query defaults to when no date is given. */
const VOLATILE = new Set(['accessLogSeq', 'seq', 'asOf']);

/**
 * The answer as compared: the volatile keys dropped, and, for a role the access
 * matrix lets know that linked records exist which it may not see, the one hiddenByAccess bit
 * (that is what the bit is for). Everything else is kept as sent.
 */
function comparable(body: unknown, user: User): string {
  const mayKnow = roleMay(DEMO_USERS[user].role, 'exists:hidden-links');
  return JSON.stringify(body, (k, v) => (VOLATILE.has(k) || (k === 'hiddenByAccess' && mayKnow) ? undefined : v));
}

type Answers = Map<string, string>;
let api: TestApi;

async function build(extra: LoadUnit[], after?: () => Promise<void>): Promise<void> {
  await freshGraph();
  await load(driver(), [...fixture.units, ...extra], { now: LOADED_AT });
  await storeBaseline({ driver: driver() }, fixture.baseline);
  await after?.();
}

/** Random valid reads per role (LEAK_FUZZ sets how many; the first variant asks them too). */
const FUZZ = Number(process.env.LEAK_FUZZ ?? 1000);
const fuzzPools = { ids: [...anchors.children.map((c) => c.id), ...anchors.adults, ...anchors.places, ...probeIds], texts: names };
const fuzz = (user: User): Probe[] => fuzzProbes(DEMO_USERS[user].role, FUZZ, fuzzPools, 7 + USERS.indexOf(user));

/** Answers that are server faults: no probe, however odd its arguments, may cause one. */
const faults = new Map<User, string[]>();

/** The briefing edition each user may build (the capability table: restricted for police, partner for leads). */
const EDITION_OF: Partial<Record<User, 'RESTRICTED' | 'PARTNER'>> = { 'pat.police': 'RESTRICTED', 'lee.lead': 'PARTNER' };
const BRIEFING = 'mutation($input: BriefingInput!) { generateBriefing(input: $input) { quarter edition files { name mediaType content } } }';

/** A pack carries the day it was made and its review date (three months on): the same packs differ only there. */
function withoutToday(text: string): string {
  const today = new Date();
  const review = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 3, today.getUTCDate()));
  const long = (d: Date) => d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return [today, review].reduce((t, d) => t.split(d.toISOString().slice(0, 10)).join('DAY').split(long(d)).join('DAY'), text)
    .replace(/DAYT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'DAY');
}

/** Every probe, plus saving an investigation of every probed id and reading it back. */
async function answers(user: User, withFuzz: boolean): Promise<Answers> {
  const out: Answers = new Map();
  const probes: Probe[] = [...probesFor(anchors, probeIds, names), ...(withFuzz ? fuzz(user) : [])];
  for (const p of probes) {
    const r = await api.gql(user, p.query, p.variables, { justification: 'LEAK-TEST differential' });
    if (r.status >= 500 || r.body.errors?.some((e: { extensions?: { code?: string } }) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
      faults.set(user, [...(faults.get(user) ?? []), `${p.name}: ${r.status} ${JSON.stringify(r.body.errors?.[0]?.message ?? '')}`]);
    }
    out.set(p.name, `${r.status} ${comparable(r.body, user)}`);
  }
  const edition = EDITION_OF[user];
  if (edition) {
    const pack = await api.gql(user, BRIEFING, { input: { quarter: QUARTER, edition, formats: ['HTML', 'CSV'] } }, { justification: 'LEAK-TEST differential' });
    out.set(`Briefing ${edition}`, withoutToday(comparable(pack.body, user)));
  }
  const saved = await api.gql(user, 'mutation($input: InvestigationInput!) { saveInvestigation(input: $input) { id ids } }',
    { input: { name: 'Leak test', ids: [...anchors.children.map((c) => c.id), ...probeIds], state: { positions: Object.fromEntries(probeIds.map((id, i) => [id, { x: i, y: i }])) } } },
    { justification: 'LEAK-TEST differential' });
  out.set('Saved investigation', comparable(saved.body.data?.saveInvestigation?.ids ?? saved.body.errors, user));
  const id = saved.body.data?.saveInvestigation?.id;
  if (id) {
    const back = await api.gql(user, 'query($id: ID!) { investigation(id: $id) { name ids state } }', { id }, { justification: 'LEAK-TEST differential' });
    out.set('Investigation read back', comparable(back.body, user));
    const list = await api.gql(user, '{ investigations { name count } }', {}, { justification: 'LEAK-TEST differential' });
    out.set('Investigations listed', comparable(list.body, user));
  }
  return out;
}

/** Where two answers part: 120 characters either side of the first difference. */
function around(a: string, b: string): { before: string; after: string } {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 120);
  return { before: a.slice(from, i + 120), after: b.slice(from, i + 120) };
}

const differences = (a: Answers, b: Answers): Array<{ probe: string; before: string; after: string }> =>
  [...a.keys()].filter((k) => a.get(k) !== b.get(k)).map((k) => ({ probe: k, ...around(a.get(k)!, b.get(k) ?? '') }));

const plain = new Map<User, Answers>();

beforeAll(async () => {
  await build([]);
  api = await startApi();
  for (const u of USERS) plain.set(u, await answers(u, true));
}, 600_000);

afterAll(async () => {
  await api?.close();
  await closeDriver();
});

it('no probe or random read causes a server fault', () => {
  expect(Object.fromEntries([...faults].map(([u, f]) => [u, f.slice(0, 10)]))).toEqual({});
});

it('probes the records the variants attach to (the anchors are visible and busy)', () => {
  const analyst = plain.get('ana.analyst')!;
  expect(anchors.children).toHaveLength(5);
  for (const c of anchors.children) expect(analyst.get(`Profile ${c.id}`)).toMatch(/"node"/);
  expect([...analyst.keys()].length).toBeGreaterThan(50);
});

describe.each(VARIANTS)('with $name', (variant) => {
  const seen = new Map<User, Answers>();
  beforeAll(async () => {
    await build([...extraUnits(tagOf(variant), variant.marking, anchors, variant.people, variant.intelligenceOnly ? 'intelligence' : 'all'), ...(variant.extraUnits ?? [])], variant.after);
    for (const u of variant.users) seen.set(u, await answers(u, VARIANTS.indexOf(variant) === 0));
  }, 600_000);

  it.each([...variant.users])('%s is told exactly what it was told before', (user) => {
    const before = plain.get(user)!;
    const after = seen.get(user)!;
    // The variants without random reads compare the fixed probes only. Entity resolution's own
    // review of candidate pairs lists every pair and merge, ids and scores, to the roles that
    // resolve (the access matrix): a merge is their work, not a record hidden from them.
    const resolves = roleMay(DEMO_USERS[user].role, 'runEntityResolution');
    const asked = new Map([...before].filter(([k]) => after.has(k) && !(resolves && variant.extraUnits && /sameAsCandidates|Same-as/.test(k))));
    expect(differences(asked, after)).toEqual([]);
  });
});
