import { describe, expect, it } from 'vitest';
import { defaultFilters, filterWindow, invalidRange, matchesFilters, timelineVariables, toggleKind, type TimelineFilters } from './timelineFilters';

const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
const f = (patch: Partial<TimelineFilters>): TimelineFilters => ({ ...defaultFilters(NOW), ...patch });

describe('timeline filters', () => {
  it('sends no kinds and no window for "all"', () => {
    expect(timelineVariables('C0000001', f({}), 200, null)).toEqual({ customerId: 'C0000001', first: 200, after: null, kinds: null, from: null, to: null });
  });
  it('sends the selected kinds sorted, and none when every kind is selected', () => {
    expect(timelineVariables('C0000001', f({ kinds: ['TICKET', 'ORDER'] }), 200, 'cur').kinds).toEqual(['ORDER', 'TICKET']);
    expect(timelineVariables('C0000001', f({ kinds: ['ORDER', 'PAYMENT', 'SHIPMENT', 'TICKET', 'NOTE', 'FRAUD'] }), 200, null).kinds).toBeNull();
  });
  it('turns presets into a window ending now', () => {
    const v = timelineVariables('C0000001', f({ preset: '7d' }), 100, null);
    expect(v.from).toBe(new Date(NOW - 7 * 24 * 3600_000).toISOString());
    expect(v.to).toBeNull();
  });
  it('takes whole local days for a custom range', () => {
    const { fromMs, toMs } = filterWindow(f({ preset: 'custom', fromDate: '2025-06-01', toDate: '2025-06-03' }));
    expect(fromMs).toBe(new Date(2025, 5, 1).getTime());
    expect(toMs).toBe(new Date(2025, 5, 3, 23, 59, 59, 999).getTime());
  });
  it('flags a range whose start is after its end', () => {
    expect(invalidRange(f({ preset: 'custom', fromDate: '2025-06-05', toDate: '2025-06-01' }))).toBe(true);
    expect(invalidRange(f({ preset: 'custom', fromDate: '2025-06-01', toDate: '' }))).toBe(false);
  });
  it('matches live rows against kinds and window', () => {
    const filters = f({ kinds: ['PAYMENT'], preset: '24h' });
    expect(matchesFilters({ kind: 'PAYMENT', eventTime: NOW + 1000 }, filters)).toBe(true);
    expect(matchesFilters({ kind: 'ORDER', eventTime: NOW + 1000 }, filters)).toBe(false);
    expect(matchesFilters({ kind: 'PAYMENT', eventTime: NOW - 2 * 24 * 3600_000 }, filters)).toBe(false);
  });
  it('toggles a kind on and off', () => {
    expect(toggleKind(['ORDER'], 'TICKET')).toEqual(['ORDER', 'TICKET']);
    expect(toggleKind(['ORDER', 'TICKET'], 'ORDER')).toEqual(['TICKET']);
  });
});
