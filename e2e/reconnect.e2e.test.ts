import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startWebConsole, waitReady, type WebConsole } from './harness';

let web: WebConsole;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  web = await startWebConsole({ CS360_DEMO__CUSTOMERS: '50', CS360_DEMO__EVENTS: '3000', CS360_DEMO__WHALE_EVENTS: '500' });
  await waitReady(web.baseUrl);
  browser = await launchChromium();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('backend crash and restart', () => {
  it('shows a reconnecting banner while the backend is down and clears it when it is back', async () => {
    await page.goto(web.baseUrl);
    await page.locator('[data-testid^="signin-agent-"]').first().click();
    await page.getByTestId('search-input').waitFor();
    await expect.poll(() => page.getByTestId('live-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('connected');
    expect(await page.getByTestId('reconnect-banner').count()).toBe(0);

    await web.crash();
    await page.getByTestId('reconnect-banner').waitFor({ timeout: 15_000 });

    // Same port and data, as the desktop supervisor restarts it; the page reconnects by itself.
    web = await startWebConsole({ CS360_DEMO__CUSTOMERS: '50', CS360_DEMO__EVENTS: '3000', CS360_DEMO__WHALE_EVENTS: '500' }, { port: web.port, dataDir: web.dataDir });
    await page.getByTestId('reconnect-banner').waitFor({ state: 'detached', timeout: 20_000 });
    // And the session still works against the restarted backend.
    await page.getByTestId('search-input').fill('C00000');
    await page.getByTestId('search-result').first().waitFor({ timeout: 10_000 });
  });
});
