import { describe, expect, it } from 'vitest';
import type { CustomerCaseRow } from '../../common/model';
import { applyCaseChange, planUpsert, type CaseRows } from './caseWriter';

/** customer_case keyed like Cassandra's (customer, last_event_time, case) plus the by-id positions. */
class MemoryRows implements CaseRows {
  readonly table = new Map<string, CustomerCaseRow>();
  readonly byId = new Map<string, number>();
  writes = 0;
  async casePosition(customerId: string, caseId: string) {
    return this.byId.get(`${customerId}/${caseId}`) ?? null;
  }
  async writeCase(row: CustomerCaseRow, previous: number | null) {
    this.writes++;
    if (previous !== null) this.table.delete(`${row.customer_id}/${previous}/${row.case_id}`);
    this.table.set(`${row.customer_id}/${row.last_event_time}/${row.case_id}`, row);
    this.byId.set(`${row.customer_id}/${row.case_id}`, row.last_event_time);
  }
  async deleteCase(customerId: string, caseId: string, at: number) {
    this.table.delete(`${customerId}/${at}/${caseId}`);
    this.byId.delete(`${customerId}/${caseId}`);
  }
}

const row = (t: number, over: Partial<CustomerCaseRow> = {}): CustomerCaseRow => ({
  customer_id: 'C0000101',
  case_id: 'C0000101:20250310T020000Z',
  last_event_time: t,
  order_ids: ['O1'],
  payment_status: null,
  ticket_status: null,
  shipment_status: null,
  notes: null,
  ...over,
});
const upsert = (r: CustomerCaseRow) => ({ kind: 'upsert' as const, row: r });
const del = { kind: 'delete' as const, customer_id: 'C0000101', case_id: 'C0000101:20250310T020000Z' };

describe('planUpsert (the version rule)', () => {
  it('inserts an unknown case, moves to a newer time, overwrites an equal one, skips an older one', () => {
    expect(planUpsert(null, 5)).toBe('insert');
    expect(planUpsert(5, 9)).toBe('move');
    expect(planUpsert(5, 5)).toBe('overwrite');
    expect(planUpsert(5, 4)).toBe('stale');
  });
});

describe('applyCaseChange', () => {
  it('moves a case whose last event changed: one row, at the new time', async () => {
    const rows = new MemoryRows();
    expect(await applyCaseChange(rows, upsert(row(1000)))).toBe('inserted');
    expect(await applyCaseChange(rows, upsert(row(2000, { ticket_status: 'OPEN' })))).toBe('moved');
    expect([...rows.table.values()]).toEqual([row(2000, { ticket_status: 'OPEN' })]);
  });

  it('never lets an older version overwrite a newer one (a redelivery after a Flink restart)', async () => {
    const rows = new MemoryRows();
    await applyCaseChange(rows, upsert(row(2000, { ticket_status: 'RESOLVED' })));
    expect(await applyCaseChange(rows, upsert(row(1000, { ticket_status: 'OPEN' })))).toBe('stale');
    expect(rows.writes).toBe(1);
    expect([...rows.table.values()]).toEqual([row(2000, { ticket_status: 'RESOLVED' })]);
  });

  it('applies the same version twice harmlessly, and an equal-time correction lands', async () => {
    const rows = new MemoryRows();
    await applyCaseChange(rows, upsert(row(2000)));
    expect(await applyCaseChange(rows, upsert(row(2000)))).toBe('overwritten');
    expect(await applyCaseChange(rows, upsert(row(2000, { notes: 'fixed' })))).toBe('overwritten');
    expect([...rows.table.values()]).toEqual([row(2000, { notes: 'fixed' })]);
  });

  it('deletes on a tombstone, and a tombstone of an unknown case is a no-op', async () => {
    const rows = new MemoryRows();
    await applyCaseChange(rows, upsert(row(2000)));
    expect(await applyCaseChange(rows, del)).toBe('deleted');
    expect(rows.table.size).toBe(0);
    expect(rows.byId.size).toBe(0);
    expect(await applyCaseChange(rows, del)).toBe('absent');
  });
});
