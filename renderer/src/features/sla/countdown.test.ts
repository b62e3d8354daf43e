import { describe, expect, it } from 'vitest';
import { byUrgency, countdown, formatSpan } from './countdown';

const en = { d: 'd', h: 'h', m: 'min', s: 's' };

describe('SLA countdowns', () => {
  it('shows seconds only under a minute, then minutes, then hours and minutes, then days', () => {
    expect(formatSpan(45, en)).toBe('45 s');
    expect(formatSpan(60, en)).toBe('1 min');
    expect(formatSpan(3 * 60 + 59, en)).toBe('3 min');
    expect(formatSpan(2 * 3600 + 5 * 60, en)).toBe('2 h 05 min');
    expect(formatSpan(3 * 86_400 + 4 * 3600 + 120, en)).toBe('3 d 4 h');
    expect(formatSpan(-5, en)).toBe('0 s');
  });
  it('uses the translated unit words', () => {
    expect(formatSpan(180, { d: 'ngày', h: 'giờ', m: 'phút', s: 'giây' })).toBe('3 phút');
  });
  it('counts down to a deadline and up after it', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    expect(countdown('2026-12-02T10:03:00Z', now)).toEqual({ kind: 'due', seconds: 180 });
    expect(countdown('2026-12-02T09:58:00Z', now)).toEqual({ kind: 'overdue', seconds: 120 });
    expect(countdown('2026-12-02T10:00:00Z', now)).toEqual({ kind: 'overdue', seconds: 0 });
    expect(countdown(null, now)).toEqual({ kind: 'none' });
    expect(countdown('not a date', now)).toEqual({ kind: 'none' });
  });
  it('orders by urgency: upcoming deadlines soonest first, then overdue ones most recent first, no deadline last', () => {
    const now = Date.parse('2026-12-02T10:00:00Z');
    const rows = [
      { id: 'none', dueAt: null },
      { id: 'in5', dueAt: '2026-12-02T10:05:00Z' },
      { id: 'weeksAgo', dueAt: '2026-11-10T09:00:00Z' },
      { id: 'in1', dueAt: '2026-12-02T10:01:00Z' },
      { id: 'minAgo', dueAt: '2026-12-02T09:59:00Z' },
    ];
    expect(byUrgency(rows, now).map((r) => r.id)).toEqual(['in1', 'in5', 'minAgo', 'weeksAgo', 'none']);
  });
});
