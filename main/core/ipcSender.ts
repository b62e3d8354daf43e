import { isAllowedUrl } from './originGuard';

/** What main knows about the frame that sent an IPC message (from `event.senderFrame`). */
export interface IpcSenderInfo {
  /** null when the frame is gone (navigated or destroyed) by the time the message is handled. */
  url: string | null;
  isMainFrame: boolean;
}

/**
 * Only the top frame of a page on the backend's origin may talk to main. Sub-frames and pages
 * that navigated elsewhere are refused, whatever they send.
 */
export function isTrustedIpcSender(sender: IpcSenderInfo, allowedOrigin: string | null): boolean {
  if (allowedOrigin === null || sender.url === null || !sender.isMainFrame) return false;
  return isAllowedUrl(sender.url, allowedOrigin);
}
