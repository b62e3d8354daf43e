import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelFlinkJob, submitFlinkScript } from '../stack/runner/flinkSql';
import { createTopics } from './testing/kafkaTest';
import { gql, rest } from './testing/http';
import { startStackTestApp, type StackTestApp } from './testing/stackTestApp';

// The production path of stack mode, end to end, through the same API as the embedded default: the
// backend (stack.pipeline = flink) publishes the demo and its own events to Kafka; a private copy of
// flink-sql/20_customer_case.sql turns them into cases (→ upsert-kafka → the case projector inside the
// backend → Cassandra), cs_timeline (→ Iceberg in Nessie → Trino → the History adapter) and
// cs_notifications (→ the relay). Nothing of the embedded pipeline runs.
const REPO = fileURLToPath(new URL('..', import.meta.url));
const CUSTOMER_Q = `query($id: ID!) { customer(id: $id) { id lifetimeValueVnd cases(first: 5) { caseId } } }`;
const TIMELINE_Q = `query($id: ID!, $first: Int) { timeline(customerId: $id, first: $first) { events { id eventType kind eventTime } } }`;

let env: StackTestApp;
let pipeline = '';

beforeAll(async () => {
  const schema = `flinkapp_${Date.now().toString(36)}`;
  env = await startStackTestApp('flinkapp', { customers: 30, events: 3_000, whaleEvents: 500 }, { stack: { pipeline: 'flink', trino: { schema } }, projector: { enabled: true } });
  const suffix = env.topicSuffix;
  await createTopics(['support.tickets', 'cs_case_changes', 'cs_customer_stats'].map((t) => `${t}${suffix}`), 1);
  pipeline = `cs360-customer-case${suffix}`;
  await submitFlinkScript(join(REPO, 'flink-sql/20_customer_case.sql'), { vars: { TOPIC_SUFFIX: suffix, PIPELINE_SUFFIX: suffix, LAKEHOUSE_DATABASE: schema } });
}, 300_000);

afterAll(async () => {
  await cancelFlinkJob(pipeline).catch(() => undefined);
  await env?.close();
}, 120_000);

describe('the backend in stack mode on the Flink pipeline', () => {
  it('serves cases the Flink job computed (Cassandra, via the projector) and the timeline it wrote (Trino)', async () => {
    const t = env.app;
    const agent = await t.token('AGENT');
    // Cases: Flink → cs_case_changes → projector (in this backend) → Cassandra → GraphQL.
    await expect
      .poll(async () => (await gql<{ customer: { cases: { caseId: string }[] } | null }>(t.baseUrl, agent, CUSTOMER_Q, { id: 'C0000001' })).data.customer?.cases.length ?? 0, { timeout: 120_000, interval: 2000 })
      .toBeGreaterThan(0);
    // Timeline: Flink → Iceberg (committed at a checkpoint) → Trino → History adapter → GraphQL.
    await expect
      .poll(async () => (await gql<{ timeline: { events: unknown[] } }>(t.baseUrl, agent, TIMELINE_Q, { id: 'C0000001', first: 50 })).data?.timeline?.events.length ?? 0, { timeout: 120_000, interval: 3000 })
      .toBe(50);
    const page = await gql<{ timeline: { events: { id: string; eventTime: string }[] } }>(t.baseUrl, agent, TIMELINE_Q, { id: 'C0000001', first: 50 });
    const times = page.data.timeline.events.map((e) => Date.parse(e.eventTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(page.data.timeline.events.map((e) => e.id)).size).toBe(50);
  }, 300_000);

  it('relays an escalation the Flink job raised: REST escalate → Kafka → Flink → cs_notifications → relay', async () => {
    const t = env.app;
    const agent = await t.token('AGENT');
    const created = await rest<{ ticket_id: string }>(t.baseUrl, agent, 'POST', '/support/cases', { customerId: 'C0000007', subject: 'Hoàn tiền chậm', message: 'Chưa nhận được tiền hoàn.', priority: 'URGENT' });
    expect(created.status).toBe(201);
    const esc = await rest(t.baseUrl, agent, 'POST', `/support/cases/${created.json.ticket_id}/escalate`, { reason: 'refund overdue' });
    expect(esc.status).toBe(200);
    const relayed = () => t.app.relay.log.since(0, () => true).find((e) => e.notification.type === 'TICKET_ESCALATED' && e.notification.ticket_id === created.json.ticket_id);
    await expect.poll(() => relayed() !== undefined, { timeout: 60_000, interval: 500 }).toBe(true);
    expect(relayed()!.notification).toMatchObject({ customer_id: 'C0000007', severity: 'HIGH' });
    expect(relayed()!.notification.message).toContain('refund overdue');
  }, 120_000);
});
