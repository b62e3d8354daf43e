import type { MessageFact, TicketFacts } from '../ports/analyticsStore';
import type { TicketRecord } from '../ports/ticketStore';

/**
 * The SLA and workload metrics, defined once. Pure: no I/O, no clock (callers pass `nowMs`). The
 * analytics port only fetches per-ticket facts (TicketFacts); every number the dashboard shows is
 * computed here, and the drill-down predicate (matchesDrill) uses the same evaluation, so the
 * tickets a drill returns are exactly the ones a number counted.
 */

export const SLA_METRICS = ['FIRST_RESPONSE', 'NEXT_RESPONSE', 'RESOLUTION'] as const;
export type SlaMetricName = (typeof SLA_METRICS)[number];
export const SLA_STATES = ['MET', 'BREACHED', 'AT_RISK', 'PENDING'] as const;
export type SlaState = (typeof SLA_STATES)[number];
export const SLA_GROUP_BYS = ['AGENT', 'TEAM', 'CHANNEL', 'PRIORITY', 'HOUR', 'DAY'] as const;
export type SlaGroupBy = (typeof SLA_GROUP_BYS)[number];
export const BACKLOG_BUCKETS = ['OPEN', 'UNASSIGNED', 'WAITING_ON_AGENT', 'WAITING_ON_CUSTOMER'] as const;
export type BacklogBucket = (typeof BACKLOG_BUCKETS)[number];
export type Priority = TicketRecord['priority'];
export const PRIORITIES: readonly Priority[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];

/** Group keys for tickets without an agent or team (real keys are UUIDs and team names, so these cannot collide). */
export const UNASSIGNED_KEY = 'UNASSIGNED';
export const NO_TEAM_KEY = 'NO_TEAM';
/** Tickets whose customer never expressed a sentiment. */
export const UNKNOWN_SENTIMENT = 'UNKNOWN';

export interface SlaTarget {
  firstResponseSeconds: number;
  nextResponseSeconds: number;
  resolutionSeconds: number;
}

export interface SlaPolicy {
  targets: Record<Priority, SlaTarget>;
  /** A running clock is AT_RISK when its deadline is at most this far ahead ("breaches in N minutes"). */
  atRiskSeconds: Record<SlaMetricName, number>;
  /** Hours and days are grouped in this zone (Vietnam: +420, no DST). */
  utcOffsetMinutes: number;
}

/** The per-ticket facts come from the analytics port (its adapters fetch, this module defines). */
export type { MessageFact, TicketFacts };

export interface ClockEval {
  /** null: the metric does not apply to this ticket. */
  state: SlaState | null;
  /** Deadline of a clock still running (AT_RISK, PENDING or BREACHED-and-running); null when stopped. */
  dueAt: number | null;
}

export interface TicketEval {
  facts: TicketFacts;
  open: boolean;
  /** Always judged: a reply, a running clock, or a resolution that stopped it. */
  firstResponse: { state: SlaState; dueAt: number | null; at: number | null; seconds: number | null };
  /** Completed waits (seconds): a customer message after the first reply until the next agent message. */
  nextResponse: ClockEval & { waits: number[] };
  /** Always judged: resolved (met or breached) or running. */
  resolution: { state: SlaState; dueAt: number | null; seconds: number | null };
  lastAuthor: 'AGENT' | 'CUSTOMER' | null;
  sentiment: string;
  /** The earliest running deadline and its metric (null when no clock runs). */
  dueAt: number | null;
  dueMetric: SlaMetricName | null;
  /** Some running clock is AT_RISK or past its deadline: the live "at risk" queue. */
  atRiskNow: boolean;
}

const finished = (elapsedMs: number, targetS: number): SlaState => (elapsedMs <= targetS * 1000 ? 'MET' : 'BREACHED');

/** A clock still running at nowMs: past the deadline is already a breach, inside the window is at risk. */
function running(startedAt: number, targetS: number, atRiskS: number, nowMs: number): { state: SlaState; dueAt: number } {
  const dueAt = startedAt + targetS * 1000;
  if (nowMs > dueAt) return { state: 'BREACHED', dueAt };
  return { state: dueAt - nowMs <= atRiskS * 1000 ? 'AT_RISK' : 'PENDING', dueAt };
}

/**
 * Evaluates one ticket at nowMs.
 * - First response: created → first AGENT message. A ticket resolved before any agent message
 *   (the customer withdrew, a duplicate) stops the clock at its resolution: the customer no longer
 *   waits, and it is judged by that time; it has no response time for the median.
 * - Next response: after the first agent reply, a wait starts at a CUSTOMER message when none is
 *   already running and ends at the next AGENT message. Several customer lines in a row are one wait
 *   (counting each would bill one slow answer several times). A wait still open at resolution is
 *   dropped: the resolution answered it. The ticket is BREACHED if any wait breached, otherwise it
 *   takes the state of its running wait, otherwise MET.
 * - Resolution: created → resolvedAt.
 */
export function evaluateTicket(f: TicketFacts, policy: SlaPolicy, nowMs: number): TicketEval {
  const target = policy.targets[f.priority];
  const risk = policy.atRiskSeconds;
  const open = f.resolvedAt === null;
  const msgs = f.messages;

  const firstIdx = msgs.findIndex((m) => m.author === 'AGENT');
  const firstAt = firstIdx >= 0 ? msgs[firstIdx]!.at : null;
  let firstResponse: TicketEval['firstResponse'];
  if (firstAt !== null) firstResponse = { state: finished(firstAt - f.createdAt, target.firstResponseSeconds), dueAt: null, at: firstAt, seconds: (firstAt - f.createdAt) / 1000 };
  else if (!open) firstResponse = { state: finished(f.resolvedAt! - f.createdAt, target.firstResponseSeconds), dueAt: null, at: null, seconds: null };
  else firstResponse = { ...running(f.createdAt, target.firstResponseSeconds, risk.FIRST_RESPONSE, nowMs), at: null, seconds: null };

  const waits: number[] = [];
  let anyBreached = false;
  let waitStart: number | null = null;
  if (firstIdx >= 0) {
    for (let i = firstIdx + 1; i < msgs.length; i++) {
      const m = msgs[i]!;
      if (m.author === 'CUSTOMER') waitStart ??= m.at;
      else if (waitStart !== null) {
        const ms = m.at - waitStart;
        waits.push(ms / 1000);
        if (finished(ms, target.nextResponseSeconds) === 'BREACHED') anyBreached = true;
        waitStart = null;
      }
    }
  }
  let nextResponse: TicketEval['nextResponse'];
  const openWait = waitStart !== null && open ? running(waitStart, target.nextResponseSeconds, risk.NEXT_RESPONSE, nowMs) : null;
  if (openWait) nextResponse = { state: anyBreached ? 'BREACHED' : openWait.state, dueAt: openWait.dueAt, waits };
  else if (waits.length > 0) nextResponse = { state: anyBreached ? 'BREACHED' : 'MET', dueAt: null, waits };
  else nextResponse = { state: null, dueAt: null, waits };

  const resolution: TicketEval['resolution'] = open
    ? { ...running(f.createdAt, target.resolutionSeconds, risk.RESOLUTION, nowMs), seconds: null }
    : { state: finished(f.resolvedAt! - f.createdAt, target.resolutionSeconds), dueAt: null, seconds: (f.resolvedAt! - f.createdAt) / 1000 };

  let dueAt: number | null = null;
  let dueMetric: SlaMetricName | null = null;
  let atRiskNow = false;
  const clocks: [SlaMetricName, ClockEval | null][] = [
    ['FIRST_RESPONSE', firstResponse],
    ['NEXT_RESPONSE', openWait],
    ['RESOLUTION', resolution],
  ];
  for (const [metric, clock] of clocks) {
    if (!clock || clock.dueAt === null) continue;
    if (clock.state === 'AT_RISK' || clock.state === 'BREACHED') atRiskNow = true;
    if (dueAt === null || clock.dueAt < dueAt) [dueAt, dueMetric] = [clock.dueAt, metric];
  }

  let sentiment = UNKNOWN_SENTIMENT;
  for (let i = msgs.length - 1; i >= 0; i--) {
    const m = msgs[i]!;
    if (m.author === 'CUSTOMER' && m.sentiment) {
      // The customer's latest mood is what a supervisor acts on.
      sentiment = m.sentiment;
      break;
    }
  }

  return { facts: f, open, firstResponse, nextResponse, resolution, lastAuthor: msgs.length ? msgs[msgs.length - 1]!.author : null, sentiment, dueAt, dueMetric, atRiskNow };
}

export function evaluateAll(facts: readonly TicketFacts[], policy: SlaPolicy, nowMs: number): TicketEval[] {
  return facts.map((f) => evaluateTicket(f, policy, nowMs));
}

/** Backlog buckets are states now: OPEN (not resolved), UNASSIGNED, and who owes the next message. */
export function inBacklog(e: TicketEval, bucket: BacklogBucket): boolean {
  if (!e.open) return false;
  switch (bucket) {
    case 'OPEN':
      return true;
    case 'UNASSIGNED':
      return e.facts.agentId === null;
    case 'WAITING_ON_AGENT':
      return e.lastAuthor === 'CUSTOMER';
    case 'WAITING_ON_CUSTOMER':
      return e.lastAuthor === 'AGENT';
  }
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The ticket's row under a groupBy. HOUR is '00'..'23' and DAY 'YYYY-MM-DD', both in the policy's zone. */
export function groupKeyOf(f: TicketFacts, groupBy: SlaGroupBy, utcOffsetMinutes: number): string {
  switch (groupBy) {
    case 'AGENT':
      return f.agentId ?? UNASSIGNED_KEY;
    case 'TEAM':
      return f.team ?? NO_TEAM_KEY;
    case 'CHANNEL':
      return f.channel;
    case 'PRIORITY':
      return f.priority;
    case 'HOUR':
      return pad2(new Date(f.createdAt + utcOffsetMinutes * 60_000).getUTCHours());
    case 'DAY':
      return new Date(f.createdAt + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
  }
}

function groupLabelOf(f: TicketFacts, groupBy: SlaGroupBy, key: string): string {
  if (groupBy === 'AGENT') return f.agentName ?? 'Unassigned';
  if (groupBy === 'TEAM') return f.team ?? 'No team';
  if (groupBy === 'HOUR') return `${key}:00`;
  return key;
}

/** Linear interpolation between closest ranks (PostgreSQL's percentile_cont), so an SQL push-down could match it. */
export function percentile(sortedAsc: readonly number[], q: number): number | null {
  if (sortedAsc.length === 0) return null;
  const pos = (sortedAsc.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sortedAsc[lo]! + (sortedAsc[hi]! - sortedAsc[lo]!) * (pos - lo);
}

export interface SlaSummary {
  total: number;
  met: number;
  breached: number;
  atRisk: number;
  pending: number;
  pctMet: number | null;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

export function stateOf(e: TicketEval, metric: SlaMetricName): SlaState | null {
  return metric === 'FIRST_RESPONSE' ? e.firstResponse.state : metric === 'NEXT_RESPONSE' ? e.nextResponse.state : e.resolution.state;
}

/**
 * Counts are tickets (so every count drills to its tickets); median and p90 are over completed
 * durations: each ticket's first response or resolution, and every completed next-response wait.
 */
export function summarize(evals: readonly TicketEval[], metric: SlaMetricName): SlaSummary {
  const s: SlaSummary = { total: 0, met: 0, breached: 0, atRisk: 0, pending: 0, pctMet: null, medianSeconds: null, p90Seconds: null };
  const durations: number[] = [];
  for (const e of evals) {
    const state = stateOf(e, metric);
    if (state === null) continue;
    s.total++;
    if (state === 'MET') s.met++;
    else if (state === 'BREACHED') s.breached++;
    else if (state === 'AT_RISK') s.atRisk++;
    else s.pending++;
    if (metric === 'FIRST_RESPONSE' && e.firstResponse.seconds !== null) durations.push(e.firstResponse.seconds);
    else if (metric === 'RESOLUTION' && e.resolution.seconds !== null) durations.push(e.resolution.seconds);
    else if (metric === 'NEXT_RESPONSE') for (const w of e.nextResponse.waits) durations.push(w);
  }
  durations.sort((a, b) => a - b);
  s.pctMet = s.met + s.breached > 0 ? s.met / (s.met + s.breached) : null;
  s.medianSeconds = percentile(durations, 0.5);
  s.p90Seconds = percentile(durations, 0.9);
  return s;
}

export interface SlaGroupRow {
  key: string;
  label: string;
  tickets: number;
  firstResponse: SlaSummary;
  nextResponse: SlaSummary;
  resolution: SlaSummary;
}

export function groupRow(key: string, label: string, evals: readonly TicketEval[]): SlaGroupRow {
  return { key, label, tickets: evals.length, firstResponse: summarize(evals, 'FIRST_RESPONSE'), nextResponse: summarize(evals, 'NEXT_RESPONSE'), resolution: summarize(evals, 'RESOLUTION') };
}

export interface KeyCount {
  key: string;
  count: number;
}

/** Largest first, then by key, so equal inputs give equal outputs. */
function countBy(evals: readonly TicketEval[], keyOf: (e: TicketEval) => string): KeyCount[] {
  const m = new Map<string, number>();
  for (const e of evals) m.set(keyOf(e), (m.get(keyOf(e)) ?? 0) + 1);
  return [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export interface SlaReportData {
  groupBy: SlaGroupBy;
  generatedAt: number;
  overall: SlaGroupRow;
  groups: SlaGroupRow[];
  backlog: { open: number; unassigned: number; waitingOnAgent: number; waitingOnCustomer: number };
  volumeByChannel: KeyCount[];
  volumeByPriority: KeyCount[];
  sentiment: KeyCount[];
  targets: ({ priority: Priority } & SlaTarget)[];
}

/** The OVERALL row's key: a drill on it needs no groupBy. */
export const OVERALL_KEY = 'ALL';

export function buildReport(evals: readonly TicketEval[], groupBy: SlaGroupBy, policy: SlaPolicy, nowMs: number): SlaReportData {
  const groups = new Map<string, { label: string; evals: TicketEval[] }>();
  for (const e of evals) {
    const key = groupKeyOf(e.facts, groupBy, policy.utcOffsetMinutes);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { label: groupLabelOf(e.facts, groupBy, key), evals: [] }));
    g.evals.push(e);
  }
  const count = (b: BacklogBucket) => evals.reduce((n, e) => n + (inBacklog(e, b) ? 1 : 0), 0);
  return {
    groupBy,
    generatedAt: nowMs,
    overall: groupRow(OVERALL_KEY, 'All', evals),
    groups: [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, g]) => groupRow(key, g.label, g.evals)),
    backlog: { open: count('OPEN'), unassigned: count('UNASSIGNED'), waitingOnAgent: count('WAITING_ON_AGENT'), waitingOnCustomer: count('WAITING_ON_CUSTOMER') },
    volumeByChannel: countBy(evals, (e) => e.facts.channel),
    volumeByPriority: countBy(evals, (e) => e.facts.priority),
    sentiment: countBy(evals, (e) => e.sentiment),
    targets: PRIORITIES.map((priority) => ({ priority, ...policy.targets[priority] })),
  };
}

/** Narrows a report: tickets of one team, channel, priority or agent (the dashboard's filters). */
export interface SlaTicketFilter {
  team?: string | null;
  channel?: string | null;
  priority?: string | null;
  agentId?: string | null;
}

export function matchesFilter(f: TicketFacts, filter: SlaTicketFilter): boolean {
  if (filter.team != null && f.team !== filter.team) return false;
  if (filter.channel != null && f.channel !== filter.channel) return false;
  if (filter.priority != null && f.priority !== filter.priority) return false;
  if (filter.agentId != null && f.agentId !== filter.agentId) return false;
  return true;
}

/**
 * What was clicked. Every set field must hold (AND):
 * - metric [+ state]: a SlaSummary count (state null: its `total`);
 * - groupBy + groupKey: a group row (the overall row: neither);
 * - backlog: a backlog bucket; channel / priority / sentiment: a volume or sentiment slice.
 */
export interface SlaDrillSpec {
  metric?: SlaMetricName | null;
  state?: SlaState | null;
  groupBy?: SlaGroupBy | null;
  groupKey?: string | null;
  backlog?: BacklogBucket | null;
  channel?: string | null;
  priority?: string | null;
  sentiment?: string | null;
}

export function matchesDrill(e: TicketEval, d: SlaDrillSpec, utcOffsetMinutes: number): boolean {
  if (d.metric) {
    const state = stateOf(e, d.metric);
    if (state === null) return false;
    if (d.state && state !== d.state) return false;
  }
  if (d.groupBy && d.groupKey != null && groupKeyOf(e.facts, d.groupBy, utcOffsetMinutes) !== d.groupKey) return false;
  if (d.backlog && !inBacklog(e, d.backlog)) return false;
  if (d.channel != null && e.facts.channel !== d.channel) return false;
  if (d.priority != null && e.facts.priority !== d.priority) return false;
  if (d.sentiment != null && e.sentiment !== d.sentiment) return false;
  return true;
}

/**
 * The live queue: open tickets with a clock at risk or past due. Deadlines still ahead come first,
 * soonest first (what a supervisor can still save); then those already past, most recent first, so
 * months-old overdue tickets do not bury the ones about to breach.
 */
export function atRiskQueue(evals: readonly TicketEval[], nowMs: number): TicketEval[] {
  const byTicket = (a: TicketEval, b: TicketEval) => (a.facts.ticketId < b.facts.ticketId ? -1 : 1);
  const queued = evals.filter((e) => e.open && e.atRiskNow);
  const ahead = queued.filter((e) => e.dueAt! >= nowMs).sort((a, b) => a.dueAt! - b.dueAt! || byTicket(a, b));
  const past = queued.filter((e) => e.dueAt! < nowMs).sort((a, b) => b.dueAt! - a.dueAt! || byTicket(a, b));
  return [...ahead, ...past];
}

/** Local midnight (policy zone) of the day containing nowMs. */
export function startOfLocalDay(nowMs: number, utcOffsetMinutes: number): number {
  const off = utcOffsetMinutes * 60_000;
  return Math.floor((nowMs + off) / 86_400_000) * 86_400_000 - off;
}

export interface WorkloadAgent {
  agentId: string;
  name: string;
  team: string | null;
}

export interface AgentWorkloadData {
  agentId: string;
  name: string;
  team: string | null;
  /** Tickets opened in the range, assigned to the agent, still open. */
  open: number;
  /** Of those, the ones whose last message is the customer's. */
  waitingOnAgent: number;
  /** Tickets assigned to the agent resolved since local midnight (whenever they were opened). */
  handledToday: number;
  /** Median resolution time of the range's tickets assigned to the agent and resolved. */
  medianHandleSeconds: number | null;
  /** First-response % met over the range's tickets assigned to the agent. */
  firstResponsePctMet: number | null;
  /** Every open ticket assigned to the agent now, whenever it was opened. */
  assignedNow: number;
}

/**
 * Per-agent workload. `inRange`: the filter's tickets; `current`: tickets open now or resolved
 * since local midnight, whatever their opening time (the "now" figures).
 */
export function workloadRows(agents: readonly WorkloadAgent[], inRange: readonly TicketEval[], current: readonly TicketEval[], nowMs: number, utcOffsetMinutes: number): AgentWorkloadData[] {
  const today = startOfLocalDay(nowMs, utcOffsetMinutes);
  const byAgent = <T extends TicketEval>(list: readonly T[]) => {
    const m = new Map<string, T[]>();
    for (const e of list) {
      if (e.facts.agentId === null) continue;
      let l = m.get(e.facts.agentId);
      if (!l) m.set(e.facts.agentId, (l = []));
      l.push(e);
    }
    return m;
  };
  const range = byAgent(inRange);
  const now = byAgent(current);
  return agents.map((a) => {
    const mine = range.get(a.agentId) ?? [];
    const live = now.get(a.agentId) ?? [];
    const handle = mine.filter((e) => e.resolution.seconds !== null).map((e) => e.resolution.seconds!).sort((x, y) => x - y);
    return {
      ...a,
      open: mine.filter((e) => e.open).length,
      waitingOnAgent: mine.filter((e) => inBacklog(e, 'WAITING_ON_AGENT')).length,
      handledToday: live.filter((e) => e.facts.resolvedAt !== null && e.facts.resolvedAt >= today && e.facts.resolvedAt <= nowMs).length,
      medianHandleSeconds: percentile(handle, 0.5),
      firstResponsePctMet: summarize(mine, 'FIRST_RESPONSE').pctMet,
      assignedNow: live.filter((e) => e.open).length,
    };
  });
}
