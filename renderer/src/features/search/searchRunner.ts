/**
 * As-you-type search: waits `delayMs` after the last keystroke, then runs one request; a
 * response that comes back after a newer query was typed is dropped, and its request aborted.
 * Timers are injected so the behaviour is testable with fake time.
 */
export interface SearchRunnerOptions<T> {
  delayMs: number;
  run: (query: string, signal: AbortSignal) => Promise<T>;
  onStart: (query: string) => void;
  onResult: (query: string, result: T) => void;
  onError: (query: string, error: unknown) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface SearchRunner {
  /** Schedules a search for this text (debounced). */
  input(query: string): void;
  /** Runs now, skipping the delay (Enter pressed, retry). */
  flush(query: string): void;
  /** Forgets anything pending or in flight. */
  cancel(): void;
}

export function createSearchRunner<T>(opts: SearchRunnerOptions<T>): SearchRunner {
  const setTimer = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let seq = 0;
  let timer: unknown = null;
  let inflight: AbortController | null = null;

  const stopPending = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
    inflight?.abort();
    inflight = null;
  };

  const start = (query: string, mySeq: number) => {
    timer = null;
    const controller = new AbortController();
    inflight = controller;
    opts.onStart(query);
    opts.run(query, controller.signal).then(
      (result) => {
        if (mySeq !== seq) return;
        inflight = null;
        opts.onResult(query, result);
      },
      (error: unknown) => {
        if (mySeq !== seq) return;
        inflight = null;
        opts.onError(query, error);
      },
    );
  };

  return {
    input(query) {
      stopPending();
      const mySeq = ++seq;
      timer = setTimer(() => start(query, mySeq), opts.delayMs);
    },
    flush(query) {
      stopPending();
      start(query, ++seq);
    },
    cancel() {
      stopPending();
      seq++;
    },
  };
}
