import { randomUUID } from 'node:crypto';
import { Consumer, stringDeserializers } from '@platformatic/kafka';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEFAULT_KAFKA_BROKERS } from './kafkaBus';
import { DEFAULT_PG_URL } from './pgTicketStore';
import { STACK_DEFAULTS } from '../../../common/stackPorts';

// Debezium end to end (runner services postgres, kafka, connect): a row inserted into
// PostgreSQL's support_notes reaches Kafka's `cs.public.support_notes` through the connector
// `support-cdc` (stack/debezium/support-cdc.json).
const PG_URL = process.env.CS360_PG_URL ?? DEFAULT_PG_URL;
const KAFKA_BROKERS = process.env.CS360_KAFKA_BROKERS?.split(',') ?? DEFAULT_KAFKA_BROKERS;
const CONNECT_URL = process.env.CS360_CONNECT_URL ?? STACK_DEFAULTS.connectUrl;
const TOPIC = 'cs.public.support_notes';

interface DebeziumEnvelope {
  payload?: { op?: string; after?: Record<string, unknown> | null; source?: { table?: string } };
}

describe('support-cdc (Debezium PostgreSQL connector)', () => {
  it('is registered and RUNNING on Kafka Connect', async () => {
    const res = await fetch(`${CONNECT_URL}/connectors/support-cdc/status`).catch((e: Error) => {
      throw new Error(`Kafka Connect at ${CONNECT_URL} failed — is the stack up (npm run stack:up)? ${e.message}`);
    });
    expect(res.status).toBe(200);
    const status = (await res.json()) as { connector: { state: string }; tasks: { state: string }[] };
    expect(status.connector.state).toBe('RUNNING');
    expect(status.tasks.map((t) => t.state)).toEqual(['RUNNING']);
  });

  it('a row inserted into support_notes reaches Kafka within 30 s, with its note_id', async () => {
    const noteId = randomUUID();
    const db = new pg.Client({ connectionString: PG_URL });
    await db.connect();
    const consumer = new Consumer<string, string, string, string>({
      clientId: 'cs360-cdc-test',
      bootstrapBrokers: KAFKA_BROKERS,
      groupId: `cs360-cdc-test-${noteId}`,
      deserializers: stringDeserializers,
      autocommit: false,
      maxWaitTime: 500,
    });
    const t0 = Date.now();
    try {
      await db.query(`INSERT INTO support_notes (note_id, customer_id, ticket_id, agent_id, body, created_at) VALUES ($1, 'C-CDC-TEST', NULL, $2, 'written by supportCdc.stack.test', now())`, [noteId, randomUUID()]);
      const stream = await consumer.consume({ topics: [TOPIC], mode: 'earliest', autocommit: false });
      const found = await new Promise<DebeziumEnvelope>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no change event for note ${noteId} on ${TOPIC} within 30 s`)), 30_000);
        stream.on('data', (m: { value: string }) => {
          if (!m.value || !m.value.includes(noteId)) return;
          clearTimeout(timer);
          resolve(JSON.parse(m.value) as DebeziumEnvelope);
        });
        stream.once('error', (e: Error) => {
          clearTimeout(timer);
          reject(e);
        });
      });
      expect(Date.now() - t0).toBeLessThan(30_000);
      expect(found.payload?.op).toBe('c');
      expect(found.payload?.source?.table).toBe('support_notes');
      expect(found.payload?.after?.note_id).toBe(noteId);
      expect(found.payload?.after?.customer_id).toBe('C-CDC-TEST');
    } finally {
      await new Promise<void>((resolve) => consumer.close(true, () => resolve()));
      await db.query('DELETE FROM support_notes WHERE note_id = $1', [noteId]).catch(() => undefined);
      await db.end();
    }
  });
});
