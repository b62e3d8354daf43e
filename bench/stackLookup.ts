import { bucketsFor } from '../backend/adapters/stack/cassandraCaseStore';
import { fmt, percentiles, report, timed } from './lib';
import { BENCH_KEYSPACE as KEYSPACE, startStackBenchBackend } from './stackBackend';

const SAMPLES = 2000;
const WARMUP = 100;

/**
 * `npm run bench -- stack-lookup` (needs `npm run stack:up`): customer lookup by email/phone through
 * the GraphQL API of a backend in stack mode (Cassandra) against a raw cassandra-driver read of the
 * same contact row, interleaved in the same run. Budget: API p99 / raw p99 ≤ 1.5.
 */
export async function benchStackLookup(): Promise<Record<string, unknown>> {
  const { backend, cql, signIn } = await startStackBenchBackend();
  try {
    const token = await signIn();
    // Token order is hash order: the first profiles are a spread sample of customers.
    const profiles = await cql.execute(`SELECT emails, phones FROM ${KEYSPACE}.customer_profile LIMIT ${SAMPLES}`);
    const contacts = profiles.rows.map((r, i) =>
      i % 2 === 0 ? { kind: 'email' as const, value: ((r.get('emails') as string[])[0] as string).toLowerCase() } : { kind: 'phone' as const, value: (r.get('phones') as string[])[0] as string },
    );
    const query = 'query($q: String!) { searchCustomers(query: $q, limit: 10) { id fullName email phone segment matchedOn } }';
    const contactRow = `SELECT value, customer_id FROM ${KEYSPACE}.customer_contact WHERE kind = ? AND bucket = ? AND value = ?`;
    const profileRow = `SELECT * FROM ${KEYSPACE}.customer_profile WHERE customer_id = ?`;
    const api: number[] = [];
    const raw: number[] = [];
    const rawWithProfile: number[] = [];
    const floor: number[] = [];
    const post = (body: unknown) =>
      fetch(`${backend.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }).then((r) => r.json());
    // Interleaved, so both sides see the same machine load (2 cores shared by Cassandra, backend and this process).
    for (const [i, c] of contacts.entries()) {
      const [a, res] = await timed(() => post({ query, variables: { q: c.value } }));
      // The API's own floor: the same HTTP + auth + GraphQL path with a query that touches no engine.
      const [f] = await timed(() => post({ query: '{ me { id role } }' }));
      if (!(res as { data?: { searchCustomers?: unknown[] } }).data?.searchCustomers?.length) throw new Error(`lookup ${c.value} found nothing: ${JSON.stringify(res)}`);
      const bucket = bucketsFor(c.kind, c.value)[0] as string;
      const [r, rows] = await timed(() => cql.execute(contactRow, [c.kind, bucket, c.value], { prepare: true }));
      const customerId = rows.first()?.get('customer_id') as string | undefined;
      if (!customerId) throw new Error(`raw read of ${c.kind} ${c.value} found nothing`);
      const [rp] = await timed(async () => {
        await cql.execute(contactRow, [c.kind, bucket, c.value], { prepare: true });
        await cql.execute(profileRow, [customerId], { prepare: true });
      });
      if (i >= WARMUP) {
        api.push(a);
        raw.push(r);
        rawWithProfile.push(rp);
        floor.push(f);
      }
    }
    const a = percentiles(api);
    const r = percentiles(raw);
    const rp = percentiles(rawWithProfile);
    const fl = percentiles(floor);
    const ratioP99 = a.p99 / r.p99;
    const result = { keyspace: KEYSPACE, api: a, rawContactRow: r, rawContactPlusProfile: rp, apiFloorNoEngine: fl, ratioP99, ratioP99VsContactPlusProfile: a.p99 / rp.p99, budget: { ratioP99: 1.5 } };
    console.log(`customer lookup, stack mode (GraphQL over HTTP → Cassandra, n=${a.n}): p50 ${fmt(a.p50)}  p95 ${fmt(a.p95)}  p99 ${fmt(a.p99)}`);
    console.log(`  raw cassandra-driver read of the contact row, same run:  p50 ${fmt(r.p50)}  p95 ${fmt(r.p95)}  p99 ${fmt(r.p99)}`);
    console.log(`  raw contact row + profile row (the two reads a lookup needs): p50 ${fmt(rp.p50)}  p95 ${fmt(rp.p95)}  p99 ${fmt(rp.p99)}`);
    console.log(`  API floor, same HTTP + GraphQL path touching no engine ({ me }): p50 ${fmt(fl.p50)}  p95 ${fmt(fl.p95)}  p99 ${fmt(fl.p99)}`);
    console.log(`  API/raw p99 = ${ratioP99.toFixed(2)}×   [budget ≤ 1.5: ${ratioP99 <= 1.5 ? 'PASS' : 'FAIL'}]; vs contact+profile ${(a.p99 / rp.p99).toFixed(2)}×`);
    report('stack-lookup', result);
    return result;
  } finally {
    await backend.stop();
    await cql.shutdown();
  }
}
