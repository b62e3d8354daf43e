import { statSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { demoAgents, launchChromium, startWebConsole, waitReady, type WebConsole } from './harness';

/**
 * The case-work screenshots in docs/screenshots (case-*.png): the new-case form with its inline
 * errors, the case view with composer, attachments and the status/assign/escalate controls, the `?`
 * overlay and the partial-history banner; Vietnamese and English, agent and supervisor, the case
 * view also dark. `npx tsx e2e/caseScreenshots.ts [baseUrl]` after `npm run build`; without a URL it
 * starts the built backend on the e2e demo data. Not a test: it writes files for people to look at.
 *
 * The partial-history banner needs the history store to time out (stack mode, Trino stopped); here
 * the page's Timeline answers are marked partial in the browser instead, which is what the console
 * sees in that case.
 */
const OUT = 'docs/screenshots';
const CUSTOMER = 'C0000001';
const given = process.argv[2];
let web: WebConsole | null = null;
const baseUrl = given ?? (web = await startWebConsole()).baseUrl;
await waitReady(baseUrl, 600_000);
const agents = await demoAgents(baseUrl);
const browser: Browser = await launchChromium();

const TEXT = {
  vi: {
    subject: 'Giao thiếu 1 món trong đơn hàng',
    first: 'Tôi nhận được hàng nhưng thiếu một chiếc tai nghe. Làm ơn kiểm tra giúp tôi.',
    reply: 'Chào chị, em đã kiểm tra với kho: đúng là thiếu 1 món. Em gửi bù trong hôm nay và đính kèm phiếu xuất kho ạ.',
    note: 'Kho Tân Bình xác nhận thiếu hàng; lỗi đóng gói ca chiều. Không báo khách số lô.',
    draft: 'Em gửi chị ảnh kiện hàng lúc đóng gói để đối chiếu',
  },
  en: {
    subject: 'One item missing from the order',
    first: 'My parcel arrived but one pair of earphones is missing. Please check.',
    reply: 'Hello, the warehouse confirms one item was missing. We are sending it today; the dispatch slip is attached.',
    note: 'Tan Binh warehouse confirms the short pick (afternoon shift). Do not share the batch number with the customer.',
    draft: 'Here is the photo of your parcel at packing, for comparison',
  },
} as const;

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(350);
  const file = `${OUT}/${name}.png`;
  await page.screenshot({ path: file });
  console.log(`${file}: ${Math.round(statSync(file).size / 1024)} KB`);
}

async function openAs(role: 'AGENT' | 'SUPERVISOR', lang: 'vi' | 'en', theme: 'light' | 'dark' = 'light') {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Asia/Ho_Chi_Minh' });
  await context.addInitScript(
    ([l, th]) => {
      localStorage.setItem('cs360.lang', l as string);
      localStorage.setItem('cs360.theme', th as string);
    },
    [lang, theme],
  );
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByTestId(`signin-agent-${agents.find((a) => a.role === role)!.id}`).click();
  await page.getByTestId('search-input').waitFor();
  await page.evaluate((c) => (window.location.hash = `#/customer/${c}`), CUSTOMER);
  await page.getByTestId('customer-header').waitFor();
  await page.getByTestId('timeline-row').first().waitFor({ timeout: 30_000 });
  return { context, page };
}

const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
const activeTicket = (page: Page) => page.locator('[data-testid="ticket"][data-active="true"]');

/** The agent opens a case, replies with a file, writes an internal note and starts the next reply with files. */
async function agentWorksCase(page: Page, lang: 'vi' | 'en', newCaseShot: string): Promise<void> {
  const tx = TEXT[lang];
  await page.getByTestId('new-case').click();
  await page.getByTestId('new-case-subject').fill(tx.subject.slice(0, 2));
  if ((await page.getByTestId('new-case-order').locator('option').count()) > 1) await page.getByTestId('new-case-order').selectOption({ index: 1 });
  await page.getByTestId('new-case-priority').selectOption('HIGH');
  await page.getByTestId('new-case-channel').selectOption('ZALO');
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('new-case-error-subject').waitFor();
  await shot(page, newCaseShot);
  await page.getByTestId('new-case-subject').fill(tx.subject);
  await page.getByTestId('new-case-message').fill(tx.first);
  await page.keyboard.press('Control+Enter');
  await page.getByTestId('new-case-dialog').waitFor({ state: 'detached' });
  const ticket = activeTicket(page);
  await ticket.getByTestId('composer').waitFor({ timeout: 10_000 });

  await page.getByTestId('composer-text').fill(tx.reply);
  await page.getByTestId('composer-file-input').setInputFiles({ name: lang === 'vi' ? 'phieu-xuat-kho.pdf' : 'dispatch-slip.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% slip\n'.repeat(400)) });
  await page.locator('[data-testid="upload-item"][data-state="done"]').waitFor({ timeout: 10_000 });
  await page.getByTestId('composer-text').press('Control+Enter');
  await page.locator('[data-testid="case-message"]:not([data-pending])', { hasText: tx.reply.slice(0, 20) }).waitFor({ timeout: 10_000 });

  await blur(page);
  await page.keyboard.press('n');
  await page.keyboard.type(tx.note);
  await page.keyboard.press('Control+Enter');
  await page.locator('[data-testid="case-message"][data-internal="true"]:not([data-pending])').waitFor({ timeout: 10_000 });

  // The next reply in progress: one file ready, one refused for its type.
  await blur(page);
  await page.keyboard.press('r');
  await page.keyboard.type(tx.draft);
  await page.getByTestId('composer-file-input').setInputFiles({ name: 'kien-hang.png', mimeType: 'image/png', buffer: Buffer.alloc(48_000, 7) });
  await page.locator('[data-testid="upload-item"][data-state="done"]').waitFor({ timeout: 10_000 });
  await page.getByTestId('composer-file-input').setInputFiles({ name: 'video-mo-hop.mov', mimeType: 'video/quicktime', buffer: Buffer.alloc(2048, 1) });
  await page.locator('[data-testid="upload-item"][data-state="error"]').waitFor({ timeout: 10_000 });
  await page.waitForTimeout(1500);
}

/** Scroll the case panel down to the end of the ticket's work area (actions and composer). */
async function showWork(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelector('[data-testid="ticket"][data-active="true"] .ticket-work')?.scrollIntoView({ block: 'end' }));
}

try {
  for (const lang of ['vi', 'en'] as const) {
    // Agent: new case form, the case being worked, the overlay, the partial banner.
    {
      const { context, page } = await openAs('AGENT', lang);
      await agentWorksCase(page, lang, `case-new-agent-${lang}`);
      await showWork(page);
      await shot(page, `case-view-agent-${lang}`);
      // The escalate tooltip on a ticket already escalated is shown in the supervisor's shot.
      await blur(page);
      await page.keyboard.press('Shift+?');
      await page.getByTestId('shortcut-overlay').waitFor();
      await shot(page, `case-shortcuts-agent-${lang}`);
      await page.keyboard.press('Escape');
      await context.close();
    }
    // Supervisor: assign any agent; a ticket escalated, its escalate button explaining why it is off.
    {
      const { context, page } = await openAs('SUPERVISOR', lang);
      const subject = TEXT[lang].subject;
      await page.locator('[data-testid="timeline-row"][data-event-type="ticket.opened"]', { hasText: subject }).first().click();
      const ticket = page.locator('[data-testid="ticket"][data-active="true"]', { hasText: subject });
      await ticket.getByTestId('assign-select').waitFor({ timeout: 10_000 });
      await ticket.getByTestId('escalate').click();
      await page.getByTestId('escalate-reason').fill(lang === 'vi' ? 'Khách hàng VIP, đơn thứ hai bị thiếu hàng trong tháng' : 'VIP customer, second short delivery this month');
      await page.keyboard.press('Control+Enter');
      await page.waitForFunction(() => document.querySelector('[data-testid="ticket"][data-active="true"]')?.getAttribute('data-status') === 'ESCALATED');
      await showWork(page);
      await ticket.getByTestId('escalate').hover();
      await shot(page, `case-view-supervisor-${lang}`);
      await page.getByTestId('new-case').click();
      await page.getByTestId('new-case-dialog').waitFor();
      await page.getByTestId('new-case-subject').fill(TEXT[lang].subject);
      await shot(page, `case-new-supervisor-${lang}`);
      await page.keyboard.press('Escape');
      await blur(page);
      await page.keyboard.press('Shift+?');
      await page.getByTestId('shortcut-overlay').waitFor();
      await shot(page, `case-shortcuts-supervisor-${lang}`);
      await context.close();
    }
    // Partial history, as agent and as supervisor: every Timeline answer marked partial.
    for (const role of ['AGENT', 'SUPERVISOR'] as const) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Asia/Ho_Chi_Minh' });
      await context.addInitScript((l) => localStorage.setItem('cs360.lang', l), lang);
      await context.route('**/graphql', async (route) => {
        const body = route.request().postData() ?? '';
        if (!body.includes('query Timeline')) return route.continue();
        const res = await route.fetch();
        const json = (await res.json()) as { data?: { timeline?: { events: unknown[]; partial: boolean; nextCursor: string | null } } };
        if (json.data?.timeline) {
          json.data.timeline.partial = true;
          json.data.timeline.events = json.data.timeline.events.slice(0, 40);
          json.data.timeline.nextCursor = null;
        }
        await route.fulfill({ response: res, json });
      });
      const page = await context.newPage();
      await page.goto(baseUrl);
      await page.getByTestId(`signin-agent-${agents.find((a) => a.role === role)!.id}`).click();
      await page.getByTestId('search-input').waitFor();
      await page.evaluate((c) => (window.location.hash = `#/customer/${c}`), CUSTOMER);
      await page.getByTestId('timeline-partial').waitFor({ timeout: 30_000 });
      await shot(page, `case-partial-${role.toLowerCase()}-${lang}`);
      await context.close();
    }
    // Dark theme: the agent's case view.
    {
      const { context, page } = await openAs('AGENT', lang, 'dark');
      await page.locator('[data-testid="timeline-row"][data-event-type="ticket.opened"]', { hasText: TEXT[lang].subject }).first().click();
      const ticket = page.locator('[data-testid="ticket"][data-active="true"]', { hasText: TEXT[lang].subject });
      await ticket.waitFor({ timeout: 10_000 });
      await blur(page);
      await page.keyboard.press('n');
      await page.keyboard.type(TEXT[lang].draft);
      await showWork(page);
      await shot(page, `case-view-agent-${lang}-dark`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await web?.stop();
}
