import { AppError } from '../../common/errors';
import { EVENT_TYPES, type EventType } from '../../common/events';
import type { TimelineCursor } from '../ports/historyStore';

/** Opaque to clients: base64url of "<event_time>|<event_type>", the cs_timeline key after the customer. */
export function encodeCursor(c: TimelineCursor): string {
  return Buffer.from(`${c.event_time}|${c.event_type}`).toString('base64url');
}

export function decodeCursor(raw: string): TimelineCursor {
  const bad = () => new AppError('INVALID_INPUT', 'after is not a cursor this API returned', { field: 'after' });
  if (raw.length > 200 || !/^[A-Za-z0-9_-]+$/.test(raw)) throw bad();
  const [time, type, extra] = Buffer.from(raw, 'base64url').toString('utf8').split('|');
  const eventTime = Number(time);
  if (extra !== undefined || !Number.isSafeInteger(eventTime) || !EVENT_TYPES.includes(type as EventType)) throw bad();
  return { event_time: eventTime, event_type: type as EventType };
}
