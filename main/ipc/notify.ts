import { Notification, ipcMain } from 'electron';
import { DESKTOP_IPC } from '../../common/desktopBridge';
import { isTrustedIpcSender } from '../core/ipcSender';
import { parseNotifyRequest } from '../core/notifyRequest';

/**
 * renderer → main: show a native notification. The sender must be the top frame of the console
 * origin, and the arguments must parse; anything else is dropped without a reply (a later issue
 * folds this into a validated IPC registry).
 */
export function registerNotifyHandler(allowedOrigin: () => string | null, warn: (message: string) => void): () => void {
  const listener = (event: Electron.IpcMainEvent, ...args: unknown[]) => {
    const frame = event.senderFrame;
    const sender = { url: frame?.url ?? null, isMainFrame: frame !== null && frame.parent === null };
    if (!isTrustedIpcSender(sender, allowedOrigin())) {
      warn(`refused ${DESKTOP_IPC.notify} from ${sender.url ?? 'a destroyed frame'}`);
      return;
    }
    const request = parseNotifyRequest(args);
    if (!request || !Notification.isSupported()) return;
    new Notification({ title: request.title, body: request.body, silent: false }).show();
  };
  ipcMain.on(DESKTOP_IPC.notify, listener);
  return () => ipcMain.off(DESKTOP_IPC.notify, listener);
}
