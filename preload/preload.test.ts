import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_BRIDGE_KEY, DESKTOP_BRIDGE_MEMBERS, DESKTOP_IPC, type DesktopBridge } from '../common/desktopBridge';

// The preload runs in Electron's sandbox; here electron is a fake that records what it is given.
const exposed = new Map<string, unknown>();
const rendererListeners = new Map<string, (...args: unknown[]) => void>();
const send = vi.fn();
const invoke = vi.fn(async (channel: string) => (channel === DESKTOP_IPC.openDownload ? true : { status: 'disabled' }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    on: (channel: string, listener: (...args: unknown[]) => void) => rendererListeners.set(channel, listener),
    send: (...args: unknown[]) => send(...args),
    invoke: (...args: [string]) => invoke(...args),
  },
}));

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
// Compile-time: the member list covers the interface exactly (typecheck fails otherwise).
const membersCoverContract: Equal<(typeof DESKTOP_BRIDGE_MEMBERS)[number], keyof DesktopBridge> = true;

async function loadPreload(): Promise<DesktopBridge> {
  vi.resetModules();
  exposed.clear();
  rendererListeners.clear();
  process.argv.push('--cs360-backend=http://127.0.0.1:4000', '--cs360-token=tok', '--cs360-version=1.2.3');
  await import('./preload');
  return exposed.get(DESKTOP_BRIDGE_KEY) as DesktopBridge;
}

describe('preload surface', () => {
  beforeEach(() => {
    send.mockClear();
    invoke.mockClear();
  });

  it('exposes exactly window.cs360 with exactly the contract members', async () => {
    expect(membersCoverContract).toBe(true);
    const bridge = await loadPreload();
    expect([...exposed.keys()]).toEqual([DESKTOP_BRIDGE_KEY]);
    expect(Object.keys(bridge)).toEqual([...DESKTOP_BRIDGE_MEMBERS]);
    expect(bridge).not.toHaveProperty('invoke');
    expect(bridge).not.toHaveProperty('ipcRenderer');
    expect(bridge.backendBaseUrl).toBe('http://127.0.0.1:4000');
    expect(bridge.launchToken).toBe('tok');
    expect(bridge.appVersion).toBe('1.2.3');
  });

  it('sends only fixed channel names with plain string arguments', async () => {
    const bridge = await loadPreload();
    bridge.notify('Title', 'Body');
    expect(send).toHaveBeenCalledWith(DESKTOP_IPC.notify, 'Title', 'Body');
    await expect(bridge.openDownload('https://files.example.com/a')).resolves.toBe(true);
    expect(invoke).toHaveBeenCalledWith(DESKTOP_IPC.openDownload, 'https://files.example.com/a');
    await expect(bridge.getUpdateState()).resolves.toEqual({ status: 'disabled' });
    expect(invoke).toHaveBeenLastCalledWith(DESKTOP_IPC.updateState);
  });

  it('turns a refusal from main into false, not an exception with main internals', async () => {
    const bridge = await loadPreload();
    invoke.mockRejectedValueOnce(new Error("Error invoking remote method 'cs360:open-download': IpcRefused"));
    await expect(bridge.openDownload('http://evil/')).resolves.toBe(false);
  });

  it('hands deep-link callbacks the URL only, never the Electron event', async () => {
    const bridge = await loadPreload();
    const fakeEvent = { sender: { send: vi.fn() }, senderFrame: {} };
    const deliver = rendererListeners.get(DESKTOP_IPC.deepLink)!;
    deliver(fakeEvent, 'cs360://customer/C1'); // queued until someone subscribes
    const cb = vi.fn();
    const unsubscribe = bridge.onDeepLink(cb);
    deliver(fakeEvent, 'cs360://customer/C2');
    deliver(fakeEvent, { not: 'a string' });
    expect(cb.mock.calls).toEqual([['cs360://customer/C1'], ['cs360://customer/C2']]);
    unsubscribe();
    deliver(fakeEvent, 'cs360://customer/C3');
    expect(cb).toHaveBeenCalledTimes(2);
  });
});
