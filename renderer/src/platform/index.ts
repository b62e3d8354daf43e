import { createBrowserPlatform } from './browserPlatform';
import { createElectronPlatform } from './electronPlatform';
import type { Platform } from './platform';

export type { Platform } from './platform';

let current: Platform | null = null;

/** Picked once, by the presence of the preload bridge. */
export function platform(): Platform {
  if (!current) current = window.cs360 ? createElectronPlatform(window.cs360) : createBrowserPlatform();
  return current;
}
