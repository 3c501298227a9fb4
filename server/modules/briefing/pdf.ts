/**
 * Prints the HTML to PDF with headless Debian Chromium (playwright-core). Every request the page
 * might make is refused, so the PDF is exactly the self-contained HTML. The marking, period,
 * author, created and review dates are printed on every page by the header and footer templates.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PackMeta } from './html';
import { dateText } from './labels';
import { esc } from './charts/svg';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface PrintResult { pdf: Buffer; blockedRequests: string[] }

export interface Printer {
  print(html: string, meta: PackMeta): Promise<PrintResult>;
  close(): Promise<void>;
}

/** Starts Chromium (about a second): the pack starts it while the data is being gathered. */
export async function startPrinter(): Promise<Printer> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`PDF needs Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  // Loaded here, not at the top: only the PDF writer needs a browser driver.
  const { chromium } = await import('playwright-core');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-chromium-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS, headless: true });
  return {
    close: async () => {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
    print: async (html, meta) => {
      const blockedRequests: string[] = [];
      await context.route('**/*', (route) => { blockedRequests.push(route.request().url()); return route.abort(); });
      const page = context.pages()[0] ?? await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      await page.evaluate(() => document.body.classList.add('pdf'));
      const style = 'font-family: Helvetica, Arial, sans-serif; font-size: 8px; width: 100%; margin: 0 12mm;';
      const pdf = await page.pdf({
        format: 'A4', printBackground: true, displayHeaderFooter: true,
        margin: { top: '18mm', bottom: '18mm', left: '12mm', right: '12mm' },
        headerTemplate: `<div style="${style} display: flex; justify-content: space-between; color: #b00020; font-weight: bold;">`
          + `<span>${esc(meta.marking)}</span><span style="color:#333; font-weight: normal;">${esc(meta.title)} · ${esc(meta.periodText)} · ${esc(meta.edition)} edition</span></div>`,
        footerTemplate: `<div style="${style} display: flex; justify-content: space-between; color: #333;">`
          + `<span><b style="color:#b00020">${esc(meta.marking)}</b> · Author ${esc(meta.author)} · Created ${esc(dateText(meta.created))} · Review by ${esc(dateText(meta.reviewBy))}</span>`
          + '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>',
      });
      return { pdf, blockedRequests };
    },
  };
}
