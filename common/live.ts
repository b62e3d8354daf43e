import type { CsNotification, TimelineRow } from './model';

/** socket.io contract between backend and renderer. Rooms: customer:<id>, agent:<id>, role:SUPERVISOR. */
export interface ServerToClientEvents {
  'timeline:row': (row: TimelineRow) => void;
  /**
   * Notifications with their sequence ids in the relay's replay log (grows only, within one epoch), in
   * seq order: the ones owed to this client from one flush of the relay (every few ms), or a chunk of
   * the replay. Never empty; each notification reaches a client once per connection.
   */
  notifications: (batch: LiveNotification[]) => void;
  /**
   * First thing after connecting: the log's epoch and the last seq delivered live; replayed
   * notifications (if any) follow at once, everything after lastSeq comes live.
   */
  'live:hello': (h: LiveHello) => void;
  'seed:progress': (p: SeedProgress) => void;
}
export interface ClientToServerEvents {
  'customer:watch': (customerId: string, ack: (res: { ok: boolean; error?: string }) => void) => void;
  'customer:unwatch': (customerId: string) => void;
}

export interface SeedProgress {
  phase: 'idle' | 'generating' | 'indexing' | 'ready' | 'failed';
  /** 0..1 */
  fraction: number;
  eventsWritten: number;
  eventsTotal: number;
  message: string;
}

export type LiveNotification = CsNotification & { seq: number };
export interface LiveHello {
  /** Names the replay log; a cursor from another epoch (the backend restarted) is replayed from 0. */
  epoch: string;
  /** The newest sequence id already sent live at connect time (newer ones follow live). */
  lastSeq: number;
}
/**
 * Handshake auth. lastSeq/epoch: the client's cursor; on (re)connect it receives, in order, the
 * notifications after lastSeq it is owed (its own agent's and, for supervisors, all).
 */
export interface LiveAuth {
  token: string;
  launchToken?: string;
  lastSeq?: number;
  epoch?: string;
  /** Customers the client watches: joined at connect and included in the replay (valid ids, at most 20). */
  watching?: string[];
}
