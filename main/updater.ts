import type { UpdateState } from '../common/desktopBridge';
import { nextUpdateState, parseUpdateFeed } from './core/updateFeed';

/**
 * electron-updater, only when CS360_UPDATE_FEED_URL names an https feed. Loaded lazily so an
 * app without a feed never touches the updater. Returns the current state for getUpdateState().
 */
export function startAutoUpdate(log: (m: string) => void): () => UpdateState {
  const feed = parseUpdateFeed(process.env.CS360_UPDATE_FEED_URL);
  let state: UpdateState = feed ? { status: 'idle' } : { status: 'disabled' };
  if (!feed) return () => state;
  void import('electron-updater')
    .then(({ autoUpdater }) => {
      autoUpdater.setFeedURL(feed);
      autoUpdater.on('checking-for-update', () => (state = nextUpdateState(state, { type: 'checking-for-update' })));
      autoUpdater.on('update-not-available', () => (state = nextUpdateState(state, { type: 'update-not-available' })));
      autoUpdater.on('update-available', (i: { version: string }) => (state = nextUpdateState(state, { type: 'update-available', version: i.version })));
      autoUpdater.on('update-downloaded', (i: { version: string }) => (state = nextUpdateState(state, { type: 'update-downloaded', version: i.version })));
      autoUpdater.on('error', (err: Error) => {
        log(`update check failed: ${err.message}`);
        state = nextUpdateState(state, { type: 'error' });
      });
      return autoUpdater.checkForUpdatesAndNotify();
    })
    .catch((err: unknown) => log(`auto-update unavailable: ${(err as Error).message}`));
  return () => state;
}
