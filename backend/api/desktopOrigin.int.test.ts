import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/testApp';
import { DESKTOP_ORIGIN, allowDesktopOrigin } from './desktopOrigin';

// Desktop mode as backend/main.ts sets it up: a launch token, and the app://cs360 origin allowed.
const launchToken = 'desktop-launch-token-0123456789';

describe('desktop origin (app://cs360) in desktop mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ auth: { launchToken } });
    allowDesktopOrigin(t.app.server.server);
  });
  afterAll(() => t?.close());

  const preflight = (origin: string, path = '/graphql') =>
    fetch(`${t.baseUrl}${path}`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-cs360-launch-token, authorization' },
    });

  it('answers a preflight from app://cs360 without needing the token', async () => {
    const res = await preflight(DESKTOP_ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(DESKTOP_ORIGIN);
    expect(res.headers.get('access-control-allow-headers')).toContain('x-cs360-launch-token');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('lets app://cs360 read responses of requests that carry the token', async () => {
    const res = await fetch(`${t.baseUrl}/api/auth/agents`, { headers: { origin: DESKTOP_ORIGIN, 'x-cs360-launch-token': launchToken } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(DESKTOP_ORIGIN);
  });

  it.each(['https://evil.example', 'app://cs360.evil', 'null', 'http://127.0.0.1:1234', 'APP://CS360'])('gives origin %s no CORS headers', async (origin) => {
    const pre = await preflight(origin);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(pre.headers.get('access-control-allow-methods')).toBeNull();
    const res = await fetch(`${t.baseUrl}/api/auth/agents`, { headers: { origin, 'x-cs360-launch-token': launchToken } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { 'x-cs360-launch-token': 'wrong-token-wrong-token-0000' }],
  ])('refuses a request from app://cs360 with %s: 401 UNAUTHENTICATED', async (_what, headers: Record<string, string>) => {
    for (const path of ['/api/auth/agents', '/graphql', '/support/nothing']) {
      const res = await fetch(`${t.baseUrl}${path}`, { headers: { origin: DESKTOP_ORIGIN, ...headers } });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lets socket.io accept app://cs360 and no other origin', async () => {
    const handshake = (origin: string) => fetch(`${t.baseUrl}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });
    const ok = await handshake(DESKTOP_ORIGIN);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(DESKTOP_ORIGIN);
    const other = await handshake('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('without a launch token (browser mode)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('socket.io allows no cross origin', async () => {
    const res = await fetch(`${t.baseUrl}/socket.io/?EIO=4&transport=polling`, { headers: { origin: DESKTOP_ORIGIN } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
