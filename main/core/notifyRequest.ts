import { NOTIFY_LIMITS } from '../../common/desktopBridge';

export interface NotifyRequest {
  title: string;
  body: string;
}

// C0 and C1 control characters other than tab/newline; notification daemons render them badly.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Validates the renderer's notify arguments. Null for anything but two strings with a non-empty title. */
export function parseNotifyRequest(args: readonly unknown[]): NotifyRequest | null {
  const [title, body] = args;
  if (args.length !== 2 || typeof title !== 'string' || typeof body !== 'string') return null;
  const cleanTitle = title.replace(CONTROL, '').trim().slice(0, NOTIFY_LIMITS.title);
  const cleanBody = body.replace(CONTROL, '').slice(0, NOTIFY_LIMITS.body);
  if (cleanTitle === '') return null;
  return { title: cleanTitle, body: cleanBody };
}
