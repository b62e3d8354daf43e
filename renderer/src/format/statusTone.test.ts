import { describe, expect, it } from 'vitest';
import { humanizeStatus, statusTone } from './statusTone';

describe('statusTone', () => {
  it('is green for delivered, captured and resolved', () => {
    expect(statusTone('DELIVERED')).toBe('good');
    expect(statusTone('captured')).toBe('good');
    expect(statusTone('resolved')).toBe('good');
  });
  it('is amber for pending and in-flight states', () => {
    expect(statusTone('PENDING')).toBe('warn');
    expect(statusTone('in_transit')).toBe('warn');
    expect(statusTone('authorized')).toBe('warn');
  });
  it('is red for failures, escalations and fraud whatever the status text says', () => {
    expect(statusTone('FAILED')).toBe('bad');
    expect(statusTone('escalated')).toBe('bad');
    expect(statusTone('cancelled')).toBe('bad');
    expect(statusTone('open', 'ticket.escalated')).toBe('bad');
    expect(statusTone(null, 'fraud.alert')).toBe('bad');
  });
  it('is neutral when there is no status or it is unknown', () => {
    expect(statusTone(null)).toBe('neutral');
    expect(statusTone('zzz')).toBe('neutral');
  });
  it('humanizes machine statuses', () => {
    expect(humanizeStatus('OUT_FOR_DELIVERY')).toBe('out for delivery');
  });
});
