import { create } from 'zustand';
import { gql } from '../api/client';
import { toApiError, type ApiError } from '../api/apiError';
import { MyWorkDocument, type MyWorkQuery, type SlaFilter } from '../graphql/generated';
import { NO_FILTERS, toSlaFilter } from '../features/sla/slaRange';
import { liveRefresh } from './liveRefresh';

export type MyWorkData = MyWorkQuery;

const CASES_SHOWN = 500;

interface MyWorkState {
  agentId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: MyWorkData | null;
  filter: SlaFilter | null;
  error: ApiError | null;
  updatedAt: number | null;
  load(agentId: string): Promise<void>;
  refresh(): Promise<void>;
  refreshSoon(): void;
  reset(): void;
}

let generation = 0;

export const useMyWork = create<MyWorkState>()((set, get) => {
  const pending = liveRefresh(() => get().status === 'idle', () => void get().refresh());
  async function fetchNow(agentId: string, keep: boolean): Promise<void> {
    // 30 days: the agent's open tickets and their % met over the same tickets the dashboard's 30-day view counts.
    const filter = toSlaFilter({ preset: '30d' }, NO_FILTERS, new Date(), agentId) as SlaFilter;
    const mine = ++generation;
    if (!keep) set({ agentId, status: 'loading', error: null });
    try {
      const data = await gql(MyWorkDocument, { filter, first: CASES_SHOWN });
      if (mine === generation) set({ status: 'ready', data, filter, error: null, updatedAt: Date.now() });
    } catch (err) {
      if (mine !== generation) return;
      if (!keep || !get().data) set({ status: 'error', error: toApiError(err) });
    }
  }
  return {
    agentId: null,
    status: 'idle',
    data: null,
    filter: null,
    error: null,
    updatedAt: null,
    load: (agentId) => fetchNow(agentId, false),
    async refresh() {
      const { agentId, status } = get();
      if (agentId) await fetchNow(agentId, status === 'ready');
    },
    refreshSoon: () => pending.soon(),
    reset() {
      pending.cancel();
      generation++;
      set({ agentId: null, status: 'idle', data: null, filter: null, error: null, updatedAt: null });
    },
  };
});
