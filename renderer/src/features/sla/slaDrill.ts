import type { SlaDrill, SlaGroupBy, SlaMetric, SlaState } from '../../graphql/generated';

/** Only the counts a drill-down compares against; the generated summary type has more. */
export interface SummaryCounts {
  total: number;
  met: number;
  breached: number;
  atRisk: number;
  pending: number;
}
export interface GroupCounts {
  key: string;
  label: string;
  tickets: number;
  firstResponse: SummaryCounts;
  nextResponse: SummaryCounts;
  resolution: SummaryCounts;
}
export interface BacklogCounts {
  open: number;
  unassigned: number;
  waitingOnAgent: number;
  waitingOnCustomer: number;
}
export type BacklogBucket = 'OPEN' | 'UNASSIGNED' | 'WAITING_ON_AGENT' | 'WAITING_ON_CUSTOMER';
export type SliceDimension = 'channel' | 'priority' | 'sentiment';

/**
 * One clicked number: the API drill that lists exactly the tickets it counted, the number itself
 * (the drilled table's total must equal it; the e2e test compares them) and what to call it.
 */
export interface DrillRequest {
  drill: SlaDrill;
  expected: number;
  /** Title parts, translated by drillTitle. */
  parts: TitlePart[];
}
export type TitlePart =
  | { kind: 'metric'; metric: SlaMetric }
  | { kind: 'state'; state: SlaState }
  | { kind: 'group'; groupBy: SlaGroupBy; label: string }
  | { kind: 'backlog'; bucket: BacklogBucket }
  | { kind: 'slice'; dimension: SliceDimension; key: string };

const METRIC_FIELD = { FIRST_RESPONSE: 'firstResponse', NEXT_RESPONSE: 'nextResponse', RESOLUTION: 'resolution' } as const satisfies Record<SlaMetric, keyof GroupCounts>;
const STATE_FIELD = { MET: 'met', BREACHED: 'breached', AT_RISK: 'atRisk', PENDING: 'pending' } as const satisfies Record<SlaState, keyof SummaryCounts>;
const BACKLOG_FIELD = { OPEN: 'open', UNASSIGNED: 'unassigned', WAITING_ON_AGENT: 'waitingOnAgent', WAITING_ON_CUSTOMER: 'waitingOnCustomer' } as const satisfies Record<BacklogBucket, keyof BacklogCounts>;

export const summaryCount = (s: SummaryCounts, state: SlaState | null): number => (state ? s[STATE_FIELD[state]] : s.total);

const metricParts = (metric: SlaMetric, state: SlaState | null): TitlePart[] => [{ kind: 'metric', metric }, ...(state ? [{ kind: 'state' as const, state }] : [])];

/** A KPI: one metric over the whole filter, in one state or all of them. */
export function metricDrill(metric: SlaMetric, state: SlaState | null, overall: GroupCounts): DrillRequest {
  return {
    drill: { metric, ...(state ? { state } : {}) },
    expected: summaryCount(overall[METRIC_FIELD[metric]], state),
    parts: metricParts(metric, state),
  };
}

/** A bar or point of a grouped report: the group's tickets, or one metric (and state) within it. */
export function groupDrill(groupBy: SlaGroupBy, row: GroupCounts, metric?: SlaMetric, state?: SlaState): DrillRequest {
  const group: TitlePart = { kind: 'group', groupBy, label: row.label };
  if (!metric) return { drill: { groupBy, groupKey: row.key }, expected: row.tickets, parts: [group] };
  return {
    drill: { groupBy, groupKey: row.key, metric, ...(state ? { state } : {}) },
    expected: summaryCount(row[METRIC_FIELD[metric]], state ?? null),
    parts: [group, ...metricParts(metric, state ?? null)],
  };
}

export function backlogDrill(bucket: BacklogBucket, backlog: BacklogCounts): DrillRequest {
  return { drill: { backlog: bucket }, expected: backlog[BACKLOG_FIELD[bucket]], parts: [{ kind: 'backlog', bucket }] };
}

/** A slice of volume by channel or priority, or of the sentiment mix. */
export function sliceDrill(dimension: SliceDimension, slice: { key: string; count: number }): DrillRequest {
  return { drill: { [dimension]: slice.key }, expected: slice.count, parts: [{ kind: 'slice', dimension, key: slice.key }] };
}

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export function drillTitle(parts: readonly TitlePart[], t: Translate): string {
  return parts
    .map((p) => {
      switch (p.kind) {
        case 'metric':
          return t(`sla.metric.${p.metric}`);
        case 'state':
          return t(`sla.state.${p.state}`);
        case 'group':
          return `${t(`sla.groupBy.${p.groupBy}`)}: ${p.label}`;
        case 'backlog':
          return t(`sla.backlog.${p.bucket}`);
        case 'slice':
          return `${t(`sla.dimension.${p.dimension}`)}: ${sliceLabel(p.dimension, p.key, t)}`;
      }
    })
    .join(' · ');
}

/** Channels, priorities and sentiments arrive as API keys; known ones are translated. */
export function sliceLabel(dimension: SliceDimension, key: string, t: Translate): string {
  return t(`sla.${dimension}Value.${key.toLowerCase()}`, { defaultValue: key });
}

/**
 * A workload cell: the agent's open tickets in the range, or those waiting on them. The API
 * counts workload `open` and `waitingOnAgent` over the same tickets as these backlog buckets.
 */
export function workloadDrill(row: { agentId: string; name: string; open: number; waitingOnAgent: number }, bucket: 'OPEN' | 'WAITING_ON_AGENT'): DrillRequest {
  return {
    drill: { groupBy: 'AGENT', groupKey: row.agentId, backlog: bucket },
    expected: bucket === 'OPEN' ? row.open : row.waitingOnAgent,
    parts: [
      { kind: 'group', groupBy: 'AGENT', label: row.name },
      { kind: 'backlog', bucket },
    ],
  };
}
