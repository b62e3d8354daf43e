import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelFlinkJob, submitFlinkScript } from '../../stack/runner/flinkSql';
import { s3Client } from '../adapters/stack/s3ObjectStore';
import { createTopics, deleteTopics, produce, readUntil } from '../testing/kafkaTest';
import { validateEvent } from './validateEvent';

// flink-sql/10_sources.sql on the runner's Flink: each source's change records (Debezium JSON from
// MariaDB orders and payments, Debezium's support-cdc notes with the schema wrapper, carriers' CSV
// files in the object store) become envelopes on cs.events that the backend's own validator
// accepts; what cannot be mapped is dead-lettered with the reason, and the job keeps going.

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const RUN = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const SUFFIX = `.sources.${RUN}`;
const PIPELINE = `cs360-sources${SUFFIX}`;
const NOTES_TOPIC = `cs.public.support_notes${SUFFIX}`;
const LOGISTICS_PREFIX = `test-logistics-${RUN}/`;
const VARS = { TOPIC_SUFFIX: SUFFIX, PIPELINE_SUFFIX: SUFFIX, SUPPORT_NOTES_TOPIC: NOTES_TOPIC, LOGISTICS_PATH: `s3://cs360-lakehouse/${LOGISTICS_PREFIX}` };
const topic = (name: string) => `${name}${SUFFIX}`;
const TOPICS = [topic('orders_cdc'), topic('payments_cdc'), NOTES_TOPIC, topic('cs.events'), topic('cs.deadletter')];
const s3 = s3Client({});

const T = Date.UTC(2025, 3, 1, 3, 0, 0, 123);
const order = (op: 'c' | 'u', after: Record<string, unknown> | null, before: Record<string, unknown> | null = null) =>
  JSON.stringify({ before, after, source: { connector: 'mariadb', db: 'ecommerce', table: 'orders' }, op, ts_ms: T });
const orderRow = { order_id: 'DH-9001', customer_id: 'C0000901', status: 'PENDING', total_vnd: 450000, item_count: 2, channel: 'app', created_at: T, updated_at: T };

interface Envelope {
  id: string;
  type: string;
  customer_id: string;
  event_time: string;
  source: string;
  payload: Record<string, string>;
}

describe('source mappings on the Flink SQL job (flink-sql/10_sources.sql)', () => {
  beforeAll(async () => {
    await createTopics(TOPICS, 1);
    // The logistics folder is read incrementally: one file now; the job lists the folder every 10 s.
    const csv = ['lg-1,SHP-1,DH-9001,C0000901,GHN,PICKED_UP,GHN123,2025-04-01T04:00:00.000Z', 'lg-2,SHP-1,DH-9001,,GHN,DELIVERED,GHN123,2025-04-02T04:00:00Z', 'lg-3,SHP-1,DH-9001,C0000901,GHN,IN_TRANSIT,GHN123,yesterday'].join('\n');
    await s3.send(new PutObjectCommand({ Bucket: 'cs360-lakehouse', Key: `${LOGISTICS_PREFIX}ghn-20250401.csv`, Body: `${csv}\n`, ContentType: 'text/csv' }));
    await submitFlinkScript(join(REPO, 'flink-sql/10_sources.sql'), { vars: VARS });
  }, 240_000);

  afterAll(async () => {
    await cancelFlinkJob(PIPELINE).catch(() => undefined);
    await s3.send(new DeleteObjectCommand({ Bucket: 'cs360-lakehouse', Key: `${LOGISTICS_PREFIX}ghn-20250401.csv` })).catch(() => undefined);
    await deleteTopics(TOPICS).catch(() => undefined);
  }, 120_000);

  it('maps orders, payments, notes and logistics rows to valid envelopes and dead-letters the rest', async () => {
    await produce(topic('orders_cdc'), [
      { key: 'DH-9001', value: order('c', orderRow) },
      { key: 'x', value: 'not json at all' },
      { key: 'DH-9002', value: order('c', { ...orderRow, order_id: 'DH-9002', customer_id: undefined }) },
      // A change that is not a status change is no event; a status change is.
      { key: 'DH-9001', value: order('u', { ...orderRow, channel: 'web', updated_at: T + 1000 }, orderRow) },
      { key: 'DH-9001', value: order('u', { ...orderRow, status: 'CONFIRMED', updated_at: T + 60_000 }, orderRow) },
    ]);
    await produce(topic('payments_cdc'), [
      { key: 'PAY-1', value: JSON.stringify({ before: null, after: { payment_id: 'PAY-1', order_id: 'DH-9001', customer_id: 'C0000901', status: 'captured', amount_vnd: 450000, method: 'MOMO', updated_at: T + 120_000 }, op: 'c' }) },
    ]);
    // Debezium's support-cdc keeps the converter's schema wrapper ({schema, payload}); created_at is a ZonedTimestamp.
    await produce(NOTES_TOPIC, [
      { key: 'n1', value: JSON.stringify({ schema: {}, payload: { before: null, after: { note_id: 'b0b0b0b0-0000-4000-8000-000000000001', customer_id: 'C0000901', ticket_id: null, agent_id: 'a0a0a0a0-0000-4000-8000-000000000001', body: 'Khách hẹn gọi lại', created_at: '2025-04-01T03:05:00.123456Z' }, op: 'c' } }) },
    ]);

    const events = (await readUntil(topic('cs.events'), (rs) => rs.length >= 5, 90_000)).map((r) => ({ key: r.key, e: JSON.parse(r.value ?? 'null') as Envelope }));
    const byId = new Map(events.map(({ e }) => [e.id, e]));
    // Every envelope passes the backend's own validator, and is keyed by its customer.
    for (const { key, e } of events) {
      expect(validateEvent(e)).toMatchObject({ ok: true });
      expect(key).toBe(e.customer_id);
    }
    expect([...byId.keys()].sort()).toEqual(
      ['orders_cdc:DH-9001:created', `orders_cdc:DH-9001:CONFIRMED:${T + 60_000}`, 'payments_cdc:PAY-1:CAPTURED', 'support_notes:b0b0b0b0-0000-4000-8000-000000000001', 'logistics:lg-1'].sort(),
    );
    expect(byId.get('orders_cdc:DH-9001:created')).toMatchObject({ type: 'order.created', event_time: '2025-04-01T03:00:00.123Z', payload: { order_id: 'DH-9001', status: 'PENDING', total_vnd: '450000', item_count: '2', channel: 'app' } });
    expect(byId.get(`orders_cdc:DH-9001:CONFIRMED:${T + 60_000}`)).toMatchObject({ type: 'order.status.changed', payload: { status: 'CONFIRMED', previous_status: 'PENDING' } });
    expect(byId.get('payments_cdc:PAY-1:CAPTURED')).toMatchObject({ type: 'payment.captured', source: 'payments_cdc', payload: { amount_vnd: '450000', method: 'MOMO', status: 'CAPTURED' } });
    expect(byId.get('support_notes:b0b0b0b0-0000-4000-8000-000000000001')).toMatchObject({ type: 'note.added', event_time: '2025-04-01T03:05:00.123Z', payload: { body: 'Khách hẹn gọi lại' } });
    expect(byId.get('logistics:lg-1')).toMatchObject({ type: 'shipment.status.changed', source: 'logistics', payload: { carrier: 'GHN', status: 'PICKED_UP', tracking_no: 'GHN123' } });

    const dead = (await readUntil(topic('cs.deadletter'), (rs) => rs.length >= 4, 60_000)).map((r) => JSON.parse(r.value ?? 'null') as { topic: string; reason: string });
    const reasons = dead.map((d) => `${d.topic.replace(SUFFIX, '')}: ${d.reason}`).sort();
    expect(reasons).toHaveLength(4);
    expect(reasons[0]).toMatch(/^logistics: customer_id: missing/);
    expect(reasons[1]).toMatch(/^logistics: event_time: not an ISO-8601 instant \(yesterday\)/);
    expect(reasons[2]).toMatch(/^orders_cdc: after.customer_id: missing/);
    expect(reasons[3]).toMatch(/^orders_cdc: event: not a JSON object/);

    // Still running after the bad records: a later order comes through.
    await produce(topic('orders_cdc'), [{ key: 'DH-9003', value: order('c', { ...orderRow, order_id: 'DH-9003' }) }]);
    const later = await readUntil(topic('cs.events'), (rs) => rs.some((r) => r.value?.includes('DH-9003')), 60_000);
    expect(later.some((r) => r.value?.includes('orders_cdc:DH-9003:created'))).toBe(true);
  }, 300_000);
});
