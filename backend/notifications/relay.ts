import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { NOTIFICATION_TYPES, type CsNotification } from '../../common/model';
import type { Principal } from '../auth/principal';
import type { Logger } from '../logger';
import type { EventBus } from '../ports/eventBus';

/** A notification bigger than this (serialized, UTF-8) is refused and dead-lettered. */
export const MAX_NOTIFICATION_BYTES = 16 * 1024;

const notificationSchema = z
  .object({
    notification_id: z.string().min(1).max(200),
    type: z.string(),
    customer_id: z.string().regex(/^C\d{7}$/),
    case_id: z.string().max(200),
    ticket_id: z.string().max(200),
    agent_id: z.string().max(200).nullable(),
    event_time: z.number().finite(),
    severity: z.enum(['HIGH', 'MEDIUM', 'LOW']),
    message: z.string(),
  })
  .strip();

export type Validated = { ok: true; notification: CsNotification } | { ok: false; reason: string };

/** Checks an untrusted bus message: size first (cheap to refuse), then shape, then the type. */
export function validateNotification(raw: unknown): Validated {
  let json: string | undefined;
  try {
    json = JSON.stringify(raw);
  } catch (err) {
    return { ok: false, reason: `malformed: not serializable (${(err as Error).message})` };
  }
  if (json === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, reason: 'malformed: not an object' };
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_NOTIFICATION_BYTES) return { ok: false, reason: `oversized: ${bytes} bytes > ${MAX_NOTIFICATION_BYTES}` };
  const parsed = notificationSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `malformed: ${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'invalid'}` };
  }
  if (!(NOTIFICATION_TYPES as readonly string[]).includes(parsed.data.type)) return { ok: false, reason: `unknown type: ${parsed.data.type.slice(0, 60)}` };
  return { ok: true, notification: parsed.data as CsNotification };
}

export interface RelayEntry {
  seq: number;
  notification: CsNotification;
}

/**
 * The replay log: a ring buffer of the last `capacity` notifications, each with a sequence id that
 * only grows. `epoch` names this log: a client whose cursor belongs to another epoch (the backend
 * restarted) gets everything the log still holds.
 */
export class ReplayLog {
  readonly epoch = randomBytes(6).toString('base64url');
  private readonly ring: (RelayEntry | undefined)[];
  private head = 0;
  /** notification_id → seq for what the ring still holds: at-least-once delivery (Kafka) must not show one twice. */
  private readonly ids = new Map<string, number>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error('replay log capacity must be a positive integer');
    this.ring = new Array<RelayEntry | undefined>(capacity);
  }

  /** The last sequence id handed out (0 before the first). */
  get lastSeq(): number {
    return this.head;
  }

  append(notification: CsNotification): RelayEntry {
    const entry = { seq: ++this.head, notification };
    const slot = entry.seq % this.capacity;
    const evicted = this.ring[slot];
    if (evicted && this.ids.get(evicted.notification.notification_id) === evicted.seq) this.ids.delete(evicted.notification.notification_id);
    this.ring[slot] = entry;
    this.ids.set(notification.notification_id, entry.seq);
    return entry;
  }

  /** Whether a notification with this id is still in the log (a redelivery, not a new one). */
  has(notificationId: string): boolean {
    return this.ids.has(notificationId);
  }

  /**
   * Entries after `afterSeq` up to `upTo` (default: the newest), oldest first, that pass `entitled`.
   * Older than the ring holds are gone.
   */
  since(afterSeq: number, entitled: (n: CsNotification) => boolean, upTo = this.head): RelayEntry[] {
    const from = Math.max(afterSeq + 1, this.head - this.capacity + 1, 1);
    const to = Math.min(upTo, this.head);
    const out: RelayEntry[] = [];
    for (let s = from; s <= to; s++) {
      const e = this.ring[s % this.capacity];
      if (e && e.seq === s && entitled(e.notification)) out.push(e);
    }
    return out;
  }
}

/**
 * Replay rules, the same as live delivery: a notification is owed to its assigned agent, to every
 * supervisor, and to whoever watches its customer (the customers the client said it watches).
 */
export const entitledOnReplay =
  (p: Principal, watching: ReadonlySet<string> = new Set()) =>
  (n: CsNotification) =>
    p.role === 'SUPERVISOR' || (n.agent_id !== null && n.agent_id === p.id) || watching.has(n.customer_id);

/** At most this many customers may be named in a handshake (a console shows one at a time). */
export const MAX_WATCHED_ON_CONNECT = 20;

/**
 * The customers a reconnecting client watched, from the handshake: valid customer ids only, at
 * most MAX_WATCHED_ON_CONNECT; anything else is ignored (the client re-sends customer:watch anyway).
 */
export function parseWatching(auth: { watching?: unknown }): string[] {
  if (!Array.isArray(auth.watching)) return [];
  const ids = auth.watching.filter((v): v is string => typeof v === 'string' && /^C\d{7}$/.test(v));
  return [...new Set(ids)].slice(0, MAX_WATCHED_ON_CONNECT);
}

/** The client's cursor from the handshake: a non-negative safe integer, or none. */
export function parseCursor(auth: { lastSeq?: unknown; epoch?: unknown }, epoch: string): number | null {
  const seq = typeof auth.lastSeq === 'string' && /^\d{1,15}$/.test(auth.lastSeq) ? Number(auth.lastSeq) : auth.lastSeq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) return null;
  // Another epoch: the cursor counts in a log that no longer exists; replay all we hold.
  if (typeof auth.epoch === 'string' && auth.epoch !== epoch) return 0;
  return seq;
}

export interface RelayDeps {
  bus: EventBus;
  log: Logger;
  capacity: number;
}
export type EntryListener = (entry: RelayEntry) => void;

/**
 * Consumes cs_notifications: validates each message (bad ones are logged with the reason and go to
 * cs.deadletter), gives it the next sequence id in the replay log and hands it to the listeners (the
 * socket.io fan-out, the escalation sinks). A listener that throws is logged and cannot stop the others.
 */
export class NotificationRelay {
  readonly log: ReplayLog;
  private readonly listeners = new Set<EntryListener>();
  private readonly unsubscribe: () => void;
  deadLettered = 0;

  constructor(private readonly deps: RelayDeps) {
    this.log = new ReplayLog(deps.capacity);
    this.unsubscribe = deps.bus.subscribe('cs_notifications', async (raw) => {
      await this.accept(raw);
    });
  }

  onEntry(fn: EntryListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Returns the new entry, or null when the message was dead-lettered or is a redelivery. */
  async accept(raw: unknown): Promise<RelayEntry | null> {
    const v = validateNotification(raw);
    if (!v.ok) {
      this.deadLettered += 1;
      this.deps.log.warn({ reason: v.reason, topic: 'cs_notifications' }, 'notification dead-lettered');
      try {
        await this.deps.bus.publish('cs.deadletter', { topic: 'cs_notifications', reason: v.reason, record: summarize(raw), at: Date.now() });
      } catch (err) {
        this.deps.log.error({ err }, 'could not publish to cs.deadletter');
      }
      return null;
    }
    if (this.log.has(v.notification.notification_id)) {
      // Kafka redelivers after a crash between handling and committing: relayed once already.
      this.deps.log.debug({ notification_id: v.notification.notification_id }, 'duplicate notification ignored');
      return null;
    }
    const entry = this.log.append(v.notification);
    for (const fn of this.listeners) {
      try {
        fn(entry);
      } catch (err) {
        this.deps.log.error({ err, seq: entry.seq }, 'notification listener failed');
      }
    }
    return entry;
  }

  stop(): void {
    this.unsubscribe();
    this.listeners.clear();
  }
}

/** What the dead-letter record keeps of a bad message: all of it when small, a prefix when not. */
function summarize(raw: unknown): unknown {
  try {
    const json = JSON.stringify(raw);
    if (json === undefined) return String(raw);
    return json.length <= 2048 ? raw : { truncated: true, bytes: Buffer.byteLength(json, 'utf8'), prefix: json.slice(0, 1024) };
  } catch {
    return { unserializable: true };
  }
}
