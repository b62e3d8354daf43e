import { create } from 'zustand';
import type { SeedProgress } from '../../../common/live';
import { fetchHealth } from '../api/healthApi';
import { toApiError, type ApiError } from '../api/apiError';

export type BackendPhase = 'checking' | 'seeding' | 'ready' | 'unreachable';

interface HealthState {
  phase: BackendPhase;
  degraded: boolean;
  seed: SeedProgress | null;
  error: ApiError | null;
  /** Polls /health until the demo data is ready (1 s while seeding, backing off while unreachable). */
  start(): void;
  stop(): void;
  retry(): void;
  /** seed:progress from the live channel: fresher than the next poll. */
  applySeed(p: SeedProgress): void;
}

let timer: ReturnType<typeof setTimeout> | null = null;
let failures = 0;

export const useHealth = create<HealthState>()((set, get) => {
  const schedule = (ms: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(poll, ms);
  };
  const poll = async () => {
    timer = null;
    try {
      const h = await fetchHealth();
      failures = 0;
      const seed = h.seed ?? null;
      // 'ok' means usable whatever the seed says (stack mode has nothing to seed); a failed seed
      // keeps the progress screen up, since every customer query would answer UNAVAILABLE.
      const seeding = h.status === 'seeding' || (h.status !== 'ok' && seed?.phase === 'failed');
      set({ phase: seeding ? 'seeding' : 'ready', degraded: h.status === 'degraded', seed, error: null });
      // Once ready, a slow heartbeat keeps the degraded banner honest.
      schedule(seeding ? 1000 : 30_000);
    } catch (err) {
      failures += 1;
      const wasReady = get().phase === 'ready';
      set(wasReady ? { degraded: true } : { phase: 'unreachable', error: toApiError(err) });
      schedule(Math.min(1000 * 2 ** failures, 15_000));
    }
  };
  return {
    phase: 'checking',
    degraded: false,
    seed: null,
    error: null,
    start() {
      if (timer === null) void poll();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
    retry() {
      failures = 0;
      set({ phase: 'checking', error: null });
      void poll();
    },
    applySeed(p) {
      if (p.phase === 'ready') {
        set({ seed: p });
        schedule(0);
      } else set({ seed: p, phase: get().phase === 'ready' ? 'ready' : 'seeding' });
    },
  };
});
