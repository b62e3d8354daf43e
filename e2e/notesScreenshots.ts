import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, startWebConsole, waitReady, demoAgents, type WebConsole } from './harness';

/**
 * docs/screenshots/notes-{synced,offline,conflict}-{vi,en}.png: the notes panel on the Customer 360 page
 * as an agent. `npx tsx e2e/notesScreenshots.ts [baseUrl]` after `npm run build`. Not a test.
 */
const OUT = 'docs/screenshots';
const given = process.argv[2];
let web: WebConsole | null = null;
const baseUrl = given ?? (web = await startWebConsole()).baseUrl;
await waitReady(baseUrl, 600_000);
const agent = (await demoAgents(baseUrl)).find((a) => a.role === 'AGENT')!;
const browser = await launchChromium();

const TEXT = {
  vi: {
    notes: [
      'Khách gọi lại về đơn **DH00050001**: giao trễ 3 ngày.\n- Đã xin lỗi\n- Hẹn gọi lại *trước 17h*',
      'Khách muốn đổi địa chỉ giao hàng sang quận 7.',
      'VIP: ưu tiên xử lý, xem https://help.example.com/vip',
    ],
    offline: ['Ghi lúc mất mạng: khách xác nhận đã nhận hoàn tiền.', 'Cần kiểm tra lại mã vận đơn với hãng vận chuyển.'],
    seed: 'Khách yêu cầu hủy đơn',
    a: 'Khách yêu cầu hủy đơn — đã hủy trên hệ thống',
    b: 'Khách yêu cầu hủy đơn — chờ kho xác nhận',
  },
  en: {
    notes: [
      'Customer called back about order **DH00060001**: delivery 3 days late.\n- Apologised\n- Call back *before 5 pm*',
      'Customer wants the delivery address changed to District 7.',
      'VIP: handle first, see https://help.example.com/vip',
    ],
    offline: ['Written offline: customer confirmed the refund arrived.', 'Check the tracking number with the carrier.'],
    seed: 'Customer asked to cancel the order',
    a: 'Customer asked to cancel — cancelled in the system',
    b: 'Customer asked to cancel — waiting for the warehouse',
  },
};

async function open(context: BrowserContext, customerId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByTestId(`signin-agent-${agent.id}`).click();
  await page.getByTestId('search-input').waitFor();
  await page.goto(`${baseUrl}/#/customer/${customerId}`);
  await page.getByTestId('notes-panel').first().waitFor();
  await page.getByTestId('customer-header').waitFor({ timeout: 30_000 });
  return page;
}
async function state(page: Page, s: string) {
  try {
    await page.waitForFunction((x) => document.querySelector('[data-testid="notes-sync"]')?.getAttribute('data-state') === x, s, { timeout: 30_000 });
  } catch (err) {
    const el = page.getByTestId('notes-sync').first();
    throw new Error(`notes sync never reached ${s}: ${await el.getAttribute('data-state')} pending=${await el.getAttribute('data-pending')} title=${await el.getAttribute('title')}`, { cause: err });
  }
}
async function write(page: Page, text: string) {
  const panel = page.getByTestId('notes-panel').first();
  await panel.getByTestId('note-input').fill(text);
  await panel.getByTestId('note-save').click();
  await page.waitForFunction(() => (document.querySelector('[data-testid="note-input"]') as HTMLTextAreaElement | null)?.value === '');
}

try {
  for (const [lang, customerId] of ([['vi', 'C0000005'], ['en', 'C0000006']] as const).filter(([l]) => !process.env.LANGS || process.env.LANGS.includes(l))) {
    const tx = TEXT[lang];
    const newContext = async () => {
      const c = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Asia/Ho_Chi_Minh' });
      await c.addInitScript((l) => localStorage.setItem('cs360.lang', l), lang);
      return c;
    };
    const ctxA = await newContext();
    const a = await open(ctxA, customerId);
    await state(a, 'synced');
    for (const n of tx.notes) await write(a, n);
    await a.getByTestId('notes-panel').first().locator('[data-testid="note"]', { hasText: 'VIP' }).getByTestId('note-pin').click();
    await state(a, 'synced');
    await a.waitForTimeout(500);
    await a.screenshot({ path: `${OUT}/notes-synced-${lang}.png` });

    await ctxA.setOffline(true);
    await state(a, 'offline');
    for (const n of tx.offline) await write(a, n);
    await a.waitForTimeout(300);
    await a.screenshot({ path: `${OUT}/notes-offline-${lang}.png` });
    await ctxA.setOffline(false);
    await a.evaluate(() => window.dispatchEvent(new Event('online')));
    await state(a, 'synced');

    // Conflict: the same agent in a second browser, both edit one note while apart.
    const ctxB = await newContext();
    const b = await open(ctxB, customerId);
    await write(a, tx.seed);
    const id = await a.getByTestId('notes-panel').first().locator('[data-testid="note"]', { hasText: tx.seed }).first().getAttribute('data-note-id');
    await b.locator(`[data-note-id="${id}"]`).first().waitFor({ timeout: 30_000 });
    await state(a, 'synced');
    await ctxA.setOffline(true);
    await ctxB.setOffline(true);
    for (const [page, text] of [[a, tx.a], [b, tx.b]] as const) {
      const note = page.locator(`[data-note-id="${id}"]`).first();
      await note.getByTestId('note-edit').click();
      await note.getByTestId('note-edit-input').fill(text);
      await note.getByTestId('note-edit-save').click();
    }
    await ctxA.setOffline(false);
    await ctxB.setOffline(false);
    await a.evaluate(() => window.dispatchEvent(new Event('online')));
    await b.evaluate(() => window.dispatchEvent(new Event('online')));
    await state(a, 'conflict');
    await a.locator(`[data-note-id="${id}"] [data-testid="note-conflict"]`).first().waitFor();
    await a.waitForTimeout(300);
    await a.screenshot({ path: `${OUT}/notes-conflict-${lang}.png` });
    await ctxA.close();
    await ctxB.close();
  }
} finally {
  await browser.close();
  await web?.stop();
}
