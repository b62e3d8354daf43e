import { existsSync } from 'node:fs';
import { benchCaseActions } from './caseActions';
import { benchConcurrentTimeline } from './concurrentTimeline';
import { benchDashboard } from './dashboard';
import { benchFreshness } from './freshness';
import { benchFuzz } from './fuzz';
import { benchLookup } from './lookup';
import { benchNotifications } from './notifications';
import { benchNotesSync } from './notesSync';
import { benchRenderer } from './renderer';
import { benchSentiment } from './sentiment';
import { benchSla } from './sla';
import { benchStackLookup } from './stackLookup';
import { benchStartup } from './startup';
import { benchTimelinePage } from './timelinePage';

/** `npm run bench [lookup|timeline|load|renderer|dashboard|startup|notifications|sla|sentiment|stack-lookup|stack-load|freshness]`: each prints p50/p95/p99 and writes bench/results/<name>.json. stack-lookup, stack-load and freshness need `npm run stack:up` and are not in the default set. */
const benches: Record<string, () => Promise<unknown>> = { lookup: benchLookup, timeline: benchTimelinePage, load: () => benchConcurrentTimeline(), renderer: benchRenderer, dashboard: benchDashboard, startup: benchStartup, notifications: benchNotifications, 'stack-lookup': benchStackLookup, 'stack-load': () => benchConcurrentTimeline(undefined, 'stack'), freshness: benchFreshness, sla: benchSla, sentiment: benchSentiment, 'notes-sync': benchNotesSync, fuzz: benchFuzz, 'case-actions': benchCaseActions };
/** Run only when named: they need the engines of `npm run stack:up`. */
const STACK_BENCHES = new Set(['stack-lookup', 'stack-load', 'freshness']);

if (!existsSync('dist/backend/main.js')) {
  console.error('bench: build first (npm run build)');
  process.exit(1);
}
const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(benches).filter((b) => !STACK_BENCHES.has(b));
for (const name of wanted) {
  const run = benches[name];
  if (!run) {
    console.error(`bench: unknown benchmark ${name}; choose from ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  await run();
}
