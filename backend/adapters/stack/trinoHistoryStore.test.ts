import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../common/errors';
import { TrinoHistoryStore, sqlIdentifier, sqlInteger, sqlString, sqlTimestamp } from './trinoHistoryStore';

describe('Trino SQL literals', () => {
  it('doubles single quotes so a value can never end its literal', () => {
    expect(sqlString("x' OR '1'='1")).toBe("'x'' OR ''1''=''1'");
    expect(sqlString("''")).toBe("''''''");
    expect(sqlString('Nguyễn Thị Lan \\ "')).toBe(`'Nguyễn Thị Lan \\ "'`);
  });

  it('refuses NUL and lone surrogates as INVALID_INPUT', () => {
    for (const bad of ['a\0b', 'a\uD800b', '\uDC00']) expect(() => sqlString(bad)).toThrowError(expect.objectContaining({ code: 'INVALID_INPUT' }));
    expect(sqlString('😀')).toBe("'😀'");
  });

  it('renders integers and UTC millisecond timestamps, refusing anything else', () => {
    expect(sqlInteger(42)).toBe('42');
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) expect(() => sqlInteger(bad)).toThrowError(AppError);
    expect(sqlTimestamp(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).toBe("TIMESTAMP '2026-01-02 03:04:05.678'");
    expect(sqlTimestamp(0)).toBe("TIMESTAMP '1970-01-01 00:00:00.000'");
    expect(() => sqlTimestamp(8.64e15 + 1)).toThrowError(AppError);
    expect(() => sqlTimestamp(Date.UTC(10000, 0, 1))).toThrowError(AppError);
  });

  it('accepts only plain lower-case identifiers, quoted', () => {
    expect(sqlIdentifier('cs_timeline')).toBe('"cs_timeline"');
    for (const bad of ['Cs', 'a"b', 'a.b', 'x; DROP', '', '1a']) expect(() => sqlIdentifier(bad)).toThrowError(/identifier/);
    expect(() => new TrinoHistoryStore({ schema: 'cs"; --' })).toThrowError(/identifier/);
  });
});

describe('TrinoHistoryStore without Trino', () => {
  it('answers UNAVAILABLE when nothing listens at the URL', async () => {
    // A port that was free a moment ago: connection refused.
    const port = await new Promise<number>((res) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => res(p));
      });
    });
    const store = new TrinoHistoryStore({ url: `http://127.0.0.1:${port}` });
    await expect(store.timelinePage({ customerId: 'C0000001', limit: 5 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(store.timelineBetween('C0000001', 0, 1, 5)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('answers UNAVAILABLE when Trino does not finish within the timeout', async () => {
    // Accepts connections and never answers.
    const sockets: import('node:net').Socket[] = [];
    const server = createServer((s) => void sockets.push(s));
    await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
    try {
      const store = new TrinoHistoryStore({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, timeoutMs: 300 });
      await expect(store.timelinePage({ customerId: 'C0000001', limit: 5 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      for (const s of sockets) s.destroy();
      server.close();
    }
  });
});
