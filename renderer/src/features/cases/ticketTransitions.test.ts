import { describe, expect, it } from 'vitest';
import { allowedTransitions, canTransition, escalateBlockedBy, isReopen } from './ticketTransitions';

describe('ticket status transitions', () => {
  it('walks OPEN → PENDING → RESOLVED → CLOSED one step at a time', () => {
    expect(allowedTransitions('OPEN')).toEqual(['PENDING']);
    expect(allowedTransitions('PENDING')).toEqual(['RESOLVED', 'OPEN']);
    expect(allowedTransitions('RESOLVED')).toEqual(['CLOSED', 'OPEN']);
    expect(allowedTransitions('CLOSED')).toEqual(['OPEN']);
  });
  it('never offers a skip or a move backwards other than reopening', () => {
    expect(canTransition('OPEN', 'CLOSED')).toBe(false);
    expect(canTransition('OPEN', 'RESOLVED')).toBe(false);
    expect(canTransition('PENDING', 'CLOSED')).toBe(false);
    expect(canTransition('ESCALATED', 'OPEN')).toBe(false);
    expect(canTransition('CLOSED', 'RESOLVED')).toBe(false);
    expect(canTransition('RESOLVED', 'OPEN')).toBe(true);
  });
  it('works an escalated ticket (pending) or resolves it, and knows nothing of unknown statuses', () => {
    expect(allowedTransitions('ESCALATED')).toEqual(['PENDING', 'RESOLVED']);
    expect(allowedTransitions('ARCHIVED')).toEqual([]);
    expect(allowedTransitions('open')).toEqual(['PENDING']);
  });
  it('calls a move back to OPEN a reopen', () => {
    expect(isReopen('CLOSED', 'OPEN')).toBe(true);
    expect(isReopen('RESOLVED', 'OPEN')).toBe(true);
    expect(isReopen('OPEN', 'PENDING')).toBe(false);
    expect(isReopen('PENDING', 'OPEN')).toBe(false);
  });
  it('blocks escalation of escalated, resolved and closed tickets only', () => {
    expect(escalateBlockedBy('OPEN')).toBeNull();
    expect(escalateBlockedBy('PENDING')).toBeNull();
    expect(escalateBlockedBy('ESCALATED')).toBe('ESCALATED');
    expect(escalateBlockedBy('RESOLVED')).toBe('RESOLVED');
    expect(escalateBlockedBy('CLOSED')).toBe('CLOSED');
  });
});
