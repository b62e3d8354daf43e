import { chromium } from 'playwright-core';
import { fmt, percentiles, report, startBackend } from './lib';

const RUNS = Number(process.env.CS360_BENCH_DASHBOARD_RUNS ?? 15);
const BUDGET_MS = 1000;

/**
 * The supervisors' dashboard in Debian's Chromium over the full demo data: from the click on a
 * supervisor in the sign-in picker to the KPI cards and the trend bars painted with data (session,
 * the lazily loaded dashboard chunk, the one SlaDashboard query, recharts' render). Each run is a
 * fresh browser context, so nothing is cached between runs but the HTTP cache-less assets. The
 * SlaDashboard round trip is measured in the same run, as the baseline the render adds to.
 * Budget (issue 10): first render with data ≤ 1 s after sign-in.
 */
export async function benchDashboard(): Promise<Record<string, unknown>> {
  const backend = await startBackend({}, ['--web']);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const agents = ((await (await fetch(`${backend.baseUrl}/api/auth/agents`)).json()) as { agents: { id: string; role: string }[] }).agents;
    const supervisor = agents.find((a) => a.role === 'SUPERVISOR');
    if (!supervisor) throw new Error('no demo supervisor');
    const firstRender: number[] = [];
    const query: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, timezoneId: 'Asia/Ho_Chi_Minh' });
      const page = await context.newPage();
      let queryMs = Number.NaN;
      let sent = 0;
      page.on('request', (r) => {
        if (r.url().endsWith('/graphql') && (r.postData() ?? '').includes('query SlaDashboard')) sent = Date.now();
      });
      page.on('response', (r) => {
        if (sent && r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('query SlaDashboard') && Number.isNaN(queryMs)) queryMs = Date.now() - sent;
      });
      await page.goto(backend.baseUrl);
      const pick = page.getByTestId(`signin-agent-${supervisor.id}`);
      await pick.waitFor();
      const t0 = Date.now();
      await pick.click();
      await page.getByTestId('kpis').waitFor({ timeout: 30_000 });
      await page.locator('[data-testid="chart-trend"] .recharts-surface').first().waitFor({ timeout: 30_000 });
      const ms = Date.now() - t0;
      // The first run warms the backend's caches and the OS page cache: reported apart.
      if (i > 0) {
        firstRender.push(ms);
        if (!Number.isNaN(queryMs)) query.push(queryMs);
      } else console.log(`dashboard: cold first run ${ms} ms (not counted)`);
      await context.close();
    }
    const r = percentiles(firstRender);
    const q = percentiles(query);
    console.log(
      `dashboard first render with data after sign-in (${RUNS} runs): p50 ${fmt(r.p50)}  p95 ${fmt(r.p95)}  p99 ${fmt(r.p99)}   [budget ≤ ${BUDGET_MS} ms: ${r.p99 <= BUDGET_MS ? 'PASS' : 'FAIL'}]`,
    );
    console.log(`  of which the SlaDashboard query round trip: p50 ${fmt(q.p50)}  p95 ${fmt(q.p95)}  p99 ${fmt(q.p99)}`);
    const result = { runs: RUNS, firstRender: r, query: q, budget: { firstRenderMs: BUDGET_MS } };
    report('dashboard', result);
    return result;
  } finally {
    await browser.close();
    await backend.stop();
  }
}
