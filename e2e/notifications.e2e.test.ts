import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, demoAgents, launchChromium, startWebConsole, waitReady } from './harness';

let web: Awaited<ReturnType<typeof startWebConsole>>;
let browser: Browser;
let page: Page;
let supervisorId: string;
let agentToken: string;

beforeAll(async () => {
  web = await startWebConsole();
  await waitReady(web.baseUrl);
  browser = await launchChromium();
  page = await browser.newPage();
  supervisorId = (await demoAgents(web.baseUrl)).find((a) => a.role === 'SUPERVISOR')!.id;
  agentToken = await apiToken(web.baseUrl, 'AGENT');
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

async function api<T>(method: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${web.baseUrl}${path}`, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${agentToken}` }, body: JSON.stringify(body) });
  expect(res.status).toBeLessThan(300);
  return (await res.json()) as T;
}

describe('live notifications in Chromium', () => {
  let ticketId: string;

  it('a supervisor sees an escalation as a toast and unread in the inbox', async () => {
    await page.goto(web.baseUrl);
    await page.getByTestId(`signin-agent-${supervisorId}`).click();
    await page.getByTestId('search-input').waitFor();
    await expect.poll(() => page.getByTestId('live-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('connected');

    const created = await api<{ ticket_id: string }>('POST', '/support/cases', { customerId: 'C0000002', subject: 'Đơn hàng giao trễ', message: 'Đã 10 ngày chưa nhận hàng.', priority: 'URGENT' });
    ticketId = created.ticket_id;
    await api('POST', `/support/cases/${ticketId}/escalate`, { reason: 'khách yêu cầu gặp quản lý' });

    const toast = page.getByTestId('notification-toast');
    await toast.first().waitFor({ timeout: 10_000 });
    expect(await toast.first().textContent()).toContain('C0000002');
    expect(await page.getByTestId('inbox-count').textContent()).toBe('1');
  });

  it('clicking the inbox item opens the customer and selects the case', async () => {
    await page.getByTestId('inbox-button').click();
    const item = page.getByTestId('inbox-item').first();
    await item.waitFor();
    expect(await item.getAttribute('data-read')).toBe('false');
    expect(await item.getAttribute('data-notification-id')).toMatch(/^ntf-ticket\.escalated-/);
    await item.locator('.inbox-open').click();
    await expect.poll(() => page.url()).toContain('#/customer/C0000002');
    await page.getByTestId('customer-header').waitFor();
    await expect.poll(() => page.locator('[data-testid="case-item"].selected').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.getByTestId('inbox-count').count()).toBe(0);
  });

  it('after a reload nothing is shown twice and read state is kept', async () => {
    await page.reload();
    await page.getByTestId('search-input').waitFor();
    await expect.poll(() => page.getByTestId('live-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('connected');
    await new Promise((r) => setTimeout(r, 500));
    expect(await page.getByTestId('notification-toast').count()).toBe(0);
    expect(await page.getByTestId('inbox-count').count()).toBe(0);
    await page.getByTestId('inbox-button').click();
    const items = page.getByTestId('inbox-item');
    expect(await items.count()).toBe(1);
    expect(await items.first().getAttribute('data-read')).toBe('true');

    // A second escalation after the reload: one toast, one unread; mark all read clears the count.
    const created = await api<{ ticket_id: string }>('POST', '/support/cases', { customerId: 'C0000004', subject: 'Sai sản phẩm', message: 'Nhận sai size.', priority: 'HIGH' });
    await api('POST', `/support/cases/${created.ticket_id}/escalate`, { reason: 'lần thứ hai' });
    await expect.poll(() => page.getByTestId('inbox-count').textContent(), { timeout: 10_000 }).toBe('1');
    expect(await page.getByTestId('notification-toast').count()).toBe(1);
    expect(await items.count()).toBe(2);
    await page.getByTestId('inbox-mark-all').click();
    await expect.poll(() => page.getByTestId('inbox-count').count()).toBe(0);
  });
});
