import type { UpdateState } from '../../common/desktopBridge';

/**
 * Auto-update is configured but off unless a feed is set: CS360_UPDATE_FEED_URL must be an https
 * URL (electron-updater's generic provider); anything else leaves updates disabled.
 */
export function parseUpdateFeed(raw: string | undefined): { provider: 'generic'; url: string } | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return null;
  return { provider: 'generic', url: url.toString() };
}

export type UpdaterEvent =
  | { type: 'checking-for-update' }
  | { type: 'update-not-available' }
  | { type: 'update-available'; version: string }
  | { type: 'update-downloaded'; version: string }
  | { type: 'error' };

/** The state the preload's getUpdateState() reports, from electron-updater's events. */
export function nextUpdateState(state: UpdateState, event: UpdaterEvent): UpdateState {
  switch (event.type) {
    case 'checking-for-update':
      return { status: 'checking' };
    case 'update-not-available':
      return { status: 'up-to-date' };
    case 'update-available':
      return { status: 'available', version: event.version };
    case 'update-downloaded':
      return { status: 'downloaded', version: event.version };
    case 'error':
      // A failed check is not an update; keep a downloaded one, otherwise back to idle.
      return state.status === 'downloaded' ? state : { status: 'idle' };
  }
}
