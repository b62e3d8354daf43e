import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAgents, launchChromium, startWebConsole, waitReady } from './harness';

/**
 * An agent works a case from the 360 page while a supervisor watches the same customer in another
 * browser: new case, reply with a file (upload, progress, byte-identical download), internal note,
 * status moves, escalation, a refused action rolled back, and the supervisor's reassignment, each
 * seen live on the other side.
 */
let web: Awaited<ReturnType<typeof startWebConsole>>;
let browser: Browser;
let agents: { id: string; role: string }[];
let agent: { context: BrowserContext; page: Page; id: string };
let supervisor: { context: BrowserContext; page: Page; id: string };

const CUSTOMER = 'C0000001';
const SUBJECT = `Hàng giao thiếu — e2e ${Date.now().toString(36)}`;
const REPLY = 'Chúng tôi đã kiểm tra và sẽ gửi bù phần thiếu trong hôm nay.';
const NOTE = 'Kho xác nhận thiếu 1 món; không báo khách số lô.';
const FILE = Buffer.from('receipt 123\nline two, with ünïcode ✓\n', 'utf8');

async function open(role: 'AGENT' | 'SUPERVISOR' | 'ANALYST') {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  await context.addInitScript(() => localStorage.setItem('cs360.lang', 'en'));
  const page = await context.newPage();
  const id = agents.find((a) => a.role === role)!.id;
  await page.goto(web.baseUrl);
  await page.getByTestId(`signin-agent-${id}`).click();
  await page.getByTestId('search-input').waitFor();
  await page.evaluate((c) => (window.location.hash = `#/customer/${c}`), CUSTOMER);
  await page.getByTestId('customer-header').waitFor();
  await page.getByTestId('timeline-row').first().waitFor({ timeout: 20_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="live-status"]')?.getAttribute('data-status') === 'connected', undefined, { timeout: 10_000 });
  return { context, page, id };
}

/** Shortcuts are off while a field has focus: leave it, as an agent clicking the conversation would. */
const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
const row = (page: Page, type: string, text: string) => page.locator(`[data-testid="timeline-row"][data-event-type="${type}"]`, { hasText: text });
const ticketOf = (page: Page) => page.locator('[data-testid="ticket"][data-active="true"]');
/** The server accepted the move and the ticket was read again: nothing pending, the status it holds. */
const settled = async (ticket: Locator, status: string) =>
  expect.poll(async () => `${await ticket.getAttribute('data-pending')}:${await ticket.getAttribute('data-status')}`, { timeout: 10_000 }).toBe(`false:${status}`);

beforeAll(async () => {
  web = await startWebConsole();
  await waitReady(web.baseUrl);
  browser = await launchChromium();
  agents = await demoAgents(web.baseUrl);
  agent = await open('AGENT');
  supervisor = await open('SUPERVISOR');
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('case actions in Chromium', () => {
  it('shows inline errors on the new case form and opens the case with Ctrl+Enter', async () => {
    const { page } = agent;
    await page.getByTestId('new-case').click();
    await page.getByTestId('new-case-dialog').waitFor();
    await page.getByTestId('new-case-subject').fill('ab');
    await page.keyboard.press('Control+Enter');
    expect(await page.getByTestId('new-case-error-subject').textContent()).toContain('3');
    await page.getByTestId('new-case-error-message').waitFor();
    await page.getByTestId('new-case-subject').fill(SUBJECT);
    await page.getByTestId('new-case-priority').selectOption('HIGH');
    const orders = await page.getByTestId('new-case-order').locator('option').count();
    if (orders > 1) await page.getByTestId('new-case-order').selectOption({ index: 1 });
    await page.getByTestId('new-case-message').fill('Tôi nhận thiếu một món trong đơn hàng.');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('new-case-dialog').waitFor({ state: 'detached' });
    const ticket = ticketOf(page);
    await expect.poll(() => ticket.locator('.ticket-title').textContent()).toContain(SUBJECT);
    // The agent who opens a case has it.
    expect(await ticket.getAttribute('data-assigned')).toBe(agent.id);
    expect(await ticket.getAttribute('data-status')).toBe('OPEN');
    await row(supervisor.page, 'ticket.opened', SUBJECT).waitFor({ timeout: 5000 });
  });

  it('refuses a file of the wrong type and one too large, with their own messages', async () => {
    const { page } = agent;
    const input = page.getByTestId('composer-file-input');
    await input.setInputFiles({ name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
    await expect.poll(() => page.locator('[data-testid="upload-item"][data-state="error"]').first().getAttribute('data-error')).toBe('wrongType');
    await input.setInputFiles({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(11 * 1024 * 1024, 1) });
    await expect.poll(() => page.locator('[data-testid="upload-item"][data-state="error"]').nth(1).getAttribute('data-error')).toBe('tooLarge');
    while ((await page.getByTestId('upload-item').count()) > 0) await page.getByTestId('upload-item').first().locator('.icon-btn').click();
  });

  it('replies with an attachment: upload with progress, then the file downloads byte for byte', async () => {
    const { page } = agent;
    await blur(page);
    await page.keyboard.press('r');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('composer-text');
    expect(await page.getByTestId('composer').getAttribute('data-mode')).toBe('reply');
    await page.keyboard.type(REPLY);
    await page.getByTestId('composer-file-input').setInputFiles({ name: 'receipt.txt', mimeType: 'text/plain', buffer: FILE });
    await page.locator('[data-testid="upload-item"][data-state="done"]').waitFor({ timeout: 10_000 });
    await page.getByTestId('composer-text').press('Control+Enter');
    const msg = page.locator('[data-testid="case-message"]:not([data-pending])', { hasText: REPLY });
    await msg.waitFor({ timeout: 10_000 });
    const link = msg.getByTestId('attachment-download');
    expect(await link.textContent()).toContain('receipt.txt');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('receipt.txt');
    expect(readFileSync((await download.path())!)).toEqual(FILE);
    // The other browser sees the message row with its file.
    const seen = row(supervisor.page, 'ticket.message', REPLY.slice(0, 20));
    await seen.waitFor({ timeout: 5000 });
    expect(await seen.getByTestId('timeline-attachments').textContent()).toContain('receipt.txt');
  });

  it('adds an internal note that looks internal on the case and on the timeline', async () => {
    const { page } = agent;
    await blur(page);
    await page.keyboard.press('n');
    // The shortcut switches the composer on React's next render: wait for it rather than read at once.
    await page.locator('[data-testid="composer"][data-mode="note"]').waitFor({ timeout: 5000 });
    await page.getByTestId('internal-label').waitFor();
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Control+Enter');
    const note = page.locator('[data-testid="case-message"][data-internal="true"]', { hasText: NOTE });
    await note.waitFor({ timeout: 10_000 });
    const seen = row(supervisor.page, 'note.added', NOTE.slice(0, 20));
    await seen.waitFor({ timeout: 5000 });
    await seen.getByTestId('timeline-internal').waitFor();
  });

  it('moves the status, escalates with a reason, resolves and reopens', async () => {
    const { page } = agent;
    const ticket = ticketOf(page);
    await ticket.getByTestId('status-to-PENDING').click();
    await settled(ticket, 'PENDING');
    await row(supervisor.page, 'ticket.status_changed', SUBJECT).waitFor({ timeout: 5000 });

    await blur(page);
    await page.keyboard.press('e');
    await page.getByTestId('escalate-dialog').waitFor();
    await page.getByTestId('escalate-reason').fill('Khách VIP dọa hủy đơn, cần trưởng ca xử lý');
    await page.keyboard.press('Control+Enter');
    await settled(ticket, 'ESCALATED');
    expect(await ticket.getByTestId('escalate').getAttribute('aria-disabled')).toBe('true');
    await row(supervisor.page, 'ticket.escalated', SUBJECT).waitFor({ timeout: 5000 });

    await ticket.getByTestId('status-to-RESOLVED').click();
    await settled(ticket, 'RESOLVED');
    await ticket.getByTestId('status-to-OPEN').click();
    await settled(ticket, 'OPEN');
  });

  it('rolls a refused change back in view, with the server\'s message', async () => {
    const { page } = agent;
    const ticket = ticketOf(page);
    // The server refuses this one move (as it would a stale transition); the console must undo it visibly.
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (!body.includes('SetTicketStatus')) return route.continue();
      await new Promise((r) => setTimeout(r, 300));
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ data: null, errors: [{ message: 'status: a OPEN ticket can move to PENDING, not PENDING (stale)', extensions: { code: 'INVALID_INPUT' } }] }) });
    });
    await ticket.getByTestId('status-to-PENDING').click();
    expect(await ticket.getAttribute('data-status')).toBe('PENDING');
    const error = page.getByTestId('action-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('stale');
    expect(await ticket.getAttribute('data-status')).toBe('OPEN');
    await page.unroute('**/graphql');
  });

  it('lets the supervisor reassign the ticket; the agent sees it leave their hands live', async () => {
    const { page } = supervisor;
    await row(page, 'ticket.opened', SUBJECT).click();
    const ticket = page.locator('[data-testid="ticket"][data-active="true"]', { hasText: SUBJECT });
    await ticket.getByTestId('assign-select').waitFor({ timeout: 10_000 });
    expect(await ticket.getAttribute('data-assigned')).toBe(agent.id);
    const other = agents.find((a) => a.role === 'AGENT' && a.id !== agent.id)!;
    await ticket.getByTestId('assign-select').selectOption(other.id);
    await expect.poll(async () => `${await ticket.getAttribute('data-pending')}:${await ticket.getAttribute('data-assigned')}`, { timeout: 10_000 }).toBe(`false:${other.id}`);
    await row(agent.page, 'ticket.assigned', SUBJECT).waitFor({ timeout: 5000 });
    await expect.poll(() => agent.page.getByTestId('actions-blocked').getAttribute('data-reason'), { timeout: 5000 }).toBe('notYours');
    expect(await agent.page.getByTestId('composer').count()).toBe(0);
  });

  it('gives an analyst the case to read and no action control', async () => {
    const analyst = await open('ANALYST');
    await analyst.page.getByTestId('ticket').first().waitFor({ timeout: 10_000 });
    expect(await analyst.page.getByTestId('new-case').count()).toBe(0);
    expect(await analyst.page.getByTestId('ticket-actions').count()).toBe(0);
    expect(await analyst.page.getByTestId('composer').count()).toBe(0);
    await blur(analyst.page);
    await analyst.page.keyboard.press('Shift+?');
    await analyst.page.waitForTimeout(300);
    expect(await analyst.page.getByTestId('shortcut-overlay').count()).toBe(0);
    await analyst.context.close();
  });

  it('lists the shortcuts in the ? overlay', async () => {
    const { page } = agent;
    await blur(page);
    await page.keyboard.press('Shift+?');
    await page.getByTestId('shortcut-overlay').waitFor();
    expect(await page.getByTestId('shortcut-row').evaluateAll((els) => els.map((e) => e.getAttribute('data-key')))).toEqual(['r', 'n', 'e', 'a', 's', '?']);
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcut-overlay').waitFor({ state: 'detached' });
  });
});
