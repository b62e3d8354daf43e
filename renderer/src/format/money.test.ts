import { describe, expect, it } from 'vitest';
import { formatVnd, formatVndText } from './money';

// Intl separates the amount from ₫ with a no-break space; compare with plain spaces.
const plain = (s: string | null) => s?.replace(/\u00a0/g, ' ');

describe('formatVnd', () => {
  it('groups thousands with dots and puts the dong sign after the amount', () => {
    expect(plain(formatVnd(1_234_000))).toBe('1.234.000 ₫');
  });
  it('shows no decimals for the dong', () => {
    expect(plain(formatVnd(999.6))).toBe('1.000 ₫');
    expect(plain(formatVnd(0))).toBe('0 ₫');
  });
  it('formats payload amounts given as text and passes unreadable text through', () => {
    expect(plain(formatVndText('250000'))).toBe('250.000 ₫');
    expect(formatVndText('n/a')).toBe('n/a');
    expect(formatVndText(undefined)).toBeNull();
    expect(formatVndText('')).toBeNull();
  });
});
