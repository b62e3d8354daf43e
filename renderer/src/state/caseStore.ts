import { create } from 'zustand';
import { gql } from '../api/client';
import { toApiError, type ApiError } from '../api/apiError';
import { CaseDetailDocument, TicketDetailDocument, type CaseDetailQuery, type TicketDetailFragment } from '../graphql/generated';
import { liveRefresh } from './liveRefresh';

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
  /** Re-reads the shown case or ticket without blanking it (after an action, or a live row about one of its tickets). */
  refresh(): Promise<void>;
  /** One refresh shortly after a burst of live rows. */
  refreshSoon(): void;
  clear(): void;
}

/** The tickets on screen: the case's, or the lone ticket. */
export function shownTickets(s: Pick<CaseState, 'detail' | 'ticket'>): readonly TicketDetailFragment[] {
  return s.detail ? s.detail.tickets : s.ticket ? [s.ticket] : [];
}

let generation = 0;
/** Short: another agent's reply should show in the open case about as fast as its timeline row. */
const LIVE_REFRESH_MS = 300;

export const useCases = create<CaseState>()((set, get) => {
  const live = liveRefresh(
    () => get().status !== 'ready',
    () => void get().refresh(),
    LIVE_REFRESH_MS,
  );
  return {
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
    async refresh() {
      const { selection, status } = get();
      // A load under way shows the latest anyway; taking its generation would drop its answer.
      if (!selection || status !== 'ready') return;
      const mine = ++generation;
      try {
        if (selection.kind === 'case') {
          const data = await gql(CaseDetailDocument, { caseId: selection.caseId });
          if (mine === generation) set({ detail: data.case });
        } else {
          const data = await gql(TicketDetailDocument, { id: selection.ticketId });
          if (mine === generation) set({ ticket: data.ticket });
        }
      } catch {
        // What is shown stays; the next action or live row refreshes again.
      }
    },
    refreshSoon: () => live.soon(),
    clear() {
      live.cancel();
      generation++;
      set({ selection: null, status: 'idle', detail: null, ticket: null, error: null });
    },
  };
});
