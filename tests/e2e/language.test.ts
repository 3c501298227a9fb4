/**
 * Child-first language in the workspace: the recording form and an investigation's notes show
 * each phrase the guide asks to avoid as it is typed, with what to say instead; keyboard users
 * reach it; axe-core finds no WCAG 2.2 AA violation in the form. Screenshots in test-artifacts/e2e/.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, launchBrowser, signIn, shot, loadFixture, justify, axeViolations } from './support/harness';
import { searchAndAdd, nodeName } from './support/flows';
import { closeDriver, driver } from '../support/db';
import type { Fixture } from '../../fixtures/generator';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: { context: BrowserContext; close(): Promise<void> };
let fixture: Fixture;
let page: Page;

const SUMMARY = 'Seen at the park at 22:00. She keeps going missing and is putting herself at risk.\nShe said "I chose to go".';

/** Sends the recording form, giving a justification if asked, and waits for "Recorded". */
async function submitRecord(p: Page): Promise<void> {
  await p.click('#rec-ok');
  const dialog = p.locator('#dlg-justification[open]');
  await Promise.race([dialog.waitFor({ timeout: 15000 }), p.waitForFunction(() => /Recorded/.test(document.querySelector('#rec-status')?.textContent ?? ''))]).catch(() => undefined);
  if (await dialog.isVisible()) await justify(p);
  await p.waitForFunction(() => /Recorded/.test(document.querySelector('#rec-status')?.textContent ?? ''), undefined, { timeout: 15000 })
    .catch(async (e) => { throw new Error(`${(e as Error).message}; the form says: ${await p.textContent('#rec-status')}`); });
}

beforeAll(async () => {
  fixture = await loadFixture('tiny');
  server = await startServer();
  browser = await launchBrowser();
  page = await signIn(browser.context, server.url, 'ana.analyst');
}, 300_000);
afterAll(async () => {
  await page?.close();
  await browser?.close();
  await server?.close();
  await closeDriver();
});

describe('child-first language in the workspace', () => {
  it('the recording form highlights findings as you type, with suggestions, and names quoted speech as such', async () => {
    const place = fixture.groundTruth.hotspotPlaceIds[0];
    await searchAndAdd(page, nodeName(fixture, place).split(" ")[0], place);
    await page.evaluate((id) => { const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy; cy.elements().unselect(); cy.getElementById(id).select(); }, place);
    await page.click('#btn-record');
    await page.waitForSelector('#dlg-record[open]');
    expect(await page.textContent('#rec-place')).toContain(nodeName(fixture, place));
    await page.selectOption('#rec-type', 'Incident');
    await page.focus('#rec-summary');
    await page.keyboard.type(SUMMARY, { delay: 2 });
    await page.waitForSelector('#rec-summary-language li[data-rule="keeps-going-missing"]');
    const findings = await page.$$eval('#rec-summary-language li', (lis) => lis.map((li) => [li.getAttribute('data-rule'), li.textContent]));
    expect(findings.map(([rule]) => rule)).toEqual(['keeps-going-missing', 'putting-themselves-at-risk', 'lifestyle-choice']);
    expect(findings[0][1]).toMatch(/“keeps going missing” — say instead: is missing and at risk of exploitation/);
    expect(findings[2][1]).toMatch(/is in quoted speech/);
    expect(await page.textContent('#rec-summary-language .lc-heading')).toMatch(/^2 phrases to reconsider.*1 in quoted speech/);
    expect(await page.$$eval('#dlg-record .lc-backdrop mark', (ms) => ms.map((m) => [m.className, m.textContent]))).toEqual([
      ['lc-flag', 'keeps going missing'], ['lc-flag', 'putting herself at risk'], ['lc-quoted', 'chose to go'],
    ]);
    expect(await page.getAttribute('#rec-summary', 'aria-describedby')).toContain('rec-summary-language');
    await shot(page, '40-record-form-language');
    expect(await axeViolations(page, '#dlg-record')).toEqual([]);
  });

  it('the keyboard reaches each finding: "Show" selects the phrase in the text', async () => {
    await page.focus('#rec-summary');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Show “keeps going missing” in the text');
    await page.keyboard.press('Enter');
    const sel = await page.$eval('#rec-summary', (t) => (t as HTMLTextAreaElement).value.slice((t as HTMLTextAreaElement).selectionStart, (t as HTMLTextAreaElement).selectionEnd));
    expect(sel).toBe('keeps going missing');
  });

  it('recording keeps the event and reports the server\'s warnings', async () => {
    await page.fill('#rec-when', '2026-03-04T21:30');
    await page.fill('#rec-ref', 'SYN-E2E-LANG-1');
    await page.fill('#rec-review', '2026-12-31');
    await submitRecord(page);
    expect(await page.textContent('#rec-status')).toMatch(/2 phrase\(s\) to reconsider: summary: “keeps going missing”/);
    const { records } = await driver().executeQuery("MATCH (e:Incident {sourceRef: 'SYN-E2E-LANG-1'}) RETURN e.summary AS summary");
    expect(records.map((r) => r.get('summary'))).toEqual([SUMMARY]);
    await page.click('#rec-cancel');
  });

  it('support offered to a child is recordable from the keyboard: programme, status, dates, outcome; its notes are checked; axe finds nothing', async () => {
    const planted = fixture.groundTruth.support[0];
    await searchAndAdd(page, nodeName(fixture, planted.childId).split(' ')[0], planted.childId);
    await page.evaluate((id) => { const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy; cy.elements().unselect(); cy.getElementById(id).select(); }, planted.childId);
    await page.click('#btn-record');
    await page.waitForSelector('#dlg-record[open]');
    try {
      await recordSupport(planted.childId);
    } finally {
      if (await page.locator('#dlg-record[open]').isVisible()) await page.click('#rec-cancel');
    }
  });

  async function recordSupport(childId: string): Promise<void> {
    await page.selectOption('#rec-type', 'Support');
    await page.fill('#rec-summary', '');
    // Tab order runs through the support fields in the model's order, each with its label.
    const fields = ['programme', 'provider', 'supportStatus', 'startedOn', 'endedOn', 'supportOutcome', 'notes'].map((f) => `rec-f-${f}`);
    await page.focus('#rec-when');
    const reached: string[] = [];
    // A date input takes one Tab per part (day, month, year): each control is counted once.
    for (let i = 0; i < 40 && reached.length < fields.length; i += 1) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id ?? '');
      if (fields.includes(id) && reached[reached.length - 1] !== id) reached.push(id);
    }
    expect(reached).toEqual(fields);
    expect(await page.$$eval('#rec-fields label', (ls) => ls.map((l) => l.getAttribute('for')))).toEqual(fields);
    await page.selectOption('#rec-f-programme', 'MENTORING');
    await page.fill('#rec-f-provider', 'Synthetic mentoring charity');
    await page.selectOption('#rec-f-supportStatus', 'accepted');
    await page.fill('#rec-f-startedOn', '2026-03-10');
    await page.focus('#rec-f-notes');
    await page.keyboard.type('Mentor says he is not engaging yet.', { delay: 2 });
    await page.waitForSelector('#rec-f-notes-language li[data-rule="not-engaging"]');
    await shot(page, '42-record-form-support');
    expect(await axeViolations(page, '#dlg-record')).toEqual([]);
    await page.fill('#rec-when', '2026-03-04T10:00');
    await page.fill('#rec-ref', 'SYN-E2E-SUPPORT-1');
    await page.fill('#rec-review', '2026-12-31');
    await submitRecord(page);
    expect(await page.textContent('#rec-status')).toMatch(/notes: “not engaging”/);
    const { records } = await driver().executeQuery(
      "MATCH (s:Support {sourceRef: 'SYN-E2E-SUPPORT-1'})-[:INVOLVED]->(p:Person) RETURN s.programme AS programme, s.supportStatus AS status, toString(s.startedOn) AS started, p.id AS child");
    expect(records.map((r) => r.toObject())).toEqual([{ programme: 'MENTORING', status: 'accepted', started: '2026-03-10', child: childId }]);
  }

  it('an investigation\'s notes are checked as you type and saved', async () => {
    await page.click('#btn-save-inv');
    await page.fill('#save-name', 'E2E language notes');
    await page.focus('#save-notes');
    await page.keyboard.type('Young person is streetwise and not engaging.', { delay: 2 });
    await page.waitForSelector('#save-notes-language li[data-rule="not-engaging"]');
    expect(await page.$$eval('#save-notes-language li', (lis) => lis.map((li) => li.getAttribute('data-rule')))).toEqual(['streetwise-mature', 'not-engaging']);
    await shot(page, '41-investigation-notes-language');
    expect(await axeViolations(page, '#dlg-save')).toEqual([]);
    await page.click('#save-ok');
    await page.waitForFunction(() => document.querySelector('#inv-name')?.textContent === 'E2E language notes');
    const { records } = await driver().executeQuery("MATCH (i:Investigation {name: 'E2E language notes'}) RETURN i.notes AS notes");
    expect(records.map((r) => r.get('notes'))).toEqual(['Young person is streetwise and not engaging.']);
  });
});
