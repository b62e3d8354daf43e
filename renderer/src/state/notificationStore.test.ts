import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveNotification } from '../../../common/live';
import { MAX_TOASTS, SUMMARY_TOAST_ID, TOAST_MS, unreadCount, useNotifications } from './notificationStore';

// Runs in Node: no sessionStorage, so the store keeps its state for the page only (as when storage is full).
let owner = 0;
const n = (seq: number, severity: LiveNotification['severity'] = 'LOW'): LiveNotification => ({
  notification_id: `ntf-${seq}`,
  type: 'TICKET_ESCALATED',
  customer_id: 'C0000001',
  case_id: 'C0000001-case',
  ticket_id: '00000000-0000-4000-8000-000000000001',
  agent_id: null,
  event_time: seq,
  severity,
  message: `m${seq}`,
  seq,
});
const s = () => useNotifications.getState();

describe('notification store, batches', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    owner += 1;
    s().load(`user-${owner}`);
    s().hello({ epoch: 'e1', lastSeq: 0 });
  });
  afterEach(() => vi.useRealTimers());

  it('puts a small batch in the inbox (newest first) with a toast each, and moves the cursor to its last seq', () => {
    const fresh = s().receive([n(1), n(2)]);
    expect(fresh.map((x) => x.seq)).toEqual([1, 2]);
    expect(s().items.map((x) => x.seq)).toEqual([2, 1]);
    expect(s().toasts.map((t) => t.id)).toEqual(['ntf-2', 'ntf-1']);
    expect(s().cursor()).toEqual({ lastSeq: 2, epoch: 'e1' });
    expect(unreadCount(s())).toBe(2);
    vi.advanceTimersByTime(TOAST_MS);
    expect(s().toasts).toEqual([]);
  });

  it('shows one summary toast for a big batch, all of it in the inbox', () => {
    const batch = Array.from({ length: 40 }, (_, i) => n(i + 1, i === 7 ? 'HIGH' : 'LOW'));
    expect(s().receive(batch)).toHaveLength(40);
    expect(s().items).toHaveLength(40);
    expect(s().items[0]!.seq).toBe(40);
    expect(s().toasts).toEqual([{ id: SUMMARY_TOAST_ID, kind: 'summary', count: 40, severity: 'HIGH' }]);
    // While it shows, later ones add to its count instead of stacking toasts.
    s().receive([n(41)]);
    expect(s().toasts).toEqual([{ id: SUMMARY_TOAST_ID, kind: 'summary', count: 41, severity: 'HIGH' }]);
    expect(s().cursor()).toEqual({ lastSeq: 41, epoch: 'e1' });
    vi.advanceTimersByTime(TOAST_MS);
    expect(s().toasts).toEqual([]);
    s().receive([n(42)]);
    expect(s().toasts.map((t) => t.kind)).toEqual(['notification']);
  });

  it('keeps at most MAX_TOASTS toasts', () => {
    for (let i = 1; i <= MAX_TOASTS + 2; i++) s().receive([n(i)]);
    expect(s().toasts.map((t) => t.id)).toEqual(Array.from({ length: MAX_TOASTS }, (_, i) => `ntf-${MAX_TOASTS + 2 - i}`));
  });

  it('ignores what it already has (a replay after a reload) but still moves the cursor', () => {
    s().receive([n(1), n(2)]);
    vi.advanceTimersByTime(TOAST_MS);
    const fresh = s().receive([n(1), n(2), n(3), n(3)]);
    expect(fresh.map((x) => x.seq)).toEqual([3]);
    expect(s().items.map((x) => x.seq)).toEqual([3, 2, 1]);
    expect(s().toasts.map((t) => t.id)).toEqual(['ntf-3']);
    expect(s().receive([n(2)])).toEqual([]);
    expect(s().cursor()).toEqual({ lastSeq: 3, epoch: 'e1' });
  });
});
