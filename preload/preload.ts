import { contextBridge, ipcRenderer } from 'electron';
import { DESKTOP_BRIDGE_KEY, DESKTOP_IPC, MAX_DOWNLOAD_URL_LENGTH, NOTIFY_LIMITS, parseBridgeArgs, type DesktopBridge, type UpdateState } from '../common/desktopBridge';

/**
 * Sandboxed preload (bundled to CommonJS): exposes `window.cs360` and nothing else. Every member
 * is named; no ipcRenderer, no channel parameter, and callbacks never see Electron's event.
 */

const launch = parseBridgeArgs(process.argv);

// Links can arrive before the console has subscribed (main sends them right after load); keep
// them until the first subscriber, then hand them over in order.
const deepLinkListeners = new Set<(url: string) => void>();
const queuedDeepLinks: string[] = [];
ipcRenderer.on(DESKTOP_IPC.deepLink, (_event, url: unknown) => {
  if (typeof url !== 'string') return;
  if (deepLinkListeners.size === 0) {
    if (queuedDeepLinks.length < 20) queuedDeepLinks.push(url);
    return;
  }
  for (const listener of deepLinkListeners) listener(url);
});

const bridge = {
  backendBaseUrl: launch.backendBaseUrl,
  launchToken: launch.launchToken,
  appVersion: launch.appVersion,
  notify(title: string, body: string): void {
    ipcRenderer.send(DESKTOP_IPC.notify, String(title).slice(0, NOTIFY_LIMITS.title), String(body).slice(0, NOTIFY_LIMITS.body));
  },
  openDownload(url: string): Promise<boolean> {
    // Refusals come back as a rejection from main; the renderer only needs yes or no.
    return ipcRenderer.invoke(DESKTOP_IPC.openDownload, String(url).slice(0, MAX_DOWNLOAD_URL_LENGTH)).then(
      (opened: unknown) => opened === true,
      () => false,
    );
  },
  getUpdateState(): Promise<UpdateState> {
    return ipcRenderer.invoke(DESKTOP_IPC.updateState).then(
      (state: unknown) => state as UpdateState,
      () => ({ status: 'error', message: 'unavailable' }) as const,
    );
  },
  onDeepLink(cb: (url: string) => void): () => void {
    if (typeof cb !== 'function') throw new TypeError('onDeepLink expects a function');
    // Wrap so the same function subscribed twice gets two independent subscriptions.
    const listener = (url: string) => cb(url);
    deepLinkListeners.add(listener);
    for (const url of queuedDeepLinks.splice(0)) listener(url);
    return () => {
      deepLinkListeners.delete(listener);
    };
  },
} satisfies DesktopBridge;

contextBridge.exposeInMainWorld(DESKTOP_BRIDGE_KEY, bridge);
