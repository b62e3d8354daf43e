import { beforeEach, describe, expect, it, vi } from 'vitest';
import { withPending } from '../features/cases/caseOptimistic';
import { SetTicketStatusDocument, TicketDetailDocument, type TicketDetailFragment } from '../graphql/generated';

const gql = vi.fn<(doc: unknown, vars: Record<string, unknown>) => Promise<unknown>>();
vi.mock('../api/client', () => ({ gql: (doc: unknown, vars: Record<string, unknown>) => gql(doc, vars) }));

const { useCaseActions } = await import('./caseActionsStore');
const { useCases } = await import('./caseStore');

const ticket: TicketDetailFragment = {
  id: 't1',
  subject: 'Late parcel',
  status: 'OPEN',
  priority: 'NORMAL',
  channel: 'CHAT',
  assignedAgentId: 'a1',
  orderId: null,
  priorityHint: null,
  createdAt: '2026-12-02T10:00:00Z',
  updatedAt: '2026-12-02T10:00:00Z',
  messages: [],
};
const refused = (message: string, code = 'INVALID_INPUT') => ({ response: { status: 200, errors: [{ message, extensions: { code } }] } });
const shown = () => withPending(useCases.getState().ticket as TicketDetailFragment, useCaseActions.getState().pending);

describe('case actions store', () => {
  beforeEach(() => {
    gql.mockReset();
    useCaseActions.getState().reset();
    useCases.setState({ selection: { kind: 'ticket', ticketId: 't1' }, status: 'ready', ticket, detail: null, error: null });
  });

  it('shows a status change at once and rolls it back with the server\'s words when refused', async () => {
    let refuse: (e: unknown) => void = () => {};
    gql.mockImplementationOnce(() => new Promise((_, reject) => (refuse = reject)));
    const done = useCaseActions.getState().setStatus('t1', 'PENDING');
    expect(shown().status).toBe('PENDING');
    expect(shown().pendingKinds).toEqual(['status']);
    refuse(refused('Illegal transition OPEN -> PENDING for this ticket'));
    expect(await done).toBe(false);
    expect(shown().status).toBe('OPEN');
    expect(useCaseActions.getState().failures).toMatchObject([{ ticketId: 't1', kind: 'status', code: 'INVALID_INPUT', message: 'Illegal transition OPEN -> PENDING for this ticket' }]);
  });

  it('keeps an accepted change: the ticket is read again and the overlay gives way to it', async () => {
    gql.mockImplementation(async (doc) => {
      if (doc === SetTicketStatusDocument) return { setTicketStatus: { id: 't1', status: 'PENDING', updatedAt: ticket.updatedAt } };
      if (doc === TicketDetailDocument) return { ticket: { ...ticket, status: 'PENDING' } };
      throw new Error('unexpected');
    });
    expect(await useCaseActions.getState().setStatus('t1', 'PENDING')).toBe(true);
    expect(useCaseActions.getState().pending).toEqual([]);
    expect(shown().status).toBe('PENDING');
    expect(gql.mock.calls.map((c) => c[0])).toEqual([SetTicketStatusDocument, TicketDetailDocument]);
  });

  it('shows a reply as pending, and takes it away again when the server refuses it', async () => {
    let refuse: (e: unknown) => void = () => {};
    gql.mockImplementationOnce(() => new Promise((_, reject) => (refuse = reject)));
    const done = useCaseActions.getState().reply('t1', 'We are on it', true, [], 'a1');
    expect(shown().messages).toMatchObject([{ message: 'We are on it', internal: true, pending: true }]);
    refuse(refused('Role ANALYST may not message:write', 'FORBIDDEN'));
    expect(await done).toBe(false);
    expect(shown().messages).toEqual([]);
    expect(useCaseActions.getState().failures[0]).toMatchObject({ kind: 'reply', code: 'FORBIDDEN' });
  });

  it('clears a ticket\'s old failure when the agent acts on it again', async () => {
    gql.mockRejectedValueOnce(refused('no'));
    await useCaseActions.getState().escalate('t1', 'customer threatens to leave');
    expect(useCaseActions.getState().failures).toHaveLength(1);
    gql.mockImplementation(async (doc) => (doc === TicketDetailDocument ? { ticket } : { assignTicket: { id: 't1', assignedAgentId: null, updatedAt: '' } }));
    await useCaseActions.getState().assign('t1', null);
    expect(useCaseActions.getState().failures).toEqual([]);
  });

  it('sends assign with the chosen agent, or null to unassign', async () => {
    gql.mockImplementation(async (doc) => (doc === TicketDetailDocument ? { ticket } : { assignTicket: { id: 't1', assignedAgentId: 'a2', updatedAt: '' } }));
    await useCaseActions.getState().assign('t1', 'a2');
    expect(gql.mock.calls[0]?.[1]).toEqual({ ticketId: 't1', agentId: 'a2' });
  });
});
