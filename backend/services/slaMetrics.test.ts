import { describe, expect, it } from 'vitest';
import {
  BACKLOG_BUCKETS,
  SLA_GROUP_BYS,
  SLA_METRICS,
  SLA_STATES,
  atRiskQueue,
  buildReport,
  evaluateAll,
  evaluateTicket,
  groupKeyOf,
  matchesDrill,
  percentile,
  startOfLocalDay,
  workloadRows,
  type MessageFact,
  type SlaDrillSpec,
  type SlaPolicy,
  type TicketFacts,
} from './slaMetrics';

// Every expected figure below was worked out by hand from these fixtures (see the comments).
const S = 1000;
const policy: SlaPolicy = {
  targets: {
    URGENT: { firstResponseSeconds: 60, nextResponseSeconds: 120, resolutionSeconds: 1800 },
    HIGH: { firstResponseSeconds: 120, nextResponseSeconds: 300, resolutionSeconds: 3600 },
    NORMAL: { firstResponseSeconds: 300, nextResponseSeconds: 600, resolutionSeconds: 10_800 },
    LOW: { firstResponseSeconds: 300, nextResponseSeconds: 1200, resolutionSeconds: 86_400 },
  },
  atRiskSeconds: { FIRST_RESPONSE: 120, NEXT_RESPONSE: 300, RESOLUTION: 1800 },
  utcOffsetMinutes: 420,
};
/** 2026-01-05 02:00 UTC = 09:00 in Vietnam. */
const t0 = Date.UTC(2026, 0, 5, 2, 0);
const now = t0 + 7200 * S;
const c = (s: number, sentiment: string | null = null): MessageFact => ({ author: 'CUSTOMER', at: t0 + s * S, sentiment });
const a = (s: number): MessageFact => ({ author: 'AGENT', at: t0 + s * S, sentiment: null });
const ticket = (id: string, p: Partial<TicketFacts> & { created: number; messages: MessageFact[] }): TicketFacts => ({
  ticketId: id,
  customerId: 'C0000001',
  subject: `ticket ${id}`,
  status: p.resolvedAt ? 'RESOLVED' : 'OPEN',
  priority: 'NORMAL',
  channel: 'CHAT',
  agentId: null,
  agentName: null,
  team: null,
  resolvedAt: null,
  ...p,
  createdAt: t0 + p.created * S,
});
const a1 = { agentId: 'a1', agentName: 'An', team: 'North' };
const a2 = { agentId: 'a2', agentName: 'Bình', team: 'South' };

// A: FR 240 s (met); customer lines at 600 and 650 are one wait, answered at 1500 → 900 s > 600 (breached); resolved at 3000 s (met).
const A = ticket('A', { ...a1, created: 0, messages: [c(0, 'NEGATIVE'), a(240), c(600, 'NEUTRAL'), c(650, 'POSITIVE'), a(1500)], resolvedAt: t0 + 3000 * S });
// B: FR 400 s (breached); wait 200 s (met); open, resolution due at 60 + 10,800 s, 3,660 s from now (pending).
const B = ticket('B', { ...a1, channel: 'EMAIL', created: 60, messages: [c(60, 'NEGATIVE'), a(460), c(560), a(760)] });
// C: HIGH, no reply; FR due at 6,120 s, before now (breached); resolution due at 9,600 s, 2,400 s away (pending).
const C = ticket('C', { ...a2, priority: 'HIGH', created: 6000, messages: [c(6000)] });
// D: unassigned, no reply; FR due at 7,300 s, 100 s away ≤ 120 (at risk).
const D = ticket('D', { channel: 'PHONE', created: 7000, messages: [c(7000)] });
// E: HIGH, FR 60 s (met); open wait since 6,960 s due at 7,260 s, 60 s away (at risk); resolution due at 6,600 s (breached).
const E = ticket('E', { ...a2, priority: 'HIGH', created: 3000, messages: [c(3000), a(3060), c(6960)] });
// F: resolved after 100 s with no agent message: the first-response clock stopped at 100 s (met); resolution met.
const F = ticket('F', { ...a2, channel: 'EMAIL', created: 100, messages: [c(100, 'NEUTRAL')], resolvedAt: t0 + 200 * S });
const ALL = [A, B, C, D, E, F];

describe('evaluateTicket', () => {
  it('judges first response, next response and resolution of a resolved ticket', () => {
    const e = evaluateTicket(A, policy, now);
    expect(e.firstResponse).toMatchObject({ state: 'MET', seconds: 240, at: t0 + 240 * S });
    expect(e.nextResponse).toMatchObject({ state: 'BREACHED', waits: [900] });
    expect(e.resolution).toMatchObject({ state: 'MET', seconds: 3000 });
    expect(e).toMatchObject({ open: false, sentiment: 'POSITIVE', dueAt: null, dueMetric: null, atRiskNow: false });
  });

  it('runs clocks of open tickets against now: breached, at risk, pending', () => {
    expect(evaluateTicket(B, policy, now)).toMatchObject({ firstResponse: { state: 'BREACHED' }, nextResponse: { state: 'MET' }, resolution: { state: 'PENDING', dueAt: t0 + 10_860 * S }, atRiskNow: false, sentiment: 'NEGATIVE' });
    expect(evaluateTicket(C, policy, now)).toMatchObject({ firstResponse: { state: 'BREACHED', dueAt: t0 + 6120 * S }, nextResponse: { state: null }, resolution: { state: 'PENDING' }, dueMetric: 'FIRST_RESPONSE', atRiskNow: true });
    expect(evaluateTicket(D, policy, now)).toMatchObject({ firstResponse: { state: 'AT_RISK', dueAt: t0 + 7300 * S }, atRiskNow: true });
    const e = evaluateTicket(E, policy, now);
    expect(e).toMatchObject({ firstResponse: { state: 'MET', seconds: 60 }, nextResponse: { state: 'AT_RISK', dueAt: t0 + 7260 * S, waits: [] }, resolution: { state: 'BREACHED' } });
    // The earliest running deadline is the (already past) resolution one.
    expect([e.dueAt, e.dueMetric]).toEqual([t0 + 6600 * S, 'RESOLUTION']);
  });

  it('stops the first-response clock at the resolution of a ticket no agent answered', () => {
    const e = evaluateTicket(F, policy, now);
    expect(e.firstResponse).toMatchObject({ state: 'MET', seconds: null });
    const late = evaluateTicket(ticket('late', { created: 0, messages: [c(0)], resolvedAt: t0 + 400 * S }), policy, now);
    expect(late.firstResponse).toMatchObject({ state: 'BREACHED', seconds: null });
    expect(e.nextResponse.state).toBeNull();
    expect(e.resolution).toMatchObject({ state: 'MET', seconds: 100 });
  });

  it('meets a target answered exactly on the deadline and breaches one a second later', () => {
    expect(evaluateTicket(ticket('x', { created: 0, messages: [c(0), a(300)] }), policy, now).firstResponse.state).toBe('MET');
    expect(evaluateTicket(ticket('y', { created: 0, messages: [c(0), a(301)] }), policy, now).firstResponse.state).toBe('BREACHED');
  });

  it('drops a wait still open at resolution (the customer thanked, the ticket was resolved)', () => {
    const e = evaluateTicket(ticket('z', { created: 0, messages: [c(0), a(100), c(200), a(250), c(260, 'POSITIVE')], resolvedAt: t0 + 9000 * S }), policy, now);
    expect(e.nextResponse).toMatchObject({ state: 'MET', waits: [50], dueAt: null });
  });

  it('keeps BREACHED for next response when an earlier wait breached, while the open wait still has a deadline', () => {
    const e = evaluateTicket(ticket('w', { created: 6000, messages: [c(6000), a(6010), c(6020), a(6700), c(7100)] }), policy, now);
    expect(e.nextResponse).toMatchObject({ state: 'BREACHED', waits: [680], dueAt: t0 + 7700 * S });
  });
});

describe('buildReport', () => {
  const evals = evaluateAll(ALL, policy, now);
  const report = buildReport(evals, 'AGENT', policy, now);

  it('summarizes each metric over the tickets it applies to', () => {
    // FR: A met, B breached, C breached, D at risk, E met, F met (resolved at 100 s); reply times 60, 240, 400.
    expect(report.overall.firstResponse).toEqual({ total: 6, met: 3, breached: 2, atRisk: 1, pending: 0, pctMet: 0.6, medianSeconds: 240, p90Seconds: 368 });
    // NR: A breached (900), B met (200), E at risk; p90 = 200 + 700 × 0.9.
    expect(report.overall.nextResponse).toEqual({ total: 3, met: 1, breached: 1, atRisk: 1, pending: 0, pctMet: 0.5, medianSeconds: 550, p90Seconds: 830 });
    // Resolution: A met (3000), F met (100), E breached, B C D pending.
    expect(report.overall.resolution).toEqual({ total: 6, met: 2, breached: 1, atRisk: 0, pending: 3, pctMet: 2 / 3, medianSeconds: 1550, p90Seconds: 2710 });
    expect(report.overall.tickets).toBe(6);
  });

  it('counts the backlog, volumes and sentiment mix', () => {
    expect(report.backlog).toEqual({ open: 4, unassigned: 1, waitingOnAgent: 3, waitingOnCustomer: 1 });
    expect(report.volumeByChannel).toEqual([{ key: 'CHAT', count: 3 }, { key: 'EMAIL', count: 2 }, { key: 'PHONE', count: 1 }]);
    expect(report.volumeByPriority).toEqual([{ key: 'NORMAL', count: 4 }, { key: 'HIGH', count: 2 }]);
    expect(report.sentiment).toEqual([{ key: 'UNKNOWN', count: 3 }, { key: 'NEGATIVE', count: 1 }, { key: 'NEUTRAL', count: 1 }, { key: 'POSITIVE', count: 1 }]);
    expect(report.targets.map((t) => t.priority)).toEqual(['URGENT', 'HIGH', 'NORMAL', 'LOW']);
  });

  it('groups by agent, with unassigned tickets in their own row', () => {
    expect(report.groups.map((g) => [g.key, g.label, g.tickets, g.firstResponse.met, g.firstResponse.breached])).toEqual([
      ['UNASSIGNED', 'Unassigned', 1, 0, 0],
      ['a1', 'An', 2, 1, 1],
      ['a2', 'Bình', 3, 2, 1],
    ]);
  });

  it('groups by team, channel, priority, local hour and local day', () => {
    const keys = (g: (typeof SLA_GROUP_BYS)[number]) => buildReport(evals, g, policy, now).groups.map((r) => [r.key, r.tickets]);
    expect(keys('TEAM')).toEqual([['NO_TEAM', 1], ['North', 2], ['South', 3]]);
    expect(keys('CHANNEL')).toEqual([['CHAT', 3], ['EMAIL', 2], ['PHONE', 1]]);
    expect(keys('PRIORITY')).toEqual([['HIGH', 2], ['NORMAL', 4]]);
    // 02:00–02:59 UTC is 09 in Vietnam; C (03:40 UTC) and D (03:56 UTC) are 10.
    expect(keys('HOUR')).toEqual([['09', 4], ['10', 2]]);
    expect(keys('DAY')).toEqual([['2026-01-05', 6]]);
  });

  it('puts a ticket opened at 17:30 UTC on the next Vietnamese day', () => {
    const late = ticket('late', { created: 0, messages: [] });
    late.createdAt = Date.UTC(2026, 0, 5, 17, 30);
    expect(groupKeyOf(late, 'DAY', 420)).toBe('2026-01-06');
    expect(groupKeyOf(late, 'HOUR', 420)).toBe('00');
    expect(groupKeyOf(late, 'DAY', 0)).toBe('2026-01-05');
  });
});

describe('matchesDrill', () => {
  const evals = evaluateAll(ALL, policy, now);
  const ids = (d: SlaDrillSpec) => evals.filter((e) => matchesDrill(e, d, policy.utcOffsetMinutes)).map((e) => e.facts.ticketId);

  it('returns the tickets behind a state count, a group cell, a backlog bucket and a slice', () => {
    expect(ids({ metric: 'FIRST_RESPONSE', state: 'BREACHED' })).toEqual(['B', 'C']);
    expect(ids({ metric: 'FIRST_RESPONSE' })).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect(ids({ metric: 'FIRST_RESPONSE', state: 'MET', groupBy: 'AGENT', groupKey: 'a2' })).toEqual(['E', 'F']);
    expect(ids({ backlog: 'WAITING_ON_AGENT' })).toEqual(['C', 'D', 'E']);
    expect(ids({ channel: 'EMAIL' })).toEqual(['B', 'F']);
    expect(ids({ sentiment: 'UNKNOWN' })).toEqual(['C', 'D', 'E']);
    expect(ids({ groupBy: 'HOUR', groupKey: '10' })).toEqual(['C', 'D']);
  });

  it('drills to exactly as many tickets as every number of the report counts', () => {
    for (const groupBy of SLA_GROUP_BYS) {
      const report = buildReport(evals, groupBy, policy, now);
      for (const row of [report.overall, ...report.groups]) {
        const where: SlaDrillSpec = row === report.overall ? {} : { groupBy, groupKey: row.key };
        expect(ids(where)).toHaveLength(row.tickets);
        for (const metric of SLA_METRICS) {
          const summary = metric === 'FIRST_RESPONSE' ? row.firstResponse : metric === 'NEXT_RESPONSE' ? row.nextResponse : row.resolution;
          expect(ids({ ...where, metric })).toHaveLength(summary.total);
          const byState = { MET: summary.met, BREACHED: summary.breached, AT_RISK: summary.atRisk, PENDING: summary.pending };
          for (const state of SLA_STATES) expect(ids({ ...where, metric, state }), `${groupBy} ${row.key} ${metric} ${state}`).toHaveLength(byState[state]);
        }
      }
      const backlog = { OPEN: report.backlog.open, UNASSIGNED: report.backlog.unassigned, WAITING_ON_AGENT: report.backlog.waitingOnAgent, WAITING_ON_CUSTOMER: report.backlog.waitingOnCustomer };
      for (const b of BACKLOG_BUCKETS) expect(ids({ backlog: b })).toHaveLength(backlog[b]);
      for (const v of report.volumeByChannel) expect(ids({ channel: v.key })).toHaveLength(v.count);
      for (const v of report.volumeByPriority) expect(ids({ priority: v.key })).toHaveLength(v.count);
      for (const v of report.sentiment) expect(ids({ sentiment: v.key })).toHaveLength(v.count);
    }
  });
});

describe('atRiskQueue', () => {
  it('lists open tickets with a clock at risk or past due: deadlines ahead first, then the most recently past', () => {
    // D due at 7,300 s (ahead of now, 7,200 s); E due 6,600 s and C due 6,120 s (past); B is open but pending.
    expect(atRiskQueue(evaluateAll(ALL, policy, now), now).map((e) => e.facts.ticketId)).toEqual(['D', 'E', 'C']);
  });
});

describe('workloadRows', () => {
  it('counts open, waiting, handled today, median handle time, FR % met and the load now', () => {
    const evals = evaluateAll(ALL, policy, now);
    // Resolved the day before (Vietnamese time): not handled today.
    const yesterday = evaluateTicket(ticket('Y', { ...a1, created: -86_400, messages: [c(-86_400), a(-86_300)], resolvedAt: t0 - 10 * 3600 * S }), policy, now);
    const rows = workloadRows(
      [
        { agentId: 'a1', name: 'An', team: 'North' },
        { agentId: 'a2', name: 'Bình', team: 'South' },
        { agentId: 'a3', name: 'Chi', team: null },
      ],
      evals,
      [...evals, yesterday],
      now,
      420,
    );
    expect(rows).toEqual([
      { agentId: 'a1', name: 'An', team: 'North', open: 1, waitingOnAgent: 0, handledToday: 1, medianHandleSeconds: 3000, firstResponsePctMet: 0.5, assignedNow: 1 },
      { agentId: 'a2', name: 'Bình', team: 'South', open: 2, waitingOnAgent: 2, handledToday: 1, medianHandleSeconds: 100, firstResponsePctMet: 2 / 3, assignedNow: 2 },
      { agentId: 'a3', name: 'Chi', team: null, open: 0, waitingOnAgent: 0, handledToday: 0, medianHandleSeconds: null, firstResponsePctMet: null, assignedNow: 0 },
    ]);
  });

  it('starts the local day at midnight in Vietnam (17:00 UTC the day before)', () => {
    expect(startOfLocalDay(now, 420)).toBe(Date.UTC(2026, 0, 4, 17, 0));
    expect(startOfLocalDay(Date.UTC(2026, 0, 4, 16, 59), 420)).toBe(Date.UTC(2026, 0, 3, 17, 0));
  });
});

describe('percentile', () => {
  it('interpolates between ranks like percentile_cont', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(91);
  });
});
