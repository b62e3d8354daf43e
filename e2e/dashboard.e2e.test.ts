import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, demoAgents, launchChromium, startWebConsole, waitReady } from './harness';

let web: Awaited<ReturnType<typeof startWebConsole>>;
let browser: Browser;
let supervisor: { context: BrowserContext; page: Page };
let agents: { id: string; role: string }[];

/** The backend groups hours and days in Vietnam time; the browser's calendar days must be the same ones. */
const newPage = async () => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, timezoneId: 'Asia/Ho_Chi_Minh', acceptDownloads: true });
  // English: the CSV header and timer texts below are checked in it (Vietnamese is the default).
  await context.addInitScript(() => localStorage.setItem('cs360.lang', 'en'));
  return { context, page: await context.newPage() };
};

beforeAll(async () => {
  // A 10-minute first-response at-risk window: a ticket opened now is at risk at once, so the live queue can be watched.
  web = await startWebConsole({ CS360_SLA__AT_RISK_MINUTES__FIRST_RESPONSE: '10' });
  await waitReady(web.baseUrl);
  browser = await launchChromium();
  agents = await demoAgents(web.baseUrl);
  supervisor = await newPage();
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

async function signIn(page: Page, role: 'SUPERVISOR' | 'AGENT'): Promise<string> {
  const id = agents.find((a) => a.role === role)!.id;
  await page.goto(web.baseUrl);
  await page.getByTestId(`signin-agent-${id}`).click();
  return id;
}

/**
 * Where to click so that the pointer lands on the element itself: the centre of a donut slice's
 * box can be in the hole. Scans the box for a point the element is hit at, as a user would aim.
 */
async function clickInside(target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const position = await target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    for (let fy = 0.5; fy < 1; fy += 0.1)
      for (const sign of [1, -1])
        for (let fx = 0.5; fx < 1; fx += 0.1) {
          for (const sx of [1, -1]) {
            const x = box.width * (0.5 + sx * (fx - 0.5));
            const y = box.height * (0.5 + sign * (fy - 0.5));
            if (el.contains(document.elementFromPoint(box.left + x, box.top + y))) return { x, y };
          }
        }
    return null;
  });
  if (!position) throw new Error('no point of the element can be clicked');
  await target.click({ position });
}

/** Clicks a number, waits for its drill-down and returns [the number clicked, the table's count, rows listed]. */
async function drill(page: Page, target: Locator): Promise<[number, number, number]> {
  const expected = Number(await target.getAttribute('data-expected'));
  await clickInside(target);
  const panel = page.getByTestId('drill-panel');
  await expect.poll(() => panel.getAttribute('data-status'), { timeout: 15_000 }).toBe('ready');
  const total = Number(await panel.getAttribute('data-total'));
  const shown = Number(await page.getByTestId('sla-case-table').getAttribute('data-rows'));
  return [expected, total, shown];
}

const closeDrill = async (page: Page) => {
  await page.getByTestId('drill-close').click();
  await page.getByTestId('drill-panel').waitFor({ state: 'detached' });
};

describe('SLA dashboard in Chromium', () => {
  it('lands a supervisor on the dashboard with data in every chart', async () => {
    const { page } = supervisor;
    await signIn(page, 'SUPERVISOR');
    await page.getByTestId('dashboard-content').waitFor({ timeout: 20_000 });
    expect(new URL(page.url()).hash).toBe('');
    // 30 days: the demo's history, whatever the hour the test runs at.
    await page.getByTestId('range-30d').click();
    await expect.poll(async () => Number(await page.getByTestId('kpi-frt-total').getAttribute('data-expected')), { timeout: 15_000 }).toBeGreaterThan(0);
    for (const id of ['trend-bar', 'trend-point', 'group-bar-agent', 'group-bar-team', 'backlog-bar', 'slice-bar-channel', 'slice-bar-priority', 'sentiment-slice']) {
      expect(await page.getByTestId(id).count(), id).toBeGreaterThan(0);
    }
    expect(await page.getByTestId('workload-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('nav-dashboard').getAttribute('aria-current')).toBe('page');
  });

  it('opens exactly the tickets behind a KPI, a bar, a point, a slice and a workload cell', async () => {
    const { page } = supervisor;
    const kpi = page.getByTestId('kpi-frt-met-count');
    // The number on the chip is the number the drill-down must list.
    expect(Number((await kpi.textContent())!.replace(/\D/g, ''))).toBe(Number(await kpi.getAttribute('data-expected')));
    const targets: Locator[] = [
      kpi,
      page.getByTestId('kpi-backlog'),
      page.getByTestId('group-bar-agent').first(),
      page.getByTestId('trend-bar').last(),
      page.getByTestId('trend-point').first(),
      page.getByTestId('sentiment-slice').first(),
      page.getByTestId('slice-bar-channel').first(),
      page.getByTestId('workload-open').first(),
    ];
    for (const target of targets) {
      const [expected, total, shown] = await drill(page, target);
      expect(expected, (await target.getAttribute('data-testid')) ?? '').toBeGreaterThan(0);
      expect(total).toBe(expected);
      expect(shown).toBe(Math.min(total, 5000));
      await closeDrill(page);
    }
  });

  it('sorts the drilled table and exports it as CSV, formulas defused', async () => {
    const { page } = supervisor;
    const [, total] = await drill(page, page.getByTestId('group-bar-team').first());
    const firstTicket = () => page.getByTestId('sla-case-row').first().getAttribute('data-ticket-id');
    await page.getByTestId('sort-ticket').click();
    const asc = await firstTicket();
    await page.getByTestId('sort-ticket').click();
    expect(await firstTicket()).not.toBe(asc);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('drill-panel').getByTestId('csv-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines.length).toBe(Math.min(total, 5000) + 1);
    expect(lines[0]!.split(',')[0]).toBe('ticket_id');
    // No cell may start a formula: papaparse quotes such cells behind a leading apostrophe.
    expect(csv).not.toMatch(/(^|,)[=+@]/m);
    await closeDrill(page);
  });

  it('keeps the numbers live: a new ticket joins the at-risk queue and leaves it once its agent replies', async () => {
    const { page } = supervisor;
    await page.getByTestId('range-today').click();
    const token = await apiToken(web.baseUrl, 'AGENT');
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const backlog = async () => Number(await page.getByTestId('kpi-backlog').getAttribute('data-expected'));
    await page.getByTestId('kpi-backlog').waitFor();
    const before = await backlog();
    const res = await fetch(`${web.baseUrl}/support/cases`, { method: 'POST', headers, body: JSON.stringify({ customerId: 'C0000003', subject: 'Chưa nhận được hoàn tiền', message: 'Tôi cần hỗ trợ gấp.', priority: 'URGENT' }) });
    expect(res.status).toBe(201);
    const { ticket_id: ticketId } = (await res.json()) as { ticket_id: string };
    const item = page.locator(`[data-testid="at-risk-item"][data-ticket-id="${ticketId}"]`);
    // Without a reload: the page refreshes on live events and at least every 30 s.
    await item.waitFor({ timeout: 45_000 });
    expect(await backlog()).toBe(before + 1);
    expect(await item.getByTestId('sla-timer').textContent()).toMatch(/^breaches in \d+ (min|s)$/);

    const reply = await fetch(`${web.baseUrl}/support/cases/${ticketId}/messages`, { method: 'POST', headers, body: JSON.stringify({ message: 'Chúng tôi đang kiểm tra ngay.' }) });
    expect(reply.status).toBe(201);
    await item.waitFor({ state: 'detached', timeout: 45_000 });
    expect(await page.getByTestId('updated-ago').getAttribute('data-updated-at')).not.toBeNull();
  }, 120_000);

  it('measures the dashboard\'s first render with data after sign-in', async () => {
    const { context, page } = await newPage();
    const id = agents.find((a) => a.role === 'SUPERVISOR')!.id;
    await page.goto(web.baseUrl);
    await page.getByTestId(`signin-agent-${id}`).waitFor();
    const t0 = Date.now();
    await page.getByTestId(`signin-agent-${id}`).click();
    await page.getByTestId('kpis').waitFor({ timeout: 20_000 });
    const ms = Date.now() - t0;
    // Printed, not asserted: timings belong to the benchmark (npm run bench -- dashboard).
    process.stdout.write(`dashboard first render with data after sign-in: ${ms} ms\n`);
    await context.close();
  });
});

describe('My work in Chromium', () => {
  let page: Page;
  let context: BrowserContext;
  beforeAll(async () => ({ context, page } = await newPage()));
  afterAll(async () => context?.close());

  it('lands an agent on their own open tickets, most urgent first', async () => {
    await signIn(page, 'AGENT');
    await page.getByTestId('my-work').waitFor();
    await expect.poll(() => page.getByTestId('my-work').getAttribute('data-status'), { timeout: 20_000 }).toBe('ready');
    expect(await page.getByTestId('nav-dashboard').count()).toBe(0);
    const due = await page.getByTestId('sla-timer').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('data-due-at') ?? '')).filter((n) => !Number.isNaN(n)));
    // Upcoming deadlines soonest first, then overdue ones most recent first (as the at-risk queue),
    // judged at the moment the rows were ordered: when the answer arrived.
    const orderedAt = Number(await page.getByTestId('updated-ago').getAttribute('data-updated-at'));
    const keys = due.map((d): [number, number] => (d > orderedAt ? [0, d] : [1, -d]));
    for (let i = 1; i < keys.length; i++) expect(keys[i]![0] - keys[i - 1]![0] || Math.sign(keys[i]![1] - keys[i - 1]![1])).toBeGreaterThanOrEqual(0);
  });

  it('ticks the shared one-second clock (countdowns, "updated N s ago")', async () => {
    const timer = page.getByTestId('sla-timer').first();
    if ((await timer.count()) === 0) return;
    const first = await page.getByTestId('updated-ago').textContent();
    await page.waitForTimeout(2100);
    expect(await page.getByTestId('updated-ago').textContent()).not.toBe(first);
  });

  it('refuses the dashboard to an agent, in the console and in the API', async () => {
    await page.evaluate(() => (window.location.hash = '#/dashboard'));
    await page.getByTestId('dashboard-forbidden').waitFor();
    expect(await page.getByTestId('dashboard').count()).toBe(0);
    const token = await apiToken(web.baseUrl, 'AGENT');
    const res = await fetch(`${web.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query($f: SlaFilter!) { slaReport(filter: $f, groupBy: AGENT) { overall { tickets } } }', variables: { f: { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date().toISOString() } } }),
    });
    const body = (await res.json()) as { errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
