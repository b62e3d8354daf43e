import { kindOf, EVENT_TYPES, type EventType, type TimelineKind } from '../../../../common/eventTypes';
import type { TimelineRow } from '../../../../common/model';
import type { TimelineQuery } from '../../graphql/generated';

/** One timeline row as the console keeps it: times in epoch ms, payload values as text. */
export interface TimelineItem {
  /** customer_id|event_time|event_type: the cs_timeline key, unique per row. */
  key: string;
  customerId: string;
  eventType: string;
  kind: TimelineKind;
  eventTime: number;
  payload: Readonly<Record<string, string>>;
  /** Set when the row arrived over the live channel (epoch ms), so it can be highlighted briefly. */
  liveAt?: number;
}

export const timelineKey = (customerId: string, eventTime: number, eventType: string): string => `${customerId}|${eventTime}|${eventType}`;

type ApiEvent = TimelineQuery['timeline']['events'][number];

function textPayload(payload: Record<string, unknown> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!payload) return out;
  for (const [k, v] of Object.entries(payload)) if (v !== null && v !== undefined) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
  return out;
}

export function itemFromApi(e: ApiEvent): TimelineItem {
  const eventTime = Date.parse(e.eventTime);
  return { key: timelineKey(e.customerId, eventTime, e.eventType), customerId: e.customerId, eventType: e.eventType, kind: e.kind, eventTime, payload: textPayload(e.payload) };
}

const isEventType = (t: string): t is EventType => (EVENT_TYPES as readonly string[]).includes(t);

export function itemFromLive(row: TimelineRow, nowMs: number): TimelineItem | null {
  if (!row || typeof row.customer_id !== 'string' || typeof row.event_type !== 'string' || !Number.isFinite(row.event_time)) return null;
  const kind: TimelineKind = isEventType(row.event_type) ? kindOf(row.event_type) : 'NOTE';
  return {
    key: timelineKey(row.customer_id, row.event_time, row.event_type),
    customerId: row.customer_id,
    eventType: row.event_type,
    kind,
    eventTime: row.event_time,
    payload: textPayload(row.payload),
    liveAt: nowMs,
  };
}
