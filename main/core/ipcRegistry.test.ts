import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_IPC } from '../../common/desktopBridge';
import { APP_ORIGIN } from './appProtocol';
import { IPC_CHANNELS, IpcRefused, bindIpcChannels, isAllowedDownloadUrl, parseDownloadHosts, type IpcEventLike } from './ipcRegistry';

const fromFrame = (url: string, parent: unknown = null): IpcEventLike => ({ senderFrame: { url, parent } });
const trusted = fromFrame('app://cs360/index.html');

function setup(origin: string | null = APP_ORIGIN) {
  const handlers = { notify: vi.fn(), openDownload: vi.fn(() => true), updateState: vi.fn(() => ({ status: 'disabled' as const })) };
  const warnings: string[] = [];
  const bound = Object.fromEntries(bindIpcChannels(handlers, () => origin, (m) => warnings.push(m)).map((b) => [b.channel, b]));
  return { handlers, warnings, bound };
}

describe('IPC registry', () => {
  it('names every renderer → main channel of the contract exactly once', () => {
    const names = IPC_CHANNELS.map((c) => c.channel);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual([DESKTOP_IPC.notify, DESKTOP_IPC.openDownload, DESKTOP_IPC.updateState].sort());
  });

  it('passes parsed arguments, and never the event, to the handler', async () => {
    const { handlers, bound } = setup();
    await bound[DESKTOP_IPC.notify]!.listener(trusted, 'New ticket', 'Body');
    expect(handlers.notify).toHaveBeenCalledWith('New ticket', 'Body');
    await expect(bound[DESKTOP_IPC.openDownload]!.listener(trusted, 'https://files.example.com/a?sig=1')).resolves.toBe(true);
    expect(handlers.openDownload).toHaveBeenCalledWith('https://files.example.com/a?sig=1');
    await expect(bound[DESKTOP_IPC.updateState]!.listener(trusted)).resolves.toEqual({ status: 'disabled' });
    for (const call of [...handlers.notify.mock.calls, ...handlers.openDownload.mock.calls]) {
      for (const arg of call) expect(typeof arg).toBe('string');
    }
  });

  it.each([
    ['another origin', fromFrame('https://evil.example/')],
    ['the backend origin', fromFrame('http://127.0.0.1:4000/')],
    ['a lookalike app host', fromFrame('app://cs360.evil/index.html')],
    ['a file:// page', fromFrame('file:///opt/cs360/index.html')],
    ['a sub-frame of the console', fromFrame('app://cs360/index.html', { url: 'app://cs360/' })],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses a sender from %s', async (_what, event) => {
    const { handlers, bound, warnings } = setup();
    await expect(bound[DESKTOP_IPC.notify]!.listener(event, 't', 'b')).resolves.toBeUndefined();
    await expect(bound[DESKTOP_IPC.openDownload]!.listener(event, 'https://files.example.com/a')).rejects.toBeInstanceOf(IpcRefused);
    await expect(bound[DESKTOP_IPC.updateState]!.listener(event)).rejects.toBeInstanceOf(IpcRefused);
    expect(handlers.notify).not.toHaveBeenCalled();
    expect(handlers.openDownload).not.toHaveBeenCalled();
    expect(handlers.updateState).not.toHaveBeenCalled();
    expect(warnings).toHaveLength(3);
  });

  it('refuses everyone while the console origin is unknown', async () => {
    const { bound } = setup(null);
    await expect(bound[DESKTOP_IPC.updateState]!.listener(trusted)).rejects.toBeInstanceOf(IpcRefused);
  });

  it.each([
    [DESKTOP_IPC.notify, []],
    [DESKTOP_IPC.notify, ['only title']],
    [DESKTOP_IPC.notify, [1, 2]],
    [DESKTOP_IPC.notify, ['t', 'b', 'extra']],
    [DESKTOP_IPC.notify, ['t'.repeat(10_000), 'b']],
    [DESKTOP_IPC.openDownload, [{ toString: () => 'https://x' }]],
    [DESKTOP_IPC.openDownload, ['']],
    [DESKTOP_IPC.openDownload, ['https://x/'.padEnd(5000, 'a')]],
    [DESKTOP_IPC.updateState, ['unexpected']],
  ])('refuses %s with arguments %j', async (channel, args) => {
    const { handlers, bound } = setup();
    const call = bound[channel]!.listener(trusted, ...(args as unknown[]));
    if (bound[channel]!.kind === 'invoke') await expect(call).rejects.toBeInstanceOf(IpcRefused);
    else await expect(call).resolves.toBeUndefined();
    expect(handlers.notify).not.toHaveBeenCalled();
    expect(handlers.openDownload).not.toHaveBeenCalled();
    expect(handlers.updateState).not.toHaveBeenCalled();
  });
});

describe('openDownload allowlist (shell.openExternal)', () => {
  const hosts = parseDownloadHosts(' Files.Example.com, cs360-attachments.s3.amazonaws.com ,bad host,.dot, localhost');

  it('parses the allowlist', () => {
    expect(hosts).toEqual(['files.example.com', 'cs360-attachments.s3.amazonaws.com']);
  });

  it.each(['https://files.example.com/a.pdf?X-Amz-Signature=abc', 'https://FILES.example.com/x', 'https://cs360-attachments.s3.amazonaws.com/case/1/a.png?sig=1'])('opens %s', (url) => {
    expect(isAllowedDownloadUrl(url, hosts)).toBe(true);
  });

  it.each([
    ['plain http', 'http://files.example.com/a.pdf'],
    ['userinfo trick', 'https://files.example.com@evil.com/a.pdf'],
    ['credentials', 'https://user:pw@files.example.com/a.pdf'],
    ['lookalike host', 'https://files.example.com.evil.com/a.pdf'],
    ['subdomain of an allowed host', 'https://x.files.example.com/a.pdf'],
    ['another port', 'https://files.example.com:8443/a.pdf'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['file:', 'file:///etc/passwd'],
    ['custom scheme', 'ms-msdt:/id PCWDiagnostic'],
    ['unparsable', 'not a url'],
    ['too long', `https://files.example.com/${'a'.repeat(5000)}`],
  ])('refuses %s', (_what, url) => {
    expect(isAllowedDownloadUrl(url, hosts)).toBe(false);
  });

  it('opens nothing with an empty allowlist', () => {
    expect(isAllowedDownloadUrl('https://files.example.com/a', parseDownloadHosts(undefined))).toBe(false);
  });
});
