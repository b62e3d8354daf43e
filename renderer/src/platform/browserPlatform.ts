import type { Platform } from './platform';

/** Port the bundled backend listens on when the console is opened from a non-http origin. */
export const DEFAULT_BACKEND_URL = 'http://127.0.0.1:4360';

export function baseUrlFor(location: Pick<Location, 'protocol' | 'origin'>): string {
  return location.protocol === 'http:' || location.protocol === 'https:' ? location.origin : DEFAULT_BACKEND_URL;
}

export function createBrowserPlatform(): Platform {
  return {
    backendBaseUrl: () => baseUrlFor(window.location),
    launchToken: () => null,
    notify(title, body) {
      if (typeof Notification === 'undefined') return;
      if (Notification.permission === 'granted') new Notification(title, { body });
    },
    // A browser has no deep links beyond the hash route, which the router already follows.
    onDeepLink: () => () => {},
    // The version belongs to the desktop build; a browser tab only knows it is the web console.
    appVersion: () => 'web',
    // A browser downloads by itself; only https links, in a new tab without an opener.
    async openDownload(url) {
      if (!/^https:\/\//i.test(url)) return false;
      // With noopener, window.open returns null even when the tab opened.
      window.open(url, '_blank', 'noopener,noreferrer');
      return true;
    },
  };
}
