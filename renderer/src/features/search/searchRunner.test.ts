import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSearchRunner } from './searchRunner';

interface Pending {
  query: string;
  signal: AbortSignal;
  resolve: (v: string[]) => void;
  reject: (e: unknown) => void;
}

function setup() {
  const calls: Pending[] = [];
  const results: Array<[string, string[]]> = [];
  const errors: Array<[string, unknown]> = [];
  const runner = createSearchRunner<string[]>({
    delayMs: 150,
    run: (query, signal) => new Promise((resolve, reject) => calls.push({ query, signal, resolve, reject })),
    onStart: () => {},
    onResult: (q, r) => results.push([q, r]),
    onError: (q, e) => errors.push([q, e]),
  });
  return { runner, calls, results, errors };
}

describe('search runner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for a pause in typing and sends only the last text', () => {
    const { runner, calls } = setup();
    runner.input('ng');
    vi.advanceTimersByTime(100);
    runner.input('ngu');
    vi.advanceTimersByTime(100);
    runner.input('nguy');
    expect(calls).toHaveLength(0);
    vi.advanceTimersByTime(150);
    expect(calls.map((c) => c.query)).toEqual(['nguy']);
  });

  it('drops a response that answers an older text and aborts its request', async () => {
    const { runner, calls, results } = setup();
    runner.input('091');
    vi.advanceTimersByTime(150);
    runner.input('0912');
    vi.advanceTimersByTime(150);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.signal.aborted).toBe(true);
    calls[1]?.resolve(['new']);
    calls[0]?.resolve(['old']);
    await vi.runAllTimersAsync();
    expect(results).toEqual([['0912', ['new']]]);
  });

  it('drops an error from a stale request too', async () => {
    const { runner, calls, errors, results } = setup();
    runner.input('a@');
    vi.advanceTimersByTime(150);
    runner.input('a@b');
    vi.advanceTimersByTime(150);
    calls[0]?.reject(new Error('late'));
    calls[1]?.resolve(['hit']);
    await vi.runAllTimersAsync();
    expect(errors).toEqual([]);
    expect(results).toEqual([['a@b', ['hit']]]);
  });

  it('forgets pending work on cancel', async () => {
    const { runner, calls, results } = setup();
    runner.input('C00');
    runner.cancel();
    vi.advanceTimersByTime(500);
    expect(calls).toHaveLength(0);
    runner.flush('C001');
    runner.cancel();
    calls[0]?.resolve(['x']);
    await vi.runAllTimersAsync();
    expect(results).toEqual([]);
  });

  it('runs at once on flush', () => {
    const { runner, calls } = setup();
    runner.input('lan');
    runner.flush('lan');
    expect(calls.map((c) => c.query)).toEqual(['lan']);
    vi.advanceTimersByTime(500);
    expect(calls).toHaveLength(1);
  });
});
