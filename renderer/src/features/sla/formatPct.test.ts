import { describe, expect, it } from 'vitest';
import { formatPct } from './formatPct';

describe('percentages', () => {
  it('shows at most one decimal in the reader\'s format', () => {
    expect(formatPct(0.8246, 'en')).toBe('82.5%');
    expect(formatPct(1, 'en')).toBe('100%');
    expect(formatPct(0.8246, 'vi')).toMatch(/^82,5\s?%$/);
  });
});
