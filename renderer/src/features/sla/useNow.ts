import { useSyncExternalStore } from 'react';

/**
 * One shared one-second clock for every countdown on screen: a queue of 50 timers re-renders
 * on one interval, not 50, and the interval stops when nothing listens.
 */
const listeners = new Set<() => void>();
let now = Date.now();
let interval: ReturnType<typeof setInterval> | null = null;

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  if (!interval) {
    now = Date.now();
    interval = setInterval(() => {
      now = Date.now();
      for (const l of listeners) l();
    }, 1000);
  }
  return () => {
    listeners.delete(cb);
    if (listeners.size === 0 && interval) {
      clearInterval(interval);
      interval = null;
    }
  };
}

export const useNow = (): number => useSyncExternalStore(subscribe, () => now);
