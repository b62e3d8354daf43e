import type { DesktopBridge } from '../../../common/desktopBridge';

/** `window.cs360`, exposed by the desktop preload (common/desktopBridge.ts); absent in a plain browser. */
export type Cs360Bridge = DesktopBridge;

declare global {
  interface Window {
    cs360?: DesktopBridge;
  }
}
