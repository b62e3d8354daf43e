import { describe, expect, it } from 'vitest';
import type { CustomerCaseRow, CustomerProfile } from '../../../common/model';
import { parseSearchQuery } from '../../../common/searchQuery';
import type { CaseStore } from '../caseStore';

const lan: CustomerProfile = { customer_id: 'C0000001', full_name: 'Nguyễn Thị Lan', emails: ['lan.nguyen@gmail.com'], phones: ['+84912345678'], city: 'Hà Nội', segment: 'VIP', created_at: 1 };
const duc: CustomerProfile = { customer_id: 'C0000002', full_name: 'Trần Văn Đức', emails: ['duc.tran@yahoo.com.vn', 'ductv@fpt.vn'], phones: ['+84987654321'], city: 'Đà Nẵng', segment: 'NEW', created_at: 2 };
const caseRow = (over: Partial<CustomerCaseRow> = {}): CustomerCaseRow => ({
  customer_id: 'C0000001',
  case_id: 'C0000001:20250101T100000Z',
  last_event_time: Date.UTC(2025, 0, 1, 10, 5),
  order_ids: ['O1'],
  payment_status: 'CAPTURED',
  ticket_status: null,
  shipment_status: 'IN_TRANSIT',
  notes: null,
  ...over,
});

/** The CaseStore contract: every adapter (SQLite embedded, Cassandra in stack mode) must pass it. */
export function caseStoreContract(name: string, open: () => Promise<{ store: CaseStore; close(): Promise<void> }>) {
  describe(`CaseStore contract: ${name}`, () => {
    const withStore = (fn: (s: CaseStore) => Promise<void>) => async () => {
      const { store, close } = await open();
      try {
        await store.upsertCustomers([lan, duc]);
        await fn(store);
      } finally {
        await close();
      }
    };

    it('finds customers by email, phone, id and folded name prefixes', withStore(async (s) => {
      expect((await s.searchCustomers(parseSearchQuery('Lan.Nguyen@gm'), 10)).map((h) => h.customer_id)).toEqual(['C0000001']);
      expect((await s.searchCustomers(parseSearchQuery('0987 654'), 10)).map((h) => [h.customer_id, h.matched_on])).toEqual([['C0000002', 'PHONE']]);
      expect((await s.searchCustomers(parseSearchQuery('C000000'), 10)).map((h) => h.customer_id)).toEqual(['C0000001', 'C0000002']);
      expect((await s.searchCustomers(parseSearchQuery('van duc'), 10)).map((h) => h.customer_id)).toEqual(['C0000002']);
      expect((await s.searchCustomers(parseSearchQuery('ductv@'), 10))[0]?.email).toBe('ductv@fpt.vn');
      expect(await s.searchCustomers(parseSearchQuery('nobody@x.vn'), 10)).toEqual([]);
    }));

    it('replaces contacts when a profile changes', withStore(async (s) => {
      await s.upsertCustomers([{ ...lan, emails: ['lan.new@outlook.com'] }]);
      expect(await s.searchCustomers(parseSearchQuery('lan.nguyen@'), 10)).toEqual([]);
      expect((await s.getCustomer('C0000001'))?.emails).toEqual(['lan.new@outlook.com']);
    }));

    it('moves a case when its last_event_time changes, leaving one row', withStore(async (s) => {
      await s.upsertCases([caseRow()]);
      await s.upsertCases([caseRow({ last_event_time: Date.UTC(2025, 0, 1, 10, 20), ticket_status: 'OPEN' })]);
      const cases = await s.listCases('C0000001', 10);
      expect(cases).toHaveLength(1);
      expect(cases[0]).toMatchObject({ ticket_status: 'OPEN', last_event_time: Date.UTC(2025, 0, 1, 10, 20) });
    }));

    it('lists cases most recent first and reads one by id', withStore(async (s) => {
      const older = caseRow();
      const newer = caseRow({ case_id: 'C0000001:20250102T080000Z', last_event_time: Date.UTC(2025, 0, 2, 8, 1), order_ids: ['O2', 'O3'] });
      await s.upsertCases([older, newer]);
      expect((await s.listCases('C0000001', 10)).map((c) => c.case_id)).toEqual([newer.case_id, older.case_id]);
      expect(await s.getCase('C0000001', newer.case_id)).toEqual(newer);
      expect(await s.getCase('C0000001', 'C0000001:19990101T000000Z')).toBeNull();
    }));

    it('keeps per-customer stats', withStore(async (s) => {
      await s.upsertStats([{ customer_id: 'C0000001', lifetime_value_vnd: 1_250_000, order_count: 3, last_event_time: 5 }]);
      await s.upsertStats([{ customer_id: 'C0000001', lifetime_value_vnd: 1_500_000, order_count: 4, last_event_time: 6 }]);
      expect(await s.getStats('C0000001')).toEqual({ customer_id: 'C0000001', lifetime_value_vnd: 1_500_000, order_count: 4, last_event_time: 6 });
      expect(await s.getStats('C0000002')).toBeNull();
    }));
  });
}
