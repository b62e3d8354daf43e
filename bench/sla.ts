import Database from 'better-sqlite3';
import { join } from 'node:path';
import { BENCH_DATA_DIR, fmt, percentiles, report, signIn, startBackend, timed } from './lib';

const DAY = 86_400_000;
const SUMMARY = 'total met breached atRisk pending pctMet medianSeconds p90Seconds';
const ROW = `key label tickets firstResponse { ${SUMMARY} } nextResponse { ${SUMMARY} } resolution { ${SUMMARY} }`;
const REPORT = `query($filter: SlaFilter!, $groupBy: SlaGroupBy!) { slaReport(filter: $filter, groupBy: $groupBy) { generatedAt overall { ${ROW} } groups { ${ROW} }
  backlog { open unassigned waitingOnAgent waitingOnCustomer } volumeByChannel { key count } volumeByPriority { key count } sentiment { key count } } }`;
const CASE = 'ticketId customerId subject status priority channel assignedAgentName team createdAt firstResponseSeconds firstResponseState resolutionState dueAt dueMetric';
const AT_RISK = `query($filter: SlaFilter!) { slaAtRisk(filter: $filter, first: 100) { ${CASE} } }`;
const WORKLOAD = 'query($filter: SlaFilter!) { teamWorkload(filter: $filter) { agentId name team open waitingOnAgent handledToday medianHandleSeconds firstResponsePctMet assignedNow } }';
const CASES = `query($filter: SlaFilter!) { slaCases(filter: $filter, drill: { metric: FIRST_RESPONSE, state: BREACHED }, first: 500) { total rows { ${CASE} } } }`;

/**
 * The SLA dashboard's queries through the GraphQL API over the full demo (embedded mode), as a
 * supervisor loading the dashboard sends them, for the renderer's ranges (today, 7 and 30 days) and
 * the longest allowed (400 days). Baseline, same run: the raw engine query behind them, the SQLite
 * read of the replica's rows for the same range (better-sqlite3 on the same file).
 */
export async function benchSla(): Promise<Record<string, unknown>> {
  const backend = await startBackend();
  const db = new Database(join(BENCH_DATA_DIR, 'serving.sqlite'), { readonly: true });
  try {
    const token = await signIn(backend.baseUrl, 'SUPERVISOR');
    const post = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(`${backend.baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(`SLA query failed: ${body.errors[0]!.message}`);
      return body;
    };
    const now = Date.now();
    // Tickets opened in the last `days` days up to the start of the run (400 days: the longest range allowed).
    const filter = (days: number) => ({ from: new Date(now - days * DAY).toISOString(), to: new Date(now).toISOString() });
    // The first query pulls the tickets database into the analytics replica (once per data dir).
    const [firstMs] = await timed(() => post(REPORT, { filter: filter(30), groupBy: 'AGENT' }));
    const raw = db.prepare('SELECT t.*, a.full_name, a.team FROM sla_ticket t LEFT JOIN sla_agent a ON a.agent_id = t.agent_id WHERE t.created_at >= ? AND t.created_at < ?');
    const tickets = (days: number) => (db.prepare('SELECT count(*) AS n FROM sla_ticket WHERE created_at >= ? AND created_at < ?').get(now - days * DAY, now) as { n: number }).n;

    const cases: [string, number, string, Record<string, unknown>][] = [
      ['report by agent (KPIs, agent bars)', 30, REPORT, { groupBy: 'AGENT' }],
      ['report by team', 30, REPORT, { groupBy: 'TEAM' }],
      ['report by day (trend)', 30, REPORT, { groupBy: 'DAY' }],
      ['report by hour', 30, REPORT, { groupBy: 'HOUR' }],
      ['at-risk queue', 30, AT_RISK, {}],
      ['team workload', 30, WORKLOAD, {}],
      ['drill: FR breached (500 rows)', 30, CASES, {}],
      ['report by agent, today', 1, REPORT, { groupBy: 'AGENT' }],
      ['report by agent, 7 days', 7, REPORT, { groupBy: 'AGENT' }],
      ['report by agent, 400 days', 400, REPORT, { groupBy: 'AGENT' }],
    ];
    const results: Record<string, unknown>[] = [];
    const rawByDays = new Map<number, ReturnType<typeof percentiles>>();
    for (const [name, days, query, extra] of cases) {
      const n = days >= 400 ? 40 : 150;
      // Baseline and query interleaved, so both see the same machine load.
      const api: number[] = [];
      const engine: number[] = [];
      for (let i = 0; i < n + 10; i++) {
        const [ms] = await timed(() => post(query, { filter: filter(days), ...extra }));
        const t0 = performance.now();
        raw.all(now - days * DAY, now);
        const rawMs = performance.now() - t0;
        if (i >= 10) {
          api.push(ms);
          engine.push(rawMs);
        }
      }
      const p = percentiles(api);
      const r = percentiles(engine);
      rawByDays.set(days, r);
      const ratio = p.p99 / r.p99;
      const pass = p.p99 <= 200;
      console.log(
        `sla ${name} (${days} d, ${tickets(days).toLocaleString('en')} tickets, n=${p.n}): p50 ${fmt(p.p50)}  p95 ${fmt(p.p95)}  p99 ${fmt(p.p99)}  | raw SQLite read p50 ${fmt(r.p50)} p99 ${fmt(r.p99)}  ratio ${ratio.toFixed(2)}×   [budget p99 ≤ 200 ms: ${pass ? 'PASS' : 'FAIL'}; ratio ≤ 1.5×: ${ratio <= 1.5 ? 'PASS' : 'FAIL'}]`,
      );
      results.push({ name, days, tickets: tickets(days), api: p, rawEngine: r, ratioP99: ratio });
    }
    const result = { firstQueryMs: firstMs, queries: results, budget: { apiP99Ms: 200, ratioP99: 1.5 } };
    console.log(`sla: first query after start (replica pull included) ${fmt(firstMs)}`);
    report('sla', result);
    return result;
  } finally {
    db.close();
    await backend.stop();
  }
}
