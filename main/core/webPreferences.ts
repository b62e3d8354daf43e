import type { WebPreferences } from 'electron';
import { formatBridgeArgs, type BridgeLaunchArgs } from '../../common/desktopBridge';

export interface SecureWebPreferencesInput extends BridgeLaunchArgs {
  /** Absolute path of the bundled preload (CommonJS: sandboxed preloads cannot be ESM). */
  preloadPath: string;
}

/**
 * The only webPreferences CS360 windows get. Each value is one item of Electron's security
 * checklist; the test beside this file pins them so a refactor cannot quietly relax one.
 */
export function secureWebPreferences(input: SecureWebPreferencesInput): WebPreferences {
  const { preloadPath, ...bridge } = input;
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    // Middle-click would open links in a new window; new windows are denied anyway.
    disableBlinkFeatures: 'Auxclick',
    navigateOnDragDrop: false,
    safeDialogs: true,
    additionalArguments: formatBridgeArgs(bridge),
  };
}
