import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Trino, type QueryResult } from 'trino-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type EventEnvelope } from '../common/events';
import { cancelFlinkJob, submitFlinkScript } from '../stack/runner/flinkSql';
import { DEFAULT_TRINO } from './adapters/stack/trinoHistoryStore';
import { SessionTokens } from './auth/sessionTokens';
import { createTopics } from './testing/kafkaTest';
import { gql, rest } from './testing/http';
import { startStackTestApp, type StackTestApp } from './testing/stackTestApp';

// Issue 11 item 3 on the real engines: the backend in stack mode on the Flink pipeline reads the
// customer timeline (cs_timeline) and the case timeline (vw_support_case_timeline) through Trino.
// Trino is then stopped under the running backend (the runner's own `stack:down trino`): both answer
// quickly from the serving store with partial = true; Trino is started again and both return to
// partial = false by themselves, without restarting the backend. Also SP-02 on Kafka.
const REPO = fileURLToPath(new URL('..', import.meta.url));
const TIMELINE_Q = `query($id: ID!, $first: Int) { timeline(customerId: $id, first: $first) { partial events { id eventType } } }`;
/** config.history defaults (backend/config/schema.ts): the Trino timeout and the short cache of a partial page. */
const TIMEOUT_MS = 3000;
const MARGIN_MS = 1500;

let env: StackTestApp;
let pipeline = '';
let schema = '';
let trinoStopped = false;

/** stack/trino/views.sql in `schema`, statement by statement, as the runner applies it after the Flink jobs created their tables. */
async function applyViews(schema: string): Promise<void> {
  const trino = Trino.create({ server: process.env.CS360_TRINO_URL ?? DEFAULT_TRINO.url, catalog: 'iceberg', extraHeaders: { 'X-Trino-User': 'cs360-stack-test' } });
  const text = readFileSync(join(REPO, 'stack/trino/views.sql'), 'utf8')
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('--'))
    .join('\n')
    .replaceAll('${SCHEMA}', schema);
  for (const statement of text.split(/^;\s*$/m).map((x) => x.trim()).filter(Boolean)) {
    const it = await trino.query(statement);
    for (;;) {
      const { value, done } = (await it.next()) as IteratorResult<QueryResult, QueryResult>;
      if (value?.error) throw new Error(`${value.error.errorName}: ${value.error.message}`);
      if (done) break;
    }
  }
}

/** Stack mode has no demo sign-in (issue 13): a session token signed with this data dir's secret, for a demo agent of the role. */
async function tokenFor(role: 'AGENT' | 'SUPERVISOR'): Promise<string> {
  const t = env.app;
  const agent = (await t.app.adapters.tickets.listAgents()).find((a) => a.role === role);
  if (!agent) throw new Error(`no demo agent with role ${role}`);
  const secret = t.config.auth.secret ?? readFileSync(join(t.config.dataDir, 'session.secret'), 'utf8').trim();
  return new SessionTokens(secret, 3600).issue({ id: agent.agent_id, name: agent.full_name, role: agent.role });
}

type CasePage = { timeline: { partial: boolean; events: { event_type: string; case_id: string }[] } };

beforeAll(async () => {
  schema = `trinodown_${Date.now().toString(36)}`;
  env = await startStackTestApp('trinodown', { customers: 20, events: 2_000, whaleEvents: 200 }, { stack: { pipeline: 'flink', trino: { schema } }, projector: { enabled: true } });
  const suffix = env.topicSuffix;
  await createTopics(['support.tickets', 'cs_case_changes', 'cs_customer_stats'].map((t) => `${t}${suffix}`), 1);
  pipeline = `cs360-customer-case${suffix}`;
  await submitFlinkScript(join(REPO, 'flink-sql/20_customer_case.sql'), { vars: { TOPIC_SUFFIX: suffix, PIPELINE_SUFFIX: suffix, LAKEHOUSE_DATABASE: schema } });
  // The job creates cs_timeline in the schema; then the runner's views (vw_support_case_timeline) over it.
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      await applyViews(schema);
      break;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 3000));
    }
  }
}, 400_000);

afterAll(async () => {
  if (trinoStopped) await env?.runner('up', 'trino').catch(() => undefined);
  await cancelFlinkJob(pipeline).catch(() => undefined);
  await env?.close();
}, 300_000);

describe('Trino down under a running stack-mode backend', () => {
  it('serves partial pages from the serving store while Trino is stopped, and full pages again once it is back', async () => {
    const t = env.app;
    const agent = await tokenFor('AGENT');
    // On this shared 2-core machine a loaded Trino can take longer than the 3 s default: while it is up,
    // give it 30 s so "up" means full pages. A stopped Trino refuses connections at once, so the
    // partial answers below must still come well within the default timeout (+ margin).
    const fallback = t.app.adapters.history.fallback!;
    fallback.timeoutMs = 30_000;
    const timeline = async () => {
      const t0 = performance.now();
      const r = await gql<{ timeline: { partial: boolean; events: unknown[] } }>(t.baseUrl, agent, TIMELINE_Q, { id: 'C0000001', first: 50 });
      return { ms: performance.now() - t0, page: r.data?.timeline, code: r.code };
    };
    // A case of C0000001, and its timeline through vw_support_case_timeline on Trino.
    const created = await rest<{ ticket_id: string }>(t.baseUrl, agent, 'POST', '/support/cases', { customerId: 'C0000001', subject: 'Đơn hàng giao chậm', message: 'Đơn của tôi chưa tới.', priority: 'HIGH' });
    expect(created.status).toBe(201);
    const casePath = `/support/cases/${created.json.ticket_id}?includeTimeline=true`;
    const casePage = async () => {
      const t0 = performance.now();
      const r = await rest<CasePage>(t.baseUrl, agent, 'GET', casePath);
      return { ms: performance.now() - t0, status: r.status, page: r.json.timeline };
    };

    // Trino up: full pages once Flink's rows are committed (Iceberg, at a checkpoint).
    await expect.poll(async () => (await timeline()).page?.events.length ?? 0, { timeout: 180_000, interval: 3000 }).toBe(50);
    await expect.poll(async () => (await timeline()).page?.partial, { timeout: 60_000, interval: 2000 }).toBe(false);
    await expect.poll(async () => (await casePage()).page?.events.length ?? 0, { timeout: 120_000, interval: 3000 }).toBeGreaterThan(0);
    await expect.poll(async () => (await casePage()).page?.partial, { timeout: 60_000, interval: 2000 }).toBe(false);
    const full = await casePage();
    expect(full.page.partial).toBe(false);
    for (const e of full.page.events) {
      expect(e.event_type).toMatch(/^(order|payment|shipment)\./);
      expect(e.case_id).toMatch(/^C0000001:\d{8}T\d{6}Z$/);
    }
    // The serving store holds the recent rows too (fed from Kafka's cs_timeline by this backend).
    await expect.poll(async () => (await t.app.adapters.history.fallback!.store.timelinePage({ customerId: 'C0000001', limit: 50 })).length, { timeout: 60_000, interval: 1000 }).toBe(50);

    // Stop Trino under the running backend.
    await env.runner('down', 'trino');
    trinoStopped = true;
    // The next reads (cached full pages aside) answer partial, within the timeout and a margin.
    await t.app.adapters.cache.invalidateTag('customer:C0000001');
    const down = await timeline();
    const downCase = await casePage();
    process.stdout.write(`Trino down: timeline ${down.ms.toFixed(0)} ms, case ${downCase.ms.toFixed(0)} ms (partial ${String(down.page?.partial)}/${String(downCase.page?.partial)})\n`);
    expect(down.code).toBeUndefined();
    expect(down.page?.partial).toBe(true);
    expect(down.page?.events.length).toBe(50);
    expect(down.ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    expect(downCase.status).toBe(200);
    expect(downCase.page.partial).toBe(true);
    expect(downCase.page.events.length).toBeGreaterThan(0);
    expect(downCase.ms).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    // Repeated reads while it is down: partial, and fast (Trino is skipped for retryAfterMs).
    const again = [];
    for (let i = 0; i < 5; i++) again.push(await timeline());
    process.stdout.write(`Trino down, repeated: ${again.map((a) => a.ms.toFixed(0)).join(', ')} ms\n`);
    for (const a of again) expect(a.page?.partial).toBe(true);
    const metrics = await fetch(`${t.baseUrl}/metrics`, { headers: { authorization: `Bearer ${await tokenFor('SUPERVISOR')}` } }).then((r) => r.text());
    expect(metrics).toMatch(/support_timeline_fallback_total\{reason="(error|timeout)"\} [1-9]/);

    // Trino back: the same backend returns to full pages by itself.
    await env.runner('up', 'trino');
    trinoStopped = false;
    const back0 = performance.now();
    await expect.poll(async () => (await timeline()).page?.partial, { timeout: 120_000, interval: 1000 }).toBe(false);
    await expect.poll(async () => (await casePage()).page?.partial, { timeout: 60_000, interval: 1000 }).toBe(false);
    process.stdout.write(`Trino back: partial=false again after ${((performance.now() - back0) / 1000).toFixed(1)} s\n`);
    expect((await timeline()).page?.events.length).toBe(50);
  }, 600_000);

  it('SP-02: keeps support_case_context fresh from the domain events on Kafka', async () => {
    const t = env.app;
    const agent = await tokenFor('AGENT');
    const created = await rest<{ ticket_id: string }>(t.baseUrl, agent, 'POST', '/support/cases', { customerId: 'C0000002', subject: 'Hoàn tiền', message: 'Tôi muốn hoàn tiền.' });
    expect(created.status).toBe(201);
    const at = Date.now();
    const ev = (type: EventEnvelope['type'], dt: number, payload: Record<string, string>): EventEnvelope => ({
      id: `sp02-${type}-${at}-${dt}`,
      type,
      customer_id: 'C0000002',
      event_time: new Date(at + dt).toISOString(),
      source: type.startsWith('payment') ? 'payments_cdc' : type === 'shipment.status.changed' ? 'logistics' : 'orders_cdc',
      payload,
      schema_version: SCHEMA_VERSION,
    });
    const bus = t.app.adapters.bus;
    await bus.publish('cs.events', ev('order.status.changed', 1, { order_id: 'SP02-O1', status: 'SHIPPED' }));
    await bus.publish('cs.events', ev('payment.authorized', 2, { payment_id: 'SP02-P1', order_id: 'SP02-O1', status: 'AUTHORIZED', amount_vnd: '500000' }));
    await bus.publish('cs.events', ev('shipment.status.changed', 3, { shipment_id: 'SP02-S1', order_id: 'SP02-O1', carrier: 'GHN', status: 'IN_TRANSIT' }));
    // A duplicate of the first (at-least-once redelivery) must not roll the row back.
    await bus.publish('cs.events', ev('order.status.changed', 1, { order_id: 'SP02-O1', status: 'SHIPPED' }));
    const db = new pg.Client({ connectionString: env.pgUrl });
    await db.connect();
    try {
      const read = async () => (await db.query('SELECT last_order_id, last_order_status, last_payment_status, last_shipment_status FROM support_case_context WHERE ticket_id = $1', [created.json.ticket_id])).rows[0] as Record<string, string> | undefined;
      await expect.poll(read, { timeout: 60_000, interval: 500 }).toEqual({ last_order_id: 'SP02-O1', last_order_status: 'SHIPPED', last_payment_status: 'AUTHORIZED', last_shipment_status: 'IN_TRANSIT' });
    } finally {
      await db.end();
    }
  }, 120_000);
});
