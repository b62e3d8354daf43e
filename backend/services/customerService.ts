import { AppError } from '../../common/errors';
import { isCaseOpen, type CustomerCaseRow, type CustomerProfile } from '../../common/model';
import { parseSearchQuery } from '../../common/searchQuery';
import type { Principal } from '../auth/principal';
import { authorize, can } from '../auth/policy';
import type { CaseStore, CustomerHitRow } from '../ports/caseStore';
import type { ActivityRecord } from '../ports/ticketStore';
import { customerIdInput, pageSizeInput } from './inputs';
import { ContactHasher, maskHit, maskProfile, normalizeContact } from './pii/mask';

export interface CustomerView extends CustomerProfile {
  lifetime_value_vnd: number;
  order_count: number;
  open_case_count: number;
}

export interface CustomerContacts {
  customer_id: string;
  emails: string[];
  phones: string[];
}

/** Where the customer service writes its audit records (support_agent_activity) and hashes contacts. */
export interface CustomerServiceDeps {
  /** Keyed hash of full contacts: how an ANALYST finds a customer by email or phone without a prefix search. */
  hasher?: ContactHasher;
  /** Appends one audit record (PII_UNMASKED, CUSTOMER_VIEWED); never modifies one. */
  audit?: (a: ActivityRecord) => Promise<void>;
}

export const UNMASK_REASON_MAX = 500;

/** Cases newer than this are looked at when counting open ones; older cases are closed by definition. */
const OPEN_CASE_SCAN = 20;

export class CustomerService {
  constructor(
    private readonly store: CaseStore,
    private readonly now: () => number = Date.now,
    private readonly deps: CustomerServiceDeps = {},
  ) {}

  /**
   * AGENT / SUPERVISOR: prefix search on email, phone, id and name. ANALYST: contacts come back
   * masked, and an email or phone finds a customer only when typed in full: the HMAC of the
   * normalized input must equal the HMAC of the customer's contact (a prefix finds nothing).
   */
  async search(principal: Principal | null, rawQuery: unknown, limit: unknown = 10): Promise<CustomerHitRow[]> {
    const who = authorize(principal, 'customer:search');
    if (typeof rawQuery !== 'string') throw new AppError('INVALID_INPUT', 'query must be text', { field: 'query' });
    const query = parseSearchQuery(rawQuery);
    const max = pageSizeInput(limit, 50, 'limit');
    if (can(who, 'pii:raw')) return this.store.searchCustomers(query, max);
    if (query.kind === 'email' || query.kind === 'phone') {
      const hasher = this.deps.hasher;
      const wanted = hasher?.hash({ kind: query.kind, value: rawQuery });
      if (!hasher || !wanted) return [];
      // The full normalized contact as the store's prefix, then only exact (HMAC-equal) matches.
      const full = normalizeContact({ kind: query.kind, value: rawQuery }) ?? '';
      const candidates = await this.store.searchCustomers({ kind: query.kind, prefix: full }, max);
      const exact = candidates.filter((h) => {
        const value = query.kind === 'email' ? h.email : h.phone;
        return value !== null && hasher.hash({ kind: query.kind, value }) === wanted;
      });
      return exact.map(maskHit);
    }
    return (await this.store.searchCustomers(query, max)).map(maskHit);
  }

  /** A SUPERVISOR reveals one customer's contacts, with a reason; recorded as PII_UNMASKED. */
  async unmask(principal: Principal | null, rawId: unknown, rawReason: unknown, from: Record<string, unknown> = {}): Promise<CustomerContacts> {
    const who = authorize(principal, 'pii:unmask');
    const id = customerIdInput(rawId, 'id');
    const reason = typeof rawReason === 'string' ? rawReason.trim() : '';
    if (reason.length < 3 || reason.length > UNMASK_REASON_MAX) {
      throw new AppError('INVALID_INPUT', `A reason of 3 to ${UNMASK_REASON_MAX} characters is required`, { field: 'reason' });
    }
    const profile = await this.store.getCustomer(id);
    if (!profile) throw new AppError('NOT_FOUND', `No customer ${id}`, { id });
    if (!this.deps.audit) throw new AppError('INTERNAL', 'Unmasking needs the audit trail');
    await this.deps.audit({ agent_id: who.id, ticket_id: null, action: 'PII_UNMASKED', at: this.now(), details: { customer_id: id, reason, ...from } });
    return { customer_id: id, emails: profile.emails, phones: profile.phones };
  }

  async get(principal: Principal | null, rawId: unknown, from?: Record<string, unknown>): Promise<CustomerView> {
    const who = authorize(principal, 'customer:read');
    const id = customerIdInput(rawId, 'id');
    const [profile, stats, recent] = await Promise.all([this.store.getCustomer(id), this.store.getStats(id), this.store.listCases(id, OPEN_CASE_SCAN)]);
    if (!profile) throw new AppError('NOT_FOUND', `No customer ${id}`, { id });
    const now = this.now();
    if (from && this.deps.audit) await this.deps.audit({ agent_id: who.id, ticket_id: null, action: 'CUSTOMER_VIEWED', at: now, details: { customer_id: id, ...from } });
    return {
      ...(can(who, 'pii:raw') ? profile : maskProfile(profile)),
      lifetime_value_vnd: stats?.lifetime_value_vnd ?? 0,
      order_count: stats?.order_count ?? 0,
      open_case_count: recent.filter((c) => isCaseOpen(c, now)).length,
    };
  }

  async listCases(principal: Principal | null, rawId: unknown, first: unknown = 20): Promise<CustomerCaseRow[]> {
    authorize(principal, 'case:read');
    return this.store.listCases(customerIdInput(rawId, 'id'), pageSizeInput(first, 200));
  }
}
