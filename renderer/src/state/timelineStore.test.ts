import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TimelineQuery, TimelineQueryVariables } from '../graphql/generated';

const gql = vi.fn<(doc: unknown, vars: TimelineQueryVariables) => Promise<TimelineQuery>>();
vi.mock('../api/client', () => ({ gql: (doc: unknown, vars: TimelineQueryVariables) => gql(doc, vars) }));

const { PARTIAL_RETRY_MS, onLiveTimelineRow, useTimeline } = await import('./timelineStore');

const CUSTOMER = 'C0000001';
const event = (ms: number, eventType = 'order.created') => ({
  id: `${CUSTOMER}|${ms}|${eventType}`,
  customerId: CUSTOMER,
  eventType,
  kind: 'ORDER' as const,
  eventTime: new Date(ms).toISOString(),
  payload: { order_id: 'O1', status: 'CREATED', total_vnd: '1000' },
});
const page = (times: number[], nextCursor: string | null, partial = false): TimelineQuery => ({ timeline: { events: times.map((t) => event(t)), nextCursor, partial } });
const flush = () => new Promise((r) => setTimeout(r, 0));
const times = () => useTimeline.getState().list.rows.map((r) => r.eventTime);

describe('timeline store', () => {
  beforeEach(() => {
    gql.mockReset();
    useTimeline.getState().close();
  });

  it('loads the first page, then older pages with the cursor', async () => {
    gql.mockResolvedValueOnce(page([3000, 2000], 'c1')).mockResolvedValueOnce(page([1000], null));
    useTimeline.getState().open(CUSTOMER);
    await flush();
    expect(useTimeline.getState().status).toBe('ready');
    await useTimeline.getState().loadMore();
    expect(gql.mock.calls[1]?.[1].after).toBe('c1');
    expect(times()).toEqual([3000, 2000, 1000]);
    expect(useTimeline.getState().hasMore).toBe(false);
  });

  it('prepends live rows for the open customer once, by (customer, time, type)', async () => {
    gql.mockResolvedValueOnce(page([3000, 2000], null));
    useTimeline.getState().open(CUSTOMER);
    await flush();
    const live = { customer_id: CUSTOMER, event_type: 'payment.captured' as const, payload: { status: 'CAPTURED' }, event_time: 4000 };
    useTimeline.getState().receiveLive(live);
    useTimeline.getState().receiveLive({ ...live });
    useTimeline.getState().receiveLive({ ...live, customer_id: 'C0000002' });
    expect(times()).toEqual([4000, 3000, 2000]);
    expect(useTimeline.getState().list.rows[0]?.liveAt).toBeTypeOf('number');
  });

  it('ignores live rows that the filters exclude', async () => {
    gql.mockResolvedValue(page([3000], null));
    useTimeline.getState().open(CUSTOMER);
    await flush();
    useTimeline.getState().toggleKind('TICKET');
    await flush();
    expect(gql.mock.calls[1]?.[1].kinds).toEqual(['TICKET']);
    useTimeline.getState().receiveLive({ customer_id: CUSTOMER, event_type: 'order.created', payload: {}, event_time: 9000 });
    expect(times()).toEqual([3000]);
  });

  it('drops a page that arrives after the filters changed', async () => {
    let resolveOld: (v: TimelineQuery) => void = () => {};
    gql.mockImplementationOnce(() => new Promise((r) => (resolveOld = r))).mockResolvedValueOnce(page([500], null));
    useTimeline.getState().open(CUSTOMER);
    useTimeline.getState().setPreset('7d');
    await flush();
    resolveOld(page([9999], 'old'));
    await flush();
    expect(times()).toEqual([500]);
    expect(useTimeline.getState().cursor).toBeNull();
  });

  it('keeps the error of a failed first page for the retry button', async () => {
    gql.mockRejectedValueOnce({ response: { status: 200, errors: [{ message: 'down', extensions: { code: 'UNAVAILABLE' } }] } });
    useTimeline.getState().open(CUSTOMER);
    await flush();
    expect(useTimeline.getState().status).toBe('error');
    expect(useTimeline.getState().error?.code).toBe('UNAVAILABLE');
  });

  it('flags a partial page, asks again, and clears the flag and shows the whole history once the history store answers', async () => {
    vi.useFakeTimers();
    try {
      gql.mockResolvedValueOnce(page([3000], null, true)).mockResolvedValueOnce(page([3000], null, true)).mockResolvedValueOnce(page([3000, 2000, 1000], 'c1', false));
      useTimeline.getState().open(CUSTOMER);
      await vi.advanceTimersByTimeAsync(0);
      expect(useTimeline.getState().partial).toBe(true);
      expect(times()).toEqual([3000]);
      await vi.advanceTimersByTimeAsync(PARTIAL_RETRY_MS);
      expect(gql).toHaveBeenCalledTimes(2);
      expect(useTimeline.getState().partial).toBe(true);
      // Still partial: the next try waits twice as long.
      await vi.advanceTimersByTimeAsync(PARTIAL_RETRY_MS);
      expect(gql).toHaveBeenCalledTimes(2);
      await vi.advanceTimersByTimeAsync(PARTIAL_RETRY_MS);
      expect(gql).toHaveBeenCalledTimes(3);
      expect(gql.mock.calls[2]?.[1].after).toBeNull();
      expect(useTimeline.getState().partial).toBe(false);
      expect(times()).toEqual([3000, 2000, 1000]);
      expect(useTimeline.getState().cursor).toBe('c1');
    } finally {
      vi.useRealTimers();
    }
  });

  it('clears the partial flag when a later page comes back whole, and stops retrying on close', async () => {
    vi.useFakeTimers();
    try {
      gql.mockResolvedValueOnce(page([3000], 'c1', true)).mockResolvedValueOnce(page([2000], null, false));
      useTimeline.getState().open(CUSTOMER);
      await vi.advanceTimersByTimeAsync(0);
      expect(useTimeline.getState().partial).toBe(true);
      await useTimeline.getState().loadMore();
      expect(useTimeline.getState().partial).toBe(false);
      gql.mockResolvedValueOnce(page([1], null, true));
      useTimeline.getState().reload();
      await vi.advanceTimersByTimeAsync(0);
      expect(useTimeline.getState().partial).toBe(true);
      const calls = gql.mock.calls.length;
      useTimeline.getState().close();
      expect(useTimeline.getState().partial).toBe(false);
      await vi.advanceTimersByTimeAsync(PARTIAL_RETRY_MS * 4);
      expect(gql.mock.calls.length).toBe(calls);
    } finally {
      vi.useRealTimers();
    }
  });

  it('tells listeners of every live row of the open customer, even one the filters hide', async () => {
    gql.mockResolvedValue(page([3000], null));
    useTimeline.getState().open(CUSTOMER);
    await flush();
    useTimeline.getState().toggleKind('ORDER');
    await flush();
    const seen: string[] = [];
    const off = onLiveTimelineRow((item) => seen.push(item.payload.ticket_id ?? ''));
    useTimeline.getState().receiveLive({ customer_id: CUSTOMER, event_type: 'ticket.message', payload: { ticket_id: 'T1' }, event_time: 9000 });
    useTimeline.getState().receiveLive({ customer_id: 'C0000002', event_type: 'ticket.message', payload: { ticket_id: 'T2' }, event_time: 9000 });
    off();
    useTimeline.getState().receiveLive({ customer_id: CUSTOMER, event_type: 'ticket.message', payload: { ticket_id: 'T3' }, event_time: 9001 });
    expect(seen).toEqual(['T1']);
  });
});
