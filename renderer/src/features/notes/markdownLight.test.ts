import { describe, expect, it } from 'vitest';
import { parseInline, parseNote } from './markdownLight';

describe('markdown-light', () => {
  it('keeps HTML as text: nothing in a note is ever markup', () => {
    expect(parseInline('<img src=x onerror=alert(1)> **<b>hi</b>**')).toEqual([
      { kind: 'text', text: '<img src=x onerror=alert(1)> ' },
      { kind: 'bold', children: [{ kind: 'text', text: '<b>hi</b>' }] },
    ]);
  });

  it('links only http(s): a javascript: link stays text', () => {
    expect(parseInline('[x](javascript:alert(1))')).toEqual([{ kind: 'text', text: '[x](javascript:alert(1))' }]);
    expect(parseInline('[docs](https://example.com/a)')).toEqual([{ kind: 'link', href: 'https://example.com/a', text: 'docs' }]);
  });

  it('turns case, order and customer ids into id tokens', () => {
    const out = parseInline('case C0000012:20250301T101500Z, order DH000C0004 for C0000012');
    expect(out.filter((n) => n.kind !== 'text')).toEqual([
      { kind: 'case', caseId: 'C0000012:20250301T101500Z' },
      { kind: 'order', orderId: 'DH000C0004' },
      { kind: 'customer', customerId: 'C0000012' },
    ]);
  });

  it('reads bold, italic and both kinds of list', () => {
    const blocks = parseNote('Called *twice*\n- refund **approved**\n- email sent\n1. first\n2. second');
    expect(blocks.map((b) => b.kind)).toEqual(['p', 'ul', 'ol']);
    expect(blocks[1]).toMatchObject({ kind: 'ul', items: [[{ kind: 'text', text: 'refund ' }, { kind: 'bold' }], [{ kind: 'text', text: 'email sent' }]] });
    expect(blocks[0]).toMatchObject({ kind: 'p', lines: [[{ kind: 'text', text: 'Called ' }, { kind: 'italic' }]] });
  });
});
