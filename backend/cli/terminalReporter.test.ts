import { describe, expect, it } from 'vitest';
import { TerminalReporter } from './terminalReporter';

function recorder() {
  const chunks: string[] = [];
  let t = 0;
  const reporter = new TerminalReporter({ write: (s: string) => chunks.push(s), columns: 200 }, () => t);
  return { chunks, reporter, at: (ms: number) => (t = ms) };
}
const gen = (fraction: number) => ({ phase: 'generating' as const, fraction, eventsWritten: fraction * 1000, eventsTotal: 1000, message: '' });

describe('TerminalReporter', () => {
  it('redraws the bar in place at most five times a second, then reports the result', () => {
    const { chunks, reporter, at } = recorder();
    reporter.seed(gen(0.1));
    at(100);
    reporter.seed(gen(0.2)); // too soon: skipped
    at(250);
    reporter.seed(gen(0.3));
    at(10_000);
    reporter.seed({ phase: 'ready', fraction: 1, eventsWritten: 1000, eventsTotal: 1000, message: 'ready' });
    const bars = chunks.filter((c) => c.includes('Generating demo data'));
    expect(bars).toHaveLength(2);
    expect(bars[1]!.startsWith('\r\u001b[2K')).toBe(true);
    expect(bars[1]).toContain('300 / 1,000 events');
    expect(chunks.at(-1)).toBe('Demo data ready: 1,000 events in 10 s.\n');
  });

  it('clears the bar before a warning so the two never share a line', () => {
    const { chunks, reporter } = recorder();
    reporter.seed(gen(0.5));
    reporter.warn('Cassandra is unreachable');
    expect(chunks.slice(-2)).toEqual(['\r\x1b[2K', 'Warning: Cassandra is unreachable\n']);
  });

  it('says nothing about generation when the data was already there', () => {
    const { chunks, reporter } = recorder();
    reporter.seed({ phase: 'ready', fraction: 1, eventsWritten: 1000, eventsTotal: 1000, message: 'ready' });
    expect(chunks).toEqual([]);
  });
});
