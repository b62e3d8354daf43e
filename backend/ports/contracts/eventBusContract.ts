import { describe, expect, it } from 'vitest';
import type { EventBus } from '../eventBus';

const row = (t: number) => ({ customer_id: 'C0000001', event_type: 'order.created' as const, event_time: t, payload: {} });

/** The Events contract (in-process bus embedded; Kafka in stack mode). */
export function eventBusContract(name: string, open: () => Promise<EventBus>) {
  describe(`EventBus contract: ${name}`, () => {
    it('delivers in publish order to every subscriber of the topic only', async () => {
      const bus = await open();
      const a: number[] = [];
      const b: number[] = [];
      const other: unknown[] = [];
      bus.subscribe('cs_timeline', (r) => void a.push(r.event_time));
      bus.subscribe('cs_timeline', async (r) => {
        await new Promise((res) => setTimeout(res, 1));
        b.push(r.event_time);
      });
      bus.subscribe('cs_notifications', (n) => void other.push(n));
      for (const t of [1, 2, 3]) await bus.publish('cs_timeline', row(t), 'C0000001');
      await expect.poll(() => b.length).toBe(3);
      expect(a).toEqual([1, 2, 3]);
      expect(b).toEqual([1, 2, 3]);
      expect(other).toEqual([]);
      await bus.close();
    });

    it('publishMany delivers a large batch complete and in order', async () => {
      const bus = await open();
      const got: number[] = [];
      bus.subscribe('cs_timeline', (r) => void got.push(r.event_time));
      const times = Array.from({ length: 2500 }, (_, i) => i + 1);
      await bus.publishMany('cs_timeline', times.map(row));
      await expect.poll(() => got.length, { timeout: 20_000 }).toBe(times.length);
      expect(got).toEqual(times);
      await bus.close();
    });

    it('keeps delivering to others when one handler throws, and stops after unsubscribe', async () => {
      const bus = await open();
      const got: number[] = [];
      bus.subscribe('cs_timeline', () => {
        throw new Error('bad consumer');
      });
      const off = bus.subscribe('cs_timeline', (r) => void got.push(r.event_time));
      await bus.publish('cs_timeline', row(1));
      await expect.poll(() => got).toEqual([1]);
      off();
      await bus.publish('cs_timeline', row(2));
      await new Promise((r) => setTimeout(r, 20));
      expect(got).toEqual([1]);
      await bus.close();
    });
  });
}
