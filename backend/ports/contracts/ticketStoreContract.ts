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
  });
}
