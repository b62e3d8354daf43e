import { describe, expect, it } from 'vitest';
import { ContactHasher, maskEmail, maskHit, maskPhone, maskProfile, normalizeContact, scrubJson, scrubText } from './mask';

describe('maskEmail', () => {
  it('keeps the first character and the domain', () => {
    expect(maskEmail('thao.nguyen@gmail.com')).toBe('t***@gmail.com');
    expect(maskEmail('t@gmail.com')).toBe('t***@gmail.com');
    expect(maskEmail('Lan+shop@FPT.vn')).toBe('L***@fpt.vn');
    expect(maskEmail('a.b@sub.company.com.vn')).toBe('a***@sub.company.com.vn');
  });
  it('masks everything when the value is not an email', () => {
    expect(maskEmail('')).toBe('***');
    expect(maskEmail('@gmail.com')).toBe('***');
    expect(maskEmail('lan@')).toBe('***');
    expect(maskEmail('no-at-sign')).toBe('***');
  });
});

describe('maskPhone', () => {
  it('masks Vietnamese numbers in E.164 and local forms alike', () => {
    for (const p of ['+84912345678', '0912345678', '0912 345 678', '84-912-345-678', '(+84) 912.345.678', '0084 912 345 678']) expect(maskPhone(p), p).toBe('+84 9** *** 678');
  });
  it('masks 10-digit national numbers (landlines)', () => {
    expect(maskPhone('+842812345678')).toBe('+84 2*** *** 678');
    expect(maskPhone('028 1234 5678')).toBe('+84 2*** *** 678');
  });
  it('never returns a short or foreign value whole', () => {
    expect(maskPhone('')).toBe('***');
    expect(maskPhone('12345')).toBe('***');
    expect(maskPhone('+1 415 555 0100')).toBe('***00');
    expect(maskPhone('0912')).toBe('***');
  });
});

describe('profiles and hits', () => {
  it('masks every contact of a profile and of a hit', () => {
    const p = maskProfile({ customer_id: 'C1', emails: ['lan@gmail.com', 'x@y.vn'], phones: ['+84912345678'] });
    expect(p).toEqual({ customer_id: 'C1', emails: ['l***@gmail.com', 'x***@y.vn'], phones: ['+84 9** *** 678'] });
    expect(maskHit({ email: 'lan@gmail.com', phone: null })).toEqual({ email: 'l***@gmail.com', phone: null });
  });
});

describe('ContactHasher', () => {
  const h = new ContactHasher('k'.repeat(32));
  it('hashes a full contact in its normalized form', () => {
    expect(h.hash({ kind: 'email', value: ' Lan@Gmail.com ' })).toBe(h.hash({ kind: 'email', value: 'lan@gmail.com' }));
    expect(h.hash({ kind: 'phone', value: '0912 345 678' })).toBe(h.hash({ kind: 'phone', value: '+84912345678' }));
    expect(h.hash({ kind: 'email', value: 'lan@gmail.com' })).not.toBe(new ContactHasher('z'.repeat(32)).hash({ kind: 'email', value: 'lan@gmail.com' }));
  });
  it('refuses prefixes', () => {
    for (const v of ['lan@', 'lan@gm', 'lan@gmail', 'lan@gmail.c', '@gmail.com']) expect(normalizeContact({ kind: 'email', value: v }), v).toBeNull();
    for (const v of ['0912', '0912 345', '+8491234567']) expect(h.hash({ kind: 'phone', value: v }), v).toBeNull();
  });
});

describe('scrubText', () => {
  it('masks emails and phones in log lines, percent-encoded ones too', () => {
    const line = JSON.stringify({ msg: 'incoming', url: '/api/customers/search?q=lan.nguyen%40gmail.com', err: 'no customer 0912 345 678', other: '+84912345678 and 84912345678' });
    const out = scrubText(line, true);
    expect(out).not.toMatch(/lan\.nguyen|912345678|345 678/);
    expect(out).toContain('l***@gmail.com');
    expect(out).toContain('+84 9** *** 678');
    expect(() => JSON.parse(out)).not.toThrow();
  });
  it('leaves ids, times and durations alone', () => {
    const line = JSON.stringify({ time: 1733000000000, customer_id: 'C0000001', responseTime: 0.123456789, at: '2026-12-02T16:46:46.000Z', ticket: 'T-000123456' });
    expect(scrubText(line)).toBe(line);
  });
  it('is linear on adversarial input', () => {
    const big = `${'a'.repeat(100_000)}@${'b.'.repeat(50_000)} ${'0 '.repeat(50_000)}${'@'.repeat(20_000)}`;
    const t = performance.now();
    scrubText(big);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe('scrubJson', () => {
  it('masks contacts in text fields and keeps figures', () => {
    const row = { customer_id: 'C0000003', amount: 8412345678, payload: { message: 'Gọi tôi: 0912 345 678 hoặc lan@gmail.com', url: 'https://x/y?sig=a%2Bb' } };
    expect(scrubJson(row)).toEqual({ customer_id: 'C0000003', amount: 8412345678, payload: { message: 'Gọi tôi: +84 9** *** 678 hoặc l***@gmail.com', url: 'https://x/y?sig=a%2Bb' } });
  });
});
