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
  /** Calls `cb` with each `cs360:` link the OS hands to the app; returns an unsubscribe function. */
  onDeepLink(cb: (url: string) => void): () => void;
}

/** The global the preload exposes: `window.cs360`. */
export const DESKTOP_BRIDGE_KEY = 'cs360';

/** IPC channel names. main/ipc owns the handlers; the preload is the only sender/listener. */
export const DESKTOP_IPC = {
  /** renderer → main, args `(title: string, body: string)`. */
  notify: 'cs360:notify',
  /** main → renderer, args `(url: string)`. */
  deepLink: 'cs360:deep-link',
} as const;

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
