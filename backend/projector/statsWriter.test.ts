import pino from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { CustomerStats } from '../../common/model';
import { applyRecords, type DeadLetter, type RawRecord } from './applyRecords';
import { createProjectorMetrics } from './projectorMetrics';
import { applyStatsChange, statsProjection, type StatsRows } from './statsWriter';

class MemoryStats implements StatsRows {
  readonly table = new Map<string, CustomerStats>();
  writes = 0;
  async statsPosition(customerId: string) {
    return this.table.get(customerId)?.last_event_time ?? null;
  }
  async upsertStats(stats: CustomerStats[]) {
    for (const s of stats) {
      this.writes++;
      this.table.set(s.customer_id, s);
    }
  }
  async deleteStats(customerId: string) {
    this.table.delete(customerId);
  }
}

const T0 = Date.UTC(2025, 2, 10, 2, 0);
const stats = (t: number, ltv: number, orders: number, customer_id = 'C0000101'): CustomerStats => ({ customer_id, lifetime_value_vnd: ltv, order_count: orders, last_event_time: t });
const upsert = (s: CustomerStats) => ({ kind: 'upsert' as const, stats: s });

describe('applyStatsChange', () => {
  it('inserts, then updates at a newer time', async () => {
    const rows = new MemoryStats();
    expect(await applyStatsChange(rows, upsert(stats(T0, 100, 1)))).toBe('inserted');
    expect(await applyStatsChange(rows, upsert(stats(T0 + 1000, 300, 2)))).toBe('updated');
    expect([...rows.table.values()]).toEqual([stats(T0 + 1000, 300, 2)]);
  });

  it('applies an update whose last_event_time equals the stored one (a late event changes the sums, not the time)', async () => {
    const rows = new MemoryStats();
    await applyStatsChange(rows, upsert(stats(T0 + 1000, 300, 2)));
    expect(await applyStatsChange(rows, upsert(stats(T0 + 1000, 450, 3)))).toBe('overwritten');
    expect(rows.table.get('C0000101')).toEqual(stats(T0 + 1000, 450, 3));
  });

  it('skips a strictly older version (a Flink replay) without writing', async () => {
    const rows = new MemoryStats();
    await applyStatsChange(rows, upsert(stats(T0 + 1000, 300, 2)));
    expect(await applyStatsChange(rows, upsert(stats(T0, 100, 1)))).toBe('stale');
    expect(rows.writes).toBe(1);
    expect(rows.table.get('C0000101')).toEqual(stats(T0 + 1000, 300, 2));
  });

  it('deletes on a tombstone, idempotently', async () => {
    const rows = new MemoryStats();
    await applyStatsChange(rows, upsert(stats(T0, 100, 1)));
    expect(await applyStatsChange(rows, { kind: 'delete', customer_id: 'C0000101' })).toBe('deleted');
    expect(await applyStatsChange(rows, { kind: 'delete', customer_id: 'C0000101' })).toBe('deleted');
    expect(rows.table.size).toBe(0);
  });
});

describe('statsProjection through applyRecords (the loop shared with the cases)', () => {
  it('applies each customer in offset order, dead-letters the malformed record, counts by topic', async () => {
    const rows = new MemoryStats();
    const dead: DeadLetter[] = [];
    const registry = new Registry();
    let offset = 0n;
    const rec = (s: CustomerStats | string | null, customer_id = typeof s === 'object' && s ? s.customer_id : 'C0000101'): RawRecord => ({
      topic: 'cs_customer_stats',
      partition: 1,
      offset: offset++,
      key: JSON.stringify({ customer_id }),
      value: s === null ? undefined : typeof s === 'string' ? s : JSON.stringify(s),
    });
    const records = [
      rec(stats(T0, 100, 1)),
      rec(stats(T0, 900, 9, 'C0000102')),
      rec(stats(T0 + 500, 200, 2)),
      rec('{"customer_id":"C0000101","lifetime_value_vnd":"lots"}'),
      rec(stats(T0 + 500, 250, 3)),
      rec(null, 'C0000102'),
    ];
    const metrics = createProjectorMetrics('cs_customer_stats', registry);
    const done = await applyRecords(records, { projection: statsProjection(rows), deadletter: async (e) => void dead.push(e), log: pino({ level: 'silent' }), metrics }, new AbortController().signal);
    expect(done).toBe(true);
    expect([...rows.table.values()]).toEqual([stats(T0 + 500, 250, 3)]);
    expect(dead).toEqual([{ topic: 'cs_customer_stats', reason: expect.stringMatching(/^VALUE_INVALID: lifetime_value_vnd:/), record: expect.objectContaining({ partition: 1, offset: '3' }), at: expect.any(Number) }]);
    const applied = (await registry.getSingleMetric('cs360_projector_applied_total')?.get())?.values ?? [];
    expect(Object.fromEntries(applied.map((v) => [`${v.labels.topic}/${v.labels.outcome}`, v.value]))).toEqual({
      'cs_customer_stats/inserted': 2,
      'cs_customer_stats/updated': 1,
      'cs_customer_stats/overwritten': 1,
      'cs_customer_stats/deleted': 1,
    });
  });
});
