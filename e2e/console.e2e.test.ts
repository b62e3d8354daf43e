import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVnPhone } from '../common/phone';
import { apiToken, launchChromium, startWebConsole, waitReady } from './harness';

let web: Awaited<ReturnType<typeof startWebConsole>>;
let browser: Browser;
let page: Page;
let phone: string;

beforeAll(async () => {
  web = await startWebConsole();
  await waitReady(web.baseUrl);
  browser = await launchChromium();
  page = await browser.newPage();
  // Find a real customer's phone through the API, the way an agent would have it from a caller.
  const token = await apiToken(web.baseUrl);
  const c = (await (await fetch(`${web.baseUrl}/api/customers/C0000001`, { headers: { authorization: `Bearer ${token}` } })).json()) as { phones: string[] };
  phone = c.phones[0]!;
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

async function signInAsFirstAgent() {
  await page.goto(web.baseUrl);
  const first = page.locator('[data-testid^="signin-agent-"]').first();
  await first.waitFor();
  await first.click();
  await page.getByTestId('search-input').waitFor();
}

async function searchAndOpen(text: string) {
  await page.keyboard.press('Control+k');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
  await page.getByTestId('search-input').fill(text);
  const hit = page.locator('[data-testid="search-result"][data-customer-id="C0000001"]');
  await hit.waitFor({ timeout: 10_000 });
  await hit.click();
  await expect.poll(() => page.getByTestId('customer-header').isVisible()).toBe(true);
}

describe('agent console in Chromium', () => {
  it('signs in a demo agent', async () => {
    await signInAsFirstAgent();
    expect(await page.getByTestId('search-input').isVisible()).toBe(true);
  });

  it.each([
    ['0912 345 678', (p: string) => formatVnPhone(p)],
    ['+84912345678', (p: string) => p],
    ['84-912-345-678', (p: string) => `84-${p.slice(3, 6)}-${p.slice(6, 9)}-${p.slice(9)}`],
  ])('finds the customer by phone typed as %s and opens the 360 view', async (_, form) => {
    await searchAndOpen(form(phone));
    expect(page.url()).toContain('#/customer/C0000001');
  });

  it('shows the timeline newest first', async () => {
    const rows = page.getByTestId('timeline-row');
    await rows.first().waitFor();
    const times = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-event-time'))));
    expect(times.length).toBeGreaterThan(10);
    for (let i = 1; i < times.length; i++) expect(times[i - 1]!).toBeGreaterThanOrEqual(times[i]!);
  });

  it('filters the timeline by kind', async () => {
    await page.getByTestId('timeline-filter-PAYMENT').click();
    await expect
      .poll(async () => {
        const types = await page.getByTestId('timeline-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-event-type') ?? ''));
        return types.length > 0 && types.every((t) => t.startsWith('payment.'));
      }, { timeout: 10_000 })
      .toBe(true);
    await page.getByTestId('timeline-filter-PAYMENT').click();
  });

  it('opens a case and shows its messages', async () => {
    const item = page.getByTestId('case-item').first();
    await item.waitFor();
    await item.click();
    await page.getByTestId('case-panel').waitFor();
    // Find a case that has a ticket conversation.
    const items = await page.getByTestId('case-item').count();
    for (let i = 0; i < Math.min(items, 30); i++) {
      if ((await page.getByTestId('case-message').count()) > 0) break;
      await page.getByTestId('case-item').nth(i).click();
      await page.waitForTimeout(300);
    }
    expect(await page.getByTestId('case-message').count()).toBeGreaterThan(0);
  });
});
