import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { hardenSession, hardenWebContents } from './windowSecurity';

const ORIGIN = 'http://127.0.0.1:4000';

/** Just enough of WebContents: events plus the window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

function harden(origin: string | null = ORIGIN) {
  const contents = new FakeContents();
  const warnings: string[] = [];
  hardenWebContents(contents as unknown as WebContents, () => origin, (m) => warnings.push(m));
  return { contents, warnings };
}

function emit(contents: FakeContents, event: string, details: { url?: string; isMainFrame?: boolean } = {}) {
  let prevented = false;
  contents.emit(event, { ...details, preventDefault: () => (prevented = true) });
  return prevented;
}

describe('hardenWebContents', () => {
  it('denies every new window, even on the console origin', () => {
    const { contents, warnings } = harden();
    expect(contents.openHandler?.({ url: 'https://evil.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: `${ORIGIN}/popup` })).toEqual({ action: 'deny' });
    expect(warnings).toHaveLength(2);
  });

  it('lets the console navigate within its origin', () => {
    const { contents } = harden();
    expect(emit(contents, 'will-navigate', { url: `${ORIGIN}/cases/C1` })).toBe(false);
  });

  it.each(['https://evil.com/', 'http://127.0.0.1:4001/', 'file:///etc/passwd', 'http://127.0.0.1:4000@evil.com/'])('blocks navigation to %s', (url) => {
    const { contents } = harden();
    expect(emit(contents, 'will-navigate', { url })).toBe(true);
  });

  it('blocks all navigation while the backend origin is unknown', () => {
    const { contents } = harden(null);
    expect(emit(contents, 'will-navigate', { url: `${ORIGIN}/` })).toBe(true);
  });

  it('blocks main-frame redirects off the origin and leaves sub-frame redirects to CSP', () => {
    const { contents } = harden();
    expect(emit(contents, 'will-redirect', { url: 'https://evil.com/', isMainFrame: true })).toBe(true);
    expect(emit(contents, 'will-redirect', { url: `${ORIGIN}/login`, isMainFrame: true })).toBe(false);
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = harden();
    expect(emit(contents, 'will-attach-webview')).toBe(true);
  });
});

describe('hardenSession', () => {
  type RequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
  type CheckHandler = (wc: unknown, permission: string, requestingOrigin: string) => boolean;

  function session() {
    const handlers: { request?: RequestHandler; check?: CheckHandler } = {};
    const fake = {
      setPermissionRequestHandler: (h: RequestHandler) => (handlers.request = h),
      setPermissionCheckHandler: (h: CheckHandler) => (handlers.check = h),
    };
    hardenSession(fake as unknown as Session, () => ORIGIN);
    const request = (permission: string, requestingUrl: string) => {
      let granted: boolean | undefined;
      handlers.request?.(null, permission, (g) => (granted = g), { requestingUrl });
      return granted;
    };
    return { request, check: (permission: string, origin: string) => handlers.check?.(null, permission, origin) };
  }

  it('denies permission requests by default and answers every one', () => {
    const { request } = session();
    expect(request('media', `${ORIGIN}/`)).toBe(false);
    expect(request('geolocation', `${ORIGIN}/`)).toBe(false);
    expect(request('clipboard-sanitized-write', 'https://evil.com/')).toBe(false);
  });

  it('grants clipboard writes to the console', () => {
    const { request, check } = session();
    expect(request('clipboard-sanitized-write', `${ORIGIN}/cases`)).toBe(true);
    expect(check('clipboard-sanitized-write', ORIGIN)).toBe(true);
  });

  it('answers permission checks with a denial for everything else', () => {
    const { check } = session();
    expect(check('notifications', ORIGIN)).toBe(false);
    expect(check('clipboard-read', ORIGIN)).toBe(false);
  });
});
