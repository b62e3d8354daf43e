import { create } from 'zustand';
import { gql } from '../api/client';
import { toApiError, type ApiError } from '../api/apiError';
import { CaseDetailDocument, TicketDetailDocument, type CaseDetailQuery, type TicketDetailFragment } from '../graphql/generated';

export type CaseDetail = CaseDetailQuery['case'];

/** What the panel shows: a case, or (when a timeline ticket row's case is not in the list) that ticket alone. */
export type CaseSelection = { kind: 'case'; caseId: string } | { kind: 'ticket'; ticketId: string } | null;

interface CaseState {
  selection: CaseSelection;
  status: 'idle' | 'loading' | 'ready' | 'error';
  detail: CaseDetail | null;
  ticket: TicketDetailFragment | null;
  error: ApiError | null;
  selectCase(caseId: string): Promise<void>;
  selectTicket(ticketId: string): Promise<void>;
  retry(): void;
  clear(): void;
}

let generation = 0;

export const useCases = create<CaseState>()((set, get) => ({
  selection: null,
  status: 'idle',
  detail: null,
  ticket: null,
  error: null,
  async selectCase(caseId) {
    const mine = ++generation;
    set({ selection: { kind: 'case', caseId }, status: 'loading', detail: null, ticket: null, error: null });
    try {
      const data = await gql(CaseDetailDocument, { caseId });
      if (mine === generation) set({ status: 'ready', detail: data.case });
    } catch (err) {
      if (mine === generation) set({ status: 'error', error: toApiError(err) });
    }
  },
  async selectTicket(ticketId) {
    const mine = ++generation;
    set({ selection: { kind: 'ticket', ticketId }, status: 'loading', detail: null, ticket: null, error: null });
    try {
      const data = await gql(TicketDetailDocument, { id: ticketId });
      if (mine === generation) set({ status: 'ready', ticket: data.ticket });
    } catch (err) {
      if (mine === generation) set({ status: 'error', error: toApiError(err) });
    }
  },
  retry() {
    const sel = get().selection;
    if (sel?.kind === 'case') void get().selectCase(sel.caseId);
    else if (sel?.kind === 'ticket') void get().selectTicket(sel.ticketId);
  },
  clear() {
    generation++;
    set({ selection: null, status: 'idle', detail: null, ticket: null, error: null });
  },
}));
