import { describe, expect, it } from 'vitest';
import { parseEvent } from '../../common/events';
import { generateDemo } from '../demo';
import { validateEvent } from './validateEvent';

const sample = [...generateDemo({ seed: 7, customers: 40, events: 3000, whaleEvents: 0, endMs: Date.UTC(2025, 0, 1), spanDays: 60 })].flatMap((b) => b.events);

/** Ways a record can be wrong, or right in an unusual form. */
const MUTATIONS: ((e: Record<string, unknown>) => unknown)[] = [
  (e) => ({ ...e, customer_id: 'C123' }),
  (e) => ({ ...e, id: '' }),
  (e) => ({ ...e, id: 'x'.repeat(129) }),
  (e) => ({ ...e, type: 'order.deleted' }),
  (e) => ({ ...e, source: 'kafka' }),
  (e) => ({ ...e, schema_version: 2 }),
  (e) => ({ ...e, schema_version: '1' }),
  (e) => ({ ...e, event_time: '2025-02-29T10:00:00.000Z' }),
  (e) => ({ ...e, event_time: '2024-02-29T10:00:00.000Z' }),
  (e) => ({ ...e, event_time: '2025-04-31T10:00:00.000Z' }),
  (e) => ({ ...e, event_time: '2025-01-01T24:00:00.000Z' }),
  (e) => ({ ...e, event_time: '2025-01-01T10:00:00Z' }),
  (e) => ({ ...e, event_time: '2025-01-01T10:00:00.123456Z' }),
  (e) => ({ ...e, event_time: '2025-01-01T10:00:00.000+07:00' }),
  (e) => ({ ...e, event_time: '0099-01-01T10:00:00.000Z' }),
  (e) => ({ ...e, event_time: 1735725600000 }),
  (e) => ({ ...e, payload: { ...(e.payload as object), extra: 5 } }),
  (e) => ({ ...e, payload: { ...(e.payload as object), long: 'x'.repeat(10_001) } }),
  (e) => ({ ...e, payload: [] }),
  (e) => ({ ...e, payload: null }),
  (e) => ({ ...e, payload: Object.assign(Object.create(null) as object, e.payload) }),
  (e) => {
    const { payload, ...rest } = e;
    const p = { ...(payload as Record<string, string>) };
    delete p[Object.keys(p)[0]!];
    return { ...rest, payload: p };
  },
  (e) => ({ ...e, unknown_field: true }),
  (e) => Object.assign(Object.create(null) as object, e),
  (e) => [e],
  () => 'not an object',
];

describe('validateEvent', () => {
  it('accepts every generated event without falling back', () => {
    for (const e of sample) {
      const v = validateEvent(e);
      expect(v.ok).toBe(true);
      if (v.ok) {
        expect(v.t).toBe(Date.parse(e.event_time));
        expect(v.event).toBe(e); // the fast path: no copy made
      }
    }
  });

  it('gives the same verdict and reason as parseEvent', () => {
    for (const [i, e] of sample.slice(0, 300).entries()) {
      for (const mutate of MUTATIONS) {
        const record = mutate(e as unknown as Record<string, unknown>);
        const fast = validateEvent(record);
        const slow = parseEvent(record);
        expect({ i, ok: fast.ok }).toEqual({ i, ok: slow.ok });
        if (!fast.ok && !slow.ok) expect(fast.reason).toBe(slow.reason);
        if (fast.ok && slow.ok) expect(fast.t).toBe(Date.parse(slow.event.event_time));
      }
    }
  });
});
