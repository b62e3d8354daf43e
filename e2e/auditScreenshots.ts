import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiToken, demoAgents, launchChromium, waitReady } from './harness';

/**
 * docs/screenshots/audit-{vi,en}.png: the supervisor's audit trail after a few audited actions
 * (sign-ins, customer 360 reads, an unmask, a case). `npx tsx e2e/auditScreenshots.ts [baseUrl]`;
 * without a URL it starts the built backend (dist/backend/main.js after `npm run build`). Not a test: it writes files for people to look at.
 */
const OUT = 'docs/screenshots';
let baseUrl = process.argv[2];
let stop: (() => void) | null = null;
const dataDir = mkdtempSync(join(tmpdir(), 'cs360-audit-'));
if (!baseUrl) {
  // The built backend (npm run build), or another bundle of it named in CS360_BACKEND_JS.
  const child = fork(process.env.CS360_BACKEND_JS ?? 'dist/backend/main.js', ['--web', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, CS360_DEMO__CUSTOMERS: '300', CS360_DEMO__EVENTS: '30000', CS360_DEMO__WHALE_EVENTS: '5000', CS360_DEMO__TRICKLE_INTERVAL_MS: '0', CS360_LOG__LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  stop = () => child.kill('SIGTERM');
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { type?: string; port?: number }) => (m.type === 'ready' && m.port ? resolve(m.port) : reject(new Error('bad ready message'))));
    child.once('exit', (code) => reject(new Error(`backend exited with ${code}`)));
  });
  baseUrl = `http://127.0.0.1:${port}`;
}
await waitReady(baseUrl, 600_000);
const call = (token: string, path: string, body?: unknown) =>
  fetch(`${baseUrl}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
const agent = await apiToken(baseUrl, 'AGENT');
const analyst = await apiToken(baseUrl, 'ANALYST');
const supervisor = await apiToken(baseUrl, 'SUPERVISOR');
for (const id of ['C0000003', 'C0000007', 'C0000012']) await call(agent, `/api/customers/${id}`);
await call(analyst, '/api/customers/C0000007');
await call(agent, '/support/cases', { customerId: 'C0000007', subject: 'Giao hàng trễ', message: 'Đơn hàng của tôi chưa tới.' });
await call(supervisor, '/graphql', { query: 'mutation { unmaskCustomer(id: "C0000007", reason: "Khách yêu cầu gọi lại") { customerId } }' });
await call(analyst, '/api/auth/logout', {});

const agents = await demoAgents(baseUrl);
const browser = await launchChromium();
try {
  for (const lang of ['vi', 'en'] as const) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Asia/Ho_Chi_Minh', locale: lang === 'vi' ? 'vi-VN' : 'en-GB' });
    await context.addInitScript((l) => localStorage.setItem('cs360.lang', l), lang);
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByTestId(`signin-agent-${agents.find((a) => a.role === 'SUPERVISOR')!.id}`).click();
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-table').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(400);
    const file = `${OUT}/audit-${lang}.png`;
    await page.screenshot({ path: file });
    console.log(`${file}: ${Math.round(statSync(file).size / 1024)} KB`);
    // Filtered to one customer: the 360 reads, the case and the unmask.
    await page.getByTestId('audit-customer').fill('C0000007');
    await page.getByTestId('audit-apply').click();
    await page.waitForTimeout(600);
    const filtered = `${OUT}/audit-customer-${lang}.png`;
    await page.screenshot({ path: filtered });
    console.log(`${filtered}: ${Math.round(statSync(filtered).size / 1024)} KB`);
    await context.close();
  }
} finally {
  await browser.close();
  stop?.();
  rmSync(dataDir, { recursive: true, force: true });
}
