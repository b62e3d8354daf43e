import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAgents, launchChromium, startWebConsole, waitReady } from './harness';

/**
 * Offline-first case notes in Chromium against the embedded backend's CouchDB-protocol endpoint:
 * the browser's own network switch (context.setOffline), IndexedDB across a reload, live sync back,
 * and a conflict between two browsers resolved by the agent.
 */

const CUSTOMER = 'C0000001';
let web: Awaited<ReturnType<typeof startWebConsole>>;
let browser: Browser;
let agentId: string;

beforeAll(async () => {
  web = await startWebConsole();
  await waitReady(web.baseUrl);
  browser = await launchChromium();
  agentId = (await demoAgents(web.baseUrl)).find((a) => a.role === 'AGENT')!.id;
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

async function openAsAgent(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(web.baseUrl);
  await page.locator(`[data-testid="signin-agent-${agentId}"]`).click();
  await page.getByTestId('search-input').waitFor();
  await page.goto(`${web.baseUrl}/#/customer/${CUSTOMER}`);
  await page.getByTestId('notes-panel').first().waitFor();
  return page;
}

const syncState = (page: Page) => page.getByTestId('notes-sync').first().getAttribute('data-state');
const pendingCount = async (page: Page) => Number(await page.getByTestId('notes-sync').first().getAttribute('data-pending'));
const panel = (page: Page) => page.getByTestId('notes-panel').first();

async function tokenOf(page: Page): Promise<string> {
  return page.evaluate(() => (JSON.parse(sessionStorage.getItem('cs360.session') ?? '{}') as { token: string }).token);
}

async function serverDocs(token: string, ids: string[]): Promise<Map<string, { body: string; _conflicts?: string[] }>> {
  const res = await fetch(`${web.baseUrl}/couch/notes/_all_docs?include_docs=true&conflicts=true`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ keys: ids }) });
  const body = (await res.json()) as { rows: { key: string; doc?: { body: string; _conflicts?: string[] } | null }[] };
  return new Map(body.rows.filter((r) => r.doc).map((r) => [r.key, r.doc!]));
}

async function writeNote(page: Page, text: string): Promise<void> {
  await panel(page).getByTestId('note-input').fill(text);
  await panel(page).getByTestId('note-save').click();
  await expect.poll(() => panel(page).getByTestId('note-input').inputValue()).toBe('');
}

describe('offline notes in Chromium', () => {
  it('writes 50 notes and edits 5 offline, keeps them across a reload without the server, and syncs them all when back online', async () => {
    const context = await browser.newContext();
    const page = await openAsAgent(context);
    await expect.poll(() => syncState(page), { timeout: 20_000 }).toBe('synced');

    await context.setOffline(true);
    await expect.poll(() => syncState(page)).toBe('offline');
    for (let i = 0; i < 50; i++) await writeNote(page, `Offline note ${i} about order DH00010001 and **refund**`);
    await expect.poll(() => panel(page).getByTestId('note').count()).toBeGreaterThanOrEqual(50);
    const notes = panel(page).getByTestId('note');
    for (let i = 0; i < 5; i++) {
      await notes.nth(i).getByTestId('note-edit').click();
      await notes.nth(i).getByTestId('note-edit-input').fill(`Edited offline ${i}`);
      await notes.nth(i).getByTestId('note-edit-save').click();
    }
    await expect.poll(() => pendingCount(page)).toBe(50);
    const ids = await notes.evaluateAll((els) => els.map((e) => e.getAttribute('data-note-id') ?? ''));
    expect(ids.length).toBe(50);
    // Bold is an element, the order id a link; nothing came through as HTML.
    expect(await notes.nth(10).locator('strong, a.note-id').count()).toBe(2);

    // Reload with the notes server still unreachable. Chromium cannot load the page itself while the
    // whole context is offline (no service worker), so the page comes back with /couch and
    // /api/notes/sync refused instead: the notes must come from IndexedDB alone.
    await context.setOffline(false);
    await context.route(/\/(couch|api\/notes)\b/, (route) => route.abort('internetdisconnected'));
    await page.reload();
    await panel(page).waitFor();
    await expect.poll(() => panel(page).getByTestId('note').count(), { timeout: 20_000 }).toBe(50);
    await expect.poll(() => syncState(page)).toBe('offline');
    expect(await pendingCount(page)).toBe(50);
    expect(await panel(page).getByText('Edited offline 0', { exact: true }).count()).toBe(1);

    // Back online: everything reaches the server by itself.
    await context.unroute(/\/(couch|api\/notes)\b/);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect.poll(() => syncState(page), { timeout: 30_000 }).toBe('synced');
    expect(await pendingCount(page)).toBe(0);
    const docs = await serverDocs(await tokenOf(page), ids);
    expect(docs.size).toBe(50);
    expect([...docs.values()].filter((d) => d.body.startsWith('Edited offline')).length).toBe(5);

    // And on the timeline, one NOTE row per note.
    await expect
      .poll(
        async () => {
          const res = await fetch(`${web.baseUrl}/api/customers/${CUSTOMER}/timeline?first=100`, { headers: { authorization: `Bearer ${await tokenOf(page)}` } });
          const body = (await res.json()) as { events?: { payload: Record<string, string> }[] };
          return new Set((body.events ?? []).map((e) => e.payload.note_id).filter((id) => id && ids.includes(id))).size;
        },
        { timeout: 20_000 },
      )
      .toBe(50);
    await context.close();
  });

  it('loses nothing when the backend is killed mid-sync: the notes sync once it is back', async () => {
    const context = await browser.newContext();
    const page = await openAsAgent(context);
    await expect.poll(() => syncState(page), { timeout: 20_000 }).toBe('synced');
    await context.setOffline(true);
    await expect.poll(() => syncState(page)).toBe('offline');
    for (let i = 0; i < 20; i++) await writeNote(page, `Before the crash ${i}`);
    const ids = await panel(page)
      .getByTestId('note')
      .evaluateAll((els) => els.filter((e) => e.textContent?.includes('Before the crash')).map((e) => e.getAttribute('data-note-id') ?? ''));
    expect(ids.length).toBe(20);
    // Back online and, while the sync starts, the backend dies (kill -9) and comes back on the same port and data.
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await web.crash();
    web = await startWebConsole({}, { port: web.port, dataDir: web.dataDir });
    await waitReady(web.baseUrl);
    await expect.poll(() => syncState(page), { timeout: 45_000 }).toBe('synced');
    expect(await pendingCount(page)).toBe(0);
    expect((await serverDocs(await tokenOf(page), ids)).size).toBe(20);
    await context.close();
  });

  it('shows a note edited in two browsers while apart as a conflict, and resolves it by choosing a version', async () => {
    const ctxA = await browser.newContext();
    const ctxB = await browser.newContext();
    const a = await openAsAgent(ctxA);
    const b = await openAsAgent(ctxB);
    await writeNote(a, 'Conflict seed note');
    const id = await panel(a).locator('[data-testid="note"]', { hasText: 'Conflict seed note' }).getAttribute('data-note-id');
    const noteA = panel(a).locator(`[data-note-id="${id}"]`);
    const noteB = panel(b).locator(`[data-note-id="${id}"]`);
    await noteB.waitFor({ timeout: 20_000 });
    await expect.poll(() => syncState(a), { timeout: 20_000 }).toBe('synced');

    await ctxA.setOffline(true);
    await ctxB.setOffline(true);
    await noteA.getByTestId('note-edit').click();
    await noteA.getByTestId('note-edit-input').fill('Version from browser A');
    await noteA.getByTestId('note-edit-save').click();
    await noteB.getByTestId('note-edit').click();
    await noteB.getByTestId('note-edit-input').fill('Version from browser B');
    await noteB.getByTestId('note-edit-save').click();

    await ctxA.setOffline(false);
    await ctxB.setOffline(false);
    await expect.poll(() => syncState(a), { timeout: 30_000 }).toBe('conflict');
    await expect.poll(() => syncState(b), { timeout: 30_000 }).toBe('conflict');
    const conflictA = panel(a).locator(`[data-note-id="${id}"] [data-testid="note-conflict"]`);
    await conflictA.waitFor();
    const versions = await conflictA.getByTestId('note-conflict-version').allInnerTexts();
    expect(versions.some((v) => v.includes('Version from browser A'))).toBe(true);
    expect(versions.some((v) => v.includes('Version from browser B'))).toBe(true);

    // A keeps B's version: both browsers and the server end with it, and no conflict.
    await conflictA.getByTestId('note-conflict-version').filter({ hasText: 'Version from browser B' }).getByTestId('note-conflict-keep').click();
    await expect.poll(() => syncState(a), { timeout: 30_000 }).toBe('synced');
    await expect.poll(() => syncState(b), { timeout: 30_000 }).toBe('synced');
    await expect.poll(() => panel(b).locator(`[data-note-id="${id}"] .note-body`).innerText(), { timeout: 20_000 }).toBe('Version from browser B');
    const docs = await serverDocs(await tokenOf(a), [id!]);
    expect(docs.get(id!)?.body).toBe('Version from browser B');
    expect(docs.get(id!)?._conflicts ?? []).toEqual([]);
    await ctxA.close();
    await ctxB.close();
  });
});
