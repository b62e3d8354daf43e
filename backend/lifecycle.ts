import type { Logger } from './logger';

/** Something that runs in the background until stopped: pipeline, projector, workers, relay, demo seeding, servers. */
export interface Background {
  readonly name: string;
  stop(): Promise<void> | void;
}

/**
 * The app's one lifecycle: each background part is recorded as it starts, and `stopAll` stops them in
 * reverse order (what started last depends on what started before it), each once, carrying on past a
 * part that fails to stop so the rest (the engines' connections last) still close.
 */
export class Lifecycle {
  private readonly running: Background[] = [];
  private stopping: Promise<void> | null = null;

  constructor(private readonly log: Logger) {}

  /** Records a part that is running now. */
  add(name: string, stop: () => Promise<void> | void): void {
    this.running.push({ name, stop });
  }

  /** Starts a part and records it once its start resolves (a part that failed to start is not stopped). */
  async start<T extends Background & { start(): Promise<void> | void }>(part: T): Promise<T> {
    await part.start();
    this.running.push(part);
    return part;
  }

  /** Names of the running parts, in start order. */
  get names(): string[] {
    return this.running.map((p) => p.name);
  }

  stopAll(): Promise<void> {
    this.stopping ??= (async () => {
      for (const part of this.running.splice(0).reverse()) {
        try {
          await part.stop();
        } catch (err) {
          this.log.warn({ err, part: part.name }, `stopping ${part.name} failed`);
        }
      }
    })();
    return this.stopping;
  }
}
