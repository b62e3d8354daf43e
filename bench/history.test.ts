import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appendRecord, compareLatest, makeRecord, parseHistory, readHistory, summarize, type BenchRecord } from './history';

const rec = (bench: string, commit: string, ratios: Record<string, number>, extra: Partial<BenchRecord> = {}): BenchRecord => ({
  bench,
  commit,
  dirty: false,
  date: '2026-12-02T00:00:00.000Z',
  host: { cpus: 2, model: 'x', node: 'v20' },
  ratios,
  figures: {},
  ...extra,
});

describe('compareLatest', () => {
  it('passes a ratio within the tolerance and flags one beyond it', () => {
    const history = [rec('startup', 'a', { ready: 1.2, crash: 1.4 }), rec('startup', 'b', { ready: 1.49, crash: 1.76 })];
    const { checks } = compareLatest(history, 0.25);
    const byRatio = Object.fromEntries(checks.map((c) => [c.ratio, c]));
    expect(byRatio.ready).toMatchObject({ previous: 1.2, current: 1.49, regressed: false, previousCommit: 'a', currentCommit: 'b' });
    expect(byRatio.ready!.change).toBeCloseTo(0.2417, 3);
    // 1.76 / 1.4 = +25.7 %: just past 25 %.
    expect(byRatio.crash!.regressed).toBe(true);
  });

  it('never flags an improvement, however large', () => {
    const { checks } = compareLatest([rec('renderer', 'a', { frame: 3 }), rec('renderer', 'b', { frame: 1 })]);
    expect(checks).toHaveLength(1);
    expect(checks[0]!.regressed).toBe(false);
    expect(checks[0]!.change).toBeCloseTo(-2 / 3, 6);
  });

  it('compares each bench with its own previous run, not with the run recorded just before', () => {
    const history = [rec('startup', 'a', { ready: 1 }), rec('renderer', 'b', { frame: 1 }), rec('startup', 'c', { ready: 2 }), rec('renderer', 'd', { frame: 1.1 })];
    const { checks, unpaired } = compareLatest(history);
    expect(unpaired).toEqual([]);
    expect(checks.map((c) => [c.bench, c.previousCommit, c.currentCommit, c.regressed])).toEqual([
      ['startup', 'a', 'c', true],
      ['renderer', 'b', 'd', false],
    ]);
  });

  it('uses the newest record as the run to judge, and only the one before it as the reference', () => {
    const history = [rec('s', 'old', { r: 1 }), rec('s', 'prev', { r: 2 }), rec('s', 'new', { r: 2.2 })];
    const { checks } = compareLatest(history);
    expect(checks[0]).toMatchObject({ previousCommit: 'prev', currentCommit: 'new', regressed: false });
  });

  it('reports a bench with a single run as unpaired, and skips ratios the other run lacks', () => {
    const { checks, unpaired } = compareLatest([rec('a', '1', { x: 1 }), rec('b', '1', { x: 1 }), rec('b', '2', { x: 1, y: 5 })]);
    expect(unpaired).toEqual(['a']);
    expect(checks.map((c) => c.ratio)).toEqual(['x']);
  });

  it('inverts the test for a ratio where higher is better', () => {
    const history = [rec('load', 'a', { throughput: 1 }, { higherIsBetter: ['throughput'] }), rec('load', 'b', { throughput: 0.7 }, { higherIsBetter: ['throughput'] })];
    expect(compareLatest(history, 0.25).checks[0]!.regressed).toBe(true);
    expect(compareLatest([history[0]!, rec('load', 'c', { throughput: 2 }, { higherIsBetter: ['throughput'] })]).checks[0]!.regressed).toBe(false);
  });

  it('filters to the benches asked for and refuses a negative tolerance', () => {
    const history = [rec('a', '1', { x: 1 }), rec('a', '2', { x: 9 }), rec('b', '1', { x: 1 }), rec('b', '2', { x: 1 })];
    expect(compareLatest(history, 0.25, ['b']).checks.every((c) => c.bench === 'b')).toBe(true);
    expect(() => compareLatest(history, -1)).toThrow(/tolerance/);
  });
});

describe('summarize', () => {
  it('keeps ratios and headline figures, drops the rest', () => {
    const s = summarize({ ratioP99: 1.5, ratios: { readyVsBaseline: 1.3, bad: Number.NaN }, fps: 60, frames: { n: 100, p50: 16.7, p95: 17, p99: 20, max: 40 }, label: 'x', nested: { a: 1 } });
    expect(s).toEqual({ ratios: { ratioP99: 1.5, readyVsBaseline: 1.3 }, figures: { fps: 60, 'frames.p50': 16.7, 'frames.p95': 17, 'frames.p99': 20 } });
  });
});

describe('history file', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('appends one JSON line per run, with commit and date, and reads them back in order', () => {
    dir = mkdtempSync(join(tmpdir(), 'bench-history-'));
    const file = join(dir, 'history.jsonl');
    const first = makeRecord('startup', { ratios: { ready: 1.2 } }, new Date('2026-01-01T00:00:00Z'));
    expect(first.commit).toMatch(/^([0-9a-f]{12}|unknown)$/);
    expect(first.date).toBe('2026-01-01T00:00:00.000Z');
    appendRecord(first, file);
    appendRecord(makeRecord('startup', { ratios: { ready: 1.3 } }), file);
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(readHistory(file).map((r) => r.ratios.ready)).toEqual([1.2, 1.3]);
    expect(readHistory(join(dir, 'missing.jsonl'))).toEqual([]);
    expect(() => parseHistory('{"bench":"a"}\nnot json\n')).toThrow(/line 2/);
  });
});
