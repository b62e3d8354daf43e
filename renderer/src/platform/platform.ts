/** The renderer's only window onto its host: the desktop shell (preload bridge) or a plain browser. */
export interface Platform {
  backendBaseUrl(): string;
  launchToken(): string | null;
  notify(title: string, body: string): void;
  onDeepLink(cb: (url: string) => void): () => void;
  appVersion(): string;
  /** Opens a presigned download outside the app; false when refused. */
  openDownload(url: string): Promise<boolean>;
}
