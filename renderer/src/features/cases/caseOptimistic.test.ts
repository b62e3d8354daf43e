import { describe, expect, it } from 'vitest';
import type { TicketDetailFragment } from '../../graphql/generated';
import { defaultActiveTicket, withPending, type PendingAction, type ShownMessage } from './caseOptimistic';

const ticket: TicketDetailFragment = {
  id: 't1',
  subject: 'Late parcel',
  status: 'OPEN',
  priority: 'NORMAL',
  channel: 'CHAT',
  assignedAgentId: null,
  orderId: null,
  priorityHint: null,
  createdAt: '2026-12-02T10:00:00Z',
  updatedAt: '2026-12-02T10:00:00Z',
  messages: [{ id: 'm1', authorType: 'CUSTOMER', message: 'Where is it?', createdAt: '2026-12-02T10:00:00Z', sentiment: 'NEGATIVE', internal: false, agentId: null, attachments: [] }],
};
const msg = (id: string): ShownMessage => ({ id, authorType: 'AGENT', message: 'On its way', createdAt: '2026-12-02T10:01:00Z', sentiment: null, internal: false, agentId: 'a1', attachments: [], pending: true });

describe('optimistic overlay', () => {
  it('shows the server copy untouched when nothing is pending for the ticket', () => {
    const other: PendingAction = { id: 1, ticketId: 't2', kind: 'status', status: 'PENDING' };
    const shown = withPending(ticket, [other]);
    expect(shown.status).toBe('OPEN');
    expect(shown.pendingKinds).toEqual([]);
  });
  it('lays status, escalation, assignment and a reply over the ticket in order', () => {
    const shown = withPending(ticket, [
      { id: 1, ticketId: 't1', kind: 'assign', agentId: 'a1' },
      { id: 2, ticketId: 't1', kind: 'status', status: 'PENDING' },
      { id: 3, ticketId: 't1', kind: 'escalate' },
      { id: 4, ticketId: 't1', kind: 'reply', message: msg('pending-4'), serverId: null },
    ]);
    expect(shown.assignedAgentId).toBe('a1');
    expect(shown.status).toBe('ESCALATED');
    expect(shown.messages.map((m) => m.id)).toEqual(['m1', 'pending-4']);
    expect(shown.pendingKinds).toEqual(['assign', 'status', 'escalate', 'reply']);
  });
  it('drops a sent reply from the overlay once the server copy has it, so it never shows twice', () => {
    const refreshed = { ...ticket, messages: [...ticket.messages, { ...msg('m2'), pending: undefined }] };
    const shown = withPending(refreshed, [{ id: 4, ticketId: 't1', kind: 'reply', message: msg('pending-4'), serverId: 'm2' }]);
    expect(shown.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
  });
  it('rolls back by dropping the action: the server copy shows again', () => {
    expect(withPending(ticket, []).status).toBe('OPEN');
  });
  it('acts on the first ticket still being worked, else the first', () => {
    expect(defaultActiveTicket([{ id: 'a', status: 'CLOSED' }, { id: 'b', status: 'PENDING' }])).toBe('b');
    expect(defaultActiveTicket([{ id: 'a', status: 'CLOSED' }, { id: 'b', status: 'RESOLVED' }])).toBe('a');
    expect(defaultActiveTicket([])).toBeNull();
  });
});
