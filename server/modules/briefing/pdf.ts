/**
 * Prints the HTML to PDF with headless Debian Chromium (playwright-core). Every request the page
 * might make is refused, so the PDF is exactly the self-contained HTML. The page size, margins and
 * the running header and footer (marking, period, author, created and review dates, page number)
 * are the HTML's own @page rule, as a browser prints them too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface PrintResult { pdf: Buffer; blockedRequests: string[] }

export interface Printer {
  print(html: string): Promise<PrintResult>;
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
    print: async (html) => {
      const blockedRequests: string[] = [];
      await context.route('**/*', (route) => { blockedRequests.push(route.request().url()); return route.abort(); });
      const page = context.pages()[0] ?? await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true });
      return { pdf, blockedRequests };
    },
  };
}
