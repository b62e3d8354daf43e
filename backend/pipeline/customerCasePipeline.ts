import type { EventEnvelope } from '../../common/events';
import { CASE_SESSION_GAP_MS, type CsNotification, type CustomerCaseRow, type CustomerStats, type TimelineRow } from '../../common/model';
import { CaseAccumulator } from './caseAccumulator';
import { decideSla, escalationNotification, newTicketSla, notificationIdFor, type TicketSla } from './notifications';
import { toTimelineRow } from './timelineRow';
import { fastEventTime, isPlainObject, validateEvent } from './validateEvent';

export interface DeadLetter {
  reason: string;
  record: unknown;
}

export interface PipelineOutput {
  cases: CustomerCaseRow[];
  timeline: TimelineRow[];
  notifications: CsNotification[];
  stats: CustomerStats[];
  deadLetters: DeadLetter[];
  /** Events older than their customer's current case: in timeline and stats, in no case. */
  late: number;
}

export interface CustomerPipelineState {
  openCase: { row: CustomerCaseRow; sessionStartMs: number } | null;
  stats: CustomerStats | null;
}

export interface PipelineOptions {
  sessionGapMs?: number;
  loadState?: (customerId: string) => Promise<CustomerPipelineState> | CustomerPipelineState;
}

/** Event types that move the lifetime value or the order count. */
const STATS_TYPES = new Set<string>(['order.created', 'payment.captured', 'payment.refunded']);

/** Whole VND from a payload string; anything else counts 0, as TRY_CAST(… AS BIGINT) → NULL does in Flink SQL. */
const vnd = (text: string | undefined): number => (text !== undefined && /^-?\d{1,15}$/.test(text) ? Number(text) : 0);

interface CustomerState {
  customerId: string;
  open: CaseAccumulator | null;
  stats: CustomerStats;
  /** Restored stats cover every event up to this time; ids are unknown, so those count as applied. */
  statsThroughMs: number;
  /** Ids of stats-moving events already counted: a replay of an old (late) event must not count twice. */
  counted: Set<string>;
  /** Escalations already notified (a late replay is not within the open case's id set). */
  notified: Set<string>;
  tickets: Map<string, TicketSla>;
  /** Newest event time seen: eviction clock. */
  lastSeenMs: number;
}

interface Batch {
  cases: Set<CaseAccumulator>;
  stats: Set<CustomerState>;
  timeline: TimelineRow[];
  notifications: CsNotification[];
  deadLetters: DeadLetter[];
  late: number;
}

/**
 * The CS 360 job of seed 000 as plain logic: validate, key by customer, cut cases as 30-minute
 * sessions, project cs_timeline rows, keep stats and raise cs_notifications. The Flink SQL job
 * implements the same rules; fixtures/golden pins them down for both.
 */
export class CustomerCasePipeline {
  private readonly gapMs: number;
  private readonly loadState: PipelineOptions['loadState'];
  private readonly states = new Map<string, CustomerState>();
  /** Batches run one after another so a customer's events are applied in arrival order. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: PipelineOptions = {}) {
    this.gapMs = options.sessionGapMs ?? CASE_SESSION_GAP_MS;
    this.loadState = options.loadState;
  }

  /** Processes a batch; returns each changed case row ONCE (its final state in this batch), every timeline row, new notifications, changed stats. */
  process(events: readonly unknown[]): Promise<PipelineOutput> {
    const run = this.queue.then(() => this.run(events));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Drop in-memory state of customers idle for longer than the gap before nowMs (bounded memory). */
  evictIdle(nowMs: number): void {
    for (const [id, st] of this.states) {
      if (nowMs - st.lastSeenMs <= this.gapMs) continue;
      if (this.loadState) this.states.delete(id);
      // Without a store to reload from, the running totals are all that must survive.
      else this.states.set(id, this.emptyState(id, { ...st.stats }));
    }
  }

  private async run(events: readonly unknown[]): Promise<PipelineOutput> {
    const batch: Batch = { cases: new Set(), stats: new Set(), timeline: [], notifications: [], deadLetters: [], late: 0 };
    // Parallel arrays: no wrapper object per event (a million of them is real GC time).
    const valid: EventEnvelope[] = [];
    const times: number[] = [];
    for (const record of events) {
      const fastT = isPlainObject(record) ? fastEventTime(record) : Number.NaN;
      if (!Number.isNaN(fastT)) {
        valid.push(record as EventEnvelope);
        times.push(fastT);
        continue;
      }
      const v = validateEvent(record);
      if (v.ok) {
        valid.push(v.event);
        times.push(v.t);
      } else batch.deadLetters.push({ reason: v.reason, record });
    }
    if (this.loadState) await this.restoreMissing(valid);
    for (let i = 0; i < valid.length; i++) this.apply(valid[i]!, times[i]!, batch);
    return {
      cases: [...batch.cases].map((c) => c.toRow()),
      timeline: batch.timeline,
      notifications: batch.notifications,
      stats: [...batch.stats].map((s) => ({ ...s.stats })),
      deadLetters: batch.deadLetters,
      late: batch.late,
    };
  }

  private async restoreMissing(valid: readonly EventEnvelope[]): Promise<void> {
    const missing = new Set<string>();
    for (const e of valid) if (!this.states.has(e.customer_id)) missing.add(e.customer_id);
    if (missing.size === 0) return;
    const load = this.loadState!;
    await Promise.all(
      [...missing].map(async (id) => {
        const saved = await load(id);
        const st = this.emptyState(id, saved.stats ? { ...saved.stats } : null);
        if (saved.openCase) {
          st.open = CaseAccumulator.restore(saved.openCase.row, saved.openCase.sessionStartMs);
          st.lastSeenMs = Math.max(st.lastSeenMs, saved.openCase.row.last_event_time);
        }
        this.states.set(id, st);
      }),
    );
  }

  private emptyState(customerId: string, stats: CustomerStats | null): CustomerState {
    return {
      customerId,
      open: null,
      stats: stats ?? { customer_id: customerId, lifetime_value_vnd: 0, order_count: 0, last_event_time: Number.NEGATIVE_INFINITY },
      statsThroughMs: stats ? stats.last_event_time : Number.NEGATIVE_INFINITY,
      counted: new Set(),
      notified: new Set(),
      tickets: new Map(),
      lastSeenMs: stats ? stats.last_event_time : Number.NEGATIVE_INFINITY,
    };
  }

  private apply(e: EventEnvelope, t: number, batch: Batch): void {
    // Every valid event is a cs_timeline row; the table's key makes a replay replace, not add.
    batch.timeline.push(toTimelineRow(e, t));

    let st = this.states.get(e.customer_id);
    if (!st) {
      st = this.emptyState(e.customer_id, null);
      this.states.set(e.customer_id, st);
    }
    if (t > st.lastSeenMs) st.lastSeenMs = t;

    // Which case, if any, the event belongs to.
    let open = st.open;
    let late = false;
    if (!open || t - open.lastEventTime >= this.gapMs) {
      open = new CaseAccumulator(e.customer_id, t);
      st.open = open;
    } else if (t < open.sessionStartMs) {
      late = true;
      batch.late++;
    } else if (open.hasApplied(e.id, t)) {
      return; // already applied to this case: a replay
    }
    if (!late) {
      open.apply(e, t);
      batch.cases.add(open);
    }

    this.applyStats(st, e, t, batch);
    this.notify(st, e, t, open.caseId, batch);
  }

  private applyStats(st: CustomerState, e: EventEnvelope, t: number, batch: Batch): void {
    const s = st.stats;
    let changed = false;
    if (t > s.last_event_time) {
      s.last_event_time = t;
      changed = true;
    }
    if (STATS_TYPES.has(e.type) && !st.counted.has(e.id) && t > st.statsThroughMs) {
      st.counted.add(e.id);
      if (e.type === 'order.created') s.order_count++;
      else if (e.type === 'payment.captured') s.lifetime_value_vnd += vnd(e.payload.amount_vnd);
      else s.lifetime_value_vnd -= vnd(e.payload.amount_vnd);
      changed = true;
    }
    if (changed) batch.stats.add(st);
  }

  /** caseId: the event's case; a late event's notification points at the customer's current case, which exists. */
  private notify(st: CustomerState, e: EventEnvelope, t: number, caseId: string, batch: Batch): void {
    const p = e.payload;
    const ticketId = p.ticket_id;
    if (ticketId === undefined) return;
    if (e.type === 'ticket.escalated') {
      const id = notificationIdFor(e.id);
      if (st.notified.has(id)) return;
      st.notified.add(id);
      batch.notifications.push(escalationNotification(e, t, caseId));
      return;
    }
    if (e.type !== 'ticket.opened' && !(e.type === 'ticket.message' && p.author_type === 'AGENT')) return;
    let sla = st.tickets.get(ticketId);
    if (!sla) {
      sla = newTicketSla();
      st.tickets.set(ticketId, sla);
    }
    if (sla.decided) return;
    if (e.type === 'ticket.opened') {
      if (sla.openedAt === null || t < sla.openedAt) sla.openedAt = t;
      sla.subject ??= p.subject ?? null;
      if (!sla.pendingReply) return;
      const breach = decideSla(sla, sla.pendingReply);
      if (breach) batch.notifications.push(breach);
      return;
    }
    const reply = { e, t, caseId };
    if (sla.openedAt === null) {
      // The reply overtook the opening (different partitions upstream): judge it when the opening comes.
      if (!sla.pendingReply || t < sla.pendingReply.t) sla.pendingReply = reply;
      return;
    }
    const breach = decideSla(sla, reply);
    if (breach) batch.notifications.push(breach);
  }
}
