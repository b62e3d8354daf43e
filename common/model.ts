import type { EventType, TimelineKind } from './events';

/** One row of cs.customer_case (seed 000 §4). Times are epoch milliseconds in TypeScript, timestamps in stores. */
export interface CustomerCaseRow {
  customer_id: string;
  case_id: string;
  last_event_time: number;
  order_ids: string[];
  payment_status: string | null;
  ticket_status: string | null;
  shipment_status: string | null;
  notes: string | null;
}

/** A case is open until 30 minutes pass without interaction (seed 000 §6). */
export const CASE_SESSION_GAP_MS = 30 * 60 * 1000;
export const isCaseOpen = (row: Pick<CustomerCaseRow, 'last_event_time'>, nowMs: number): boolean =>
  nowMs - row.last_event_time < CASE_SESSION_GAP_MS;

/** One row of cs_timeline (seed 000 §5). Key: (customer_id, event_time, event_type). */
export interface TimelineRow {
  customer_id: string;
  event_type: EventType;
  payload: Record<string, string>;
  event_time: number;
}

/** A message on cs_notifications. */
export const NOTIFICATION_TYPES = ['TICKET_ESCALATED', 'SLA_BREACH'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];
export interface CsNotification {
  notification_id: string;
  type: NotificationType;
  customer_id: string;
  case_id: string;
  ticket_id: string;
  agent_id: string | null;
  event_time: number;
  severity: 'HIGH' | 'MEDIUM' | 'LOW';
  message: string;
}

/** The contact lookup row (Cassandra cs.customer_contact in stack mode) plus the profile the header shows. */
export interface CustomerProfile {
  customer_id: string;
  full_name: string;
  emails: string[];
  /** E.164 (+84…) */
  phones: string[];
  city: string;
  segment: CustomerSegment;
  created_at: number;
}
export const CUSTOMER_SEGMENTS = ['NEW', 'REGULAR', 'LOYAL', 'VIP', 'AT_RISK'] as const;
export type CustomerSegment = (typeof CUSTOMER_SEGMENTS)[number];

/** Running figures the pipeline keeps per customer (lifetime value counts captured minus refunded payments). */
export interface CustomerStats {
  customer_id: string;
  lifetime_value_vnd: number;
  order_count: number;
  last_event_time: number;
}

export interface TimelineEntry extends TimelineRow {
  kind: TimelineKind;
}
