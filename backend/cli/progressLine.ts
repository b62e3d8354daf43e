import type { SeedProgress } from '../../common/live';

const BAR_WIDTH = 24;
const count = new Intl.NumberFormat('en-US');

/** "1 min 05 s", "42 s": time left as a person reads it. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(s % 60).padStart(2, '0')} s`;
}

/**
 * One terminal line for demo-data generation: a bar, the percentage, the count and the time left
 * (extrapolated from the rate so far; shown once there is enough of it to mean something).
 * Plain ASCII, so it reads the same in every terminal and font.
 */
export function formatSeedLine(p: SeedProgress, elapsedMs: number): string {
  const fraction = Math.min(1, Math.max(0, p.fraction));
  const filled = Math.round(fraction * BAR_WIDTH);
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
  const pct = `${String(Math.floor(fraction * 100)).padStart(3)}%`;
  const what = p.phase === 'indexing' ? 'indexing' : `${count.format(p.eventsWritten)} / ${count.format(p.eventsTotal)} events`;
  const left = fraction >= 0.02 && fraction < 1 ? `, about ${formatDuration((elapsedMs / fraction) * (1 - fraction))} left` : '';
  return `Generating demo data ${bar} ${pct}  ${what}${left}`;
}
