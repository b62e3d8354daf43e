import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PouchDB from '../backend/notes/pouchdb';
import { chromium } from 'playwright-core';
import { fmt, percentiles, report, startBackend } from './lib';

/**
 * `npm run bench -- notes-sync` (issue 12):
 * 1. Reconnect: the console in Chromium (the renderer's own sync code, IndexedDB) writes NOTES notes
 *    with the browser offline; the clock starts when the network comes back and stops when the server's
 *    shared database holds all of them (target ≤ 5 s for 1,000). Baseline, same run: raw PouchDB
 *    replication of the same documents from Node to pouchdb-server (express-pouchdb, in memory, no
 *    auth and no validation), i.e. what the protocol costs without CS360's endpoint.
 * 2. Live path: a note saved by agent A (Node PouchDB, live replication) → the NOTE row visible on
 *    agent B's timeline (REST, polled every 10 ms), p50/p99 over LIVE_SAMPLES notes.
 * The backend runs on a small demo data set in a temp dir: notes do not depend on the history size.
 */
const NOTES = Number(process.env.CS360_BENCH_NOTES ?? 1000);
const LIVE_SAMPLES = Number(process.env.CS360_BENCH_LIVE_SAMPLES ?? 50);
const CUSTOMER = 'C0000002';

type Doc = { _id: string; type: 'note'; customerId: string; ticketId: null; author: string; authorName: string; body: string; pinned: boolean; deleted: boolean; createdAt: string; updatedAt: string };

function makeNotes(n: number, author: { id: string; name: string }): Doc[] {
  const base = Date.now();
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(base + i).toISOString();
    return { _id: `note:${CUSTOMER}:${randomUUID()}`, type: 'note', customerId: CUSTOMER, ticketId: null, author: author.id, authorName: author.name, body: `Bench note ${i}: called about order DH00020001, **refund** approved; follow up tomorrow.`, pinned: false, deleted: false, createdAt: at, updatedAt: at };
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function serverCount(baseUrl: string, token: string, ids: string[]): Promise<number> {
  const res = await fetch(`${baseUrl}/couch/notes/_all_docs`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ keys: ids }) });
  const body = (await res.json()) as { rows: { value?: { rev: string }; error?: string }[] };
  return body.rows.filter((r) => r.value && !r.error).length;
}

async function baselineRaw(docs: Doc[]): Promise<number> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cs360-bench-pouchserver-'));
  const child = spawn(process.execPath, [join(process.cwd(), 'node_modules/pouchdb-server/bin/pouchdb-server'), '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--config', join(dir, 'config.json'), '--no-color'], { cwd: dir, stdio: 'ignore' });
  try {
    for (let i = 0; ; i++) {
      const ok = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 200) throw new Error('pouchdb-server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const local = new PouchDB(join(dir, 'local'));
    await local.bulkDocs(docs);
    const remote = new PouchDB(`http://127.0.0.1:${port}/notes_baseline`);
    const t0 = performance.now();
    await local.replicate.to(remote);
    const ms = performance.now() - t0;
    await local.close();
    return ms;
  } finally {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchNotesSync(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cs360-bench-notes-'));
  const backend = await startBackend({ CS360_DEMO__CUSTOMERS: '200', CS360_DEMO__EVENTS: '20000', CS360_DEMO__WHALE_EVENTS: '2000' }, ['--web', '--data-dir', dataDir]);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const { agents } = (await (await fetch(`${backend.baseUrl}/api/auth/agents`)).json()) as { agents: { id: string; name: string; role: string }[] };
    const [a, b] = agents.filter((x) => x.role === 'AGENT') as [(typeof agents)[0], (typeof agents)[0]];
    const tokenOf = async (id: string) => ((await (await fetch(`${backend.baseUrl}/api/auth/local`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ agentId: id }) })).json()) as { token: string }).token;
    const [tokenA, tokenB] = [await tokenOf(a.id), await tokenOf(b.id)];

    // 1. Offline → reconnect, in the console.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(backend.baseUrl);
    await page.evaluate(() => sessionStorage.setItem('cs360.notes.bench', '1'));
    await page.locator(`[data-testid="signin-agent-${a.id}"]`).click();
    await page.getByTestId('search-input').waitFor();
    await page.goto(`${backend.baseUrl}/#/customer/${process.env.CS360_BENCH_NOTES_PAGE ?? CUSTOMER}`);
    await page.getByTestId('notes-panel').first().waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="notes-sync"]')?.getAttribute('data-state') === 'synced', undefined, { timeout: 30_000 });
    await context.setOffline(true);
    await page.waitForFunction(() => document.querySelector('[data-testid="notes-sync"]')?.getAttribute('data-state') === 'offline');
    const docs = makeNotes(NOTES, a);
    await page.evaluate(async (d) => (window as unknown as { cs360NotesBench: { write(d: object[]): Promise<void> } }).cs360NotesBench.write(d), docs);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="notes-sync"]')?.getAttribute('data-pending')) === n, NOTES);
    const ids = docs.map((d) => d._id);
    await context.setOffline(false);
    const t0 = performance.now();
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    let onServerMs = Number.NaN;
    for (;;) {
      if ((await serverCount(backend.baseUrl, tokenA, ids)) === NOTES) {
        onServerMs = performance.now() - t0;
        break;
      }
      if (performance.now() - t0 > 120_000) throw new Error('notes did not reach the server in 120 s');
      await new Promise((r) => setTimeout(r, 25));
    }
    await page.waitForFunction(() => document.querySelector('[data-testid="notes-sync"]')?.getAttribute('data-state') === 'synced', undefined, { timeout: 60_000 });
    const indicatorMs = performance.now() - t0;
    await context.close();
    const baselineMs = await baselineRaw(docs);

    // 2. Live path: saved by A → NOTE row on B's timeline.
    const tmp = mkdtempSync(join(tmpdir(), 'cs360-bench-notes-a-'));
    const local = new PouchDB(join(tmp, 'a'));
    const remote = new PouchDB(`${backend.baseUrl}/couch/notes`, {
      skip_setup: true,
      fetch: (url: string | Request, opts?: RequestInit) => {
        const headers = new Headers(opts?.headers);
        headers.set('authorization', `Bearer ${tokenA}`);
        return PouchDB.fetch(url, { ...opts, headers });
      },
    } as PouchDB.Configuration.RemoteDatabaseConfiguration);
    const live = local.replicate.to(remote, { live: true, retry: true });
    const samples: number[] = [];
    const liveCustomer = 'C0000003';
    for (let i = 0; i < LIVE_SAMPLES; i++) {
      const now = new Date().toISOString();
      const doc = { _id: `note:${liveCustomer}:${randomUUID()}`, type: 'note', customerId: liveCustomer, ticketId: null, author: a.id, authorName: a.name, body: `Live note ${i}`, pinned: false, deleted: false, createdAt: now, updatedAt: now };
      const s0 = performance.now();
      await local.put(doc);
      for (;;) {
        const res = await fetch(`${backend.baseUrl}/api/customers/${liveCustomer}/timeline?first=20`, { headers: { authorization: `Bearer ${tokenB}` } });
        const body = (await res.json()) as { events: { payload: Record<string, string> }[] };
        if (body.events.some((e) => e.payload.note_id === doc._id)) break;
        if (performance.now() - s0 > 30_000) throw new Error('a note never reached the timeline');
        await new Promise((r) => setTimeout(r, 10));
      }
      samples.push(performance.now() - s0);
    }
    live.cancel();
    await local.close();
    rmSync(tmp, { recursive: true, force: true });
    const p = percentiles(samples);

    console.log(`notes-sync: ${NOTES} notes written offline in Chromium reached the server ${fmt(onServerMs)} after reconnecting (indicator "synced" at ${fmt(indicatorMs)}); target ≤ 5000 ms`);
    console.log(`notes-sync: baseline, raw PouchDB → pouchdb-server replication of the same ${NOTES} documents: ${fmt(baselineMs)} (ratio ${(onServerMs / baselineMs).toFixed(2)})`);
    console.log(`notes-sync: note saved → NOTE row on another agent's timeline (n=${p.n}): p50 ${fmt(p.p50)}, p95 ${fmt(p.p95)}, p99 ${fmt(p.p99)}`);
    report('notes-sync', { notes: NOTES, reconnectToServerMs: onServerMs, reconnectToIndicatorSyncedMs: indicatorMs, baselineRawReplicationMs: baselineMs, ratio: onServerMs / baselineMs, withinTarget: onServerMs <= 5000, liveNoteToTimelineMs: p });
  } finally {
    await browser.close();
    await backend.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
