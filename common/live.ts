import type { CsNotification, TimelineRow } from './model';

/** socket.io contract between backend and renderer. Rooms: customer:<id>, agent:<id>, role:SUPERVISOR. */
export interface ServerToClientEvents {
  'timeline:row': (row: TimelineRow) => void;
  notification: (n: CsNotification & { seq: number }) => void;
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
