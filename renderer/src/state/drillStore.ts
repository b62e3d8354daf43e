import { create } from 'zustand';
import { gql } from '../api/client';
import { toApiError, type ApiError } from '../api/apiError';
import { SlaCasesDocument, type SlaCaseFieldsFragment, type SlaFilter } from '../graphql/generated';
import type { DrillRequest } from '../features/sla/slaDrill';

/** The API's ceiling for one page; the table says so when a drill matched more. */
export const DRILL_ROWS = 5000;

interface DrillState {
  request: DrillRequest | null;
  filter: SlaFilter | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  total: number;
  rows: SlaCaseFieldsFragment[];
  error: ApiError | null;
  open(request: DrillRequest, filter: SlaFilter): Promise<void>;
  retry(): void;
  close(): void;
}

let generation = 0;

export const useDrill = create<DrillState>()((set, get) => ({
  request: null,
  filter: null,
  status: 'idle',
  total: 0,
  rows: [],
  error: null,
  async open(request, filter) {
    const mine = ++generation;
    set({ request, filter, status: 'loading', total: 0, rows: [], error: null });
    try {
      const { slaCases } = await gql(SlaCasesDocument, { filter, drill: request.drill, first: DRILL_ROWS });
      if (mine === generation) set({ status: 'ready', total: slaCases.total, rows: slaCases.rows });
    } catch (err) {
      if (mine === generation) set({ status: 'error', error: toApiError(err) });
    }
  },
  retry() {
    const { request, filter } = get();
    if (request && filter) void get().open(request, filter);
  },
  close() {
    generation++;
    set({ request: null, filter: null, status: 'idle', total: 0, rows: [], error: null });
  },
}));
