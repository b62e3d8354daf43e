import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readUntil, type KafkaRecord } from '../../testing/kafkaTest';
import { STACK_DEFAULTS, STACK_PORTS } from '../../../common/stackPorts';

// Debezium end to end on MariaDB (runner services mariadb, kafka, connect): an order inserted into
// ecommerce.orders and its status update reach Kafka's `orders_cdc` through the connector
// `orders-mysql-connector` (stack/debezium/orders-mysql-connector.json), as Debezium JSON without schemas.
const CONNECT_URL = process.env.CS360_CONNECT_URL ?? STACK_DEFAULTS.connectUrl;
const MARIADB_HOST = process.env.CS360_MARIADB_HOST ?? '127.0.0.1';
const MARIADB_PORT = process.env.CS360_MARIADB_PORT ?? String(STACK_PORTS.mariadb);

/** Runs SQL as the writer account through the `mariadb` client (it comes with the mariadb-server package). */
function sql(statements: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('mariadb', ['--no-defaults', '--protocol=TCP', '-h', MARIADB_HOST, '-P', MARIADB_PORT, '-u', 'cs360', '-pcs360-dev-only', '-N', '-B', 'ecommerce'], { timeout: 10_000 }, (err, stdout, stderr) =>
      err ? reject(new Error(`MariaDB at ${MARIADB_HOST}:${MARIADB_PORT} failed — is the stack up (npm run stack:up -- mariadb)? ${stderr || err.message}`)) : resolve(stdout),
    );
    child.stdin?.end(statements);
  });
}

interface DebeziumChange {
  op: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  source: { db: string; table: string; connector: string };
  ts_ms: number;
}

const changesOf = (records: KafkaRecord[], orderId: string) =>
  records.filter((r) => r.value?.includes(`"${orderId}"`)).map((r) => ({ key: JSON.parse(r.key ?? 'null') as unknown, value: JSON.parse(r.value ?? 'null') as DebeziumChange }));

describe('orders-mysql-connector (Debezium MySQL connector on MariaDB)', () => {
  it('is registered and RUNNING on Kafka Connect', async () => {
    const res = await fetch(`${CONNECT_URL}/connectors/orders-mysql-connector/status`).catch((e: Error) => {
      throw new Error(`Kafka Connect at ${CONNECT_URL} failed — is the stack up (npm run stack:up)? ${e.message}`);
    });
    expect(res.status).toBe(200);
    const status = (await res.json()) as { connector: { state: string }; tasks: { state: string }[] };
    expect(status.connector.state).toBe('RUNNING');
    expect(status.tasks.map((t) => t.state)).toEqual(['RUNNING']);
  });

  it('an INSERT and a status UPDATE reach orders_cdc within 30 s as op c then u, with before/after; the items reach order_items_cdc', async () => {
    const orderId = `OT${randomBytes(6).toString('hex').toUpperCase()}`;
    await sql(`
      START TRANSACTION;
      INSERT INTO orders (order_id, customer_id, status, total_vnd, item_count, channel, payment_method, created_at, updated_at)
        VALUES ('${orderId}', 'C0000042', 'PENDING', 1250000, 3, 'app', 'MOMO', '2026-11-21 07:00:00.123', '2026-11-21 07:00:00.123');
      INSERT INTO order_items (order_id, line_no, sku, name, qty, price_vnd) VALUES
        ('${orderId}', 1, 'SKU-TAI-NGHE', 'Tai nghe Bluetooth', 1, 650000),
        ('${orderId}', 2, 'SKU-CAP-SAC', 'Cáp sạc USB-C', 2, 300000);
      COMMIT;
      UPDATE orders SET status = 'PAID', updated_at = '2026-11-21 07:01:30.500' WHERE order_id = '${orderId}';
    `);
    const t0 = Date.now();
    const records = await readUntil('orders_cdc', (rs) => changesOf(rs, orderId).length >= 2, 30_000);
    expect(Date.now() - t0).toBeLessThan(30_000);
    const changes = changesOf(records, orderId);
    expect(changes.map((c) => c.value.op)).toEqual(['c', 'u']);
    const [created, updated] = changes.map((c) => c.value);
    // The key is the primary key, so one order's changes share a partition and keep their order.
    expect(changes.map((c) => c.key)).toEqual([{ order_id: orderId }, { order_id: orderId }]);
    expect(created?.before).toBeNull();
    expect(created?.after).toEqual({
      order_id: orderId,
      customer_id: 'C0000042',
      status: 'PENDING',
      total_vnd: 1250000,
      item_count: 3,
      channel: 'app',
      payment_method: 'MOMO',
      // DATETIME(3): epoch milliseconds of the UTC wall-clock time.
      created_at: Date.UTC(2026, 10, 21, 7, 0, 0, 123),
      updated_at: Date.UTC(2026, 10, 21, 7, 0, 0, 123),
    });
    expect(created?.source).toMatchObject({ db: 'ecommerce', table: 'orders', connector: 'mysql' });
    expect(updated?.before).toMatchObject({ status: 'PENDING' });
    expect(updated?.after).toMatchObject({ status: 'PAID', updated_at: Date.UTC(2026, 10, 21, 7, 1, 30, 500) });

    const items = changesOf(await readUntil('order_items_cdc', (rs) => changesOf(rs, orderId).length >= 2, 30_000), orderId);
    // Keyed by (order_id, line_no): the lines may sit in different partitions, so compare them by line.
    expect(items.map((c) => [c.value.op, c.value.after?.line_no, c.value.after?.sku]).sort((x, y) => Number(x[1]) - Number(y[1]))).toEqual([
      ['c', 1, 'SKU-TAI-NGHE'],
      ['c', 2, 'SKU-CAP-SAC'],
    ]);
  });
});
