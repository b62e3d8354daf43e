import { ipcMain } from 'electron';
import { bindIpcChannels, type IpcHandlers } from '../core/ipcRegistry';

/**
 * The only place the app touches ipcMain (lint bans it elsewhere). Channels, sender checks and
 * argument schemas live in core/ipcRegistry.ts; this registers them and returns an undo.
 */
export function registerIpc(handlers: IpcHandlers, allowedOrigin: () => string | null, warn: (message: string) => void): () => void {
  const bound = bindIpcChannels(handlers, allowedOrigin, warn);
  for (const b of bound) {
    if (b.kind === 'invoke') ipcMain.handle(b.channel, (event, ...args) => b.listener(event, ...args));
    else ipcMain.on(b.channel, (event, ...args) => void b.listener(event, ...args));
  }
  return () => {
    for (const b of bound) {
      if (b.kind === 'invoke') ipcMain.removeHandler(b.channel);
      else ipcMain.removeAllListeners(b.channel);
    }
  };
}
