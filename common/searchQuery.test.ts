import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './searchQuery';

describe('parseSearchQuery', () => {
  it('classifies an email, lower-cased', () => {
    expect(parseSearchQuery(' Lan.Nguyen@Gmail.com ')).toEqual({ kind: 'email', prefix: 'lan.nguyen@gmail.com' });
  });
  it('classifies a customer id in any case', () => {
    expect(parseSearchQuery('c0000042')).toEqual({ kind: 'customerId', prefix: 'C0000042' });
  });
  it('classifies phones in every common form', () => {
    for (const raw of ['0912 345 678', '+84912345678', '84-912-345-678']) expect(parseSearchQuery(raw)).toEqual({ kind: 'phone', prefix: '+84912345678' });
  });
  it('folds a Vietnamese name', () => {
    expect(parseSearchQuery('Nguyễn Văn Đức')).toEqual({ kind: 'name', prefix: 'nguyen van duc' });
  });
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['x'.repeat(10_240), /longer than 200/],
    ['09', /3 digits/],
    ['a', /2 letters/],
  ])('rejects %j with INVALID_INPUT', (raw, message) => {
    expect(() => parseSearchQuery(raw)).toThrowError(message);
    try {
      parseSearchQuery(raw);
    } catch (e) {
      expect((e as { code: string }).code).toBe('INVALID_INPUT');
    }
  });
});
