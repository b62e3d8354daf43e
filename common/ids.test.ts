import { describe, expect, it } from 'vitest';
import { CASE_ID, caseStartMs, formatCaseId, formatCustomerId } from './ids';

describe('ids', () => {
  it('formats customer ids with 7 digits', () => {
    expect(formatCustomerId(42)).toBe('C0000042');
  });
  it('round-trips the session start through the case id', () => {
    const start = Date.UTC(2025, 4, 17, 8, 5, 9);
    const id = formatCaseId('C0000042', start);
    expect(id).toBe('C0000042:20250517T080509Z');
    expect(CASE_ID.test(id)).toBe(true);
    expect(caseStartMs(id)).toBe(start);
  });
  it('gives NaN for a malformed case id', () => {
    expect(caseStartMs('C0000042:yesterday')).toBeNaN();
  });
});
