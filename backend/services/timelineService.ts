import { TIMELINE_KINDS, type TimelineKind } from '../../common/events';
import { AppError } from '../../common/errors';
import type { TimelineRow } from '../../common/model';
import type { Principal } from '../auth/principal';
import { authorize } from '../auth/policy';
import type { Cache } from '../ports/cache';
import type { HistoryStore } from '../ports/historyStore';
import type { SupportMetrics } from './supportMetrics';
import { CaseTimelineService, customerTag, type CaseTimelineArgs, type CaseTimelinePage } from './caseTimelineService';
import { HistoryReader } from './historyFallback';
import { customerIdInput, instantInput, pageSizeInput } from './inputs';
import { decodeCursor, encodeCursor } from './timelineCursor';

export interface TimelinePageArgs {
  customerId: unknown;
  first?: unknown;
  after?: unknown;
  kinds?: unknown;
  from?: unknown;
  to?: unknown;
}
export interface TimelinePage {
  events: TimelineRow[];
  nextCursor: string | null;
  /** true when the history store did not answer and the rows come from the serving store only. */
  partial: boolean;
}

export { customerTag, ticketTag } from './caseTimelineService';
export type { CaseTimelinePage } from './caseTimelineService';

/**
 * Timeline pages, cached as serialized UTF-8 JSON for the configured TTL (seed 002: 60 s) and invalidated
 * by tag when an event for that customer arrives (SP-01). Cached as text so a hit costs no
 * re-serialization or re-encoding: the 1,000-concurrent load test lives on this path.
 *
 * Where the History port has a fallback (stack mode: Trino, backed by the serving store's recent
 * rows), a Trino that fails or is slower than history.timeoutMs is answered from the serving store
 * with `partial: true`; such a page is cached only for history.partialCacheTtlMs, so the partial
 * state clears by itself once Trino answers again (backend/services/historyFallback.ts).
 */
export class TimelineService {
  private readonly reader: HistoryReader;
  /** GET /support/cases/{id}?includeTimeline=true: vw_support_case_timeline through the same reader and cache. */
  readonly cases: CaseTimelineService;

  constructor(
    private readonly history: HistoryStore,
    private readonly cache: Cache,
    private readonly options: { ttlMs: number; maxPageSize: number },
    metrics: Pick<SupportMetrics, 'timelineRefreshError'> = { timelineRefreshError: () => {} },
  ) {
    this.reader = new HistoryReader(history, metrics);
    this.cases = new CaseTimelineService(this.reader, cache, { ...options, partialTtlMs: () => this.partialTtlMs() });
  }

  private partialTtlMs(): number {
    return this.history.fallback?.partialTtlMs ?? 0;
  }

  /** The case timeline of one ticket (SupportService.getCase). */
  casePage(principal: Principal | null, args: CaseTimelineArgs): Promise<CaseTimelinePage> {
    return this.cases.page(principal, args);
  }

  async pageJson(principal: Principal | null, args: TimelinePageArgs): Promise<Buffer> {
    authorize(principal, 'timeline:read');
    const customerId = customerIdInput(args.customerId);
    const limit = pageSizeInput(args.first ?? 100, this.options.maxPageSize);
    if (args.after !== undefined && args.after !== null && typeof args.after !== 'string') throw new AppError('INVALID_INPUT', 'after must be text', { field: 'after' });
    const before = typeof args.after === 'string' ? decodeCursor(args.after) : undefined;
    const kinds = parseKinds(args.kinds);
    const fromMs = instantInput(args.from, 'from');
    const toMs = instantInput(args.to, 'to');
    if (fromMs !== undefined && toMs !== undefined && fromMs > toMs) throw new AppError('INVALID_INPUT', 'from is after to', { field: 'from' });

    const key = `tl:${customerId}:${limit}:${typeof args.after === 'string' ? args.after : ''}:${kinds?.join(',') ?? ''}:${fromMs ?? ''}:${toMs ?? ''}`;
    const hit = await this.cache.get(key);
    if (hit !== undefined) return hit;

    // support_timeline_refresh_errors_total (seed 002) counts a failing store; the client gets UNAVAILABLE
    // (no fallback) or the serving store's rows marked partial, never the engine's error.
    const { rows: events, partial } = await this.reader.read<TimelineRow>((h) => h.timelinePage({ customerId, limit: limit + 1, before, kinds, fromMs, toMs }));
    const more = events.length > limit;
    const page = more ? events.slice(0, limit) : events;
    const last = page[page.length - 1];
    const json = Buffer.from(JSON.stringify({ events: page, nextCursor: more && last ? encodeCursor(last) : null, partial } satisfies TimelinePage));
    // ±20 % jitter: pages cached in one burst must not all expire in the same second (a miss storm).
    // A partial page lives only briefly: the next read after it expires asks Trino again.
    const ttlMs = partial ? this.partialTtlMs() : Math.round(this.options.ttlMs * (0.8 + 0.4 * Math.random()));
    if (ttlMs > 0) await this.cache.set(key, json, { ttlMs, tags: [customerTag(customerId)] });
    return json;
  }

  async page(principal: Principal | null, args: TimelinePageArgs): Promise<TimelinePage> {
    return JSON.parse((await this.pageJson(principal, args)).toString('utf8')) as TimelinePage;
  }
}

function parseKinds(value: unknown): TimelineKind[] | undefined {
  if (value === undefined || value === null) return undefined;
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list) || list.some((k) => !TIMELINE_KINDS.includes(k as TimelineKind))) {
    throw new AppError('INVALID_INPUT', `kinds must be among ${TIMELINE_KINDS.join(', ')}`, { field: 'kinds' });
  }
  return list.length === 0 ? undefined : ([...new Set(list)].sort() as TimelineKind[]);
}
