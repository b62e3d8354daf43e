import { describe, expect, it } from 'vitest';
import { hintKeyFor, precheckSearch } from './searchHint';

describe('search precheck', () => {
  it('accepts every common Vietnamese phone form as a phone prefix', () => {
    for (const text of ['0912 345 678', '+84912345678', '84-912-345-678']) {
      expect(precheckSearch(text)).toEqual({ ok: true, query: { kind: 'phone', prefix: '+84912345678' } });
    }
  });
  it('classifies emails, customer ids and names', () => {
    expect(precheckSearch('Lan@Example.vn')).toMatchObject({ ok: true, query: { kind: 'email' } });
    expect(precheckSearch('c0000123')).toMatchObject({ ok: true, query: { kind: 'customerId', prefix: 'C0000123' } });
    expect(precheckSearch('Nguyễn Văn')).toMatchObject({ ok: true, query: { kind: 'name', prefix: 'nguyen van' } });
  });
  it('gives a hint instead of a request for too few digits or letters', () => {
    expect(precheckSearch('09')).toEqual({ ok: false, empty: false, hint: 'search.hintDigits' });
    expect(precheckSearch('a')).toEqual({ ok: false, empty: false, hint: 'search.hintLetters' });
    expect(precheckSearch('x'.repeat(201))).toEqual({ ok: false, empty: false, hint: 'search.hintTooLong' });
  });
  it('treats blank text as no search', () => {
    expect(precheckSearch('   ')).toEqual({ ok: false, empty: true });
  });
  it('maps server INVALID_INPUT messages to the same hints', () => {
    expect(hintKeyFor('Type at least 3 digits of a phone number')).toBe('search.hintDigits');
    expect(hintKeyFor('something else')).toBe('search.hintInvalid');
  });
});
