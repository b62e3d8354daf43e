/**
 * The contract between the desktop preload and the renderer: what `window.cs360` offers.
 * The preload implements it (`satisfies DesktopBridge`); a browser implementation of the same
 * interface lets the console run without Electron (`npm run web`).
 *
 * Named members only: a generic `invoke(channel, …)` would hand the renderer all of main.
 * Callbacks never receive Electron's IPC event (it carries `sender`, a way back into main).
 */
export interface DesktopBridge {
  /** Origin of the bundled backend, e.g. `http://127.0.0.1:43517` (no trailing slash). */
  readonly backendBaseUrl: string;
  /** Per-launch secret the backend expects in `x-cs360-launch-token` and in the socket.io auth. */
  readonly launchToken: string;
  readonly appVersion: string;
  /** Shows a native notification (main validates and may drop it). */
  notify(title: string, body: string): void;
  /**
   * Opens a presigned download URL in the system browser. Resolves true when main opened it,
   * false when it refused (not https, host not allowlisted, credentials in the URL, too long).
   */
  openDownload(url: string): Promise<boolean>;
  /** Auto-update state: 'disabled' unless the build has an update feed URL. */
  getUpdateState(): Promise<UpdateState>;
  /** Calls `cb` with each `cs360:` link the OS hands to the app; returns an unsubscribe function. */
  onDeepLink(cb: (url: string) => void): () => void;
}

export type UpdateState =
  | { status: 'disabled' }
  | { status: 'idle' | 'checking' | 'up-to-date' }
  | { status: 'available' | 'downloaded'; version: string }
  | { status: 'error'; message: string };

/** Every member of `window.cs360`, in the order the preload defines them. A test pins the preload to this list. */
export const DESKTOP_BRIDGE_MEMBERS = ['backendBaseUrl', 'launchToken', 'appVersion', 'notify', 'openDownload', 'getUpdateState', 'onDeepLink'] as const satisfies readonly (keyof DesktopBridge)[];

/** The global the preload exposes: `window.cs360`. */
export const DESKTOP_BRIDGE_KEY = 'cs360';

/** IPC channel names. main/ipc owns the handlers; the preload is the only sender/listener. */
export const DESKTOP_IPC = {
  /** renderer → main, args `(title: string, body: string)`. */
  notify: 'cs360:notify',
  /** renderer → main (invoke), args `(url: string)`, returns boolean. */
  openDownload: 'cs360:open-download',
  /** renderer → main (invoke), no args, returns UpdateState. */
  updateState: 'cs360:update-state',
  /** main → renderer, args `(url: string)`. */
  deepLink: 'cs360:deep-link',
} as const;

/** Longest URL main accepts from `openDownload` (presigned S3 URLs run to ~1.5 kB). */
export const MAX_DOWNLOAD_URL_LENGTH = 4096;

/** Limits main enforces on `notify`; the preload truncates to them so calls are not silently dropped. */
export const NOTIFY_LIMITS = { title: 120, body: 500 } as const;

/**
 * Values main hands to the sandboxed preload through `webPreferences.additionalArguments`
 * (appended to the renderer's `process.argv`). A sandboxed preload has no `app` or `fs`, so this
 * is how it learns them.
 */
export interface BridgeLaunchArgs {
  backendBaseUrl: string;
  launchToken: string;
  appVersion: string;
}

export const BRIDGE_ARG_PREFIX = {
  backendBaseUrl: '--cs360-backend=',
  launchToken: '--cs360-token=',
  appVersion: '--cs360-version=',
} as const satisfies Record<keyof BridgeLaunchArgs, string>;

/** Formats the arguments main passes in `additionalArguments`. */
export function formatBridgeArgs(args: BridgeLaunchArgs): string[] {
  return (Object.keys(BRIDGE_ARG_PREFIX) as (keyof BridgeLaunchArgs)[]).map((key) => `${BRIDGE_ARG_PREFIX[key]}${args[key]}`);
}

/**
 * Reads the arguments back from `process.argv`. The last occurrence wins (additionalArguments
 * are appended after Chromium's own switches). Missing values come back as empty strings so the
 * renderer can tell "no desktop backend" without the preload throwing.
 */
export function parseBridgeArgs(argv: readonly string[]): BridgeLaunchArgs {
  const read = (prefix: string): string => {
    for (let i = argv.length - 1; i >= 0; i--) {
      const arg = argv[i];
      if (arg !== undefined && arg.startsWith(prefix)) return arg.slice(prefix.length);
    }
    return '';
  };
  return {
    backendBaseUrl: read(BRIDGE_ARG_PREFIX.backendBaseUrl),
    launchToken: read(BRIDGE_ARG_PREFIX.launchToken),
    appVersion: read(BRIDGE_ARG_PREFIX.appVersion),
  };
}
