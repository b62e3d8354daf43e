import { create } from 'zustand';
import { gql } from '../api/client';
import { toApiError, type ApiError } from '../api/apiError';
import {
  AgentsDocument,
  AssignTicketDocument,
  CreateCaseDocument,
  EscalateTicketDocument,
  ReplyDocument,
  SetTicketStatusDocument,
  type AgentsQuery,
  type CreateCaseInput,
  type TicketDetailFragment,
  type TicketStatus,
} from '../graphql/generated';
import type { ActionFailure, ActionKind, PendingAction, ShownMessage } from '../features/cases/caseOptimistic';
import type { CaseShortcutAction } from '../features/cases/caseShortcuts';
import { useCases } from './caseStore';
import { useCustomer } from './customerStore';

export type AgentOption = AgentsQuery['agents'][number];

/** A request for the open case view (a shortcut, or "New case" done): the ticket view that holds `ticketId` acts on it. */
export interface ViewRequest {
  action: Exclude<CaseShortcutAction, 'help'>;
  ticketId: string;
  nonce: number;
}

interface CaseActionsState {
  pending: PendingAction[];
  failures: ActionFailure[];
  agents: AgentOption[] | null;
  /** The ticket the shortcuts act on; null: the view's default. */
  activeTicketId: string | null;
  request: ViewRequest | null;
  helpOpen: boolean;
  loadAgents(): Promise<void>;
  reply(ticketId: string, text: string, internal: boolean, attachments: ShownMessage['attachments'], me: string | null): Promise<boolean>;
  setStatus(ticketId: string, status: TicketStatus): Promise<boolean>;
  assign(ticketId: string, agentId: string | null, kind?: 'assign' | 'take'): Promise<boolean>;
  escalate(ticketId: string, reason: string): Promise<boolean>;
  createCase(input: CreateCaseInput): Promise<{ ok: true; ticket: TicketDetailFragment } | { ok: false; error: ApiError }>;
  dismissFailure(id: number): void;
  setActiveTicket(ticketId: string | null): void;
  ask(action: ViewRequest['action'], ticketId: string): void;
  setHelpOpen(open: boolean): void;
  reset(): void;
}

let seq = 0;
const FAILURES_KEPT = 5;
type NewPending = PendingAction extends infer P ? (P extends PendingAction ? Omit<P, 'id'> : never) : never;

export const useCaseActions = create<CaseActionsState>()((set, get) => {
  /**
   * One action: its overlay shows at once; the server's answer either stays (after the shown case is
   * read again, so the overlay gives way to the real thing) or is rolled back with the server's words.
   */
  async function run(kind: ActionKind, overlay: NewPending | null, ticketId: string, send: () => Promise<string | null>): Promise<boolean> {
    const id = ++seq;
    set((s) => ({
      failures: s.failures.filter((f) => f.ticketId !== ticketId),
      pending: overlay ? [...s.pending, { ...overlay, id } as PendingAction] : s.pending,
    }));
    try {
      const serverId = await send();
      if (serverId) set((s) => ({ pending: s.pending.map((p) => (p.id === id && p.kind === 'reply' ? { ...p, serverId } : p)) }));
      await useCases.getState().refresh();
      // The case list's statuses and the header's open-case count move with it.
      useCustomer.getState().refreshSoon();
      set((s) => ({ pending: s.pending.filter((p) => p.id !== id) }));
      return true;
    } catch (err) {
      const e = toApiError(err);
      set((s) => ({
        pending: s.pending.filter((p) => p.id !== id),
        failures: [...s.failures, { id, ticketId, kind, code: e.code, message: e.message }].slice(-FAILURES_KEPT),
      }));
      return false;
    }
  }

  return {
    pending: [],
    failures: [],
    agents: null,
    activeTicketId: null,
    request: null,
    helpOpen: false,
    async loadAgents() {
      if (get().agents) return;
      try {
        const data = await gql(AgentsDocument, {});
        set({ agents: [...data.agents].sort((a, b) => a.name.localeCompare(b.name)) });
      } catch {
        // Names fall back to ids; the assign list stays empty until the next try.
      }
    },
    reply(ticketId, text, internal, attachments, me) {
      const message: ShownMessage = {
        id: `pending-${seq + 1}`,
        authorType: 'AGENT',
        message: text,
        createdAt: new Date().toISOString(),
        sentiment: null,
        internal,
        agentId: me,
        attachments,
        pending: true,
      };
      return run('reply', { kind: 'reply', ticketId, message, serverId: null }, ticketId, async () => {
        const data = await gql(ReplyDocument, { input: { ticketId, message: text, internal, attachmentKeys: attachments.map((a) => a.key) } });
        return data.reply.id;
      });
    },
    setStatus(ticketId, status) {
      return run('status', { kind: 'status', ticketId, status }, ticketId, async () => {
        await gql(SetTicketStatusDocument, { ticketId, status });
        return null;
      });
    },
    assign(ticketId, agentId, kind = 'assign') {
      return run(kind, { kind: 'assign', ticketId, agentId }, ticketId, async () => {
        await gql(AssignTicketDocument, { ticketId, agentId });
        return null;
      });
    },
    escalate(ticketId, reason) {
      return run('escalate', { kind: 'escalate', ticketId }, ticketId, async () => {
        await gql(EscalateTicketDocument, { ticketId, reason });
        return null;
      });
    },
    async createCase(input) {
      try {
        const data = await gql(CreateCaseDocument, { input });
        void useCustomer.getState().refresh();
        return { ok: true, ticket: data.createCase };
      } catch (err) {
        return { ok: false, error: toApiError(err) };
      }
    },
    dismissFailure: (id) => set((s) => ({ failures: s.failures.filter((f) => f.id !== id) })),
    setActiveTicket: (ticketId) => set({ activeTicketId: ticketId }),
    ask: (action, ticketId) => set({ request: { action, ticketId, nonce: ++seq }, activeTicketId: ticketId }),
    setHelpOpen: (open) => set({ helpOpen: open }),
    reset: () => set({ pending: [], failures: [], activeTicketId: null, request: null, helpOpen: false }),
  };
});
