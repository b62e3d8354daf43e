import Database from 'better-sqlite3';
import { join } from 'node:path';
import { BENCH_DATA_DIR, fmt, percentiles, report, signIn, startBackend, timed } from './lib';

/**
 * Customer lookup by email and phone through the GraphQL API, p50/p95/p99, with the raw engine
 * read (the same SQLite index lookup, in-process) measured in the same run as the baseline.
 */
export async function benchLookup(): Promise<Record<string, unknown>> {
  const backend = await startBackend();
  try {
    const token = await signIn(backend.baseUrl);
    const db = new Database(join(BENCH_DATA_DIR, 'serving.sqlite'), { readonly: true });
    const contacts = db.prepare("SELECT kind, value FROM customer_contact WHERE kind IN ('email','phone') ORDER BY random() LIMIT 2000").all() as { kind: string; value: string }[];
    const query = 'query($q: String!) { searchCustomers(query: $q, limit: 10) { id fullName email phone segment matchedOn } }';
    const api: number[] = [];
    for (const [i, c] of contacts.entries()) {
      const [ms, res] = await timed(() =>
        fetch(`${backend.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables: { q: c.value } }) }).then((r) => r.json()),
      );
      if (!(res as { data?: { searchCustomers?: unknown[] } }).data?.searchCustomers?.length) throw new Error(`lookup ${c.value} found nothing`);
      if (i >= 100) api.push(ms); // first 100 warm up the JIT and caches
    }
    const raw: number[] = [];
    const stmt = db.prepare('SELECT c.customer_id, p.full_name FROM customer_contact c JOIN customer_profile p USING (customer_id) WHERE c.kind = ? AND c.value >= ? AND c.value < ? LIMIT 10');
    for (const c of contacts) {
      const t0 = performance.now();
      stmt.all(c.kind, c.value, `${c.value}\u{10FFFF}`);
      raw.push(performance.now() - t0);
    }
    db.close();
    const a = percentiles(api);
    const r = percentiles(raw);
    const result = { api: a, rawEngine: r, ratioP99: a.p99 / r.p99, budget: { apiP99Ms: 10 } };
    console.log(`customer lookup (GraphQL over HTTP, n=${a.n}): p50 ${fmt(a.p50)}  p95 ${fmt(a.p95)}  p99 ${fmt(a.p99)}   [budget p99 ≤ 10 ms: ${a.p99 <= 10 ? 'PASS' : 'FAIL'}]`);
    console.log(`  raw SQLite lookup, same run:          p50 ${fmt(r.p50)}  p95 ${fmt(r.p95)}  p99 ${fmt(r.p99)}   (API/raw p99 = ${(a.p99 / r.p99).toFixed(1)}×, HTTP+GraphQL overhead)`);
    report('lookup', result);
    return result;
  } finally {
    await backend.stop();
  }
}
