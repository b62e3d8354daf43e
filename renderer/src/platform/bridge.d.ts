/** What the Electron preload exposes on window.cs360 (contextBridge). Absent in a plain browser. */
export interface Cs360Bridge {
  readonly backendBaseUrl: string;
  readonly launchToken: string;
  readonly appVersion: string;
  notify(title: string, body: string): void;
  /** Returns an unsubscribe function. */
  onDeepLink(cb: (url: string) => void): () => void;
}

declare global {
  interface Window {
    cs360?: Cs360Bridge;
  }
}
