import { describe, expect, it } from 'vitest';
import { NOTIFY_LIMITS } from '../../common/desktopBridge';
import { parseNotifyRequest } from './notifyRequest';

describe('parseNotifyRequest', () => {
  it('accepts a title and a body', () => {
    expect(parseNotifyRequest(['SLA breach', 'Case C0001234 is overdue'])).toEqual({ title: 'SLA breach', body: 'Case C0001234 is overdue' });
  });

  it('allows an empty body', () => {
    expect(parseNotifyRequest(['Case assigned', ''])).toEqual({ title: 'Case assigned', body: '' });
  });

  it('truncates to the limits', () => {
    const request = parseNotifyRequest(['t'.repeat(1000), 'b'.repeat(5000)]);
    expect(request?.title).toHaveLength(NOTIFY_LIMITS.title);
    expect(request?.body).toHaveLength(NOTIFY_LIMITS.body);
  });

  it('strips control characters but keeps newlines in the body', () => {
    expect(parseNotifyRequest(['A\u0007lert\u001b[31m', 'line 1\nline 2\u0000'])).toEqual({ title: 'Alert[31m', body: 'line 1\nline 2' });
  });

  it.each([
    ['no arguments', []],
    ['one argument', ['title']],
    ['three arguments', ['t', 'b', 'extra']],
    ['a non-string title', [{ toString: () => 'x' }, 'b']],
    ['a non-string body', ['t', 42]],
    ['a blank title', ['   ', 'body']],
  ])('rejects %s', (_name, args) => {
    expect(parseNotifyRequest(args)).toBeNull();
  });
});
