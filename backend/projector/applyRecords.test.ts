import pino from 'pino';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../common/errors';
import type { CustomerCaseRow } from '../../common/model';
import { applyRecords, type DeadLetter, type RawRecord } from './applyRecords';
import { caseProjection, type CaseRows } from './caseWriter';
import { createProjectorMetrics } from './projectorMetrics';

const log = pino({ level: 'silent' });
const T0 = Date.UTC(2025, 2, 10, 2, 0);

let offset = 0n;
function rec(customer: number, t: number | null, over: Partial<RawRecord> = {}): RawRecord {
  const customer_id = `C${String(customer).padStart(7, '0')}`;
  const case_id = `${customer_id}:20250310T020000Z`;
  const value = t === null ? undefined : JSON.stringify({ customer_id, case_id, last_event_time: t, order_ids: [], payment_status: null, ticket_status: null, shipment_status: null, notes: null });
  return { topic: 'cs_case_changes', partition: 0, offset: offset++, key: JSON.stringify({ customer_id, case_id }), value, ...over };
}

/** Rows in memory; `failures` makes the next n writes throw Cassandra's UNAVAILABLE. */
class FlakyRows implements CaseRows {
  readonly pos = new Map<string, number>();
  failures = 0;
  calls = 0;
  private maybeFail() {
    this.calls++;
    if (this.failures > 0) {
      this.failures--;
      throw new AppError('UNAVAILABLE', 'cassandra down');
    }
  }
  async casePosition(c: string, k: string) {
    this.maybeFail();
    return this.pos.get(`${c}/${k}`) ?? null;
  }
  async writeCase(r: CustomerCaseRow) {
    this.maybeFail();
    this.pos.set(`${r.customer_id}/${r.case_id}`, r.last_event_time);
  }
  async deleteCase(c: string, k: string) {
    this.maybeFail();
    this.pos.delete(`${c}/${k}`);
  }
}

function deps(rows: CaseRows, dead: DeadLetter[] = []) {
  const registry = new Registry();
  return {
    registry,
    deps: { projection: caseProjection(rows), deadletter: async (e: DeadLetter) => void dead.push(e), log, metrics: createProjectorMetrics('cs_case_changes', registry), retry: { baseMs: 1, maxMs: 5 } },
  };
}
const metric = async (registry: Registry, name: string) => (await registry.getSingleMetric(name)?.get())?.values ?? [];

describe('applyRecords', () => {
  it('applies each key in offset order: the final state is the newest version, tombstones delete', async () => {
    const rows = new FlakyRows();
    const { deps: d, registry } = deps(rows);
    const done = await applyRecords([rec(1, T0), rec(2, T0), rec(1, T0 + 60_000), rec(1, T0), rec(2, null), rec(3, T0)], d, new AbortController().signal);
    expect(done).toBe(true);
    expect(Object.fromEntries(rows.pos)).toEqual({ 'C0000001/C0000001:20250310T020000Z': T0 + 60_000, 'C0000003/C0000003:20250310T020000Z': T0 });
    const byOutcome = Object.fromEntries((await metric(registry, 'cs360_projector_applied_total')).map((v) => [v.labels.outcome, v.value]));
    expect(byOutcome).toEqual({ inserted: 3, moved: 1, stale: 1, deleted: 1 });
  });

  it('dead-letters a malformed record with its reason and still applies the valid ones after it', async () => {
    const rows = new FlakyRows();
    const dead: DeadLetter[] = [];
    const { deps: d, registry } = deps(rows, dead);
    const bad = rec(1, T0, { value: '{not json' });
    const done = await applyRecords([bad, rec(1, T0 + 1000)], d, new AbortController().signal);
    expect(done).toBe(true);
    expect(dead).toEqual([{ topic: 'cs_case_changes', reason: expect.stringMatching(/^VALUE_NOT_JSON: /), record: { partition: 0, offset: bad.offset.toString(), key: bad.key, value: '{not json' }, at: expect.any(Number) }]);
    expect(rows.pos.get('C0000001/C0000001:20250310T020000Z')).toBe(T0 + 1000);
    expect(await metric(registry, 'cs360_projector_deadletter_total')).toEqual([expect.objectContaining({ labels: { topic: 'cs_case_changes', reason: 'VALUE_NOT_JSON' }, value: 1 })]);
  });

  it('retries while Cassandra is unavailable and finishes once it answers, counting the failures', async () => {
    const rows = new FlakyRows();
    rows.failures = 3;
    const { deps: d, registry } = deps(rows);
    const done = await applyRecords([rec(1, T0), rec(1, T0 + 1000)], d, new AbortController().signal);
    expect(done).toBe(true);
    expect(rows.pos.get('C0000001/C0000001:20250310T020000Z')).toBe(T0 + 1000);
    expect((await metric(registry, 'cs360_projector_write_errors_total'))[0]?.value).toBe(3);
    expect((await metric(registry, 'cs360_projector_retrying'))[0]?.value).toBe(0);
  });

  it('retries a failed dead-letter publish instead of dropping the record', async () => {
    const rows = new FlakyRows();
    let attempts = 0;
    const dead: DeadLetter[] = [];
    const { deps: d } = deps(rows);
    const done = await applyRecords(
      [rec(1, T0, { key: undefined })],
      {
        ...d,
        deadletter: async (e) => {
          if (++attempts < 3) throw new Error('kafka down');
          dead.push(e);
        },
      },
      new AbortController().signal,
    );
    expect(done).toBe(true);
    expect(dead.map((e) => e.reason)).toEqual([expect.stringMatching(/^KEY_MISSING/)]);
  });

  it('gives up without finishing when stopped during an outage (the caller commits nothing)', async () => {
    const rows = new FlakyRows();
    rows.failures = Number.POSITIVE_INFINITY;
    const { deps: d } = deps(rows);
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 30);
    expect(await applyRecords([rec(1, T0)], d, stop.signal)).toBe(false);
    expect(rows.pos.size).toBe(0);
  });
});
