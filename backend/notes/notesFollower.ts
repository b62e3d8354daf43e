import type {} from './pouchdb';
import type { Logger } from '../logger';
import type { EventBus } from '../ports/eventBus';
import { noteEvent } from './noteEvents';

const CHECKPOINT_ID = '_local/cs360-notes-follower';

/**
 * The embedded twin of the CouchDB `_changes` worker (backend/workers/couchTicketsWorker.ts): follows the
 * shared notes database and publishes each saved revision as a `note.added` event on the Events port
 * (`cs.events`), where the embedded pipeline turns it into a NOTE timeline row. At least once: the
 * position is checkpointed in a `_local` document after the batch was published, and a replay lands on
 * the same timeline row (noteEvents.ts).
 */
export class NotesFollower {
  private stopped = false;
  private loop: Promise<void> | null = null;
  private cancelWait: (() => void) | null = null;
  published = 0;

  constructor(
    private readonly db: PouchDB.Database,
    private readonly bus: EventBus,
    private readonly log: Logger,
    private readonly onPublished?: (customerId: string) => void,
  ) {}

  start(): this {
    this.loop ??= this.run();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelWait?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let since: number | string = 0;
    let checkpointRev: string | undefined;
    try {
      const cp = (await this.db.get(CHECKPOINT_ID)) as unknown as { _rev: string; last_seq: number | string };
      since = cp.last_seq;
      checkpointRev = cp._rev;
    } catch {
      // No checkpoint yet: from the start.
    }
    let failures = 0;
    while (!this.stopped) {
      try {
        const res = await this.db.changes({ since, include_docs: true, limit: 200 });
        for (const change of res.results) {
          if (change.id.startsWith('_design/') || change.deleted) continue;
          const out = noteEvent(change.doc);
          if (!out.ok) {
            this.log.warn({ id: change.id, reason: out.reason }, 'notes follower: not a note, skipped');
            continue;
          }
          await this.bus.publish('cs.events', out.event, out.event.customer_id);
          this.published++;
          this.onPublished?.(out.event.customer_id);
        }
        if (res.results.length > 0) {
          since = res.last_seq;
          const put = await this.db.put({ _id: CHECKPOINT_ID, ...(checkpointRev ? { _rev: checkpointRev } : {}), last_seq: since });
          checkpointRev = put.rev;
          continue;
        }
        failures = 0;
        await this.waitForChange(since);
      } catch (err) {
        if (this.stopped) break;
        failures++;
        this.log.error({ err, attempt: failures }, 'notes follower: round failed; retrying');
        await new Promise((r) => setTimeout(r, Math.min(500 * 2 ** failures, 30_000)));
      }
    }
  }

  private waitForChange(since: number | string): Promise<void> {
    return new Promise((resolve) => {
      const feed = this.db.changes({ since, live: true });
      const done = () => {
        this.cancelWait = null;
        feed.cancel();
        resolve();
      };
      this.cancelWait = done;
      feed.on('change', done);
      feed.on('error', done);
      if (this.stopped) done();
    });
  }
}
