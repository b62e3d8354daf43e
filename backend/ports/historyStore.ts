import type { TimelineKind } from '../../common/events';
import { CASE_ID, caseStartMs } from '../../common/ids';
import type { TimelineRow } from '../../common/model';

export interface TimelineCursor {
  event_time: number;
  event_type: string;
}

export interface TimelineQuery {
  customerId: string;
  limit: number;
  /** Exclusive: rows strictly older than this key. */
  before?: TimelineCursor;
  kinds?: TimelineKind[];
  fromMs?: number;
  toMs?: number;
}

/** A page of vw_support_case_timeline: one customer's order, payment and shipment rows, each with its case. */
export interface CaseTimelineQuery {
  customerId: string;
  limit: number;
  /** Exclusive: rows strictly older than this key. */
  before?: TimelineCursor;
  /** Only the rows of this case (a case id as in cs.customer_case: `C0000001:20260102T030405Z`). */
  caseId?: string;
}

/**
 * One row of vw_support_case_timeline (stack/trino/views.sql) as a timeline row: the payload holds the
 * view's columns that are set (order_id, payment_id, shipment_id, status, amount_vnd, carrier,
 * event_id), and case_id names the customer's session (30-minute gap) the row belongs to.
 */
export interface CaseTimelineRow extends TimelineRow {
  case_id: string;
}

/** The payload keys vw_support_case_timeline exposes, in its column order. */
export const CASE_TIMELINE_KEYS = ['order_id', 'payment_id', 'shipment_id', 'status', 'amount_vnd', 'carrier', 'event_id'] as const;
/** Gap after which an event starts a new case (as the pipelines and the view decide). */
export const CASE_GAP_MS = 30 * 60_000;

/**
 * Where a history store that may fail (Trino) is backed by the serving store: the services ask
 * `store` for the same query when the deep store errs or is slower than `timeoutMs`, and mark the
 * page partial. Set by the wiring (backend/wiring/selectAdapters.ts); absent on a local store.
 */
export interface HistoryFallback {
  /** The serving store's rows (stack: the recent cs_timeline rows kept by this backend). */
  store: HistoryStore;
  /** How long one deep-store query may take before the fallback answers. */
  timeoutMs: number;
  /** How long a partial page may be cached (0: not at all), so the partial state clears by itself. */
  partialTtlMs: number;
  /** After a failure, the deep store is skipped (straight to the fallback) for this long, then tried again. */
  retryAfterMs: number;
  /** Told of every read the fallback answered (the wiring counts them: support_timeline_fallback_total). */
  onFallback?(reason: 'error' | 'timeout' | 'skipped'): void;
}

/** Deep history and analytics (cs_timeline, vw_support_case_timeline). Embedded: SQLite; stack: Trino. */
export interface HistoryStore {
  /** Newest first, keyset-paginated on (event_time, event_type). */
  timelinePage(query: TimelineQuery): Promise<TimelineRow[]>;
  /** Rows of one customer in [fromMs, toMs], oldest first: the case's own history. */
  timelineBetween(customerId: string, fromMs: number, toMs: number, limit: number): Promise<TimelineRow[]>;
  /** vw_support_case_timeline: order, payment and shipment rows with their case, newest first, keyset-paginated like timelinePage. */
  caseTimeline(query: CaseTimelineQuery): Promise<CaseTimelineRow[]>;
  /** The embedded pipeline's sink; the stack adapter does not implement writes (Flink does). */
  appendTimeline?(rows: TimelineRow[]): Promise<void>;
  /** Present where this store can fail and the serving store can stand in (stack mode on Trino). */
  readonly fallback?: HistoryFallback;
}

/** The case-timeline payload of a timeline row: the view's columns that are set, as strings. */
export function caseTimelinePayload(payload: Record<string, string | number | null | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of CASE_TIMELINE_KEYS) {
    const v = payload[k];
    if (v === null || v === undefined) continue;
    if (k === 'amount_vnd') {
      // TRY_CAST(… AS bigint): an integer or nothing.
      const s = String(v).trim();
      if (/^[+-]?\d{1,18}$/.test(s)) out[k] = BigInt(s).toString();
      continue;
    }
    out[k] = String(v);
  }
  return out;
}

/** The start (epoch ms, whole seconds) a case id names, or null when it is not a case id. */
export function caseIdStart(caseId: string): number | null {
  return CASE_ID.test(caseId) ? caseStartMs(caseId) : null;
}
