import type { CsNotification, TimelineRow } from './model';

/** socket.io contract between backend and renderer. Rooms: customer:<id>, agent:<id>, role:SUPERVISOR. */
export interface ServerToClientEvents {
  'timeline:row': (row: TimelineRow) => void;
  /** Each notification with its sequence id in the relay's replay log (grows only, within one epoch). */
  notification: (n: LiveNotification) => void;
  /** First thing after connecting: the log's epoch and head; replayed notifications (if any) follow at once. */
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
  /** The newest sequence id at connect time. */
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
