import { isAllowedUrl } from './originGuard';

/**
 * Permissions the console may be granted, and only on the backend's origin. Everything else
 * (camera, microphone, geolocation, notifications through the web API, MIDI, HID, …) is denied:
 * notifications go through the bridge's `notify`, which main validates.
 */
const GRANTABLE = new Set<string>(['clipboard-sanitized-write']);

export function isPermissionAllowed(permission: string, requestingUrl: string, allowedOrigin: string | null): boolean {
  if (allowedOrigin === null) return false;
  return GRANTABLE.has(permission) && isAllowedUrl(requestingUrl, allowedOrigin);
}
