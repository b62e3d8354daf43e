import { AppError } from '../../common/errors';
import { BACKLOG_BUCKETS, PRIORITIES, SLA_GROUP_BYS, SLA_METRICS, SLA_STATES, type SlaDrillSpec, type SlaGroupBy, type SlaTicketFilter } from './slaMetrics';
import { instantInput, pageSizeInput, uuidInput } from './inputs';

/** Reports cover at most this many days: enough for a year-on-year view, bounded work per query. */
export const MAX_RANGE_DAYS = 400;
const DAY_MS = 86_400_000;

export interface SlaRange extends SlaTicketFilter {
  fromMs: number;
  toMs: number;
}

const bad = (field: string, message: string) => new AppError('INVALID_INPUT', `${field}: ${message}`, { field });

/** Membership in a fixed list; case-insensitive for REST's `groupBy=agent`. No regex on user input. */
function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, { caseInsensitive = false } = {}): T {
  if (typeof value !== 'string') throw bad(field, `must be one of ${allowed.join(', ')}`);
  const v = caseInsensitive ? value.toUpperCase() : value;
  if (!(allowed as readonly string[]).includes(v)) throw bad(field, `must be one of ${allowed.join(', ')}`);
  return v as T;
}

function optionalText(value: unknown, field: string, max = 100): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length === 0 || value.length > max) throw bad(field, `must be a non-empty string of at most ${max} characters`);
  return value;
}

/** from/to (ISO-8601, half-open [from, to)), at most MAX_RANGE_DAYS, plus the optional team/channel/priority/agent filters. */
export function slaRangeInput(raw: unknown): SlaRange {
  const r = (raw ?? {}) as Record<string, unknown>;
  const fromMs = instantInput(r.from, 'from');
  const toMs = instantInput(r.to, 'to');
  if (fromMs === undefined) throw bad('from', 'is required');
  if (toMs === undefined) throw bad('to', 'is required');
  if (toMs <= fromMs) throw bad('to', 'must be after from');
  if (toMs - fromMs > MAX_RANGE_DAYS * DAY_MS) throw new AppError('INVALID_INPUT', `to: the range may span at most ${MAX_RANGE_DAYS} days`, { field: 'to', maxDays: MAX_RANGE_DAYS });
  return {
    fromMs,
    toMs,
    team: optionalText(r.team, 'team'),
    channel: r.channel == null ? null : oneOf(r.channel, ['EMAIL', 'CHAT', 'PHONE', 'ZALO', 'FACEBOOK'], 'channel'),
    priority: r.priority == null ? null : oneOf(r.priority, PRIORITIES, 'priority'),
    agentId: r.agentId == null ? null : uuidInput(r.agentId, 'agentId'),
  };
}

export function groupByInput(value: unknown): SlaGroupBy {
  return oneOf(value, SLA_GROUP_BYS, 'groupBy', { caseInsensitive: true });
}

/** A drill must name something countable: a state needs its metric, a group key its groupBy. */
export function drillInput(raw: unknown): SlaDrillSpec {
  const d = (raw ?? {}) as Record<string, unknown>;
  const spec: SlaDrillSpec = {
    metric: d.metric == null ? null : oneOf(d.metric, SLA_METRICS, 'drill.metric'),
    state: d.state == null ? null : oneOf(d.state, SLA_STATES, 'drill.state'),
    groupBy: d.groupBy == null ? null : oneOf(d.groupBy, SLA_GROUP_BYS, 'drill.groupBy'),
    groupKey: optionalText(d.groupKey, 'drill.groupKey', 200),
    backlog: d.backlog == null ? null : oneOf(d.backlog, BACKLOG_BUCKETS, 'drill.backlog'),
    channel: optionalText(d.channel, 'drill.channel'),
    priority: optionalText(d.priority, 'drill.priority'),
    sentiment: optionalText(d.sentiment, 'drill.sentiment'),
  };
  if (spec.state && !spec.metric) throw bad('drill.state', 'needs drill.metric');
  if ((spec.groupBy === null) !== (spec.groupKey === null)) throw bad('drill.groupKey', 'groupBy and groupKey go together');
  return spec;
}

export const firstInput = (value: unknown, fallback: number, max: number) => pageSizeInput(value ?? fallback, max);
