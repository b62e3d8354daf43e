import type { SearchQuery } from '../../common/searchQuery';
import type { CustomerCaseRow, CustomerProfile, CustomerStats } from '../../common/model';

export interface CustomerHitRow {
  customer_id: string;
  full_name: string;
  email: string | null;
  phone: string | null;
  segment: CustomerProfile['segment'];
  matched_on: 'EMAIL' | 'PHONE' | 'CUSTOMER_ID' | 'NAME';
}

/** Serving store: customer lookup and cases (cs.customer_case). Embedded: SQLite; stack: Cassandra. */
export interface CaseStore {
  searchCustomers(query: SearchQuery, limit: number): Promise<CustomerHitRow[]>;
  getCustomer(customerId: string): Promise<CustomerProfile | null>;
  getStats(customerId: string): Promise<CustomerStats | null>;
  /** Most recent first. */
  listCases(customerId: string, limit: number): Promise<CustomerCaseRow[]>;
  getCase(customerId: string, caseId: string): Promise<CustomerCaseRow | null>;
  /** Writers: the demo loader / contact projector. Idempotent. */
  upsertCustomers(profiles: CustomerProfile[]): Promise<void>;
  /**
   * Idempotent upsert of case rows. last_event_time is a clustering column, so a case whose
   * last_event_time changed moves: the adapter removes the row at its previous position.
   */
  upsertCases(rows: CustomerCaseRow[]): Promise<void>;
  upsertStats(stats: CustomerStats[]): Promise<void>;
}
