import type { Cs360Bridge } from './bridge';
import type { Platform } from './platform';

export function createElectronPlatform(bridge: Cs360Bridge): Platform {
  return {
    backendBaseUrl: () => bridge.backendBaseUrl.replace(/\/+$/, ''),
    launchToken: () => bridge.launchToken || null,
    notify: (title, body) => bridge.notify(title, body),
    onDeepLink: (cb) => bridge.onDeepLink(cb),
    appVersion: () => bridge.appVersion,
  };
}
