import { fmt, percentiles, report, signIn, startBackend, timed } from './lib';

/**
 * A 200-row timeline page for the whale customer (C0000001, ~100k events) through the GraphQL
 * API, at random depths of history. Cache off (TTL 0), so every request reaches the engine.
 */
export async function benchTimelinePage(): Promise<Record<string, unknown>> {
  const backend = await startBackend({ CS360_API__TIMELINE_CACHE_TTL_MS: '0' });
  try {
    const token = await signIn(backend.baseUrl);
    const query = 'query($after: String) { timeline(customerId: "C0000001", first: 200, after: $after) { nextCursor events { id eventType kind eventTime payload } } }';
    const post = (after: string | null) =>
      fetch(`${backend.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables: { after } }) }).then(
        (r) => r.json() as Promise<{ data: { timeline: { nextCursor: string | null; events: unknown[] } } }>,
      );
    // Walk the whole history once to collect cursors at every depth, then request them in random order.
    const cursors: (string | null)[] = [null];
    let total = 0;
    for (let after: string | null = null; ; ) {
      const page = await post(after);
      total += page.data.timeline.events.length;
      after = page.data.timeline.nextCursor;
      if (!after) break;
      cursors.push(after);
    }
    const samples: number[] = [];
    for (let i = 0; i < 1500; i++) {
      const c = cursors[Math.floor(Math.random() * cursors.length)] ?? null;
      const [ms, page] = await timed(() => post(c));
      if (page.data.timeline.events.length === 0) throw new Error('empty page');
      if (i >= 100) samples.push(ms);
    }
    const p = percentiles(samples);
    console.log(`timeline page (200 rows, customer with ${total.toLocaleString('en')} events, uncached, n=${p.n}): p50 ${fmt(p.p50)}  p95 ${fmt(p.p95)}  p99 ${fmt(p.p99)}   [budget p99 ≤ 50 ms: ${p.p99 <= 50 ? 'PASS' : 'FAIL'}]`);
    const result = { customerEvents: total, pages: cursors.length, api: p, budget: { apiP99Ms: 50 } };
    report('timeline-page', result);
    return result;
  } finally {
    await backend.stop();
  }
}
