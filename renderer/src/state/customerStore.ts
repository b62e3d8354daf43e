import { create } from 'zustand';
import { gql } from '../api/client';
import { toApiError, type ApiError } from '../api/apiError';
import { CustomerDocument, type CustomerQuery } from '../graphql/generated';

export type CustomerView = CustomerQuery['customer'];
export type CaseSummary = CustomerView['cases'][number];

const CASES_SHOWN = 30;

interface CustomerState {
  customerId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  customer: CustomerView | null;
  error: ApiError | null;
  load(customerId: string): Promise<void>;
  /** Re-reads header and cases without blanking them (after a live row, or on retry). */
  refresh(): Promise<void>;
  /** Live rows come in bursts: one refresh shortly after the burst, not one per row. */
  refreshSoon(): void;
  reset(): void;
}

let generation = 0;
let refreshTimer: ReturnType<typeof setTimeout> | null = null;
const REFRESH_DELAY_MS = 2000;

export const useCustomer = create<CustomerState>()((set, get) => ({
  customerId: null,
  status: 'idle',
  customer: null,
  error: null,
  async load(customerId) {
    const mine = ++generation;
    set({ customerId, status: 'loading', customer: null, error: null });
    try {
      const data = await gql(CustomerDocument, { id: customerId, cases: CASES_SHOWN });
      if (mine === generation) set({ status: 'ready', customer: data.customer });
    } catch (err) {
      if (mine === generation) set({ status: 'error', error: toApiError(err) });
    }
  },
  async refresh() {
    const { customerId, status } = get();
    if (!customerId) return;
    if (status !== 'ready') return get().load(customerId);
    const mine = ++generation;
    try {
      const data = await gql(CustomerDocument, { id: customerId, cases: CASES_SHOWN });
      if (mine === generation) set({ customer: data.customer });
    } catch {
      // A failed background refresh keeps what is shown; the next one may succeed.
    }
  },
  refreshSoon() {
    if (refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      void get().refresh();
    }, REFRESH_DELAY_MS);
  },
  reset() {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = null;
    generation++;
    set({ customerId: null, status: 'idle', customer: null, error: null });
  },
}));
