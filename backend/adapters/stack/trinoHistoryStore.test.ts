import { createServer as createHttpServer } from 'node:http';
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
    await expect(store.caseTimeline({ customerId: 'C0000001', limit: 5 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
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

describe('TrinoHistoryStore.caseTimeline on a stand-in Trino (its REST protocol, one answer)', () => {
  it('queries vw_support_case_timeline with literal parameters and maps its columns to case rows', async () => {
    const seen: { statement: string; prepared: string }[] = [];
    const columns = ['customer_id', 'event_type', 'event_ms', 'case_ms', 'order_id', 'payment_id', 'shipment_id', 'status', 'amount_vnd', 'carrier', 'event_id'].map((name) => ({ name, type: 'varchar' }));
    const t0 = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
    const server = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ statement: body, prepared: decodeURIComponent(String(req.headers['x-trino-prepared-statement'] ?? '')) });
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            id: 'q1',
            infoUri: 'http://x/q1',
            columns,
            data: [['C0000001', 'payment.authorized', t0 + 60_000, t0, 'O1', 'P1', null, 'AUTHORIZED', 250000, null, 'e2']],
            stats: { state: 'FINISHED' },
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      const store = new TrinoHistoryStore({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, schema: 'cs_test' });
      const rows = await store.caseTimeline({ customerId: "C0000001'", limit: 51, before: { event_time: t0 + 120_000, event_type: 'order.created' }, caseId: 'C0000001:20260102T030405Z' });
      expect(rows).toEqual([
        { customer_id: 'C0000001', event_type: 'payment.authorized', event_time: t0 + 60_000, case_id: 'C0000001:20260102T030405Z', payload: { order_id: 'O1', payment_id: 'P1', status: 'AUTHORIZED', amount_vnd: '250000', event_id: 'e2' } },
      ]);
      const [q] = seen;
      expect(q!.prepared).toContain('FROM "iceberg"."cs_test"."vw_support_case_timeline" WHERE customer_id = ?');
      expect(q!.prepared).toContain('ORDER BY event_time DESC, event_type DESC LIMIT ?');
      expect(q!.statement).toBe(
        "EXECUTE cs360_q USING 'C0000001''', TIMESTAMP '2026-01-02 03:06:05.678', TIMESTAMP '2026-01-02 03:06:05.678', 'order.created', TIMESTAMP '2026-01-02 03:04:05.000', TIMESTAMP '2026-01-02 03:04:06.000', 51",
      );
      expect(await store.caseTimeline({ customerId: 'C0000001', limit: 5, caseId: 'not-a-case' })).toEqual([]);
      expect(seen).toHaveLength(1);
    } finally {
      server.close();
    }
  });
});
