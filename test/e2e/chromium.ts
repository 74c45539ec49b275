/**
 * What the browser suites share: Debian's Chromium (installed by `bash scripts/e2e-setup.sh`),
 * skipping a suite with a message where it is missing, launching it, and a visit in a fresh context
 * that records what the page requested and logged as errors.
 */
import { describe } from '@jest/globals';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/** `describe` where Chromium is installed, else `describe.skip` with a warning naming the suite. */
export function chromiumSuite(suiteFile: string): typeof describe | typeof describe.skip {
  if (existsSync(CHROMIUM)) return describe;
  console.warn(`SKIPPED ${suiteFile}: ${CHROMIUM} not found; run \`bash scripts/e2e-setup.sh\` (npm run test:e2e does).`);
  return describe.skip;
}

/** Headless Chromium with a fresh temporary profile (Playwright removes it on close) and no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page opened in a fresh context (no storage from other tests), with what it requested and logged. */
export interface Visit {
  page: Page;
  context: BrowserContext;
  /** HTTP requests and WebSockets the page opened. */
  requests: string[];
  /** Console errors and uncaught page errors. */
  errors: string[];
}

export async function visit(browser: Browser, url: string): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('websocket', (socket) => requests.push(socket.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  return { page, context, requests, errors };
}

/** Requests that left the host `baseUrl` names (a ws: socket to the same host and port stays; data: and blob: URLs are the page's own). */
export function foreign(requests: string[], baseUrl: string): string[] {
  const { host } = new URL(baseUrl);
  return requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).host !== host);
}
