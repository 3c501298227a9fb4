/**
 * A busy place in the workspace: real Chromium, the real API on 127.0.0.1 and the real Neo4j,
 * loaded with a small synthetic export of its own (one place, 23 robberies and 4 drug supply
 * incidents in 2017, one young person in two of the robberies; synthetic names only). The
 * robberies are drawn as one group node, opened and gathered again from the keyboard, undone, and
 * the robberies of the person put on the map leave the group with their links. Screenshots in
 * test-artifacts/e2e/.
 */
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, launchBrowser, signIn, shot, axeViolations, reopenDeepLink, ARTIFACTS } from './support/harness';
import { searchAndAdd, expandSelected, settled } from './support/flows';
import { closeDriver, driver, freshGraph } from '../support/db';
import { load } from '../../server/platform/bulk/loader';

const PLACE = 'e2e-busy-loc';
const PERSON = 'e2e-busy-yp';
const GROUP = `group:${PLACE}:Incident:robbery`;
const at = (day: string) => `${day}T20:00:00Z`;
const prov = (day: string, ref: string) => ({
  source: 'POLICE', sourceRef: `E2E-BUSY-${ref}`, recordedAt: at(day), validFrom: at(day),
  gradingScheme: '3x5x2', sourceEval: 'B', assessment: '2', handling: 'P', reviewBy: '2027-01-01', status: 'confirmed',
});
const pad = (n: number) => String(n).padStart(2, '0');
/** 23 robberies from March to November 2017; 4 drug supply incidents in June. */
const robberies = Array.from({ length: 23 }, (_, i) => {
  const day = `2017-${pad(3 + Math.floor((i * 8) / 22))}-${pad(1 + ((i * 7) % 27))}`;
  return { id: `e2e-busy-rob${pad(i)}`, occurredAt: at(day), offenceType: 'robbery', summary: `Synthetic robbery ${i + 1}`, ...prov(day, `R${i}`) };
});
const supply = Array.from({ length: 4 }, (_, i) => {
  const day = `2017-06-${pad(2 + i * 5)}`;
  return { id: `e2e-busy-sup${i}`, occurredAt: at(day), offenceType: 'drug_supply', summary: `Synthetic drug supply ${i + 1}`, ...prov(day, `S${i}`) };
});
const incidents = [...robberies, ...supply];
/** The person is the victim in the first and the last robbery (1 March, 20 November). */
const WITH_PERSON = [robberies[0], robberies[22]];

let server: Awaited<ReturnType<typeof startServer>>;
let browser: { context: BrowserContext; close(): Promise<void> };

beforeAll(async () => {
  await freshGraph();
  await load(driver(), [
    { kind: 'node', label: 'Person', origin: 'e2e-busy-people', rows: [{ id: PERSON, name: 'Testcase Wrenmoor', dateOfBirth: '2003-05-01', sex: 'FEMALE', ethnicity: 'NOT_STATED', source: 'POLICE', roles: ['YoungPerson'] }] as never },
    { kind: 'node', label: 'Location', origin: 'e2e-busy-places', rows: [{ id: PLACE, name: 'Wrenmoor Parade (synthetic)', kind: 'shop', lat: 51.5, lon: -0.1, source: 'POLICE' }] as never },
    { kind: 'node', label: 'Incident', origin: 'e2e-busy-incidents', rows: incidents as never },
    { kind: 'rel', type: 'AT', origin: 'e2e-busy-at', rows: incidents.map((e, i) => ({ id: `e2e-busy-at${i}`, from: e.id, to: PLACE, ...prov(e.occurredAt.slice(0, 10), `A${i}`) })) as never },
    { kind: 'rel', type: 'INVOLVED', origin: 'e2e-busy-involved', rows: WITH_PERSON.map((e, i) => ({ id: `e2e-busy-inv${i}`, from: e.id, to: PERSON, role: 'victim', ...prov(e.occurredAt.slice(0, 10), `V${i}`) })) as never },
  ]);
  server = await startServer();
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await closeDriver();
});

const cyEval = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(() => { const cy = window.__cy; ${fn} })()`) as Promise<T>;
/** The events drawn on the map (not gathered, hidden or filtered), by id. */
const drawnEvents = (page: Page) => cyEval<string[]>(page, `return cy.nodes('.event').filter((n) => n.style('display') !== 'none').map((n) => n.id()).sort();`);
const groupsDrawn = (page: Page) => cyEval<Array<{ id: string; name: string; count: number }>>(page,
  `return cy.nodes('.aggregate').filter((n) => n.style('display') !== 'none').map((n) => ({ id: n.id(), name: n.data('name'), count: n.data('count') }));`);
const ids = (events: { id: string }[]) => events.map((e) => e.id).sort();
/** A tap on a node, as a click would give (nothing comes back: a collection is costly to send). */
const tap = (page: Page, id: string) => page.evaluate((nid) => { (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(nid).emit('tap'); }, id);
const selectOnly = (page: Page, id: string) => page.evaluate((nid) => { const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy; cy.elements().unselect(); cy.getElementById(nid).select(); }, id);

describe('a busy place gathers its events', () => {
  it('draws 23 robberies as one group node, opened with Enter near where it was, undone, gathered again from the detail panel', async () => {
    const page = await signIn(browser.context, server.url, 'ana.analyst');
    await searchAndAdd(page, 'Wrenmoor', PLACE);
    await expandSelected(page, PLACE);
    // One node for the robberies; the four drug supply incidents, too few to gather, one by one.
    expect(await groupsDrawn(page)).toEqual([{ id: GROUP, name: 'Robbery × 23 (Mar 2017 – Nov 2017)', count: 23 }]);
    expect(await drawnEvents(page)).toEqual(ids(supply));
    expect(await cyEval<string[]>(page, `return cy.getElementById('${GROUP}').connectedEdges().map((e) => e.target().id());`)).toEqual([PLACE]);
    // Its text alternative: the detail panel says what it holds and lists each robbery.
    await tap(page, GROUP);
    const detail = await page.textContent('#detail');
    expect(detail).toContain('23 robbery incidents at Wrenmoor Parade (synthetic) from Mar 2017 to Nov 2017, drawn as one group node.');
    expect(await page.locator('#detail ol li').count()).toBe(23);
    expect(await axeViolations(page, '#detail')).toEqual([]);
    await shot(page, '70-busy-place-gathered');

    // Keyboard: the group selected on the map, Enter shows the robberies near where it was.
    const where = await cyEval<{ x: number; y: number }>(page, `const p = cy.getElementById('${GROUP}').position(); return { x: p.x, y: p.y };`);
    await selectOnly(page, GROUP);
    await page.focus('#cy');
    await page.keyboard.press('Enter');
    await settled(page);
    expect(await drawnEvents(page)).toEqual(ids(incidents));
    expect(await groupsDrawn(page)).toEqual([]);
    const farthest = await cyEval<number>(page, `return Math.max(...cy.nodes('.event').filter((n) => n.id().includes('rob')).map((n) => Math.hypot(n.position('x') - ${where.x}, n.position('y') - ${where.y})));`);
    expect(farthest).toBeLessThan(300);
    // No robbery's name on top of another node or name (the browser measures the labels).
    const overlaps = await cyEval<string[]>(page, `
      const boxes = cy.nodes().filter((n) => n.style('display') !== 'none').map((n) => ({ id: n.data('name'), rob: n.id().includes('rob'), b: n.boundingBox({ includeLabels: true, includeOverlays: false }) }));
      const out = [];
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        if (!boxes[i].rob && !boxes[j].rob) continue;
        const a = boxes[i].b, b = boxes[j].b;
        if (Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 1 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 1) out.push(boxes[i].id + ' / ' + boxes[j].id);
      }
      return out;`);
    expect(overlaps).toEqual([]);
    expect(await page.textContent('#detail')).toContain('23 robbery incidents at Wrenmoor Parade (synthetic) from Mar 2017 to Nov 2017, shown one by one.');
    await shot(page, '71-busy-place-opened');

    // Undo puts the group back.
    await page.keyboard.press('Control+z');
    expect(await groupsDrawn(page)).toEqual([{ id: GROUP, name: 'Robbery × 23 (Mar 2017 – Nov 2017)', count: 23 }]);
    expect(await drawnEvents(page)).toEqual(ids(supply));

    // The detail panel's button does the same from the keyboard, and then offers to gather them again.
    await tap(page, GROUP);
    const show = page.locator('#detail button', { hasText: 'Show the 23 robbery incidents one by one' });
    await show.focus();
    await page.keyboard.press('Enter');
    expect(await drawnEvents(page)).toEqual(ids(incidents));
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Gather the 23 robbery incidents into one node');
    expect(await axeViolations(page, '#detail')).toEqual([]);
    await page.keyboard.press('Enter');
    expect(await groupsDrawn(page)).toEqual([{ id: GROUP, name: 'Robbery × 23 (Mar 2017 – Nov 2017)', count: 23 }]);
    expect(await cyEval<string[]>(page, `return cy.nodes(':selected').map((n) => n.id());`)).toEqual([GROUP]);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Show the 23 robbery incidents one by one');

    // Collapsing (C) one of the robberies once shown gathers them again.
    await page.keyboard.press('Enter');
    await selectOnly(page, robberies[5].id);
    await page.focus('#cy');
    await page.keyboard.press('c');
    expect(await groupsDrawn(page)).toHaveLength(1);
    await page.close();
  });

  it('exports a group as one row and logs each of its robberies; a saved investigation draws it again, opened as it was', async () => {
    const page = await signIn(browser.context, server.url, 'ana.analyst');
    await searchAndAdd(page, 'Wrenmoor', PLACE);
    await expandSelected(page, PLACE);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#btn-export-csv')]);
    const rows = fs.readFileSync((await csv.path())!, 'utf8').split('\n');
    expect(rows.filter((r) => r.startsWith('group,'))).toEqual([`group,${GROUP},Incident,Robbery × 23 (Mar 2017 – Nov 2017),,,,,—,2017-03-01/2017-11-20,`]);
    // The file names no robbery, but the count and months disclose them: the log names each, and its link to the place.
    const { records } = await driver().executeQuery("MATCH (e:AccessLogEntry {operation: 'disclosure'}) RETURN e.ids AS ids ORDER BY e.seq DESC LIMIT 1");
    const logged = records[0].get('ids') as string[];
    expect(logged).toEqual(expect.arrayContaining([...ids(robberies), 'e2e-busy-at0', 'e2e-busy-at22', PLACE]));
    expect(logged.filter((id) => id.startsWith('group:'))).toEqual([]);

    // Saved with the robberies shown one by one; reopened in a new session, they are still shown so.
    await tap(page, GROUP);
    await page.locator('#detail button', { hasText: 'Show the 23 robbery incidents one by one' }).click();
    await page.click('#btn-save-inv');
    await page.fill('#save-name', 'E2E busy place');
    await page.click('#save-ok');
    await page.waitForFunction(() => location.hash.startsWith('#investigation='));
    const hash = await page.evaluate(() => location.hash);
    await page.close();
    const again = await reopenDeepLink(browser.context, server.url, hash, 'ana.analyst', 'E2E reopen: case ref TEST-BUSY');
    await again.waitForFunction((n) => (window as unknown as { __cy: import('cytoscape').Core }).__cy.nodes('.event').length === n, incidents.length, { timeout: 20000 });
    expect(await drawnEvents(again)).toEqual(ids(incidents));
    expect(await groupsDrawn(again)).toEqual([]);
    // Gathered again, it is the same group node.
    await selectOnly(again, robberies[3].id);
    await again.focus('#cy');
    await again.keyboard.press('c');
    expect(await groupsDrawn(again)).toEqual([{ id: GROUP, name: 'Robbery × 23 (Mar 2017 – Nov 2017)', count: 23 }]);
    await again.close();
  });

  it('leaves the robberies of a person put on the map out of the group, with their links to the person', async () => {
    const page = await signIn(browser.context, server.url, 'ana.analyst');
    await searchAndAdd(page, 'Wrenmoor', PLACE);
    await expandSelected(page, PLACE);
    await searchAndAdd(page, 'Testcase Wrenmoor', PERSON);
    await expandSelected(page, PERSON);
    expect(await groupsDrawn(page)).toEqual([{ id: GROUP, name: 'Robbery × 21 (Mar 2017 – Oct 2017)', count: 21 }]);
    expect(await drawnEvents(page)).toEqual(ids([...supply, ...WITH_PERSON]));
    const involved = await cyEval<string[]>(page, `return cy.edges('[type = "INVOLVED"]').filter((e) => e.style('display') !== 'none' && e.source().style('display') !== 'none').map((e) => e.source().id()).sort();`);
    expect(involved).toEqual(ids(WITH_PERSON));
    await shot(page, '72-busy-place-person');
    // The legend shows the group node as the map draws it.
    await page.locator('#legend').scrollIntoViewIfNeeded();
    expect(await page.textContent('#legend')).toContain('Group of events at one place (more than 10 of one kind');
    await page.locator('#legend').screenshot({ path: `${ARTIFACTS}/73-legend-group.png` });
    await page.close();
  });
});
