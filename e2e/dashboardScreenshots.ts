import { statSync } from 'node:fs';
import { launchChromium, startWebConsole, waitReady, demoAgents, type WebConsole } from './harness';

/**
 * The screenshots in docs/screenshots: the SLA dashboard (supervisor) and My work (agent), in
 * Vietnamese and English, light and dark. `npx tsx e2e/dashboardScreenshots.ts [baseUrl]` after
 * `npm run build`; without a URL it starts the built backend with a mid-sized demo data set.
 * Not a test: it writes files for people to look at.
 */
const OUT = 'docs/screenshots';
const given = process.argv[2];
let web: WebConsole | null = null;
const baseUrl = given ?? (web = await startWebConsole({ CS360_DEMO__CUSTOMERS: '1500', CS360_DEMO__EVENTS: '150000', CS360_DEMO__WHALE_EVENTS: '10000' })).baseUrl;
await waitReady(baseUrl, 600_000);
const agents = await demoAgents(baseUrl);
const browser = await launchChromium();
try {
  for (const theme of ['light', 'dark'] as const) {
    for (const lang of ['vi', 'en'] as const) {
      for (const role of ['SUPERVISOR', 'AGENT'] as const) {
        const tall = role === 'SUPERVISOR';
        const context = await browser.newContext({ viewport: { width: 1440, height: tall ? 1780 : 900 }, timezoneId: 'Asia/Ho_Chi_Minh' });
        await context.addInitScript(([l, th]) => {
          localStorage.setItem('cs360.lang', l as string);
          localStorage.setItem('cs360.theme', th as string);
        }, [lang, theme]);
        const page = await context.newPage();
        await page.goto(baseUrl);
        await page.getByTestId(`signin-agent-${agents.find((a) => a.role === role)!.id}`).click();
        if (tall) {
          await page.getByTestId('kpis').waitFor({ timeout: 60_000 });
          // A quiet hour of the day can leave "today" thin: show the last 7 days then.
          if (Number(await page.getByTestId('kpi-frt-total').getAttribute('data-expected')) < 20) {
            await page.getByTestId('range-7d').click();
            await page.waitForFunction(() => document.querySelector('[data-testid="dashboard"]')?.getAttribute('data-status') === 'ready');
          }
        } else {
          await page.waitForFunction(() => document.querySelector('[data-testid="my-work"]')?.getAttribute('data-status') === 'ready', undefined, { timeout: 60_000 });
        }
        await page.waitForTimeout(500);
        const file = `${OUT}/${role === 'SUPERVISOR' ? 'dashboard' : 'my-work'}-${lang}${theme === 'dark' ? '-dark' : ''}.png`;
        await page.screenshot({ path: file });
        console.log(`${file}: ${Math.round(statSync(file).size / 1024)} KB`);
        if (tall && theme === 'light') {
          await page.getByTestId('kpi-frt-breached').click();
          await page.waitForFunction(() => document.querySelector('[data-testid="drill-panel"]')?.getAttribute('data-status') === 'ready');
          await page.setViewportSize({ width: 1440, height: 900 });
          const drill = `${OUT}/drill-down-${lang}.png`;
          await page.screenshot({ path: drill });
          console.log(`${drill}: ${Math.round(statSync(drill).size / 1024)} KB`);
        }
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await web?.stop();
}
