import autocannon from 'autocannon';
import { report, signIn, startBackend, type Backend } from './lib';
import { startStackBenchBackend } from './stackBackend';

/**
 * Seed 002's load test: 1,000 concurrent timeline requests (200-row pages) for 60 s (autocannon),
 * spread over 2,000 customers, through REST with the 60 s timeline cache on (the production path).
 * A 10 s warm-up with the same load runs first and is reported but not judged: it holds the JIT
 * warm-up and the first (uncached) read of each customer's page.
 */
export async function benchConcurrentTimeline(
  durationSeconds = Number(process.env.CS360_BENCH_LOAD_SECONDS ?? 60),
  mode: 'embedded' | 'stack' = 'embedded',
): Promise<Record<string, unknown>> {
  let backend: Backend;
  let stop = async () => {};
  let token: string;
  if (mode === 'stack') {
    // Stack mode: Cassandra serves the customer and its cases, Redis the cached pages.
    const s = await startStackBenchBackend();
    backend = s.backend;
    stop = () => s.cql.shutdown();
    token = await s.signIn();
  } else {
    backend = await startBackend();
    token = await signIn(backend.baseUrl);
  }
  try {
    const ids = Array.from({ length: 2000 }, (_, i) => `C${String(i + 1).padStart(7, '0')}`);
    let n = 0;
    const load = (duration: number) =>
      autocannon({
        url: backend.baseUrl,
        connections: 1000,
        duration,
        headers: { authorization: `Bearer ${token}` },
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/customers/${ids[n++ % ids.length]}/timeline?first=200` }) }],
      });
    const warm = await load(10);
    console.log(`  warm-up 10s (not judged): ${Math.round(warm.requests.average)} req/s, p99 ${warm.latency.p99} ms, errors ${warm.errors + warm.timeouts + warm.non2xx}`);
    const result = await load(durationSeconds);
    const lat = result.latency;
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(
      `${mode} mode, 1,000 concurrent timeline requests for ${durationSeconds}s: ${result.requests.total.toLocaleString('en')} requests, ${Math.round(result.requests.average).toLocaleString('en')} req/s, ` +
        `latency p50 ${lat.p50} ms  p97.5 ${lat.p97_5} ms  p99 ${lat.p99} ms, errors ${errors}   [budget 0 errors, p99 ≤ 250 ms: ${errors === 0 && lat.p99 <= 250 ? 'PASS' : 'FAIL'}]`,
    );
    const out = { mode, durationSeconds, connections: 1000, requests: result.requests.total, rps: result.requests.average, latency: { p50: lat.p50, p97_5: lat.p97_5, p99: lat.p99, max: lat.max }, errors, budget: { p99Ms: 250, errors: 0 } };
    report(mode === 'stack' ? 'stack-concurrent-timeline' : 'concurrent-timeline', out);
    return out;
  } finally {
    await backend.stop();
    await stop();
  }
}
