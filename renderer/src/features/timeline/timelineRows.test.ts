import { describe, expect, it } from 'vitest';
import { timelineKey, type TimelineItem } from './timelineItem';
import { appendPage, emptyRows, insertLive } from './timelineRows';

const row = (eventTime: number, eventType = 'order.created', customerId = 'C0000001'): TimelineItem => ({
  key: timelineKey(customerId, eventTime, eventType),
  customerId,
  eventType,
  kind: 'ORDER',
  eventTime,
  payload: {},
});
const times = (l: { rows: readonly TimelineItem[] }) => l.rows.map((r) => r.eventTime);

describe('timeline rows', () => {
  it('appends older pages after the loaded rows', () => {
    const l = appendPage(appendPage(emptyRows(), [row(30), row(20)]), [row(10)]);
    expect(times(l)).toEqual([30, 20, 10]);
  });

  it('puts a live row at the top without duplicating it when its page arrives later', () => {
    let l = appendPage(emptyRows(), [row(30), row(20)]);
    l = insertLive(l, row(40), true);
    expect(times(l)).toEqual([40, 30, 20]);
    l = insertLive(l, row(40), true);
    expect(times(l)).toEqual([40, 30, 20]);
    l = appendPage(l, [row(40), row(10)]);
    expect(times(l)).toEqual([40, 30, 20, 10]);
  });

  it('keys rows by customer, time and type: same time, other type is another row', () => {
    let l = appendPage(emptyRows(), [row(30, 'order.created')]);
    l = insertLive(l, row(30, 'payment.captured'), false);
    expect(l.rows).toHaveLength(2);
    const same = insertLive(l, row(30, 'payment.captured'), false);
    expect(same).toBe(l);
  });

  it('inserts a late live row at its place by time', () => {
    let l = appendPage(emptyRows(), [row(30), row(10)]);
    l = insertLive(l, row(20), true);
    expect(times(l)).toEqual([30, 20, 10]);
  });

  it('leaves a live row older than everything loaded to the page that will bring it', () => {
    const l = appendPage(emptyRows(), [row(30), row(20)]);
    expect(times(insertLive(l, row(5), true))).toEqual([30, 20]);
    expect(times(insertLive(appendPage(emptyRows(), [row(30)]), row(5), false))).toEqual([30, 5]);
  });

  it('returns the same list when a page brings nothing new', () => {
    const l = appendPage(emptyRows(), [row(30)]);
    expect(appendPage(l, [row(30)])).toBe(l);
  });
});
