/** Live events come in bursts: one refresh shortly after the first event of a burst. */
export const LIVE_DEBOUNCE_MS = 1500;

/**
 * At most one pending refresh: `soon()` schedules one unless the view is idle or one is already
 * pending; `cancel()` drops it (sign-out, reset). Shared by the dashboard and My work stores.
 */
export function liveRefresh(isIdle: () => boolean, refresh: () => void, delayMs = LIVE_DEBOUNCE_MS) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return {
    soon(): void {
      if (isIdle() || timer) return;
      timer = setTimeout(() => {
        timer = null;
        refresh();
      }, delayMs);
    },
    cancel(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
