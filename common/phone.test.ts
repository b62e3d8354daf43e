import { describe, expect, it } from 'vitest';
import { formatVnPhone, normalizeVnPhone, phoneSearchPrefix } from './phone';

describe('Vietnamese phone numbers', () => {
  it.each(['0912 345 678', '0912345678', '+84912345678', '84-912-345-678', '(+84) 912.345.678', '0084 912 345 678', '+84 912 345 678', '84912345678'])('normalizes %s to E.164', (raw) => {
    expect(normalizeVnPhone(raw)).toBe('+84912345678');
  });

  it.each(['', 'abc', '0912', '+1 202 555 0100', '09123456789012', '0912-345-67a'])('rejects %s', (raw) => {
    expect(normalizeVnPhone(raw)).toBeNull();
  });

  it('turns partial input into an E.164 prefix for as-you-type search', () => {
    expect(phoneSearchPrefix('0912 3')).toBe('+849123');
    expect(phoneSearchPrefix('+8491')).toBe('+8491');
    expect(phoneSearchPrefix('09')).toBeNull();
  });

  it('formats for display as 0912 345 678', () => {
    expect(formatVnPhone('+84912345678')).toBe('0912 345 678');
    expect(formatVnPhone('+84 9** *** 678')).toBe('+84 9** *** 678');
  });
});
