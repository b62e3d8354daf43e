import { AppError } from '../../common/errors';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/policy';
import type { AppConfig } from '../config/schema';
import type { AnalyticsStore } from '../ports/analyticsStore';
import type { AgentWorkload, TicketStore } from '../ports/ticketStore';
import { uuidInput } from './inputs';
import { drillInput, firstInput, groupByInput, slaRangeInput, type SlaRange } from './slaInputs';
import {
  atRiskQueue,
  buildReport,
  evaluateAll,
  inBacklog,
  matchesDrill,
  matchesFilter,
  startOfLocalDay,
  workloadRows,
  type AgentWorkloadData,
  type BacklogBucket,
  type SlaMetricName,
  type SlaPolicy,
  type SlaReportData,
  type SlaState,
  type TicketEval,
} from './slaMetrics';

/** The config's `sla` section as the metrics' policy (config keys are lower-case for the environment). */
export function slaPolicyFromConfig(sla: AppConfig['sla']): SlaPolicy {
  const t = sla.targets;
  return {
    targets: { URGENT: t.urgent, HIGH: t.high, NORMAL: t.normal, LOW: t.low },
    atRiskSeconds: { FIRST_RESPONSE: sla.atRiskMinutes.firstResponse * 60, NEXT_RESPONSE: sla.atRiskMinutes.nextResponse * 60, RESOLUTION: sla.atRiskMinutes.resolution * 60 },
    utcOffsetMinutes: sla.utcOffsetMinutes,
  };
}

export interface SlaSnapshot {
  backlog: Record<BacklogBucket, number>;
  firstResponseOverdue: number;
  atRisk: number;
}

/** One row of a drill-down table or of the at-risk queue. */
export interface SlaCaseView {
  ticketId: string;
  customerId: string;
  subject: string;
  status: string;
  priority: string;
  channel: string;
  assignedAgentId: string | null;
  assignedAgentName: string | null;
  team: string | null;
  createdAt: number;
  firstResponseAt: number | null;
  firstResponseSeconds: number | null;
  firstResponseState: SlaState;
  resolutionSeconds: number | null;
  resolutionState: SlaState;
  dueAt: number | null;
  dueMetric: SlaMetricName | null;
}

function caseView(e: TicketEval): SlaCaseView {
  const f = e.facts;
  return {
    ticketId: f.ticketId,
    customerId: f.customerId,
    subject: f.subject,
    status: f.status,
    priority: f.priority,
    channel: f.channel,
    assignedAgentId: f.agentId,
    assignedAgentName: f.agentName,
    team: f.team,
    createdAt: f.createdAt,
    firstResponseAt: e.firstResponse.at,
    firstResponseSeconds: e.firstResponse.seconds,
    firstResponseState: e.firstResponse.state,
    resolutionSeconds: e.resolution.seconds,
    resolutionState: e.resolution.state,
    dueAt: e.dueAt,
    dueMetric: e.dueMetric,
  };
}

/** The REST workload: the seed-002 fields plus the dashboard's (snake_case, as the rest of that route). */
export interface AgentWorkloadReport extends AgentWorkload {
  open: number;
  waiting_on_agent: number;
  handled_today: number;
  median_handle_seconds: number | null;
  first_response_pct_met: number | null;
  assigned_now: number;
  range: { from: string; to: string };
}

const DAY_MS = 86_400_000;

/**
 * SLA reports, drill-downs, the at-risk queue and workload (SP-03). Every answer is computed fresh
 * from the analytics port at the time of the query (the embedded replica pulls what changed first),
 * so a new ticket, reply or resolution shows at the next query; no cache to invalidate.
 */
export class SlaService {
  constructor(
    private readonly analytics: AnalyticsStore,
    private readonly tickets: TicketStore,
    readonly policy: SlaPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  async report(principal: Principal | null, rawFilter: unknown, rawGroupBy: unknown): Promise<SlaReportData> {
    const range = this.authorizedRange(principal, rawFilter);
    const groupBy = groupByInput(rawGroupBy);
    const now = this.now();
    return buildReport(await this.evaluate(range, now), groupBy, this.policy, now);
  }

  /** The tickets behind one number: `total` equals that number; rows newest first, at most `first`. */
  async cases(principal: Principal | null, rawFilter: unknown, rawDrill: unknown, rawFirst: unknown): Promise<{ total: number; rows: SlaCaseView[] }> {
    const range = this.authorizedRange(principal, rawFilter);
    const drill = drillInput(rawDrill);
    const first = firstInput(rawFirst, 500, 5000);
    const matched = (await this.evaluate(range, this.now())).filter((e) => matchesDrill(e, drill, this.policy.utcOffsetMinutes));
    matched.sort((a, b) => b.facts.createdAt - a.facts.createdAt || (a.facts.ticketId < b.facts.ticketId ? -1 : 1));
    return { total: matched.length, rows: matched.slice(0, first).map(caseView) };
  }

  async atRisk(principal: Principal | null, rawFilter: unknown, rawFirst: unknown): Promise<SlaCaseView[]> {
    const range = this.authorizedRange(principal, rawFilter);
    const first = firstInput(rawFirst, 100, 1000);
    const now = this.now();
    return atRiskQueue(await this.evaluate(range, now), now).slice(0, first).map(caseView);
  }

  /** Agents (and supervisors, who take escalations) with their workload; an AGENT gets their own row only. */
  async teamWorkload(principal: Principal | null, rawFilter: unknown): Promise<AgentWorkloadData[]> {
    const range = this.authorizedRange(principal, rawFilter);
    const now = this.now();
    const [inRange, current, agents] = await Promise.all([this.evaluate(range, now), this.currentEvals(range, now), this.tickets.listAgents()]);
    const rows = agents
      .filter((a) => a.role !== 'ANALYST')
      .filter((a) => (range.team == null || a.team === range.team) && (range.agentId == null || a.agent_id === range.agentId))
      .map((a) => ({ agentId: a.agent_id, name: a.full_name, team: a.team ?? null }));
    return workloadRows(rows, inRange, current, now, this.policy.utcOffsetMinutes);
  }

  /** GET /support/agents/{agent_id}/workload: the seed-002 figures plus the dashboard's, over [from, to) (default: the last 7 days). */
  async agentWorkload(principal: Principal | null, rawAgentId: unknown, query: { from?: unknown; to?: unknown }): Promise<AgentWorkloadReport> {
    const agentId = uuidInput(rawAgentId, 'agent_id');
    authorize(principal, 'workload:read', { ownerAgentId: agentId });
    const now = this.now();
    const range = slaRangeInput({ from: query.from ?? new Date(now - 7 * DAY_MS).toISOString(), to: query.to ?? new Date(now).toISOString(), agentId });
    const agent = await this.tickets.getAgent(agentId);
    if (!agent) throw new AppError('NOT_FOUND', `No agent ${agentId}`, { agent_id: agentId });
    const [base, inRange, current] = await Promise.all([this.tickets.agentWorkload(agentId, now), this.evaluate(range, now), this.currentEvals(range, now)]);
    const [row] = workloadRows([{ agentId, name: agent.full_name, team: agent.team ?? null }], inRange, current, now, this.policy.utcOffsetMinutes);
    return {
      ...base,
      open: row!.open,
      waiting_on_agent: row!.waitingOnAgent,
      handled_today: row!.handledToday,
      median_handle_seconds: row!.medianHandleSeconds,
      first_response_pct_met: row!.firstResponsePctMet,
      assigned_now: row!.assignedNow,
      range: { from: new Date(range.fromMs).toISOString(), to: new Date(range.toMs).toISOString() },
    };
  }

  /**
   * Figures for Prometheus (backend/api/slaGauges.ts): the backlog now, open tickets nobody answered
   * within the first-response target, and the at-risk queue's length. Counts only, no principal:
   * /metrics is for the operators' Prometheus.
   */
  async snapshot(): Promise<SlaSnapshot> {
    const now = this.now();
    const evals = evaluateAll(await this.analytics.currentFacts(startOfLocalDay(now, this.policy.utcOffsetMinutes)), this.policy, now);
    const count = (bucket: BacklogBucket) => evals.reduce((n, e) => n + (inBacklog(e, bucket) ? 1 : 0), 0);
    return {
      backlog: { OPEN: count('OPEN'), UNASSIGNED: count('UNASSIGNED'), WAITING_ON_AGENT: count('WAITING_ON_AGENT'), WAITING_ON_CUSTOMER: count('WAITING_ON_CUSTOMER') },
      firstResponseOverdue: evals.filter((e) => e.open && e.firstResponse.at === null && e.firstResponse.state === 'BREACHED').length,
      atRisk: atRiskQueue(evals, now).length,
    };
  }

  /** Signed in first, then the input, then ownership: an AGENT may only name themselves. */
  private authorizedRange(principal: Principal | null, rawFilter: unknown): SlaRange {
    if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in first');
    const range = slaRangeInput(rawFilter);
    authorize(principal, 'sla:read', range.agentId ? { ownerAgentId: range.agentId } : {});
    return range;
  }

  private async evaluate(range: SlaRange, now: number): Promise<TicketEval[]> {
    const facts = await this.analytics.ticketFacts(range.fromMs, range.toMs);
    return evaluateAll(facts.filter((f) => matchesFilter(f, range)), this.policy, now);
  }

  private async currentEvals(range: SlaRange, now: number): Promise<TicketEval[]> {
    const facts = await this.analytics.currentFacts(startOfLocalDay(now, this.policy.utcOffsetMinutes));
    return evaluateAll(facts.filter((f) => matchesFilter(f, range)), this.policy, now);
  }
}
