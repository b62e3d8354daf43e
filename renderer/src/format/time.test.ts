import { describe, expect, it } from 'vitest';
import { formatDateTime, fromDateInput, isoToMs, toDateInput } from './time';

describe('time formatting', () => {
  it('writes day/month/year then the 24-hour time', () => {
    const ms = new Date(2025, 2, 9, 7, 5, 3).getTime();
    expect(formatDateTime(ms)).toBe('09/03/2025 07:05:03');
    expect(formatDateTime(ms)).toBe('09/03/2025 07:05:03');
  });
  it('shows a dash for a missing time', () => {
    expect(formatDateTime(isoToMs(null))).toBe('—');
  });
  it('round-trips date input values through local days', () => {
    const ms = new Date(2025, 11, 31, 18, 0).getTime();
    expect(toDateInput(ms)).toBe('2025-12-31');
    expect(fromDateInput('2025-12-31', 'start')).toBe(new Date(2025, 11, 31).getTime());
    expect(fromDateInput('nope', 'end')).toBeNull();
  });
});
