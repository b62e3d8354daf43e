import { describe, expect, it } from 'vitest';
import { formatDuration, formatSeedLine } from './progressLine';

describe('terminal progress line', () => {
  it('shows bar, percentage, count and the time left extrapolated from the rate so far', () => {
    // 25 % in 30 s → 90 s more.
    const line = formatSeedLine({ phase: 'generating', fraction: 0.25, eventsWritten: 250_000, eventsTotal: 1_000_000, message: '' }, 30_000);
    expect(line).toBe('Generating demo data [######------------------]  25%  250,000 / 1,000,000 events, about 1 min 30 s left');
  });

  it('gives no time left before there is a rate to go on, nor at the end', () => {
    expect(formatSeedLine({ phase: 'generating', fraction: 0.01, eventsWritten: 10_000, eventsTotal: 1_000_000, message: '' }, 1_000)).not.toContain('left');
    expect(formatSeedLine({ phase: 'indexing', fraction: 1, eventsWritten: 1_000_000, eventsTotal: 1_000_000, message: '' }, 90_000)).toBe('Generating demo data [########################] 100%  indexing');
  });

  it('formats durations as a person reads them', () => {
    expect(formatDuration(42_400)).toBe('42 s');
    expect(formatDuration(65_000)).toBe('1 min 05 s');
  });
});
