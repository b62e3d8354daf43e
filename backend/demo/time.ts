export const SEC = 1000;
export const MIN = 60 * SEC;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** Vietnam is UTC+7 all year (no DST). */
const ICT_OFFSET = 7 * HOUR;
const DAY_START = 7 * HOUR;
const DAY_LENGTH = 16 * HOUR;

/**
 * Moves an instant into the Vietnamese waking day (07:00–23:00 ICT) of the same date by squeezing
 * the 24 hours into 16. Monotonic, so bursts keep their order; a day later stays a day later.
 */
export function duringDaytime(ms: number): number {
  const local = ms + ICT_OFFSET;
  const dayStart = Math.floor(local / DAY) * DAY;
  const timeOfDay = local - dayStart;
  return dayStart + DAY_START + Math.floor((timeOfDay * DAY_LENGTH) / DAY) - ICT_OFFSET;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad3 = (n: number) => (n < 10 ? `00${n}` : n < 100 ? `0${n}` : String(n));

/**
 * `Date#toISOString` for a stream of mostly same-day times: the date part is formatted once per
 * day. A third of the cost of toISOString, which matters at a million events.
 */
export class IsoFormatter {
  private day = Number.NaN;
  private prefix = '';

  format(ms: number): string {
    const day = Math.floor(ms / DAY);
    if (day !== this.day) {
      const iso = new Date(day * DAY).toISOString();
      // Years outside 0000–9999 have a longer form; leave those to toISOString.
      if (iso.length !== 24) return new Date(ms).toISOString();
      this.day = day;
      this.prefix = iso.slice(0, 11);
    }
    let rest = ms - day * DAY;
    const h = Math.floor(rest / HOUR);
    rest -= h * HOUR;
    const m = Math.floor(rest / MIN);
    rest -= m * MIN;
    const s = Math.floor(rest / SEC);
    return `${this.prefix}${pad2(h)}:${pad2(m)}:${pad2(s)}.${pad3(rest - s * SEC)}Z`;
  }
}
