import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CsNotification, CustomerCaseRow, CustomerStats, TimelineRow } from '../../common/model';
import { CustomerCasePipeline, type PipelineOutput } from './index';

/** The engine-neutral fixtures of fixtures/golden (format: fixtures/golden/README.md). */
const DIR = new URL('../../fixtures/golden/', import.meta.url);

type Iso<T, K extends keyof T> = Omit<T, K> & { [P in K]: string };
interface Golden {
  description: string;
  input: unknown[];
  expected: {
    cases: Iso<CustomerCaseRow, 'last_event_time'>[];
    timeline: Iso<TimelineRow, 'event_time'>[];
    notifications: (Omit<Iso<CsNotification, 'event_time'>, 'message'> & { message_contains: string[] })[];
    stats?: Iso<CustomerStats, 'last_event_time'>[];
    late?: number;
    deadLetters: { input_index?: number; reason_contains: string }[];
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The sinks' view after all upserts: what a store would hold, plus the notification stream. */
class Tables {
  cases = new Map<string, CustomerCaseRow>();
  timeline = new Map<string, TimelineRow>();
  stats = new Map<string, CustomerStats>();
  notifications: CsNotification[] = [];
  deadLetters: PipelineOutput['deadLetters'] = [];
  late = 0;

  add(out: PipelineOutput): void {
    for (const r of out.cases) this.cases.set(`${r.customer_id}|${r.case_id}`, r);
    for (const r of out.timeline) this.timeline.set(`${r.customer_id}|${r.event_time}|${r.event_type}`, r);
    for (const s of out.stats) this.stats.set(s.customer_id, s);
    this.notifications.push(...out.notifications);
    this.deadLetters.push(...out.deadLetters);
    this.late += out.late;
  }

  /** Order-insensitive, ISO times, as the fixtures write them. */
  view() {
    const sortBy = <T>(rows: T[], key: (r: T) => string) => rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    return {
      cases: sortBy(
        [...this.cases.values()].map((r) => ({ ...r, last_event_time: iso(r.last_event_time) })),
        (r) => `${r.customer_id}|${r.case_id}`,
      ),
      timeline: sortBy(
        [...this.timeline.values()].map((r) => ({ ...r, event_time: iso(r.event_time) })),
        (r) => `${r.customer_id}|${r.event_time}|${r.event_type}`,
      ),
      stats: sortBy(
        [...this.stats.values()].map((s) => ({ ...s, last_event_time: iso(s.last_event_time) })),
        (s) => s.customer_id,
      ),
      notifications: sortBy(
        this.notifications.map((n) => ({ ...n, event_time: iso(n.event_time) })),
        (n) => n.notification_id,
      ),
    };
  }
}

async function run(input: unknown[], batchSize = input.length): Promise<Tables> {
  const pipeline = new CustomerCasePipeline();
  const tables = new Tables();
  for (let i = 0; i < input.length; i += Math.max(1, batchSize)) tables.add(await pipeline.process(input.slice(i, i + batchSize)));
  return tables;
}

function check(tables: Tables, g: Golden): void {
  const got = tables.view();
  const byKey = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  expect(got.cases).toEqual(byKey(g.expected.cases, (r) => `${r.customer_id}|${r.case_id}`));
  expect(got.timeline).toEqual(byKey(g.expected.timeline, (r) => `${r.customer_id}|${r.event_time}|${r.event_type}`));
  if (g.expected.stats) expect(got.stats).toEqual(byKey(g.expected.stats, (s) => s.customer_id));
  if (g.expected.late !== undefined) expect(tables.late).toBe(g.expected.late);

  const wanted = byKey(g.expected.notifications, (n) => n.notification_id);
  expect(got.notifications.map(({ message: _m, ...n }) => n)).toEqual(wanted.map(({ message_contains: _c, ...n }) => n));
  got.notifications.forEach((n, i) => {
    for (const part of wanted[i]!.message_contains) expect(n.message).toContain(part);
  });

  expect(tables.deadLetters).toHaveLength(g.expected.deadLetters.length);
  g.expected.deadLetters.forEach((d, i) => {
    expect(tables.deadLetters[i]!.reason).toContain(d.reason_contains);
    if (d.input_index !== undefined) expect(tables.deadLetters[i]!.record).toEqual(g.input[d.input_index]);
  });
}

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('golden fixtures', () => {
  it('has the fixtures the README lists', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  for (const file of files) {
    const g = JSON.parse(readFileSync(new URL(file, DIR), 'utf8')) as Golden;
    describe(file, () => {
      it('gives the expected tables, notifications and dead letters in one batch', async () => {
        check(await run(g.input), g);
      });

      it('gives the same result one record per batch', async () => {
        check(await run(g.input, 1), g);
      });

      it('changes nothing when the whole input is replayed', async () => {
        const pipeline = new CustomerCasePipeline();
        const tables = new Tables();
        tables.add(await pipeline.process(g.input));
        const first = tables.view();
        const replay = await pipeline.process(g.input);
        expect(replay.notifications).toEqual([]);
        tables.add(replay);
        const second = tables.view();
        expect(second).toEqual(first);
      });
    });
  }
});
