import type { SeedProgress } from '../../common/live';
import { formatDuration, formatSeedLine } from './progressLine';

/** The part of a TTY write stream the reporter needs (tests pass a recorder). */
export interface TerminalOut {
  write(text: string): unknown;
  readonly columns?: number;
}

/** Progress redraws per second at most: enough to look alive, cheap for the seeding loop. */
const REDRAW_EVERY_MS = 200;

/**
 * What a person at the terminal reads while `npm run web` starts: the mode, a progress bar while the
 * demo data is generated, the URL, and warnings in words. The JSON log goes to a file instead
 * (backend/logger.ts). Only used when stdout is a terminal; otherwise stdout carries the JSON log.
 */
export class TerminalReporter {
  private barShown = false;
  private lastDraw = 0;
  private seedStartedAt: number | null = null;

  constructor(
    private readonly out: TerminalOut,
    private readonly now: () => number = Date.now,
  ) {}

  /** Plain lines (the start banner). */
  line(text: string): void {
    this.clearBar();
    this.out.write(`${text}\n`);
  }

  warn(text: string): void {
    this.line(`Warning: ${text}`);
  }

  seed(p: SeedProgress): void {
    const t = this.now();
    if (p.phase === 'ready' || p.phase === 'failed') {
      const took = this.seedStartedAt === null ? '' : ` in ${formatDuration(t - this.seedStartedAt)}`;
      if (p.phase === 'ready' && this.seedStartedAt !== null) this.line(`Demo data ready: ${p.eventsWritten.toLocaleString('en-US')} events${took}.`);
      if (p.phase === 'failed') this.warn(p.message);
      this.seedStartedAt = null;
      return;
    }
    if (p.phase === 'idle') return;
    this.seedStartedAt ??= t;
    if (this.barShown && t - this.lastDraw < REDRAW_EVERY_MS) return;
    this.lastDraw = t;
    // Some pseudo-terminals report 0 columns.
    const width = Math.max(40, (this.out.columns || 120) - 1);
    // \r + erase-line: the bar redraws in place.
    this.out.write(`\r\x1b[2K${formatSeedLine(p, t - this.seedStartedAt).slice(0, width)}`);
    this.barShown = true;
  }

  private clearBar(): void {
    if (!this.barShown) return;
    this.out.write('\r\x1b[2K');
    this.barShown = false;
  }
}
