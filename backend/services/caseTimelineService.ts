import { AppError } from '../../common/errors';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/policy';
import type { Cache } from '../ports/cache';
import type { CaseTimelineRow } from '../ports/historyStore';
import type { HistoryReader } from './historyFallback';
import { customerIdInput, pageSizeInput, uuidInput } from './inputs';
import { decodeCursor, encodeCursor } from './timelineCursor';

export interface CaseTimelineArgs {
  ticketId: unknown;
  customerId: unknown;
  first?: unknown;
  after?: unknown;
}
export interface CaseTimelinePage {
  /** vw_support_case_timeline rows: the customer's orders, payments and shipments with their case_id, newest first. */
  events: CaseTimelineRow[];
  nextCursor: string | null;
  /** true when the history store (Trino) did not answer and the rows come from the serving store only. */
  partial: boolean;
}

export const customerTag = (customerId: string) => `customer:${customerId}`;
export const ticketTag = (ticketId: string) => `ticket:${ticketId}`;

/**
 * The timeline of GET /support/cases/{ticket_id}?includeTimeline=true: vw_support_case_timeline for
 * the ticket's customer, through the History port's caseTimeline (Trino in stack mode). Cached as
 * UTF-8 JSON for the timeline TTL (60 s) under the customer's and the ticket's tags: the customer's
 * new timeline rows (SP-01, app.ts) and the case's own events (backend/context/caseContextConsumer.ts)
 * drop it. A partial page (Trino down or slow) is cached only for the fallback's short TTL.
 */
export class CaseTimelineService {
  constructor(
    private readonly reader: HistoryReader,
    private readonly cache: Cache,
    private readonly options: { ttlMs: number; maxPageSize: number; partialTtlMs: () => number },
  ) {}

  async pageJson(principal: Principal | null, args: CaseTimelineArgs): Promise<Buffer> {
    authorize(principal, 'timeline:read');
    const ticketId = uuidInput(args.ticketId, 'ticket_id');
    const customerId = customerIdInput(args.customerId);
    const limit = pageSizeInput(args.first ?? 50, this.options.maxPageSize);
    if (args.after !== undefined && args.after !== null && typeof args.after !== 'string') throw new AppError('INVALID_INPUT', 'after must be text', { field: 'after' });
    const before = typeof args.after === 'string' ? decodeCursor(args.after) : undefined;

    const key = `ctl:${ticketId}:${customerId}:${limit}:${typeof args.after === 'string' ? args.after : ''}`;
    const hit = await this.cache.get(key);
    if (hit !== undefined) return hit;

    const { rows, partial } = await this.reader.read((h) => h.caseTimeline({ customerId, limit: limit + 1, before }));
    const more = rows.length > limit;
    const events = more ? rows.slice(0, limit) : rows;
    const last = events[events.length - 1];
    const json = Buffer.from(JSON.stringify({ events, nextCursor: more && last ? encodeCursor(last) : null, partial } satisfies CaseTimelinePage));
    const ttlMs = partial ? this.options.partialTtlMs() : Math.round(this.options.ttlMs * (0.8 + 0.4 * Math.random()));
    if (ttlMs > 0) await this.cache.set(key, json, { ttlMs, tags: [customerTag(customerId), ticketTag(ticketId)] });
    return json;
  }

  async page(principal: Principal | null, args: CaseTimelineArgs): Promise<CaseTimelinePage> {
    return JSON.parse((await this.pageJson(principal, args)).toString('utf8')) as CaseTimelinePage;
  }
}
