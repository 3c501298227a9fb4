/**
 * Sign-in as each demo role in real Chromium against the real API: what each role is offered.
 */
import type { BrowserContext } from 'playwright-core';
import { startServer, launchBrowser, signIn, shot, justify } from './support/harness';
import { closeDriver } from '../support/db';
import { getDriver, database } from '../../server/platform/db/driver';
import { appendAccessLog, systemActor } from '../../server/modules/accesslog/access-log';
import { startCheckpoints } from '../../server/modules/accesslog/access-log-checkpoints';
import { config } from '../../server/platform/config';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: { context: BrowserContext; close(): Promise<void> };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await closeDriver();
});

const tabs = async (page: import('playwright-core').Page): Promise<string[]> =>
  page.$$eval('#view-tabs [role=tab]', (els) => els.map((e) => e.getAttribute('data-view') ?? ''));

describe('sign-in and role-aware workspace (real browser)', () => {
  it('rejects a wrong password with a visible message', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.fill('#signin-user', 'ana.analyst');
    await page.fill('#signin-password', 'wrong');
    await page.click('#signin-submit');
    await page.waitForFunction(() => (document.querySelector('#signin-error')?.textContent ?? '').length > 0);
    expect(await page.isVisible('#app')).toBe(false);
    await page.close();
  });

  it('analyst: search, canvas, exports and the analytic views except the police-only ranking', async () => {
    const page = await signIn(browser.context, server.url, 'ana.analyst');
    expect(await page.textContent('#user-badge')).toContain('analyst');
    expect(await page.isVisible('#search-input')).toBe(true);
    expect(await page.isVisible('#cy')).toBe(true);
    expect(await page.isVisible('#btn-export-png')).toBe(true);
    const t = await tabs(page);
    expect(t).toEqual(expect.arrayContaining(['hotspots', 'themes', 'critical', 'notreferred']));
    expect(t).not.toContain('highharm');
    await shot(page, '01-analyst-signed-in');
    await page.close();
  });

  it('police: also the high-harm ranking', async () => {
    const page = await signIn(browser.context, server.url, 'pat.police');
    expect(await tabs(page)).toContain('highharm');
    await page.close();
  });

  it('partner: search and canvas, no analytics and no exports', async () => {
    const page = await signIn(browser.context, server.url, 'pam.partner');
    expect(await page.textContent('#user-badge')).toContain('EDUCATION');
    expect(await page.isVisible('#search-input')).toBe(true);
    expect(await tabs(page)).toEqual([]);
    expect(await page.isVisible('#btn-export-csv')).toBe(false);
    await page.close();
  });

  it('lead: pseudonymised, no high-harm ranking', async () => {
    const page = await signIn(browser.context, server.url, 'lee.lead');
    expect(await page.textContent('#user-badge')).toContain('pseudonymised');
    expect(await tabs(page)).not.toContain('highharm');
    await page.close();
  });

  const editionsOffered = async (page: import('playwright-core').Page): Promise<string[]> =>
    page.$$eval('#brief-edition option', (els) => (els as HTMLOptionElement[]).filter((o) => !o.hidden && !o.disabled).map((o) => o.value));

  it('briefing pack: police are offered the restricted edition only, leads the partner edition only, others none', async () => {
    for (const [user, editions] of [['pat.police', ['RESTRICTED']], ['lee.lead', ['PARTNER']], ['ana.analyst', []], ['adm.admin', []]] as const) {
      const page = await signIn(browser.context, server.url, user);
      expect(await page.isVisible('#btn-briefing')).toBe(editions.length > 0);
      if (editions.length) {
        await page.click('#btn-briefing');
        expect(await editionsOffered(page)).toEqual(editions);
        expect(await page.$eval('#brief-edition', (el) => (el as HTMLSelectElement).value)).toBe(editions[0]);
      }
      await page.close();
    }
  });

  it('auditor: the access log view only, with the hash chain verified and how many records each entry touched', async () => {
    const ids = Array.from({ length: 1234 }, (_, i) => `syn-import-${i}`);
    await appendAccessLog(systemActor('import', getDriver(), database()), { operation: 'collection', justification: 'SYN-E2E monthly import', ids, detail: { files: ['people.csv'] } });
    const checkpoints = startCheckpoints({ driver: getDriver(), database: database(), file: config().ACCESS_LOG_CHECKPOINTS, everyMs: 3_600_000 });
    await checkpoints.tick();
    await checkpoints.stop();
    const page = await signIn(browser.context, server.url, 'aud.auditor');
    expect(await tabs(page)).toEqual(['accesslog']);
    // The chain check reads the whole log (half a minute per million entries): held back here
    // until the entries are on screen, which must not wait for it.
    let releaseCheck = (): void => undefined;
    const held = new Promise<void>((resolve) => { releaseCheck = resolve; });
    await page.route('**/graphql', async (route) => {
      if (route.request().postData()?.includes('verifyAccessLog')) await held;
      await route.continue();
    });
    await page.click('#view-tabs [data-view="accesslog"]');
    // Reading the log is itself logged, with the auditor's justification.
    await justify(page, 'AUDIT-2026-Q4 monthly review', 'audit', 15000);
    await page.waitForFunction(() => ['ready', 'error'].includes((document.querySelector('#view-body') as HTMLElement).dataset.state ?? ''), undefined, { timeout: 30000 });
    expect(await page.getAttribute('#view-body', 'data-state')).toBe('ready');
    expect([await page.getAttribute('#view-body', 'data-summary'), await page.textContent('#view-summary')]).toEqual(['pending', 'Verifying the hash chain…']);
    expect(await page.textContent('#view-body')).toContain('SYN-E2E monthly import');
    releaseCheck();
    await page.waitForFunction(() => (document.querySelector('#view-body') as HTMLElement).dataset.summary === 'ready', undefined, { timeout: 30000 });
    expect(await page.textContent('#view-summary')).toMatch(
      /^Hash chain verified: [\d,]+ entr(y|ies) intact, matching 1 checkpoint kept outside the database \(the newest: entry [\d,]+ at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)\.$/);
    const row = await page.$$eval('#view-body tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')).find((cells) => cells.includes('SYN-E2E monthly import')));
    expect(row).toEqual(expect.arrayContaining(['collection', '1,234', 'files: people.csv']));
    await shot(page, '03-auditor-access-log');
    await page.close();
  });

  it('auditor and admin: no search, no canvas', async () => {
    for (const user of ['aud.auditor', 'adm.admin']) {
      const page = await signIn(browser.context, server.url, user);
      expect(await page.isVisible('#search-input')).toBe(false);
      expect(await page.isVisible('#cy')).toBe(false);
      expect(await tabs(page)).not.toContain('highharm');
      await shot(page, `02-${user}-signed-in`);
      await page.close();
    }
  });
});
