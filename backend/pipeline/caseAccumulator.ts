import { EVENT_TYPES, kindOf, type EventEnvelope, type EventType, type TimelineKind } from '../../common/events';
import { formatCaseId } from '../../common/ids';
import type { CustomerCaseRow } from '../../common/model';

/** cs.customer_case keeps the latest 4000 characters of notes: enough for an agent, bounded for Cassandra. */
export const MAX_NOTES_CHARS = 4000;

const KIND = Object.fromEntries(EVENT_TYPES.map((t) => [t, kindOf(t)])) as Record<EventType, TimelineKind>;

interface NotePart {
  t: number;
  body: string;
}

/**
 * The running state of one case (a customer's session). Mutable so a 100k-event customer costs
 * O(1) per event; `toRow()` materialises the cs.customer_case row.
 */
export class CaseAccumulator {
  lastEventTime: number;
  /**
   * Ids applied to this case, so a replayed event is ignored (idempotent replay). An array while
   * small (most cases hold a handful of events), a Set beyond that.
   */
  private ids: string[] | Set<string> = [];
  private readonly orderIds: string[] = [];
  private paymentStatus: string | null = null;
  private paymentAt = Number.NEGATIVE_INFINITY;
  private ticketStatus: string | null = null;
  private ticketAt = Number.NEGATIVE_INFINITY;
  private shipmentStatus: string | null = null;
  private shipmentAt = Number.NEGATIVE_INFINITY;
  private noteParts: NotePart[] | null = null;
  /** Length of the note parts joined with "\n". */
  private notesLength = -1;

  constructor(
    readonly customerId: string,
    readonly sessionStartMs: number,
    /**
     * A case restored from the store after a restart: its events' ids are unknown, so events at or
     * before this time are taken as already applied (the stored row is a checkpoint).
     */
    readonly restoredThroughMs = Number.NEGATIVE_INFINITY,
    /** A restored case keeps its stored id even if sessionStartMs lost its milliseconds on the way. */
    readonly caseId = formatCaseId(customerId, sessionStartMs),
  ) {
    this.lastEventTime = sessionStartMs;
  }

  static restore(row: CustomerCaseRow, sessionStartMs: number): CaseAccumulator {
    const c = new CaseAccumulator(row.customer_id, sessionStartMs, row.last_event_time, row.case_id);
    c.lastEventTime = row.last_event_time;
    for (const id of row.order_ids) c.addOrderId(id);
    // Restored statuses stand until an event newer than the checkpoint arrives.
    c.paymentStatus = row.payment_status;
    c.ticketStatus = row.ticket_status;
    c.shipmentStatus = row.shipment_status;
    c.paymentAt = c.ticketAt = c.shipmentAt = row.last_event_time;
    if (row.notes !== null) {
      c.noteParts = [{ t: Number.NEGATIVE_INFINITY, body: row.notes }];
      c.notesLength = row.notes.length;
    }
    return c;
  }

  /** Whether this event was already applied: same id, or at or before a restored checkpoint. */
  hasApplied(id: string, t: number): boolean {
    if (t <= this.restoredThroughMs) return true;
    return Array.isArray(this.ids) ? this.ids.includes(id) : this.ids.has(id);
  }

  apply(e: EventEnvelope, t: number): void {
    if (Array.isArray(this.ids)) {
      this.ids.push(e.id);
      if (this.ids.length > 32) this.ids = new Set(this.ids);
    } else this.ids.add(e.id);
    if (t > this.lastEventTime) this.lastEventTime = t;
    const p = e.payload;
    const kind = KIND[e.type];
    if (kind === 'ORDER' || kind === 'PAYMENT' || kind === 'SHIPMENT') {
      const orderId = p.order_id;
      if (orderId !== undefined) this.addOrderId(orderId);
    }
    // Latest event of each kind wins; ties go to the later arrival. Events without a status (a
    // ticket.message may not carry one) leave the status as it is.
    const status = p.status;
    if (kind === 'PAYMENT') {
      if (status !== undefined && t >= this.paymentAt) {
        this.paymentStatus = status;
        this.paymentAt = t;
      }
    } else if (kind === 'TICKET') {
      if (status !== undefined && t >= this.ticketAt) {
        this.ticketStatus = status;
        this.ticketAt = t;
      }
    } else if (kind === 'SHIPMENT') {
      if (status !== undefined && t >= this.shipmentAt) {
        this.shipmentStatus = status;
        this.shipmentAt = t;
      }
    } else if (kind === 'NOTE') {
      this.addNote(t, p.body ?? '');
    }
  }

  toRow(): CustomerCaseRow {
    return {
      customer_id: this.customerId,
      case_id: this.caseId,
      last_event_time: this.lastEventTime,
      order_ids: this.orderIds.slice(),
      payment_status: this.paymentStatus,
      ticket_status: this.ticketStatus,
      shipment_status: this.shipmentStatus,
      notes: this.notes(),
    };
  }

  private addOrderId(id: string): void {
    // A case names a handful of orders (a reseller's busy day a few dozen): a scan beats a Set.
    if (!this.orderIds.includes(id)) this.orderIds.push(id);
  }

  private addNote(t: number, body: string): void {
    const parts = (this.noteParts ??= []);
    // Time order; almost always an append.
    let i = parts.length;
    while (i > 0 && parts[i - 1]!.t > t) i--;
    parts.splice(i, 0, { t, body });
    this.notesLength += body.length + 1;
    // Drop the oldest part once the newer ones alone fill the window: it could never show again,
    // not even if an older note arrives late (that one would sit further left still).
    while (parts.length > 1 && this.notesLength - parts[0]!.body.length - 1 >= MAX_NOTES_CHARS) {
      this.notesLength -= parts[0]!.body.length + 1;
      parts.shift();
    }
  }

  private notes(): string | null {
    const parts = this.noteParts;
    if (parts === null || parts.length === 0) return null;
    let text = parts.length === 1 ? parts[0]!.body : parts.map((n) => n.body).join('\n');
    if (text.length > MAX_NOTES_CHARS) {
      text = text.slice(-MAX_NOTES_CHARS);
      // Never start with half of a surrogate pair (an emoji cut in two).
      const first = text.charCodeAt(0);
      if (first >= 0xdc00 && first <= 0xdfff) text = text.slice(1);
    }
    return text;
  }
}
