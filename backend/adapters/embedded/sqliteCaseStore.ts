import type { CustomerCaseRow, CustomerProfile, CustomerStats } from '../../../common/model';
import type { SearchQuery } from '../../../common/searchQuery';
import { nameKeys } from '../local/nameKeys';
import type { CaseStore, CustomerHitRow } from '../../ports/caseStore';
import type { ServingDb } from '../local/servingDb';

interface ProfileRow {
  customer_id: string;
  full_name: string;
  emails: string;
  phones: string;
  city: string;
  segment: CustomerProfile['segment'];
  created_at: number;
}
interface CaseDbRow extends Omit<CustomerCaseRow, 'order_ids'> {
  order_ids: string;
}

const MATCHED_ON = { email: 'EMAIL', phone: 'PHONE', name: 'NAME', customerId: 'CUSTOMER_ID' } as const;
/** Upper bound for a prefix range scan: every string starting with p sorts below p + U+10FFFF. */
const prefixEnd = (p: string) => `${p}\u{10FFFF}`;


const toProfile = (r: ProfileRow): CustomerProfile => ({ ...r, emails: JSON.parse(r.emails) as string[], phones: JSON.parse(r.phones) as string[] });
const toCase = (r: CaseDbRow): CustomerCaseRow => ({ ...r, order_ids: JSON.parse(r.order_ids) as string[] });

export class SqliteCaseStore implements CaseStore {
  private readonly q;

  constructor(private readonly db: ServingDb) {
    this.q = {
      contact: db.prepare<[string, string, string, number], { customer_id: string; value: string }>(
        'SELECT customer_id, value FROM customer_contact WHERE kind = ? AND value >= ? AND value < ? ORDER BY value LIMIT ?',
      ),
      idPrefix: db.prepare<[string, string, number], ProfileRow>('SELECT * FROM customer_profile WHERE customer_id >= ? AND customer_id < ? ORDER BY customer_id LIMIT ?'),
      profile: db.prepare<[string], ProfileRow>('SELECT * FROM customer_profile WHERE customer_id = ?'),
      stats: db.prepare<[string], CustomerStats>('SELECT * FROM customer_stats WHERE customer_id = ?'),
      cases: db.prepare<[string, number], CaseDbRow>('SELECT * FROM customer_case WHERE customer_id = ? ORDER BY last_event_time DESC, case_id DESC LIMIT ?'),
      caseById: db.prepare<[string, string], CaseDbRow>('SELECT * FROM customer_case WHERE customer_id = ? AND case_id = ?'),
      deleteCase: db.prepare<[string, string]>('DELETE FROM customer_case WHERE customer_id = ? AND case_id = ?'),
      insertCase: db.prepare(
        'INSERT INTO customer_case (customer_id, last_event_time, case_id, order_ids, payment_status, ticket_status, shipment_status, notes) VALUES (@customer_id, @last_event_time, @case_id, @order_ids, @payment_status, @ticket_status, @shipment_status, @notes)',
      ),
      upsertProfile: db.prepare(
        `INSERT INTO customer_profile (customer_id, full_name, emails, phones, city, segment, created_at) VALUES (@customer_id, @full_name, @emails, @phones, @city, @segment, @created_at)
         ON CONFLICT(customer_id) DO UPDATE SET full_name = excluded.full_name, emails = excluded.emails, phones = excluded.phones, city = excluded.city, segment = excluded.segment`,
      ),
      deleteContacts: db.prepare<[string]>('DELETE FROM customer_contact WHERE customer_id = ?'),
      insertContact: db.prepare<[string, string, string]>('INSERT OR IGNORE INTO customer_contact (kind, value, customer_id) VALUES (?, ?, ?)'),
      upsertStats: db.prepare(
        `INSERT INTO customer_stats (customer_id, lifetime_value_vnd, order_count, last_event_time) VALUES (@customer_id, @lifetime_value_vnd, @order_count, @last_event_time)
         ON CONFLICT(customer_id) DO UPDATE SET lifetime_value_vnd = excluded.lifetime_value_vnd, order_count = excluded.order_count, last_event_time = excluded.last_event_time`,
      ),
    };
  }

  async searchCustomers(query: SearchQuery, limit: number): Promise<CustomerHitRow[]> {
    const profiles: { profile: ProfileRow; matched: string | null }[] = [];
    if (query.kind === 'customerId') {
      for (const p of this.q.idPrefix.all(query.prefix, prefixEnd(query.prefix), limit)) profiles.push({ profile: p, matched: null });
    } else {
      const seen = new Set<string>();
      // Over-fetch: several name suffixes of one customer can match the same prefix.
      for (const hit of this.q.contact.all(query.kind, query.prefix, prefixEnd(query.prefix), limit * 3)) {
        if (seen.has(hit.customer_id)) continue;
        seen.add(hit.customer_id);
        const p = this.q.profile.get(hit.customer_id);
        if (p) profiles.push({ profile: p, matched: hit.value });
        if (profiles.length >= limit) break;
      }
    }
    return profiles.map(({ profile, matched }) => {
      const emails = JSON.parse(profile.emails) as string[];
      const phones = JSON.parse(profile.phones) as string[];
      return {
        customer_id: profile.customer_id,
        full_name: profile.full_name,
        email: (query.kind === 'email' ? matched : null) ?? emails[0] ?? null,
        phone: (query.kind === 'phone' ? matched : null) ?? phones[0] ?? null,
        segment: profile.segment,
        matched_on: MATCHED_ON[query.kind],
      };
    });
  }

  async getCustomer(customerId: string): Promise<CustomerProfile | null> {
    const row = this.q.profile.get(customerId);
    return row ? toProfile(row) : null;
  }

  async getStats(customerId: string): Promise<CustomerStats | null> {
    return this.q.stats.get(customerId) ?? null;
  }

  async listCases(customerId: string, limit: number): Promise<CustomerCaseRow[]> {
    return this.q.cases.all(customerId, limit).map(toCase);
  }

  async getCase(customerId: string, caseId: string): Promise<CustomerCaseRow | null> {
    const row = this.q.caseById.get(customerId, caseId);
    return row ? toCase(row) : null;
  }

  async upsertCustomers(profiles: CustomerProfile[]): Promise<void> {
    this.db.transaction(() => {
      for (const p of profiles) {
        this.q.upsertProfile.run({ ...p, emails: JSON.stringify(p.emails), phones: JSON.stringify(p.phones) });
        this.q.deleteContacts.run(p.customer_id);
        for (const e of p.emails) this.q.insertContact.run('email', e.toLowerCase(), p.customer_id);
        for (const ph of p.phones) this.q.insertContact.run('phone', ph, p.customer_id);
        for (const n of nameKeys(p.full_name)) this.q.insertContact.run('name', n, p.customer_id);
      }
    })();
  }

  async upsertCases(rows: CustomerCaseRow[]): Promise<void> {
    this.db.transaction(() => {
      for (const r of rows) {
        // last_event_time is part of the key: delete the case wherever it sits, then insert (Cassandra does the same).
        this.q.deleteCase.run(r.customer_id, r.case_id);
        this.q.insertCase.run({ ...r, order_ids: JSON.stringify(r.order_ids) });
      }
    })();
  }

  async upsertStats(stats: CustomerStats[]): Promise<void> {
    this.db.transaction(() => {
      for (const s of stats) this.q.upsertStats.run(s);
    })();
  }
}
