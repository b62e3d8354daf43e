import { z } from 'zod';
import { DESKTOP_IPC, MAX_DOWNLOAD_URL_LENGTH, NOTIFY_LIMITS, type UpdateState } from '../../common/desktopBridge';
import { isTrustedIpcSender, type IpcSenderInfo } from './ipcSender';

/**
 * The one table of renderer → main IPC channels. Each entry names its channel, how it is
 * called (`send`: fire and forget, `invoke`: a reply), a zod schema for its arguments, and a
 * handler that receives only the parsed arguments — never Electron's event. main/ipc/registry.ts
 * is the only place that hands these to ipcMain; this file decides everything else and is tested
 * in plain Node.
 */

/** Generous upper bounds: the preload truncates to NOTIFY_LIMITS, main trims and cleans (core/notifyRequest.ts). */
const notifyArgs = z.tuple([z.string().max(NOTIFY_LIMITS.title * 4), z.string().max(NOTIFY_LIMITS.body * 4)]);
const openDownloadArgs = z.tuple([z.string().min(1).max(MAX_DOWNLOAD_URL_LENGTH)]);
const noArgs = z.tuple([]);

export interface IpcHandlers {
  notify(title: string, body: string): void;
  openDownload(url: string): Promise<boolean> | boolean;
  updateState(): UpdateState;
}

interface ChannelSpec<S extends z.ZodType<readonly unknown[]>> {
  channel: string;
  kind: 'send' | 'invoke';
  args: S;
  run(handlers: IpcHandlers, args: z.infer<S>): unknown;
}

const spec = <S extends z.ZodType<readonly unknown[]>>(s: ChannelSpec<S>): ChannelSpec<S> => s;

export const IPC_CHANNELS = [
  spec({ channel: DESKTOP_IPC.notify, kind: 'send', args: notifyArgs, run: (h, [title, body]) => h.notify(title, body) }),
  spec({ channel: DESKTOP_IPC.openDownload, kind: 'invoke', args: openDownloadArgs, run: (h, [url]) => h.openDownload(url) }),
  spec({ channel: DESKTOP_IPC.updateState, kind: 'invoke', args: noArgs, run: (h) => h.updateState() }),
] as const;

/** The part of IpcMainEvent / IpcMainInvokeEvent the registry reads. */
export interface IpcEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

export function senderInfo(event: IpcEventLike): IpcSenderInfo {
  const frame = event.senderFrame;
  return { url: frame?.url ?? null, isMainFrame: frame !== null && frame.parent === null };
}

export class IpcRefused extends Error {
  constructor(channel: string, reason: string) {
    super(`${channel}: ${reason}`);
    this.name = 'IpcRefused';
  }
}

export interface BoundChannel {
  channel: string;
  kind: 'send' | 'invoke';
  /** For `invoke`, resolves with the reply or rejects with IpcRefused; for `send`, drops refused calls. */
  listener(event: IpcEventLike, ...args: unknown[]): Promise<unknown>;
}

/**
 * Binds every channel to its handler behind two gates: the sender must be the main frame of a
 * page on `allowedOrigin()` (app://cs360), and the arguments must parse. A refused call is
 * logged; an `invoke` caller gets a generic rejection, a `send` gets nothing.
 */
export function bindIpcChannels(handlers: IpcHandlers, allowedOrigin: () => string | null, warn: (message: string) => void): BoundChannel[] {
  return IPC_CHANNELS.map((c: ChannelSpec<z.ZodType<readonly unknown[]>>) => ({
    channel: c.channel,
    kind: c.kind,
    async listener(event: IpcEventLike, ...args: unknown[]) {
      const sender = senderInfo(event);
      if (!isTrustedIpcSender(sender, allowedOrigin())) {
        warn(`refused ${c.channel} from ${sender.url ?? 'a destroyed frame'}${sender.isMainFrame ? '' : ' (sub-frame)'}`);
        if (c.kind === 'invoke') throw new IpcRefused(c.channel, 'untrusted sender');
        return undefined;
      }
      const parsed = c.args.safeParse(args);
      if (!parsed.success) {
        warn(`refused ${c.channel}: invalid arguments`);
        if (c.kind === 'invoke') throw new IpcRefused(c.channel, 'invalid arguments');
        return undefined;
      }
      return c.run(handlers, parsed.data);
    },
  }));
}

/**
 * shell.openExternal policy for presigned downloads: https only, no credentials, the default
 * port, and a host on the allowlist (exact match, lower case). Everything else stays closed.
 */
export function isAllowedDownloadUrl(candidate: string, allowedHosts: readonly string[]): boolean {
  if (candidate.length > MAX_DOWNLOAD_URL_LENGTH) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return false;
  return allowedHosts.some((host) => host.toLowerCase() === url.hostname);
}

/** CS360_DOWNLOAD_HOSTS="bucket.s3.amazonaws.com,files.example.com" → the allowlist. */
export function parseDownloadHosts(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => /^[a-z0-9.-]+$/.test(h) && !h.startsWith('.') && h.includes('.'));
}
