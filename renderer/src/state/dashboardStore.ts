import { create } from 'zustand';
import { gql } from '../api/client';
import { toApiError, type ApiError } from '../api/apiError';
import { SlaDashboardDocument, type SlaDashboardQuery, type SlaFilter, type SlaGroupBy } from '../graphql/generated';
import { NO_FILTERS, toSlaFilter, trendGroupBy, type SlaFilters, type SlaRange } from '../features/sla/slaRange';
import { mergeOptions, NO_OPTIONS, type FilterOptions } from '../features/sla/filterOptions';
import { liveRefresh } from './liveRefresh';

export type DashboardData = SlaDashboardQuery;

/** The at-risk queue shows this many; the API orders them soonest first. */
const AT_RISK_SHOWN = 50;

interface DashboardState {
  range: SlaRange;
  filters: SlaFilters;
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: DashboardData | null;
  /** The filter the data answers: drill-downs must ask about exactly the same tickets. */
  filter: SlaFilter | null;
  trendBy: SlaGroupBy;
  error: ApiError | null;
  /** When the last successful answer arrived (ms), for "updated N s ago". */
  updatedAt: number | null;
  refreshing: boolean;
  options: FilterOptions;
  setRange(range: SlaRange): void;
  setFilters(next: Partial<SlaFilters>): void;
  /** Loads with a skeleton (first time, or after the range or filters changed). */
  load(): Promise<void>;
  /** Re-reads in place, keeping what is shown; failures keep the old numbers. */
  refresh(): Promise<void>;
  refreshSoon(): void;
  reset(): void;
}

let generation = 0;

export const useDashboard = create<DashboardState>()((set, get) => {
  const pending = liveRefresh(() => get().status === 'idle', () => void get().refresh());
  async function fetchNow(keep: boolean): Promise<void> {
    const { range, filters } = get();
    const now = new Date();
    const filter = toSlaFilter(range, filters, now);
    if (!filter) return; // An unfinished custom range: keep the last answer until it is valid.
    const trendBy = trendGroupBy(range, now);
    const mine = ++generation;
    set(keep ? { refreshing: true } : { status: 'loading', error: null, refreshing: true });
    try {
      const data = await gql(SlaDashboardDocument, { filter, trendBy, atRisk: AT_RISK_SHOWN });
      if (mine !== generation) return;
      set({ status: 'ready', data, filter, trendBy, error: null, updatedAt: Date.now(), refreshing: false, options: mergeOptions(get().options, data) });
    } catch (err) {
      if (mine !== generation) return;
      set(keep && get().data ? { refreshing: false } : { status: 'error', error: toApiError(err), refreshing: false });
    }
  }
  return {
    range: { preset: 'today' },
    filters: NO_FILTERS,
    status: 'idle',
    data: null,
    filter: null,
    trendBy: 'HOUR',
    error: null,
    updatedAt: null,
    refreshing: false,
    options: NO_OPTIONS,
    setRange(range) {
      set({ range });
      void fetchNow(false);
    },
    setFilters(next) {
      set({ filters: { ...get().filters, ...next } });
      void fetchNow(false);
    },
    load: () => fetchNow(false),
    refresh: () => fetchNow(get().status === 'ready'),
    refreshSoon: () => pending.soon(),
    reset() {
      pending.cancel();
      generation++;
      set({ status: 'idle', data: null, filter: null, error: null, updatedAt: null, refreshing: false });
    },
  };
});
