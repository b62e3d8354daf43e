import type { TimelineKind } from '../../common/events';
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

/** Deep history and analytics (cs_timeline, vw_support_case_timeline). Embedded: SQLite; stack: Trino. */
export interface HistoryStore {
  /** Newest first, keyset-paginated on (event_time, event_type). */
  timelinePage(query: TimelineQuery): Promise<TimelineRow[]>;
  /** Rows of one customer in [fromMs, toMs], oldest first: the case's own history. */
  timelineBetween(customerId: string, fromMs: number, toMs: number, limit: number): Promise<TimelineRow[]>;
  /** The embedded pipeline's sink; the stack adapter does not implement writes (Flink does). */
  appendTimeline?(rows: TimelineRow[]): Promise<void>;
}
