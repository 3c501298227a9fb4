/**
 * The briefing pack on the planted synthetic borough (tiny scale), against the real Neo4j:
 * figures equal independent Cypher over the raw data; the partner edition names no child, shows
 * no count 0–4, and an attacker solving every published sum cannot pin any "c"; the PDF opens,
 * has the sections and marking on every page, and its pages render.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshGraph, closeDriver, driver } from '../../../../tests/support/db';
import { load } from '../../../platform/bulk/loader';
import { generate } from '../../../../fixtures/generator';
import { storeBaseline, notYetReferred, youngAdults } from '../../analytics';
import { buildBriefing, BriefingResult, DisclosureAuditError } from '..';
import type { PackRecord } from '../history';
import { attack, pinned, SUPPRESSED } from '../disclosure';
import { tableEntries } from './support/entries';
import { checkLanguage } from '../../../language';
import type { PackTable } from '../tables';
import { EXPLOITATION_ORDER, label } from '../labels';
import { DISRUPTION_TACTIC } from '../../../model/enums';
import { packViewer } from '../../../platform/visibility';
import { readBorough } from '../../../platform/borough';
import { outcomesTruth } from '../../analytics/__tests__/support/outcomes-truth';
import type { Fixture } from '../../../../fixtures/generator';

const Q = '2025-Q3';
const FROM = '2025-07-01T00:00:00Z';
const TO = '2025-10-01T00:00:00Z';
const HIDDEN = ['C', '5', '4'];
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-test-'));
let partner: BriefingResult;
let restricted: BriefingResult;
let analystEdition: BriefingResult;
let fixture: Fixture;

const source = () => ({ driver: driver() });
const table = (r: BriefingResult, id: string): PackTable => r.publishedTables.find((t) => t.id === id)!;
const rowValue = (t: PackTable, row: string, col = 0) => t.cells[t.rows.indexOf(row)][col];
const read = (r: BriefingResult, kind: string) => r.files.filter((f) => f.kind === kind).map((f) => fs.readFileSync(f.path, 'utf8')).join('\n');
const scalar = async (cypher: string, params: Record<string, unknown> = {}): Promise<number> =>
  (await driver().executeQuery(cypher, { from: FROM, to: TO, hidden: HIDDEN, ...params })).records[0].get(0) as number;
const inQuarter = (v: string) => `${v}.occurredAt >= datetime($from) AND ${v}.occurredAt < datetime($to) AND NOT coalesce(${v}.handling, '') IN $hidden`;

beforeAll(async () => {
  await freshGraph();
  fixture = generate({ scale: 'tiny', seed: 7 });
  await load(driver(), fixture.units);
  await storeBaseline(source(), fixture.baseline);
  const createdAt = '2025-10-20T09:00:00Z';
  partner = await buildBriefing(source(), { quarter: Q, edition: 'partner', author: { name: 'Lee Lead', role: 'lead' }, createdAt }, path.join(out, 'p'));
  restricted = await buildBriefing(source(), { quarter: Q, edition: 'restricted', author: { name: 'Lee Lead', role: 'lead' }, createdAt, formats: ['html', 'csv'] }, path.join(out, 'r'));
  analystEdition = await buildBriefing(source(), { quarter: Q, edition: 'restricted', author: { name: 'Ana Analyst', role: 'analyst' }, createdAt, formats: ['html'] }, path.join(out, 'a'));
}, 300_000);
afterAll(async () => { await closeDriver(); fs.rmSync(out, { recursive: true, force: true }); });

describe('a quarter with no records', () => {
  it('makes no trend judgement from series with nothing in them', async () => {
    const empty = await buildBriefing(source(), { quarter: '2015-Q1', edition: 'partner', author: { name: 'Lee Lead', role: 'lead' }, formats: ['html'] }, path.join(out, 'empty'));
    const html = read(empty, 'html');
    expect(html).toContain('id="key-judgements"');
    expect(html).not.toMatch(/rather than varying by chance/);
    // The same wording does appear where there is data (the test can fail).
    expect(read(restricted, 'html')).toMatch(/rather than varying by chance/);
  });
});

describe('figures equal the raw data (restricted edition, independent Cypher)', () => {
  it('missing episodes and the children in them', async () => {
    const t = table(restricted, 'missing');
    expect(rowValue(t, 'Missing episodes')).toBe(await scalar(`MATCH (m:MissingEpisode) WHERE ${inQuarter('m')} AND m.status <> 'expired' RETURN count(m)`));
    expect(rowValue(t, 'Children missing')).toBe(await scalar(`MATCH (m:MissingEpisode)-[:INVOLVED]->(p:YoungPerson) WHERE ${inQuarter('m')} AND m.status <> 'expired' RETURN count(DISTINCT p)`));
    expect(rowValue(t, 'Episodes found out of borough')).toBe(await scalar(`MATCH (m:MissingEpisode) WHERE ${inQuarter('m')} AND m.status <> 'expired' AND m.foundOutOfBorough RETURN count(m)`));
  });

  it('children at risk: latest assessment in the quarter above "none"', async () => {
    const expected = await scalar(`MATCH (ra:RiskAssessment)-[:ABOUT|INVOLVED]-(p:YoungPerson) WHERE ${inQuarter('ra')} AND ra.status <> 'expired'
      WITH p, ra ORDER BY ra.occurredAt DESC, ra.id DESC WITH p, collect(ra)[0] AS latest WHERE latest.riskLevel <> 'none' RETURN count(p)`);
    expect(expected).toBeGreaterThan(0);
    expect(table(restricted, 'children-at-risk').grandTotal).toBe(expected);
    // Every demographic table adds up to the same 10–17 cohort.
    const cohorts = ['ageBand', 'sex', 'ethnicity', 'sen', 'careStatus', 'faith', 'immigrationStatus', 'firstLanguage'].map((d) => table(restricted, `demographics-${d}`).colTotals![0]);
    expect(new Set(cohorts).size).toBe(1);
    // Neurodiversity: a child may be in more than one row, so the table prints no total.
    expect(table(restricted, 'demographics-neurodiversity').colTotals).toBeUndefined();
  });

  it('young adults 18–25: the table is the analytic\'s counts, as the edition\'s reader sees them', async () => {
    const t = table(restricted, 'young-adults');
    const r = await youngAdults({ driver: driver(), viewer: packViewer('restricted') }, { quarter: Q });
    expect(t.cells).toEqual(r.byBand.map((b) => [b.youngAdults, b.knownAsChildAtRisk, b.referredToAdultsAtRiskPanel, b.knownAsChildAtRiskNotReferred, b.personsOfConcern, b.harmedAsVictim]));
    expect(t.colTotals![0]).toBe(r.total.youngAdults);
    expect(read(partner, 'html')).toContain('Young adults (18–25): transitional safeguarding');
  });

  it('strategy measures: support, take-up and CEAM change for this quarter, last quarter and a year ago equal the planted truth', () => {
    const t = table(restricted, 'strategy-measures');
    expect(t.cols).toEqual(['2025-Q3', '2025-Q2', '2024-Q3']);
    t.cols.forEach((quarter, c) => {
      const truth = outcomesTruth(fixture, quarter);
      expect({
        atRisk: rowValue(t, 'Children at risk', c), withOffer: rowValue(t, 'Children at risk with a support offer in the year', c),
        offered: rowValue(t, 'Children offered support', c), accepted: rowValue(t, 'Children who accepted support', c),
        compared: rowValue(t, 'Children assessed before and after support', c), lower: rowValue(t, '… of them with a lower CEAM score', c),
      }).toEqual({
        atRisk: truth.childrenAtRisk, withOffer: truth.atRiskWithOffer, offered: truth.offered, accepted: truth.accepted,
        compared: truth.ceamCompared, lower: truth.ceamImproved,
      });
    });
    // The summary repeats the detail tables' figures: one quantity, one value.
    const takeUp = table(restricted, 'support-take-up');
    expect(takeUp.rowTotals![takeUp.rows.indexOf('2025-Q3')]).toBe(rowValue(t, 'Children offered support', 0));
    expect(read(partner, 'html')).toContain('What difference we make: support and outcomes');
  });

  it('NRM referrals, disruption actions and persons of concern', async () => {
    expect(table(restricted, 'nrm').grandTotal).toBe(await scalar(`MATCH (r:Referral {referralType: 'NRM'}) WHERE ${inQuarter('r')} AND r.status <> 'expired' RETURN count(r)`));
    expect(table(restricted, 'disruption').colTotals![0]).toBe(await scalar(`MATCH (d:DisruptionAction) WHERE ${inQuarter('d')} AND d.status <> 'expired' RETURN count(d)`));
    expect(rowValue(table(restricted, 'persons-of-concern'), 'Persons of concern on record')).toBe(await scalar('MATCH (p:PersonOfConcern) RETURN count(p)'));
  });

  it('tables whose rows are codes list every code of the vocabulary, whatever the counts', () => {
    const types = EXPLOITATION_ORDER.map((t) => label('exploitation', t));
    const tactics = Object.values(DISRUPTION_TACTIC);
    for (const r of [restricted, partner]) {
      expect(table(r, 'nrm').cols).toEqual(types);
      expect(table(r, 'children-at-risk').rows.slice(0, types.length)).toEqual(types);
      expect(table(r, 'disruption').rows.slice(0, tactics.length)).toEqual(tactics);
    }
  });

  it('the partner edition lists only the interview factors whose count it prints', () => {
    const factors = (r: BriefingResult) => {
      const t = table(r, 'rhi-factors');
      return t.rows.flatMap((row, i) => (/^(Push|Pull): /.test(row) ? [t.cells[i][0]] : []));
    };
    // Free-text factors recorded in 1–4 interviews exist, and the restricted edition lists them.
    expect(factors(restricted).filter((v) => typeof v === 'number' && v <= 4).length).toBeGreaterThan(0);
    expect(factors(partner).length).toBeLessThan(factors(restricted).length);
    expect(factors(partner).filter((v) => typeof v !== 'number' || v < 5)).toEqual([]);
  });

  it('children not yet referred: all of them, as the analytics service counts them', async () => {
    const service = await notYetReferred({ driver: driver(), viewer: packViewer('partner') }, { quarter: Q, limit: 500 });
    expect(service.items.length).toBeLessThan(500);
    expect(table(restricted, 'not-yet-referred').cells[0][0]).toBe(service.items.length);
  });

  it('county lines: linked young people per line', async () => {
    const t = table(restricted, 'county-lines');
    const { records } = await driver().executeQuery(`MATCH (l:CountyLine) OPTIONAL MATCH (l)<-[r:LINKED_TO_LINE]-(p:YoungPerson)
      WHERE NOT p:PersonOfConcern AND r.status <> 'expired' AND NOT r.handling IN $hidden RETURN l.id AS id, count(DISTINCT p) AS n ORDER BY id`, { hidden: HIDDEN });
    expect(t.cells.map((r) => r[0])).toEqual(records.map((r) => r.get('n')));
  });
});

describe('partner edition: disclosure control', () => {
  it('names no child and shows no child id, in HTML, PDF text and CSV', async () => {
    const { records } = await driver().executeQuery('MATCH (p:YoungPerson) RETURN p.id AS id, p.name AS name');
    const pdfText = execFileSync('pdftotext', [partner.files.find((f) => f.kind === 'pdf')!.path, '-'], { encoding: 'utf8' });
    const text = `${read(partner, 'html')}\n${read(partner, 'csv')}\n${pdfText}`;
    const leaks = records.flatMap((r) => [r.get('id') as string, r.get('name') as string]).filter((s) => text.includes(s));
    expect(leaks).toEqual([]);
    // The check can fail: the analyst's restricted edition does name children.
    const named = records.filter((r) => read(analystEdition, 'html').includes(r.get('name') as string));
    expect(named.length).toBeGreaterThan(0);
    // A lead's restricted edition uses pseudonyms, never names.
    expect(records.filter((r) => read(restricted, 'html').includes(r.get('name') as string))).toEqual([]);
    expect(read(restricted, 'html')).toMatch(/Person [0-9A-F]{8}/);
  });

  it('no published count about people is 0–4, and some cells are suppressed', () => {
    // Counts of county lines are published as counted, here and where another table repeats them.
    const notAboutPeople = new Set(partner.publishedTables.filter((t) => t.notAboutPeople).flatMap(tableEntries).map(([k]) => k));
    expect(notAboutPeople.size).toBeGreaterThan(0);
    const entries = partner.publishedTables.flatMap(tableEntries).filter(([k]) => !notAboutPeople.has(k)).map(([, v]) => v);
    expect(entries.filter((v) => typeof v === 'number' && v <= 4)).toEqual([]);
    expect(entries.filter((v) => v === SUPPRESSED).length).toBeGreaterThan(5);
    // The restricted edition prints the zeros the partner edition hides.
    expect(restricted.publishedTables.flatMap(tableEntries).map(([, v]) => v)).toContain(0);
  });

  it('an attacker solving all published sums together cannot pin any suppressed count', () => {
    const intervals = attack(partner.publishedTables);
    expect(intervals.length).toBeGreaterThan(5);
    expect(pinned(partner.publishedTables)).toEqual([]);
    // The same attacker does pin cells in the uncontrolled tables if we hide only the small ones.
    const small = <T>(v: T) => (typeof v === 'number' && v >= 1 && v <= 4 ? SUPPRESSED : v);
    const naive = restricted.publishedTables.map((t) => ({
      ...t, cells: t.cells.map((r) => r.map(small)), rowTotals: t.rowTotals?.map(small), colTotals: t.colTotals?.map(small),
      grandTotal: t.grandTotal === undefined ? undefined : small(t.grandTotal),
    }));
    expect(pinned(naive).length).toBeGreaterThan(0);
  });

  it('no rate or RRI over fewer than 10 children', () => {
    for (const dim of ['ageBand', 'sex', 'ethnicity', 'sen', 'careStatus', 'faith', 'firstLanguage']) {
      const t = table(partner, `demographics-${dim}`);
      const rri = t.extra.find((e) => e.header === 'RRI')!;
      t.cells.forEach((row, i) => {
        if (row[0] === SUPPRESSED || (row[0] as number) < 10) expect(['c', '0', '–']).toContain(rri.values[i]);
      });
    }
  });
});

describe('the series audit gates the release of a partner pack', () => {
  it('a statistic an earlier pack printed over a count this pack hides: the pack is refused, naming it, and nothing is written', async () => {
    const hidden = partner.publishedTables.flatMap((t) => t.cells.flatMap((row, r) => row.flatMap((v, c) => (v === SUPPRESSED ? [t.keys.cells[r][c]] : []))))
      .find((k) => k.startsWith(`${Q}|`))!;
    expect(hidden).toBeDefined();
    const historyDir = path.join(out, 'gate-history');
    fs.mkdirSync(historyDir, { recursive: true });
    const earlier: PackRecord = {
      quarter: '2025-Q2', createdAt: '2025-07-20T09:00:00Z', tables: [], revisions: [],
      statements: [{ kind: 'poisson-z', x: hidden, earlier: [10, 12, 11, 13], statistic: -2.5, digits: 2 }],
    };
    fs.writeFileSync(path.join(historyDir, 'partner-2025-Q2.json'), JSON.stringify(earlier));
    const dir = path.join(out, 'gate');
    const error = await buildBriefing(source(), { quarter: Q, edition: 'partner', author: { name: 'Lee Lead', role: 'lead' }, formats: ['html'], historyDir }, dir)
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(DisclosureAuditError);
    expect((error as DisclosureAuditError).problems).toEqual([`the statistic -2.5 is printed over "${hidden}" and its earlier quarters, one of them hidden`]);
    expect((error as Error).message).toMatch(/^disclosure audit: the partner pack is not released/);
    expect(fs.existsSync(dir)).toBe(false);
    expect(fs.readdirSync(historyDir)).toEqual(['partner-2025-Q2.json']);
  });

  it('the packs that pass are audited: the partner build records the audit\'s time', () => {
    expect(partner.timings.audit).toBeGreaterThanOrEqual(0);
    expect(restricted.timings.audit).toBeUndefined();
  });
});

describe('the borough is configuration', () => {
  it('the shipped synthetic borough: its name, that it is synthetic, and the national comparison with its source', () => {
    const html = read(partner, 'html');
    expect(html).toContain('<h1>Quarterly exploitation intelligence briefing: Testbridge (synthetic)</h1>');
    expect(html).toContain('All records in this pack come from the synthetic Testbridge borough');
    // The comparison needs 10 completed interviews (the unit tests cover both sides).
    const rhi = table(restricted, 'return-interviews');
    const completed = (rowValue(rhi, 'Completed within 72 h') as number) + (rowValue(rhi, 'Completed after 72 h') as number);
    const compared = new RegExp(`Of ${completed} return home interviews completed, \\d+% were completed within 72 hours, against 63% nationally \\(Missing People, [^)]+, 2023-24\\)`);
    if (completed >= 10) expect(read(restricted, 'html')).toMatch(compared);
    else expect(read(restricted, 'html')).not.toMatch(/nationally/);
  });

  it('another borough file changes the pack, not the code: no comparator means no comparison', async () => {
    const elsewhere = await buildBriefing(source(), {
      quarter: Q, edition: 'restricted', author: { name: 'Lee Lead', role: 'lead' }, createdAt: '2025-10-20T09:00:00Z', formats: ['html'],
      borough: {
        name: 'Elsewhere', synthetic: false, comparators: { returnInterviewsCompletedWithin72Hours: null }, wards: [], file: 'elsewhere.json',
        priorities: [{ title: 'Safer streets after school', aim: 'Fewer children harmed between school and home.', measures: ['Disruption actions about places'], sections: ['places'] }],
      },
    }, path.join(out, 'elsewhere'));
    const html = read(elsewhere, 'html');
    expect(html).toContain('<h2>Priority 1: Safer streets after school</h2>');
    expect(html).not.toContain('Priority 2:');
    expect(html).toContain('<h1>Quarterly exploitation intelligence briefing: Elsewhere</h1>');
    expect(html).not.toContain('no real person is described');
    expect(html).not.toMatch(/nationally|63%/);
    expect(html).toContain('No national figure for return home interviews is configured');
    expect(html).not.toContain('less often than nationally');
  });

  it('gives each strategic priority of the borough file a section with its measures exactly as published', () => {
    const { priorities } = readBorough(path.resolve(__dirname, '..', '..', '..', '..', 'config', 'borough.json'));
    expect(priorities.length).toBeGreaterThan(2);
    for (const r of [partner, restricted]) {
      const html = read(r, 'html');
      const strategy = table(r, 'strategy-measures');
      priorities.forEach((p, i) => {
        const start = html.indexOf(`<section id="priority-${i + 1}"`);
        expect(start).toBeGreaterThan(html.indexOf('id="what-changed"'));
        expect(start).toBeLessThan(html.indexOf('id="scale-and-trend"'));
        const section = html.slice(start, html.indexOf('</section>', start));
        expect(section).toContain(`Priority ${i + 1}: ${p.title}`);
        for (const m of p.measures) {
          const printed = [...section.matchAll(new RegExp(`<tr><td>${m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</td>(.*?)</tr>`, 'g'))].map((x) => [...x[1].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]));
          expect(printed).toEqual([strategy.cells[strategy.rows.indexOf(m)].map((v) => (v === SUPPRESSED ? 'c' : v.toLocaleString('en-GB')))]);
        }
        for (const id of p.sections) expect(section).toContain(`href="#${id}"`);
      });
    }
  });

  it('says nothing it does not record, and prints acronyms as acronyms', () => {
    for (const r of [partner, restricted]) {
      const html = read(r, 'html');
      expect(html).not.toMatch(/independent return/i);
      expect(html).not.toMatch(/\bmace\b/);
      // No paragraph says the same clause twice.
      const paragraphs = [...html.matchAll(/<(?:p|li)>([^<]*)<\/(?:p|li)>/g)].map((m) => m[1]);
      expect(paragraphs.length).toBeGreaterThan(20);
      for (const text of paragraphs) {
        const clauses = text.toLowerCase().split(/[.;,:] /).map((c) => c.trim()).filter((c) => c.length > 10);
        expect([text, new Set(clauses).size]).toEqual([text, clauses.length]);
      }
    }
  });
});

describe('the documents', () => {
  it('HTML is self-contained and its text passes the language check', () => {
    const html = read(partner, 'html');
    // Links within the document (#section) load nothing; any other reference would.
    expect(html).not.toMatch(/<script|<link|<img|src=|href=(?!"#[a-z0-9-]+")|@import|url\(/i);
    expect(html.replace(/http:\/\/www\.w3\.org\/2000\/svg/g, '')).not.toMatch(/https?:\/\//);
    const text = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');
    expect(checkLanguage(text)).toEqual([]);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(4);
  });

  it('every generated text of both editions (HTML and CSV tables) passes the language check', () => {
    const textOf = (html: string): string => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');
    for (const [edition, r] of [['partner', partner], ['restricted', restricted], ['analyst', analystEdition]] as const) {
      const findings = [...checkLanguage(textOf(read(r, 'html'))), ...checkLanguage(read(r, 'csv').replace(/[",]/g, ' '))];
      expect([edition, findings]).toEqual([edition, []]);
    }
    expect(read(restricted, 'csv').length).toBeGreaterThan(100);
  });

  it('the PDF opens, has the sections, carries marking/period/author/dates on every page, and renders', () => {
    const pdf = partner.files.find((f) => f.kind === 'pdf')!.path;
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBeGreaterThan(3);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const s of ['Key judgements', 'What changed since last quarter', 'Scale and trend', 'Demographics against the borough population',
      'Missing episodes and return home interviews', 'Critical moments', 'Places: hotspots', 'Peer groups and networks', 'Persons of concern',
      'Young adults (18–25): transitional safeguarding', 'County lines', 'National Referral Mechanism', 'Disruption activity', 'Data limitations', 'Probability yardstick']) expect(text).toContain(s);
    const perPage = text.split('\f').filter((p) => p.trim());
    expect(perPage).toHaveLength(pages);
    for (const p of perPage) {
      expect(p).toContain('OFFICIAL-SENSITIVE');
      expect(p).toContain('2025-Q3');
      expect(p).toContain('Lee Lead');
      expect(p).toContain('Created 20 October 2025');
      expect(p).toContain('Review by 20 January 2026');
    }
    const png = path.join(out, 'page');
    execFileSync('pdftoppm', ['-r', '30', '-png', pdf, png]);
    const rendered = fs.readdirSync(out).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(rendered).toHaveLength(pages);
    for (const f of rendered) expect(fs.statSync(path.join(out, f)).size).toBeGreaterThan(2000);
  });

  it('the running header and footer sit in the page margins, never over the content', () => {
    const pdf = partner.files.find((f) => f.kind === 'pdf')!.path;
    const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    const pages = bbox.split('<page ').slice(1);
    expect(pages.length).toBeGreaterThan(3);
    const MARGIN = (18 / 25.4) * 72; // 18 mm in points
    for (const [i, p] of pages.entries()) {
      const height = Number(/height="([\d.]+)"/.exec(p)![1]);
      const words = [...p.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
        .map((m) => ({ top: Number(m[1]), bottom: Number(m[2]), text: m[3] }));
      const header = words.filter((w) => w.bottom <= MARGIN);
      const footer = words.filter((w) => w.top >= height - MARGIN);
      const body = words.filter((w) => !header.includes(w) && !footer.includes(w));
      expect([i, header.map((w) => w.text).join(' ')]).toEqual([i, expect.stringMatching(/^OFFICIAL-SENSITIVE Quarterly exploitation intelligence briefing: .* partner edition$/)]);
      expect([i, footer.map((w) => w.text).join(' ')]).toEqual([i, expect.stringMatching(/^OFFICIAL-SENSITIVE Author Lee Lead .* Page \d+ of \d+$/)]);
      // Nothing straddles a margin: the body lies wholly inside it.
      expect([i, body.filter((w) => w.top < MARGIN || w.bottom > height - MARGIN)]).toEqual([i, []]);
    }
  });

  it('one CSV per table, with the marking line and the published values', () => {
    const csvs = partner.files.filter((f) => f.kind === 'csv');
    expect(csvs.map((f) => path.basename(f.name, '.csv')).sort()).toEqual([...partner.tables].sort());
    const nrm = fs.readFileSync(csvs.find((f) => f.name.endsWith('/nrm.csv'))!.path, 'utf8').trim().split('\r\n');
    expect(nrm[0]).toMatch(/^OFFICIAL-SENSITIVE,/);
    const t = table(partner, 'nrm');
    expect(nrm.at(-1)).toBe(['Total', ...t.colTotals!, t.grandTotal].join(','));
  });

  it('bad options are refused naming the field, before anything is written', async () => {
    await expect(buildBriefing(source(), { quarter: '2025-Q5', edition: 'partner', author: { name: 'x', role: 'lead' } }, path.join(out, 'bad')))
      .rejects.toThrow(/quarter/);
    await expect(buildBriefing(source(), { quarter: Q, edition: 'public' as never, author: { name: 'x', role: 'lead' } }, path.join(out, 'bad')))
      .rejects.toThrow(/edition/);
    expect(fs.existsSync(path.join(out, 'bad'))).toBe(false);
  });
});
