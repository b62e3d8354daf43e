import type { Session, WebContents } from 'electron';
import { isAllowedUrl } from './originGuard';
import { isPermissionAllowed } from './permissions';

/** Where the console may live; null until the backend has reported its port (deny everything meanwhile). */
export type AllowedOrigin = () => string | null;

const allowed = (url: string, origin: AllowedOrigin): boolean => {
  const o = origin();
  return o !== null && isAllowedUrl(url, o);
};

/**
 * Applied to every WebContents the app creates (via app's `web-contents-created`): no new
 * windows, no navigation or redirect off the console's origin, no <webview>.
 * Links to the outside world are dropped for now; an openExternal allowlist is a later issue.
 */
export function hardenWebContents(contents: WebContents, origin: AllowedOrigin, warn: (message: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    warn(`blocked new window: ${url}`);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event) => {
    if (!allowed(event.url, origin)) {
      event.preventDefault();
      warn(`blocked navigation: ${event.url}`);
    }
  });
  contents.on('will-redirect', (event) => {
    if (event.isMainFrame && !allowed(event.url, origin)) {
      event.preventDefault();
      warn(`blocked redirect: ${event.url}`);
    }
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    warn('blocked <webview>');
  });
}

/** Deny-by-default permissions for a session (see core/permissions.ts for the short allowlist). */
export function hardenSession(session: Session, origin: AllowedOrigin): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, origin()));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin, origin()));
}
