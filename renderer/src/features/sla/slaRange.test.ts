import { describe, expect, it } from 'vitest';
import { NO_FILTERS, rangeBounds, toSlaFilter, trendGroupBy } from './slaRange';

// Local time on purpose: the ranges are the supervisor's calendar days.
const now = new Date(2026, 11, 2, 14, 30, 15);

describe('SLA time ranges', () => {
  it('covers today from local midnight to the next midnight', () => {
    const b = rangeBounds({ preset: 'today' }, now)!;
    expect(b.from).toEqual(new Date(2026, 11, 2));
    expect(b.to).toEqual(new Date(2026, 11, 3));
  });
  it('covers 7 and 30 whole days ending today', () => {
    expect(rangeBounds({ preset: '7d' }, now)!.from).toEqual(new Date(2026, 10, 26));
    expect(rangeBounds({ preset: '30d' }, now)!.from).toEqual(new Date(2026, 10, 3));
    expect(rangeBounds({ preset: '30d' }, now)!.to).toEqual(new Date(2026, 11, 3));
  });
  it('includes both days of a custom range', () => {
    const b = rangeBounds({ preset: 'custom', fromDay: '2026-11-01', toDay: '2026-11-01' }, now)!;
    expect(b.from).toEqual(new Date(2026, 10, 1));
    expect(b.to).toEqual(new Date(2026, 10, 2));
  });
  it('refuses inverted, incomplete and impossible custom days', () => {
    expect(rangeBounds({ preset: 'custom', fromDay: '2026-11-05', toDay: '2026-11-01' }, now)).toBeNull();
    expect(rangeBounds({ preset: 'custom', fromDay: '2026-11-05' }, now)).toBeNull();
    expect(rangeBounds({ preset: 'custom', fromDay: '2026-02-31', toDay: '2026-03-02' }, now)).toBeNull();
  });
  it('trends one day by hour and longer ranges by day', () => {
    expect(trendGroupBy({ preset: 'today' }, now)).toBe('HOUR');
    expect(trendGroupBy({ preset: 'custom', fromDay: '2026-11-01', toDay: '2026-11-01' }, now)).toBe('HOUR');
    expect(trendGroupBy({ preset: '7d' }, now)).toBe('DAY');
  });
  it('builds the API filter with only the filters that are set', () => {
    const f = toSlaFilter({ preset: 'today' }, { ...NO_FILTERS, channel: 'EMAIL' }, now)!;
    expect(f).toEqual({ from: new Date(2026, 11, 2).toISOString(), to: new Date(2026, 11, 3).toISOString(), channel: 'EMAIL' });
    expect(toSlaFilter({ preset: 'today' }, NO_FILTERS, now, 'A001')!.agentId).toBe('A001');
    expect(toSlaFilter({ preset: 'custom' }, NO_FILTERS, now)).toBeNull();
  });
});
