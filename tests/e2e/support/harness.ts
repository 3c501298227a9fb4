/**
 * End-to-end harness: the real API (buildApp) on an ephemeral 127.0.0.1 port over the test Neo4j
 * loaded with a synthetic fixture, the built workspace, and real headless Chromium.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { buildApp } from '../../../server/app';
import { buildClientIfStale } from '../../../client/build';
import { load } from '../../../server/platform/bulk/loader';
import { generate, type Fixture } from '../../../fixtures/generator';
import { freshGraph, driver } from '../../support/db';

export const ARTIFACTS = path.resolve(__dirname, '..', '..', '..', 'test-artifacts', 'e2e');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface Harness { url: string; fixture?: Fixture; context: BrowserContext; close(): Promise<void> }

export async function loadFixture(scale: 'tiny' | 'demo', seed = 7): Promise<Fixture> {
  await freshGraph();
  const fixture = generate({ scale, seed });
  await load(driver(), fixture.units);
  return fixture;
}

/** All modules by default; E2E_MODULES=a,b narrows them (useful while a module is mid-change). */
export async function startServer(modules = process.env.E2E_MODULES?.split(',')): Promise<{ url: string; close(): Promise<void> }> {
  await buildClientIfStale(() => undefined);
  const app = await buildApp({ modules, rateLimits: { authPerMinute: 10000, graphqlPerMinute: 100000, graphqlPerUserPerMinute: 100000 } });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sg-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1366, height: 768 }, acceptDownloads: true,
  });
  return {
    context,
    close: async () => { await context.close(); fs.rmSync(dir, { recursive: true, force: true }); },
  };
}

/** Fresh page signed in as a demo user (password "demo"). */
export async function signIn(context: BrowserContext, url: string, username: string, hash = ''): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw e; });
  await page.goto(`${url}/${hash}`);
  await page.fill('#signin-user', username);
  await page.fill('#signin-password', 'demo');
  await page.click('#signin-submit');
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Answer the justification dialog once it opens: a purpose and a case reference or reason. */
export async function justify(page: Page, text = 'E2E test: case ref TEST-1', purpose = 'safeguarding-enquiry', timeout = 10000): Promise<void> {
  const dlg = page.locator('#dlg-justification[open]');
  await dlg.waitFor({ state: 'visible', timeout });
  await page.selectOption('#just-purpose', purpose);
  await page.fill('#just-input', text);
  await page.click('#just-ok');
}

/**
 * A saved investigation's deep link opened in a fresh session: a new page, no session storage,
 * the link, sign-in, and the justification the investigation asks for.
 */
export async function reopenDeepLink(context: BrowserContext, url: string, hash: string, username: string, justification: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/`);
  await page.evaluate(() => sessionStorage.clear());
  await page.goto(`${url}/${hash}`);
  await page.fill('#signin-user', username);
  await page.fill('#signin-password', 'demo');
  await page.click('#signin-submit');
  await justify(page, justification, 'safeguarding-enquiry', 15000);
  return page;
}

export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Ids and counts of what the canvas shows (read from the page's Cytoscape instance). */
export async function canvasState(page: Page): Promise<{ nodes: string[]; visibleNodes: number; visibleEdges: number; classes: Record<string, string> }> {
  return page.evaluate(() => {
    const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy;
    const classes: Record<string, string> = {};
    cy.nodes().forEach((n) => { classes[n.id()] = n.classes().join(' '); });
    // Drawn = display not none (reading the style applies pending class changes), endpoints drawn too.
    const drawn = (e: import('cytoscape').SingularElementArgument): boolean => e.style('display') !== 'none';
    const nodes = cy.nodes().filter(drawn);
    const edges = cy.edges().filter((e) => drawn(e) && drawn(e.source()) && drawn(e.target()));
    return { nodes: cy.nodes().map((n) => n.id()), visibleNodes: nodes.length, visibleEdges: edges.length, classes };
  });
}

/** axe-core's WCAG 2.2 AA violations inside `selector`, rule id and node count. */
export async function axeViolations(p: Page, selector: string): Promise<Array<{ id: string; nodes: number }>> {
  await p.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  return p.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(ctx: string, o: object): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> } }).axe;
    const r = await axe.run(sel, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.length }));
  }, selector);
}
