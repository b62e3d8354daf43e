import { AppError } from '../../common/errors';
import { isCaseOpen, type CustomerCaseRow, type CustomerProfile } from '../../common/model';
import { parseSearchQuery } from '../../common/searchQuery';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/policy';
import type { CaseStore, CustomerHitRow } from '../ports/caseStore';
import { customerIdInput, pageSizeInput } from './inputs';

export interface CustomerView extends CustomerProfile {
  lifetime_value_vnd: number;
  order_count: number;
  open_case_count: number;
}

/** Cases newer than this are looked at when counting open ones; older cases are closed by definition. */
const OPEN_CASE_SCAN = 20;

export class CustomerService {
  constructor(
    private readonly store: CaseStore,
    private readonly now: () => number = Date.now,
  ) {}

  search(principal: Principal | null, rawQuery: unknown, limit: unknown = 10): Promise<CustomerHitRow[]> {
    authorize(principal, 'customer:search');
    if (typeof rawQuery !== 'string') throw new AppError('INVALID_INPUT', 'query must be text', { field: 'query' });
    return this.store.searchCustomers(parseSearchQuery(rawQuery), pageSizeInput(limit, 50, 'limit'));
  }

  async get(principal: Principal | null, rawId: unknown): Promise<CustomerView> {
    authorize(principal, 'customer:read');
    const id = customerIdInput(rawId, 'id');
    const [profile, stats, recent] = await Promise.all([this.store.getCustomer(id), this.store.getStats(id), this.store.listCases(id, OPEN_CASE_SCAN)]);
    if (!profile) throw new AppError('NOT_FOUND', `No customer ${id}`, { id });
    const now = this.now();
    return {
      ...profile,
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
