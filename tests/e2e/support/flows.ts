/** User flows shared by the end-to-end tests (what an analyst does with mouse and keyboard). */
import type { Page } from 'playwright-core';
import type { Fixture } from '../../../fixtures/generator';
import { justify } from './harness';

export function nodeName(fixture: Fixture, id: string): string {
  for (const u of fixture.units) {
    if (u.kind !== 'node') continue;
    const r = (u.rows as { id: string; name?: string }[]).find((x) => x.id === id);
    if (r) return r.name ?? id;
  }
  throw new Error(`No node ${id} in the fixture`);
}

/** Type a name, answer the justification dialog if asked, press Enter, add the hit to the map. */
export async function searchAndAdd(page: Page, text: string, id: string): Promise<void> {
  await page.fill('#search-input', text);
  const dialog = page.locator('#dlg-justification[open]');
  const suggestion = page.locator(`#search-suggestions li[data-id="${id}"]`);
  await Promise.race([dialog.waitFor({ timeout: 15000 }), suggestion.waitFor({ timeout: 15000 })]).catch(() => undefined);
  if (await dialog.isVisible()) await justify(page);
  await page.focus('#search-input');
  await page.press('#search-input', 'Enter');
  await page.locator(`#results li[data-id="${id}"] button`).click();
  await page.waitForFunction((nid) => (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(nid).nonempty(), id);
  await settled(page);
}

/** Expand the selected node with the keyboard (Enter on the canvas) and wait for the result. */
export async function expandSelected(page: Page, id: string): Promise<void> {
  await page.evaluate((nid) => { const cy = (window as unknown as { __cy: import('cytoscape').Core }).__cy; cy.elements().unselect(); cy.getElementById(nid).select(); }, id);
  await page.focus('#cy');
  await page.keyboard.press('Enter');
  await page.waitForFunction((nid) => (window as unknown as { __cy: import('cytoscape').Core }).__cy.getElementById(nid).hasClass('expanded'), id, { timeout: 30000 });
  await settled(page);
}

/** Wait until no expansion is being fetched or laid out, and animations have finished. */
export async function settled(page: Page): Promise<void> {
  await page.waitForSelector('body:not([data-busy])', { timeout: 30000 });
  await page.waitForFunction(() => !(window as unknown as { __cy: import('cytoscape').Core }).__cy.elements().toArray().concat([]).some((n) => (n as unknown as { animated(): boolean }).animated()) && !(window as unknown as { __cy: { animated(): boolean } }).__cy.animated());
}

export const hiddenCount = async (page: Page): Promise<number> => Number((await page.getAttribute('#hidden-indicator', 'data-count')) ?? 0);
