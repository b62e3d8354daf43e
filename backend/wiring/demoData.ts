import { formatCustomerId } from '../../common/ids';
import type { EventEnvelope } from '../../common/events';
import type { SeedProgress } from '../../common/live';
import { readManifest, seedDemo, type SeedManifest } from '../demo/seedDemo';
import { startLiveTrickle } from '../demo/runTrickle';
import type { AppConfig } from '../config/schema';
import type { Background } from '../lifecycle';
import type { Logger } from '../logger';
import type { AdapterSet } from './selectAdapters';

export interface DemoDataDeps {
  config: AppConfig;
  adapters: AdapterSet;
  log: Logger;
  /** Every progress step (socket.io broadcast, terminal bar). */
  onProgress(p: SeedProgress): void;
  /** Customers someone is watching now: the live trickle favours them. */
  watchedCustomers(): string[];
}

/**
 * The demo data as a background part: generated on the first start (in the background, after the
 * server listens, so progress is visible), then a slow trickle of live events. In stack mode with
 * the Flink pipeline the generated events go to Kafka and Flink builds the rest.
 */
export class DemoData implements Background {
  readonly name = 'demo data';
  private readonly manifest: SeedManifest | null;
  private progress: SeedProgress;
  private stopTrickle: () => void = () => {};
  private stopped = false;

  constructor(private readonly deps: DemoDataDeps) {
    this.manifest = readManifest(deps.adapters.db);
    this.progress = this.manifest
      ? { phase: 'ready', fraction: 1, eventsWritten: this.manifest.events, eventsTotal: this.manifest.events, message: 'ready' }
      : { phase: 'idle', fraction: 0, eventsWritten: 0, eventsTotal: deps.config.demo.events, message: 'waiting to generate demo data' };
  }

  status(): SeedProgress {
    return this.progress;
  }

  /** Resolves when the data is there (or generation failed, which status() then says) and the trickle runs. */
  async start(): Promise<void> {
    const { config, adapters, log } = this.deps;
    const demo = { ...config.demo, endMs: this.manifest?.endMs ?? Math.floor(Date.now() / 3_600_000) * 3_600_000 };
    if (!this.manifest) {
      try {
        await seedDemo({
          db: adapters.db,
          cases: adapters.caseStore,
          history: adapters.history,
          tickets: adapters.tickets,
          options: demo,
          log,
          onProgress: (p) => this.report(p),
          ...(adapters.pipeline === 'flink' ? { publishEvents: (events: readonly EventEnvelope[]) => adapters.bus.publishMany('cs.events', events) } : {}),
        });
      } catch (err) {
        log.error({ err }, 'demo data generation failed');
        this.report({ ...this.progress, phase: 'failed', message: `demo data generation failed: ${(err as Error).message}` });
        return;
      }
    }
    if (config.demo.trickleIntervalMs <= 0 || this.stopped) return;
    const customerIds = Array.from({ length: (this.manifest ?? demo).customers }, (_, i) => formatCustomerId(i + 1));
    this.stopTrickle = startLiveTrickle({
      seed: demo.seed,
      intervalMs: config.demo.trickleIntervalMs,
      customerIds,
      agents: await adapters.tickets.listAgents(),
      watched: this.deps.watchedCustomers,
      tickets: adapters.tickets,
      bus: adapters.bus,
      log,
    });
  }

  stop(): void {
    this.stopped = true;
    this.stopTrickle();
  }

  private report(p: SeedProgress): void {
    this.progress = p;
    this.deps.onProgress(p);
  }
}
