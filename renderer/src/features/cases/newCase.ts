import type { TicketChannel, TicketPriority } from '../../graphql/generated';

export const CHANNELS: readonly TicketChannel[] = ['CHAT', 'EMAIL', 'PHONE', 'ZALO', 'FACEBOOK'];
export const PRIORITIES: readonly TicketPriority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];

export interface NewCaseDraft {
  subject: string;
  channel: TicketChannel;
  priority: TicketPriority;
  message: string;
  /** '' for none. */
  orderId: string;
}

export const emptyDraft = (): NewCaseDraft => ({ subject: '', channel: 'PHONE', priority: 'NORMAL', message: '', orderId: '' });

export type NewCaseField = 'subject' | 'message' | 'orderId';
/** i18n keys under newCase.errors. */
export type NewCaseError = 'subjectShort' | 'subjectLong' | 'messageEmpty' | 'messageLong' | 'orderUnknown';

export const SUBJECT_MIN = 3;
export const SUBJECT_MAX = 200;
export const MESSAGE_MAX = 10_000;

/** The API's own limits (CreateCaseInput), checked before sending so the agent sees them at the field. */
export function validateNewCase(d: NewCaseDraft, knownOrders: ReadonlySet<string>): Partial<Record<NewCaseField, NewCaseError>> {
  const errors: Partial<Record<NewCaseField, NewCaseError>> = {};
  const subject = d.subject.trim();
  if (subject.length < SUBJECT_MIN) errors.subject = 'subjectShort';
  else if (subject.length > SUBJECT_MAX) errors.subject = 'subjectLong';
  const message = d.message.trim();
  if (message.length === 0) errors.message = 'messageEmpty';
  else if (message.length > MESSAGE_MAX) errors.message = 'messageLong';
  if (d.orderId && !knownOrders.has(d.orderId)) errors.orderId = 'orderUnknown';
  return errors;
}

export interface OrderOption {
  orderId: string;
  /** Epoch ms of the newest event that names the order. */
  lastSeen: number;
  totalVnd: string | null;
  status: string | null;
}

interface CaseLike {
  orderIds: readonly string[];
  lastEventTime: string;
}
interface RowLike {
  eventTime: number;
  eventType: string;
  payload: Readonly<Record<string, string>>;
}

/**
 * The customer's orders the console already holds: the loaded timeline (order events carry totals
 * and statuses) and the cases' order ids. Newest first, each once.
 */
export function orderOptions(cases: readonly CaseLike[], rows: readonly RowLike[]): OrderOption[] {
  const byId = new Map<string, OrderOption>();
  const touch = (orderId: string, at: number): OrderOption => {
    let o = byId.get(orderId);
    if (!o) {
      o = { orderId, lastSeen: at, totalVnd: null, status: null };
      byId.set(orderId, o);
    } else if (at > o.lastSeen) o.lastSeen = at;
    return o;
  };
  // Rows are newest first: the first status seen for an order is its latest.
  for (const r of rows) {
    const id = r.payload.order_id;
    if (!id) continue;
    const o = touch(id, r.eventTime);
    if (r.eventType.startsWith('order.')) {
      if (o.totalVnd === null && r.payload.total_vnd) o.totalVnd = r.payload.total_vnd;
      if (o.status === null && r.payload.status) o.status = r.payload.status;
    }
  }
  for (const c of cases) {
    const at = Date.parse(c.lastEventTime);
    for (const id of c.orderIds) touch(id, Number.isFinite(at) ? at : 0);
  }
  return [...byId.values()].sort((a, b) => b.lastSeen - a.lastSeen || a.orderId.localeCompare(b.orderId));
}
