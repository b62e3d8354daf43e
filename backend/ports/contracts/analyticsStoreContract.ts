import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { atRiskQueue, buildReport, evaluateAll, type SlaPolicy } from '../../services/slaMetrics';
import type { AnalyticsStore } from '../analyticsStore';
import type { AgentRecord, ConversationRecord, TicketRecord, TicketStatus, TicketStore } from '../ticketStore';

interface Fixture {
  now: number;
  from: number;
  to: number;
  resolvedSince: number;
  policy: SlaPolicy;
  agents: AgentRecord[];
  tickets: TicketRecord[];
  messages: ConversationRecord[];
  live: ({ op: 'addMessage'; message: ConversationRecord } | { op: 'updateTicketStatus'; ticketId: string; status: TicketStatus; at: number })[];
  expected: Record<string, unknown> & { atRisk: string[]; current: string[] };
}

/** Opening an embedded PostgreSQL (PGlite, WASM) takes seconds on a busy 2-core machine. */
const OPEN_TIMEOUT_MS = 30_000;

export const SLA_FIXTURE = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/sla/dashboard.json'), 'utf8')) as Fixture;

/**
 * The AnalyticsStore contract: the golden fixture of fixtures/sla, loaded through the Tickets port
 * of the same deployment, must give the hand-computed figures (embedded: SQLite replica of PGlite,
 * and PGlite read directly; stack: PostgreSQL).
 */
export function analyticsStoreContract(name: string, open: () => Promise<{ store: AnalyticsStore; tickets: TicketStore; close(): Promise<void> }>) {
  describe(`AnalyticsStore contract: ${name}`, () => {
    const fx = SLA_FIXTURE;
    const load = async (tickets: TicketStore) => tickets.bulkLoad({ agents: fx.agents, tickets: fx.tickets, messages: fx.messages });
    const applyLive = async (tickets: TicketStore) => {
      for (const w of fx.live) {
        if (w.op === 'addMessage') await tickets.addMessage(w.message);
        else await tickets.updateTicketStatus(w.ticketId, w.status, w.at);
      }
    };

    it('gives the golden figures, including writes made after a first read', async () => {
      const { store, tickets, close } = await open();
      try {
        await load(tickets);
        // A first read before the live writes: a replica must pick up what changes afterwards.
        expect((await store.ticketFacts(fx.from, fx.to)).length).toBe(5);
        await applyLive(tickets);
        const evals = evaluateAll(await store.ticketFacts(fx.from, fx.to), fx.policy, fx.now);
        const { generatedAt: _g, targets: _t, ...report } = buildReport(evals, 'TEAM', fx.policy, fx.now);
        const { atRisk, current, _comment, ...expected } = fx.expected;
        expect(report).toEqual(expected);
        expect(atRiskQueue(evals, fx.now).map((e) => e.facts.ticketId)).toEqual(atRisk);
        expect((await store.currentFacts(fx.resolvedSince)).map((f) => f.ticketId).sort()).toEqual(current);
      } finally {
        await close();
      }
    }, OPEN_TIMEOUT_MS);

    it('returns each ticket with its agent, team, resolution time and agent/customer messages oldest first', async () => {
      const { store, tickets, close } = await open();
      try {
        await load(tickets);
        await applyLive(tickets);
        const facts = await store.ticketFacts(fx.from, fx.to);
        const t1 = facts.find((f) => f.ticketId === fx.tickets[0]!.ticket_id)!;
        expect(t1).toMatchObject({ agentName: 'Lê Văn An', team: 'Hà Nội', priority: 'NORMAL', channel: 'CHAT', status: 'RESOLVED', createdAt: fx.tickets[0]!.created_at, resolvedAt: fx.tickets[0]!.updated_at });
        // Four of its five messages: the bot's greeting is not a response.
        expect(t1.messages.map((m) => [m.author, m.at - t1.createdAt, m.sentiment])).toEqual([
          ['CUSTOMER', 0, 'NEGATIVE'],
          ['AGENT', 240_000, null],
          ['CUSTOMER', 600_000, 'NEUTRAL'],
          ['AGENT', 1_500_000, null],
        ]);
        const t2 = facts.find((f) => f.ticketId === fx.tickets[1]!.ticket_id)!;
        expect([t2.status, t2.resolvedAt]).toEqual(['RESOLVED', fx.now - 50_000]);
        // Reopening clears the resolution time.
        await tickets.updateTicketStatus(t2.ticketId, 'OPEN', fx.now);
        const again = (await store.ticketFacts(fx.from, fx.to)).find((f) => f.ticketId === t2.ticketId)!;
        expect([again.status, again.resolvedAt]).toEqual(['OPEN', null]);
        // The range is half-open: a ticket opened exactly at `to` is not in it.
        expect(await store.ticketFacts(fx.from, fx.tickets[0]!.created_at)).toEqual([]);
      } finally {
        await close();
      }
    }, OPEN_TIMEOUT_MS);
  });
}
