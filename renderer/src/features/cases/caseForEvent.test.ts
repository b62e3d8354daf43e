import { describe, expect, it } from 'vitest';
import { caseForEventTime } from './caseForEvent';

const c = (caseId: string, openedAt: string, lastEventTime: string) => ({ caseId, openedAt, lastEventTime });
const cases = [c('C0000001:20250601T100000Z', '2025-06-01T10:00:00.000Z', '2025-06-01T10:20:00.000Z'), c('C0000001:20250501T080000Z', '2025-05-01T08:00:00.000Z', '2025-05-01T08:05:00.000Z')];

describe('caseForEventTime', () => {
  it('finds the case whose session covers the event', () => {
    expect(caseForEventTime(cases, Date.parse('2025-06-01T10:10:00Z'))?.caseId).toBe('C0000001:20250601T100000Z');
    expect(caseForEventTime(cases, Date.parse('2025-05-01T08:05:00.500Z'))?.caseId).toBe('C0000001:20250501T080000Z');
  });
  it('returns null between sessions', () => {
    expect(caseForEventTime(cases, Date.parse('2025-05-20T00:00:00Z'))).toBeNull();
  });
});
