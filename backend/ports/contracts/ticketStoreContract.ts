import { describe, expect, it } from 'vitest';
import type { AgentRecord, TicketRecord, TicketStore } from '../ticketStore';

const agent: AgentRecord = { agent_id: '11111111-1111-4111-8111-111111111111', full_name: 'Phạm Minh Anh', role: 'AGENT', email: 'anh.pham@cs360.vn', team: 'Hà Nội' };
const t0 = Date.UTC(2025, 5, 1, 9, 0);
const ticket: TicketRecord = {
  ticket_id: '22222222-2222-4222-8222-222222222222',
  customer_id: 'C0000001',
  subject: 'Chưa nhận được hàng',
  status: 'OPEN',
  priority: 'HIGH',
  channel: 'CHAT',
  assigned_agent_id: agent.agent_id,
  created_at: t0,
  updated_at: t0,
  first_response_at: null,
};

/** Opening an embedded PostgreSQL (PGlite, WASM) and migrating it takes seconds on a busy 2-core machine. */
const OPEN_TIMEOUT_MS = 30_000;

/** The TicketStore contract (PGlite embedded, PostgreSQL in stack mode). */
export function ticketStoreContract(name: string, open: () => Promise<{ store: TicketStore; close(): Promise<void> }>) {
  describe(`TicketStore contract: ${name}`, () => {
    it('stores tickets and conversations and records the first response', async () => {
      const { store, close } = await open();
      try {
        await store.bulkLoad({ agents: [agent], tickets: [ticket] });
        await store.addMessage({ conversation_id: '33333333-3333-4333-8333-333333333333', ticket_id: ticket.ticket_id, author_type: 'CUSTOMER', message: 'Đơn của tôi đâu?', created_at: t0 + 1000, attachment_uri: null, sentiment: 'NEGATIVE', metadata: { channel: 'CHAT' } });
        await store.addMessage({ conversation_id: '44444444-4444-4444-8444-444444444444', ticket_id: ticket.ticket_id, author_type: 'AGENT', message: 'Dạ em kiểm tra ngay.', created_at: t0 + 120_000, attachment_uri: null, sentiment: null, metadata: null });
        const msgs = await store.listMessages(ticket.ticket_id);
        expect(msgs.map((m) => m.author_type)).toEqual(['CUSTOMER', 'AGENT']);
        expect(msgs[0]?.metadata).toEqual({ channel: 'CHAT' });
        expect((await store.getTicket(ticket.ticket_id))?.first_response_at).toBe(t0 + 120_000);
        const w = await store.agentWorkload(agent.agent_id, t0 + 3_600_000);
        expect(w).toMatchObject({ open_tickets: 1, escalated_tickets: 0, avg_first_response_seconds: 120 });
      } finally {
        await close();
      }
    }, OPEN_TIMEOUT_MS);

    it('bulk loads idempotently and reads tickets by customer and by ids', async () => {
      const { store, close } = await open();
      try {
        await store.bulkLoad({ agents: [agent], tickets: [ticket] });
        await store.bulkLoad({ agents: [agent], tickets: [ticket] });
        expect(await store.listTicketsByCustomer('C0000001', 10)).toHaveLength(1);
        // Loading a ticket again in a newer state (a live resolution) updates it.
        await store.bulkLoad({ tickets: [{ ...ticket, status: 'RESOLVED', updated_at: t0 + 9000 }] });
        expect((await store.getTicket(ticket.ticket_id))?.status).toBe('RESOLVED');
        await store.bulkLoad({ tickets: [ticket] });
        expect((await store.getTicket(ticket.ticket_id))?.status).toBe('RESOLVED');
        expect((await store.getTickets([ticket.ticket_id])).map((t) => t.subject)).toEqual(['Chưa nhận được hàng']);
        expect(await store.getTicket('99999999-9999-4999-8999-999999999999')).toBeNull();
        await store.updateTicketStatus(ticket.ticket_id, 'ESCALATED', t0 + 5000);
        expect((await store.agentWorkload(agent.agent_id, t0)).escalated_tickets).toBe(1);
        expect((await store.listAgents()).map((a) => a.full_name)).toEqual(['Phạm Minh Anh']);
        expect((await store.getAgent(agent.agent_id))?.team).toBe('Hà Nội');
      } finally {
        await close();
      }
    }, OPEN_TIMEOUT_MS);

    it('commits every write of a transaction together, and a throw leaves none of them', async () => {
      const { store, close } = await open();
      try {
        await store.bulkLoad({ agents: [agent] });
        const other = { ...ticket, ticket_id: '55555555-5555-4555-8555-555555555555', order_id: 'O000123', assigned_agent_id: null };
        const msg = { conversation_id: '66666666-6666-4666-8666-666666666666', ticket_id: other.ticket_id, author_type: 'CUSTOMER' as const, message: 'Xin chào', created_at: t0, attachment_uri: null, sentiment: null, metadata: null };
        await expect(
          store.transaction(async (tx) => {
            await tx.createTicket(other);
            await tx.addMessage(msg);
            await tx.recordActivity({ agent_id: agent.agent_id, ticket_id: other.ticket_id, action: 'TICKET_CREATED', at: t0 });
            throw new Error('injected failure');
          }),
        ).rejects.toThrow('injected failure');
        expect(await store.getTicket(other.ticket_id)).toBeNull();
        expect(await store.listActivity(other.ticket_id)).toEqual([]);

        const result = await store.transaction(async (tx) => {
          await tx.createTicket(other);
          await tx.addMessage(msg);
          // A nested call joins the outer transaction.
          await tx.transaction((inner) => inner.recordActivity({ agent_id: agent.agent_id, ticket_id: other.ticket_id, action: 'TICKET_CREATED', at: t0, details: { via: 'test' } }));
          const locked = await tx.lockTicket(other.ticket_id);
          await tx.updateTicket(other.ticket_id, { status: 'RESOLVED', assigned_agent_id: agent.agent_id, priority_hint: 'HIGH' }, t0 + 60_000);
          return locked?.status;
        });
        expect(result).toBe('OPEN');
        const saved = await store.getTicket(other.ticket_id);
        expect(saved).toMatchObject({ status: 'RESOLVED', assigned_agent_id: agent.agent_id, priority_hint: 'HIGH', order_id: 'O000123', updated_at: t0 + 60_000 });
        expect(await store.listMessages(other.ticket_id)).toHaveLength(1);
        expect(await store.listActivity(other.ticket_id)).toEqual([{ agent_id: agent.agent_id, ticket_id: other.ticket_id, action: 'TICKET_CREATED', at: t0, details: { via: 'test' } }]);
        // Reopen and unassign: a null assignee is written as null, absent keys stay.
        await store.updateTicket(other.ticket_id, { status: 'OPEN', assigned_agent_id: null }, t0 + 120_000);
        expect(await store.getTicket(other.ticket_id)).toMatchObject({ status: 'OPEN', assigned_agent_id: null, priority_hint: 'HIGH' });
      } finally {
        await close();
      }
    }, OPEN_TIMEOUT_MS);

    it('an internal note never counts as the first response', async () => {
      const { store, close } = await open();
      try {
        await store.bulkLoad({ agents: [agent], tickets: [ticket] });
        await store.addMessage({ conversation_id: '77777777-7777-4777-8777-777777777777', ticket_id: ticket.ticket_id, author_type: 'AGENT', message: 'Ghi chú nội bộ', created_at: t0 + 1000, attachment_uri: null, sentiment: null, metadata: { internal: true, agent_id: agent.agent_id } });
        expect((await store.getTicket(ticket.ticket_id))?.first_response_at).toBeNull();
        expect((await store.listMessages(ticket.ticket_id))[0]?.metadata).toEqual({ internal: true, agent_id: agent.agent_id });
      } finally {
        await close();
      }
    }, OPEN_TIMEOUT_MS);
  });
}
