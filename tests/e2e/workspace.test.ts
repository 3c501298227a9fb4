/**
 * The analyst workspace end to end: real Chromium, the real API on 127.0.0.1 and the real Neo4j
 * loaded with the synthetic `tiny` borough. Screenshots go to test-artifacts/e2e/.
 */
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, launchBrowser, signIn, shot, canvasState, loadFixture, justify, axeViolations, reopenDeepLink } from './support/harness';
import { searchAndAdd, expandSelected, nodeName, hiddenCount, settled } from './support/flows';
import { closeDriver, driver } from '../support/db';
import { load } from '../../server/platform/bulk/loader';
import type { Fixture } from '../../fixtures/generator';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: { context: BrowserContext; close(): Promise<void> };
let fixture: Fixture;
let hotspot: string;

beforeAll(async () => {
  fixture = await loadFixture('tiny');
  hotspot = fixture.groundTruth.hotspotPlaceIds[0];
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await closeDriver();
});

const cyEval = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(() => { const cy = window.__cy; ${fn} })()`) as Promise<T>;

// Each test has a page of its own, signed in afresh, so no test depends on what another left on the map.
describe('analyst workspace (real browser, real API, real Neo4j)', () => {
  let page: Page;
  beforeEach(async () => { page = await signIn(browser.context, server.url, 'ana.analyst'); });
  afterEach(async () => { await page?.close(); });

  it('searches with suggestions, lists results, puts a place on the map and expands it', async () => {
    await searchAndAdd(page, nodeName(fixture, hotspot).split(' ')[0], hotspot);
    expect((await canvasState(page)).nodes).toEqual([hotspot]);
    await expandSelected(page, hotspot);
    const s = await canvasState(page);
    expect(s.nodes.length).toBeGreaterThan(5);
    expect(s.visibleEdges).toBeGreaterThan(0);
    // Every event drawn here happened at the place: the API's AT links are on the canvas.
    const atLinks = await cyEval<number>(page, `return cy.edges('[type = "AT"]').filter((e) => e.target().id() === '${hotspot}').length;`);
    expect(atLinks).toBeGreaterThan(3);
    await shot(page, '10-expanded-hotspot');
  });
});

describe('analyst workspace on the map of an expanded hotspot', () => {
  let page: Page;
  beforeEach(async () => {
    page = await signIn(browser.context, server.url, 'ana.analyst');
    await searchAndAdd(page, nodeName(fixture, hotspot).split(' ')[0], hotspot);
    await expandSelected(page, hotspot);
  });
  afterEach(async () => { await page?.close(); });

  it('shows the detail panel: an event with provenance and grading, a person with profile, flags and timeline', async () => {
    const tap = (id: string) => page.evaluate((nid) => { const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy; cy.getElementById(nid).emit('tap'); }, id);
    await tap(await cyEval<string>(page, `return cy.nodes('.event').first().id();`));
    await page.waitForFunction(() => /Provenance and grading/.test(document.querySelector('#detail')?.textContent ?? ''));
    expect(await page.textContent('#detail')).toMatch(/Grading\s*3x5x2|Grading\s*5x5x5/);
    // Double-click an incident to bring in the people involved.
    const incident = await cyEval<string>(page, `return cy.nodes('.event[kind = "Incident"]').first().id();`);
    await page.evaluate((id) => { const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy; cy.zoom(1.5); cy.center(cy.getElementById(id)); }, incident);
    const pos = await page.evaluate((id) => { const p = (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).renderedPosition(); return { x: p.x, y: p.y }; }, incident);
    await page.dblclick('#cy', { position: pos });
    await page.waitForFunction((id) => (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).hasClass('expanded'), incident, { timeout: 30000 });
    await settled(page);
    const personId = await cyEval<string>(page, `return cy.nodes('.child, .poc, .young-adult, .person').first().id();`);
    expect(personId).toBeTruthy();
    await tap(personId);
    await page.waitForFunction(() => /Timeline \(\d+\)/.test(document.querySelector('#detail')?.textContent ?? ''), undefined, { timeout: 15000 });
    const text = await page.textContent('#detail');
    expect(text).toMatch(/Flags/);
    expect(text).toMatch(/review by/);
    expect(text).toMatch(/Is child\s*(Yes|No)/); // words, not true/false
    await shot(page, '11-detail-panel');
  });

  it('collapses, undoes, hides and shows the "n hidden" indicator', async () => {
    const expanded = (await canvasState(page)).nodes.length;
    await page.evaluate((id) => { const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy; cy.elements().unselect(); cy.getElementById(id).select(); }, hotspot);
    await page.click('#btn-collapse');
    expect((await canvasState(page)).nodes).toEqual([hotspot]);
    await page.click('#btn-undo');
    expect((await canvasState(page)).nodes.length).toBe(expanded);
    const before = await hiddenCount(page);
    const victim = await cyEval<string>(page, `return cy.nodes('.event').first().id();`);
    await page.evaluate((id) => { const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy; cy.elements().unselect(); cy.getElementById(id).select(); }, victim);
    await page.focus('#cy');
    await page.keyboard.press('h');
    expect(await hiddenCount(page)).toBe(before + 1);
    expect(await page.textContent('#hidden-indicator')).toContain('1 hidden by you');
    await page.click('#btn-show-all');
    expect(await hiddenCount(page)).toBe(before);
  });

  it('filters the canvas by the time window: only events inside the window stay visible', async () => {
    const all = (await canvasState(page)).visibleNodes;
    // Window: months 6..8 (April–June 2025).
    await page.evaluate(() => {
      const f = document.querySelector('#time-from') as HTMLInputElement;
      const t = document.querySelector('#time-to') as HTMLInputElement;
      t.value = '8'; t.dispatchEvent(new Event('input'));
      f.value = '6'; f.dispatchEvent(new Event('input'));
    });
    expect(await page.textContent('#time-label')).toContain('Apr 2025');
    const outside = await cyEval<number>(page, `return cy.nodes('.event').filter((n) => n.style('display') !== 'none').filter((n) => { const d = String(n.data('time')).slice(0, 10); return d < '2025-04-01' || d > '2025-06-30'; }).length;`);
    expect(outside).toBe(0);
    const visible = (await canvasState(page)).visibleNodes;
    expect(visible).toBeLessThan(all);
    expect(await hiddenCount(page)).toBeGreaterThan(0);
    await shot(page, '12-time-window');
    // Playback moves the window forward.
    await page.click('#btn-play');
    await page.waitForFunction(() => (document.querySelector('#time-from') as HTMLInputElement).value !== '0', undefined, { timeout: 5000 });
    await page.click('#btn-play');
    await page.evaluate(() => {
      const f = document.querySelector('#time-from') as HTMLInputElement;
      const t = document.querySelector('#time-to') as HTMLInputElement;
      f.value = '0'; f.dispatchEvent(new Event('input'));
      t.value = '23'; t.dispatchEvent(new Event('input'));
    });
    expect((await canvasState(page)).visibleNodes).toBe(all);
  });

  it('filters by relationship type and hypotheses', async () => {
    // Drawn AT links (display from the computed style; polled because Cytoscape restyles on its next tick).
    const drawnAt = (want: 'none' | 'some') => page.waitForFunction((w) => {
      const n = (window as unknown as { __cy: import('cytoscape').Core }).__cy.edges('[type = "AT"]').filter((e) => e.style('display') !== 'none').length;
      return w === 'none' ? n === 0 : n > 0;
    }, want, { timeout: 5000 }).then(() => true, () => false);
    await page.click('#filters summary:has-text("Relationships")');
    await page.uncheck('#rel-AT');
    expect(await drawnAt('none')).toBe(true);
    await page.check('#rel-AT');
    expect(await drawnAt('some')).toBe(true);
    // Hiding hypotheses leaves only confirmed (or expired) links drawn.
    await page.uncheck('#filter-hypotheses');
    const hyp = await page.waitForFunction(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.edges('[status = "hypothesis"]').filter((e) => e.style('display') !== 'none').length === 0, undefined, { timeout: 5000 }).then(() => true, () => false);
    expect(hyp).toBe(true);
    await page.check('#filter-hypotheses');
  });

  it('changes layout (concentric, grid, geographic) without losing elements', async () => {
    const n = (await canvasState(page)).nodes.length;
    for (const layout of ['concentric', 'grid', 'geo', 'fcose']) {
      await page.selectOption('#layout-select', layout);
      await page.waitForTimeout(600);
      expect((await canvasState(page)).nodes.length).toBe(n);
      if (layout === 'geo') {
        // The borough's wards are drawn under the map, lined up with the places: the hotspot lies in its own ward.
        const hotspotWard = (fixture.units.find((u) => u.kind === 'node' && u.label === 'Location')!.rows as { id: string; ward: string }[]).find((r) => r.id === hotspot)!.ward;
        const wardsHolding = await cyEval<{ wards: number; holding: string[] }>(page, `
          const svg = document.querySelector('#cy svg.wards');
          if (!svg || svg.hasAttribute('hidden')) return { wards: 0, holding: [] };
          const p = cy.getElementById('${hotspot}').position();
          const paths = [...svg.querySelectorAll('path.ward')];
          return { wards: paths.length, holding: paths.filter((e) => e.isPointInFill(new DOMPoint(p.x, p.y))).map((e) => e.nextElementSibling.textContent) };`);
        expect(wardsHolding).toEqual({ wards: 20, holding: [hotspotWard] });
        await shot(page, '13-geographic');
        // No two nodes, names included, on top of each other (the real browser measures the labels).
        const overlaps = await cyEval<string[]>(page, `
          const boxes = cy.nodes(':visible').map((n) => ({ id: n.data('name'), b: n.boundingBox({ includeLabels: true, includeOverlays: false }) }));
          const out = [];
          for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
            const a = boxes[i].b, b = boxes[j].b;
            if (Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 1 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 1) out.push(boxes[i].id + ' / ' + boxes[j].id);
          }
          return out;`);
        expect(overlaps).toEqual([]);
      } else {
        expect(await page.isVisible('#cy svg.wards')).toBe(false);
      }
    }
  });

  it('exports a real PNG, logged as a disclosure before the file is made', async () => {
    const { records: before } = await driver().executeQuery("MATCH (e:AccessLogEntry {operation: 'disclosure'}) RETURN count(e) AS n");
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-export-png')]);
    const file = await download.path();
    const bytes = fs.readFileSync(file!);
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(bytes.length).toBeGreaterThan(10000);
    fs.copyFileSync(file!, `${require('./support/harness').ARTIFACTS}/14-export.png`);
    const { records: after } = await driver().executeQuery("MATCH (e:AccessLogEntry {operation: 'disclosure'}) RETURN count(e) AS n, max(e.seq) AS seq");
    expect(Number(after[0].get('n'))).toBe(Number(before[0].get('n')) + 1);
  });

  it('exports the visible elements as CSV and JSON', async () => {
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#btn-export-csv')]);
    const text = fs.readFileSync((await csv.path())!, 'utf8');
    const visible = (await canvasState(page));
    expect(text.split('\n')[0]).toContain('OFFICIAL-SENSITIVE');
    expect(text.split('\n').length - 2).toBe(visible.visibleNodes + visible.visibleEdges);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#btn-export-json')]);
    const doc = JSON.parse(fs.readFileSync((await json.path())!, 'utf8'));
    expect(doc.elements.length).toBe(visible.visibleNodes + visible.visibleEdges);
  });
});

describe('investigations: save, reopen by deep link, justification asked per investigation', () => {
  it('saves the canvas and reopens it in a new session from the deep link', async () => {
    const page = await signIn(browser.context, server.url, 'ana.analyst');
    await searchAndAdd(page, nodeName(fixture, hotspot).split(' ')[0], hotspot);
    await expandSelected(page, hotspot);
    await page.evaluate((id) => { const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy; cy.elements().unselect(); cy.getElementById(id).select(); }, hotspot);
    await page.click('#btn-pin');
    const saved = await canvasState(page);
    await page.click('#btn-save-inv');
    await page.fill('#save-name', 'E2E hotspot review');
    await page.click('#save-ok');
    await page.waitForFunction(() => location.hash.startsWith('#investigation='));
    const hash = await page.evaluate(() => location.hash);
    expect(await page.textContent('#inv-name')).toBe('E2E hotspot review');
    await page.close();

    // A fresh page (new session: new sign-in) opens the deep link; the investigation asks for its justification.
    const again = await reopenDeepLink(browser.context, server.url, hash, 'ana.analyst', 'E2E reopen: case ref TEST-2');
    await again.waitForFunction((n) => (window as unknown as { __cy: import('cytoscape').Core }).__cy.nodes().length === n, saved.nodes.length, { timeout: 20000 });
    const reopened = await canvasState(again);
    expect(new Set(reopened.nodes)).toEqual(new Set(saved.nodes));
    expect(reopened.classes[hotspot]).toContain('pinned');
    expect(await again.textContent('#inv-name')).toBe('E2E hotspot review');
    await shot(again, '20-reopened-investigation');

    // Open… lists it too.
    await again.click('#btn-open-inv');
    await again.locator('#open-list li button').first().waitFor();
    expect(await again.textContent('#open-list')).toContain('E2E hotspot review');
    await again.keyboard.press('Escape');
    await again.close();
  });
});

describe('role differences on the same map', () => {
  /** The place with a police-only (handling C) intelligence report about it. */
  function policeOnlyPlace(): { placeId: string; reportId: string } {
    const reports = fixture.units.find((u) => u.kind === 'node' && u.label === 'IntelligenceReport')!.rows as { id: string; handling: string }[];
    const at = fixture.units.find((u) => u.kind === 'rel' && u.type === 'AT')!.rows as { from: string; to: string }[];
    for (const r of reports.filter((x) => x.handling === 'C')) {
      const link = at.find((a) => a.from === r.id && a.to.startsWith('loc-'));
      if (link) return { placeId: link.to, reportId: r.id };
    }
    throw new Error('fixture has no police-only report at a place');
  }

  it('police see the police-only intelligence at a place; analyst and partner do not; the analyst is told links are withheld, the partner nothing', async () => {
    const { placeId, reportId } = policeOnlyPlace();
    const seen: Record<string, { nodes: string[]; hidden: number; text: string }> = {};
    for (const user of ['pat.police', 'ana.analyst', 'pam.partner']) {
      const page = await signIn(browser.context, server.url, user);
      await searchAndAdd(page, nodeName(fixture, placeId).split(' ')[0], placeId);
      await expandSelected(page, placeId);
      seen[user] = { nodes: (await canvasState(page)).nodes, hidden: await hiddenCount(page), text: (await page.textContent('#hidden-indicator')) ?? '' };
      await shot(page, `30-role-${user}`);
      await page.close();
    }
    expect(seen['pat.police'].nodes).toContain(reportId);
    expect(seen['ana.analyst'].nodes).not.toContain(reportId);
    expect(seen['pam.partner'].nodes).not.toContain(reportId);
    expect(seen['ana.analyst'].text).toMatch(/withheld by access rules/);
    // The partner (Education) sees only its own and shared records: fewer than the police.
    expect(seen['pam.partner'].nodes.length).toBeLessThan(seen['pat.police'].nodes.length);
    // Partners learn nothing of records outside their view (docs/access-matrix.md).
    expect(seen['pam.partner'].hidden).toBe(0);
  });
});

describe('analytic views as tables linked to the canvas', () => {
  async function openView(page: Page, key: string): Promise<number> {
    await page.click(`#view-tabs [data-view="${key}"]`);
    await page.waitForFunction((k) => { const b = document.querySelector('#view-body') as HTMLElement; return b.dataset.view === k && b.dataset.state !== 'loading'; }, key, { timeout: 60000 });
    expect(await page.getAttribute('#view-body', 'data-state')).toBe('ready');
    return Number(await page.getAttribute('#view-body', 'data-rows'));
  }

  /** Select the first row: its item is put on the map if needed, selected, highlighted and centred. */
  async function selectFirstRow(page: Page): Promise<string> {
    const row = page.locator('#view-body tbody tr').first();
    const id = (await row.getAttribute('data-id'))!;
    await row.click();
    await page.waitForFunction((nid) => { const n = (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(nid); return n.nonempty() && n.selected(); }, id);
    await settled(page);
    const off = await page.evaluate((nid) => {
      const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
      const p = cy.getElementById(nid).renderedPosition();
      return Math.hypot(p.x - cy.width() / 2, p.y - cy.height() / 2);
    }, id);
    expect(off).toBeLessThan(30);
    return id;
  }

  it('analyst: hotspots, network themes, critical moments, not yet referred', async () => {
    const page = await signIn(browser.context, server.url, 'ana.analyst');
    await page.selectOption('#quarter-select', '2025-Q3');
    const hotspots = await openView(page, 'hotspots');
    expect(hotspots).toBeGreaterThan(0);
    const placeId = await selectFirstRow(page);
    expect(placeId).toMatch(/^loc-|^sch-|^onl-|^os-/);
    await shot(page, '40-view-hotspots');
    // The views ask for the justification on the first person-level query.
    await page.click('#view-tabs [data-view="themes"]');
    await justify(page, 'E2E views: TEST-4', 'analysis', 15000);
    expect(await openView(page, 'themes')).toBeGreaterThan(0);
    // Selecting a theme puts its members on the map, selected.
    await page.locator('#view-body tbody tr').first().click();
    await page.waitForFunction(() => (window as unknown as { __cy: import('cytoscape').Core }).__cy.nodes(':selected').length > 1, undefined, { timeout: 20000 });
    await settled(page);
    await shot(page, '41-view-themes');
    const critical = await openView(page, 'critical');
    expect(await page.textContent('#view-body')).toMatch(/Return home interviews within 72 h|No returns/);
    if (critical > 0) {
      const child = await selectFirstRow(page);
      // A child from a view is drawn as a child, never with the person-of-concern style.
      expect((await canvasState(page)).classes[child]).toMatch(/\bchild\b|young-adult/);
    }
    await shot(page, '42-view-critical');
    const atTwo = await openView(page, 'notreferred');
    expect(await page.textContent('#view-summary')).toMatch(/^At a minimum score of 2: /);
    // The threshold by keyboard: the list follows it, says its effect, and the focus stays on the field.
    await page.focus('#view-setting');
    await page.fill('#view-setting', '1');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^At a minimum score of 1: /.test(document.querySelector('#view-summary')?.textContent ?? ''), undefined, { timeout: 60000 });
    expect(Number(await page.getAttribute('#view-body', 'data-rows'))).toBeGreaterThanOrEqual(atTwo);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('view-setting');
    expect(await axeViolations(page, '#view-body')).toEqual([]);
    await shot(page, '43-view-notreferred');
    await page.close();
  });

  it('police: the high-harm ranking lists adults only, each row centred on the map; children in their families', async () => {
    const page = await signIn(browser.context, server.url, 'pat.police');
    await page.selectOption('#quarter-select', '2025-Q3');
    await page.click('#view-tabs [data-view="highharm"]');
    await justify(page, 'E2E tasking: TEST-5', 'disruption', 15000);
    const rows = await openView(page, 'highharm');
    expect(rows).toBeGreaterThan(0);
    const ids = await page.$$eval('#view-body tbody tr', (trs) => trs.map((t) => t.getAttribute('data-id') ?? ''));
    const people = fixture.units.find((u) => u.kind === 'node' && u.label === 'Person')!.rows as { id: string; roles: string[]; dateOfBirth: string }[];
    for (const id of ids) {
      const p = people.find((x) => x.id === id)!;
      expect(p.roles).toContain('PersonOfConcern');
      expect(p.dateOfBirth < '2008-09-30').toBe(true);
    }
    const id = await selectFirstRow(page);
    expect((await canvasState(page)).classes[id]).toMatch(/\bpoc\b/);
    await shot(page, '44-view-highharm');
    // Children in the ranked persons' families: every row a child, drawn as a child.
    const families = await openView(page, 'families');
    expect(families).toBeGreaterThan(0);
    const familyIds = await page.$$eval('#view-body tbody tr', (trs) => trs.map((t) => t.getAttribute('data-id') ?? ''));
    for (const fid of familyIds) {
      const p = people.find((x) => x.id === fid)!;
      expect(p.roles).toContain('YoungPerson');
      expect(p.dateOfBirth > '2007-09-30').toBe(true);
    }
    expect(await page.textContent('#view-body')).toMatch(/sibling of|shares a parent with|child of|lives with/);
    const childId = await selectFirstRow(page);
    expect((await canvasState(page)).classes[childId]).toMatch(/\bchild\b/);
    await shot(page, '45-view-families');
    await page.close();
  });
});

describe('context menu and briefing pack', () => {
  it('right-click on a node opens a menu that expands it and pins it', async () => {
    const page = await signIn(browser.context, server.url, 'ana.analyst');
    await searchAndAdd(page, nodeName(fixture, hotspot).split(' ')[0], hotspot);
    const pos = await page.evaluate((id) => { const p = (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).renderedPosition(); return { x: p.x, y: p.y }; }, hotspot);
    await page.click('#cy', { button: 'right', position: pos });
    await page.locator('#ctx-menu:not([hidden]) button:has-text("Expand neighbourhood")').click();
    await page.waitForFunction((id) => (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).hasClass('expanded'), hotspot, { timeout: 30000 });
    await settled(page);
    const pos2 = await page.evaluate((id) => { const p = (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(id).renderedPosition(); return { x: p.x, y: p.y }; }, hotspot);
    await page.click('#cy', { button: 'right', position: pos2 });
    await shot(page, '50-context-menu');
    await page.locator('#ctx-menu:not([hidden]) button:has-text("Pin")').click();
    expect((await canvasState(page)).classes[hotspot]).toContain('pinned');
    await page.close();
  });

  it('lead: the briefing pack button builds a partner edition and downloads it', async () => {
    const page = await signIn(browser.context, server.url, 'lee.lead');
    expect(await page.isVisible('#btn-briefing')).toBe(true);
    await page.click('#btn-briefing');
    await page.selectOption('#brief-quarter', '2025-Q3');
    await page.uncheck('#brief-pdf');
    await page.check('#brief-html');
    await page.click('#brief-ok');
    const dialog = page.locator('#dlg-justification[open]');
    const download = page.waitForEvent('download', { timeout: 120000 });
    await justify(page, 'E2E quarterly briefing TEST-6', 'analysis', 15000);
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.html$/);
    const html = fs.readFileSync((await file.path())!, 'utf8');
    expect(html).toMatch(/OFFICIAL/);
    await page.waitForFunction(() => /logged as disclosure/.test(document.querySelector('#brief-status')?.textContent ?? ''));
    await shot(page, '51-briefing-dialog');
    await page.close();
  });

  it('the analyst is not offered the briefing pack', async () => {
    const page = await signIn(browser.context, server.url, 'ana.analyst');
    expect(await page.isVisible('#btn-briefing')).toBe(false);
    await page.close();
  });
});

describe('a police export from 2017, loaded beside the borough', () => {
  const at = (day: string) => `${day}T20:00:00Z`;
  const prov = (day: string) => ({
    source: 'POLICE', sourceRef: `E2E-2017-${day}`, recordedAt: at(day), validFrom: at(day),
    gradingScheme: '3x5x2', sourceEval: 'B', assessment: '2', handling: 'P', reviewBy: '2027-01-01', status: 'confirmed',
  });
  const DAYS = ['2017-03-04', '2017-05-20', '2017-11-11'];
  const incidents = DAYS.map((day, i) => ({ id: `e2e-2017-inc${i + 1}`, occurredAt: at(day), offenceType: 'robbery', summary: `Synthetic 2017 incident ${i + 1}`, ...prov(day) }));
  const PERSON = 'e2e-2017-yp';
  const ids = [PERSON, 'e2e-2017-loc', ...incidents.map((e) => e.id)];

  beforeAll(async () => {
    await load(driver(), [
      { kind: 'node', label: 'Person', origin: 'e2e-2017-people', rows: [{ id: PERSON, name: 'Testcase Kestrelford', dateOfBirth: '2002-04-01', sex: 'FEMALE', ethnicity: 'NOT_STATED', source: 'POLICE', roles: ['YoungPerson'] }] as never },
      { kind: 'node', label: 'Location', origin: 'e2e-2017-places', rows: [{ id: 'e2e-2017-loc', name: 'Kestrelford Underpass (synthetic)', kind: 'other', lat: 51.5, lon: -0.1, source: 'POLICE' }] as never },
      { kind: 'node', label: 'Incident', origin: 'e2e-2017-incidents', rows: incidents as never },
      { kind: 'rel', type: 'INVOLVED', origin: 'e2e-2017-involved', rows: incidents.map((e, i) => ({ id: `e2e-2017-inv${i + 1}`, from: e.id, to: PERSON, role: 'victim', ...prov(DAYS[i]) })) as never },
      { kind: 'rel', type: 'AT', origin: 'e2e-2017-at', rows: incidents.map((e, i) => ({ id: `e2e-2017-at${i + 1}`, from: e.id, to: 'e2e-2017-loc', ...prov(DAYS[i]) })) as never },
    ]);
  });
  afterAll(async () => { await driver().executeQuery('MATCH (n) WHERE n.id IN $ids DETACH DELETE n', { ids }); });

  it('offers the 2017 quarters and months, and keeps the 2017 events on the map when the time bar is moved to 2017', async () => {
    const page = await signIn(browser.context, server.url, 'ana.analyst');
    const quarters = await page.$$eval('#quarter-select option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    // From the 2017 export to the borough's last quarter, the most recent first and chosen.
    expect(quarters[0]).toBe('2026-Q3');
    expect(quarters.at(-1)).toBe('2017-Q1');
    expect(quarters).toEqual(expect.arrayContaining(['2017-Q2', '2017-Q4', '2020-Q1', '2024-Q4']));
    expect(await page.inputValue('#quarter-select')).toBe('2026-Q3');
    expect(await page.textContent('#time-label')).toBe('Mar 2017 – Sept 2026 (all)');

    await searchAndAdd(page, 'Kestrelford', PERSON);
    await expandSelected(page, PERSON);
    const drawnEvents = () => cyEval<string[]>(page, `return cy.nodes('.event').filter((n) => n.style('display') !== 'none').map((n) => n.id()).sort();`);
    expect(await drawnEvents()).toEqual(incidents.map((e) => e.id));

    // The sliders' range narrowed to 2017 with the month inputs; the events stay.
    await page.fill('#span-to', '2017-12');
    expect(await page.textContent('#time-label')).toBe('Mar 2017 – Dec 2017');
    expect(await page.getAttribute('#time-to', 'max')).toBe('9');
    expect(await drawnEvents()).toEqual(incidents.map((e) => e.id));
    // With the keyboard: the window starts three months later (June), the March and May incidents go.
    await page.focus('#time-from');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await page.textContent('#time-label')).toBe('Jun 2017 – Dec 2017');
    expect(await drawnEvents()).toEqual([incidents[2].id]);
    expect(await hiddenCount(page)).toBeGreaterThan(0);
    await shot(page, '60-period-2017');
    expect(await axeViolations(page, '.timebar')).toEqual([]);

    // Back to the whole period: everything shows again, and playback starts at the range's first month.
    await page.fill('#span-to', '2026-09');
    await page.fill('#span-from', '2017-03');
    await page.focus('#time-from');
    await page.keyboard.press('Home');
    expect(await page.textContent('#time-label')).toBe('Mar 2017 – Sept 2026 (all)');
    expect(await drawnEvents()).toEqual(incidents.map((e) => e.id));
    await page.click('#btn-play');
    await page.waitForFunction(() => /^(Mar|Apr) 2017 – (May|Jun) 2017$/.test(document.querySelector('#time-label')?.textContent ?? ''), undefined, { timeout: 5000 });
    await page.click('#btn-play');
    await page.close();
  });
});
