import { AppError } from '../../common/errors';
import type { HistoryStore } from '../ports/historyStore';

/** Rows and where they came from: partial = the deep store did not answer in time and the serving store's rows stand in. */
export interface Sourced<T> {
  rows: T[];
  partial: boolean;
}

/** Why a read was answered by the fallback: the deep store failed, was slower than the timeout, or is being skipped after a recent failure. */
export type FallbackReason = 'error' | 'timeout' | 'skipped';

export interface HistoryReadMetrics {
  /** A deep-store query that failed or timed out (support_timeline_refresh_errors_total). */
  timelineRefreshError(): void;
}

class HistoryTimeout extends Error {
  constructor(ms: number) {
    super(`the history store did not answer in ${ms} ms`);
    this.name = 'HistoryTimeout';
  }
}

/** Errors about the request itself: the fallback would refuse them the same way, so they surface as they are. */
const requestError = (err: unknown) => err instanceof AppError && (err.code === 'INVALID_INPUT' || err.code === 'NOT_FOUND' || err.code === 'FORBIDDEN');

/**
 * Reads the History port with its fallback (HistoryFallback, set in stack mode on Trino): the deep
 * store gets `timeoutMs`; when it fails or is slower, the serving store answers and the result is
 * marked partial. After a failure the deep store is skipped for `retryAfterMs` (a down Trino costs
 * no connection attempt per request, a hanging one no timeout per request), then tried again, so
 * the partial state ends by itself once Trino answers. Without a fallback a failure is UNAVAILABLE.
 */
export class HistoryReader {
  private skipUntil = 0;

  constructor(
    private readonly history: HistoryStore,
    private readonly metrics: HistoryReadMetrics,
    private readonly now: () => number = Date.now,
  ) {}

  /** True while the deep store is being skipped after a failure. */
  get degraded(): boolean {
    return this.history.fallback !== undefined && this.now() < this.skipUntil;
  }

  async read<T>(ask: (store: HistoryStore) => Promise<T[]>): Promise<Sourced<T>> {
    const fallback = this.history.fallback;
    if (!fallback) {
      try {
        return { rows: await ask(this.history), partial: false };
      } catch (err) {
        if (requestError(err)) throw err;
        this.metrics.timelineRefreshError();
        throw unavailable(err);
      }
    }
    let reason: FallbackReason = 'skipped';
    if (this.now() >= this.skipUntil) {
      try {
        return { rows: await withTimeout(ask(this.history), fallback.timeoutMs), partial: false };
      } catch (err) {
        if (requestError(err)) throw err;
        reason = err instanceof HistoryTimeout ? 'timeout' : 'error';
        this.skipUntil = this.now() + fallback.retryAfterMs;
        this.metrics.timelineRefreshError();
      }
    }
    fallback.onFallback?.(reason);
    try {
      return { rows: await ask(fallback.store), partial: true };
    } catch (err) {
      throw unavailable(err);
    }
  }
}

const unavailable = (cause: unknown) => new AppError('UNAVAILABLE', 'The timeline store is not answering; try again shortly', undefined, cause);

/** The promise, or a HistoryTimeout after `ms`; a late failure of the promise is swallowed (it has no one to report to). */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  promise.catch(() => undefined);
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new HistoryTimeout(ms)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
