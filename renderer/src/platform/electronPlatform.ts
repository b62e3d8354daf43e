import type { Cs360Bridge } from './bridge';
import { baseUrlFor } from './browserPlatform';
import type { Platform } from './platform';

export function createElectronPlatform(bridge: Cs360Bridge): Platform {
  return {
    // The preload hands over empty strings when main passed nothing: fall back like a browser.
    backendBaseUrl: () => bridge.backendBaseUrl.replace(/\/+$/, '') || baseUrlFor(window.location),
    launchToken: () => bridge.launchToken || null,
    notify: (title, body) => bridge.notify(title, body),
    onDeepLink: (cb) => bridge.onDeepLink(cb),
    appVersion: () => bridge.appVersion || 'desktop',
    openDownload: (url) => bridge.openDownload(url),
  };
}
