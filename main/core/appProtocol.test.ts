import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, appResponseHeaders, contentSecurityPolicy, isAppUrl, notesOriginFromEnv, objectsOriginFromEnv, resolveAppRequest } from './appProtocol';

const root = resolve('/opt/cs360/dist/renderer');

describe('resolveAppRequest: files inside dist/renderer', () => {
  it.each([
    ['app://cs360/', 'index.html', 'text/html; charset=utf-8'],
    ['app://cs360/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['app://cs360/assets/index-abc.js', 'assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://cs360/assets/index-abc.css?v=1#x', 'assets/index-abc.css', 'text/css; charset=utf-8'],
    ['app://cs360/customers/C0001234', 'index.html', 'text/html; charset=utf-8'],
    ['app://cs360/assets/with%20space.js', 'assets/with space.js', 'text/javascript; charset=utf-8'],
  ])('%s → %s', (url, file, type) => {
    expect(resolveAppRequest(url, root)).toEqual({ kind: 'file', path: join(root, file), contentType: type });
  });
});

describe('resolveAppRequest: traversal and bad requests are refused', () => {
  it.each([
    ['parent segment', 'app://cs360/../../etc/passwd'],
    ['parent segment after a folder', 'app://cs360/assets/../../../etc/passwd'],
    ['encoded dots', 'app://cs360/%2e%2e/%2e%2e/etc/passwd'],
    ['mixed-case encoded dots', 'app://cs360/%2E%2e/secret.js'],
    ['double-encoded dots', 'app://cs360/%252e%252e/secret.js'],
    ['encoded slash', 'app://cs360/..%2f..%2fetc/passwd'],
    ['encoded backslash', 'app://cs360/..%5c..%5cwindows/win.ini'],
    ['backslashes', 'app://cs360/..\\..\\windows\\win.ini'],
    ['backslash inside a name', 'app://cs360/assets\\index.js'],
    ['absolute path after encoded slash', 'app://cs360/%2fetc/passwd'],
    ['drive letter', 'app://cs360/C:/Windows/win.ini'],
    ['double slash absolute', 'app://cs360//etc/passwd.js'],
    ['null byte', 'app://cs360/index.html%00.js'],
    ['raw null byte', 'app://cs360/index.html\0.js'],
    ['newline', 'app://cs360/index\n.html'],
    ['unknown host', 'app://evil/index.html'],
    ['lookalike host', 'app://cs360.evil.com/index.html'],
    ['upper-case lookalike', 'app://cs360evil/index.html'],
    ['credentials', 'app://user:pw@cs360/index.html'],
    ['a port', 'app://cs360:8080/index.html'],
    ['file scheme', 'file:///etc/passwd'],
    ['http scheme', 'http://cs360/index.html'],
    ['unknown file type', 'app://cs360/assets/secrets.env'],
    ['bad percent-encoding', 'app://cs360/%E0%A4%A.js'],
    ['garbage', 'not a url'],
  ])('%s: %s', (_what, url) => {
    const result = resolveAppRequest(url, root);
    expect(result.kind).toBe('refused');
  });

  it('never resolves outside the root, whatever the input', () => {
    const samples = ['..', '%2e%2e', '.%2e', '%2e.', '...', '....//', '..;/', '%c0%ae%c0%ae', '/..', 'a/../..'];
    for (const s of samples) {
      const r = resolveAppRequest(`app://cs360/${s}/etc/passwd.js`, root);
      if (r.kind === 'file') expect(r.path.startsWith(root + '/') || r.path.startsWith(root + '\\')).toBe(true);
    }
  });

  it('refuses methods other than GET and HEAD', () => {
    expect(resolveAppRequest('app://cs360/index.html', root, 'POST')).toMatchObject({ kind: 'refused', status: 405 });
    expect(resolveAppRequest('app://cs360/index.html', root, 'HEAD').kind).toBe('file');
  });
});

describe('content security policy', () => {
  const csp = contentSecurityPolicy('http://127.0.0.1:43517');
  const directives = Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('lets the console talk only to its own backend, over HTTP and WebSocket', () => {
    expect(directives['connect-src']).toEqual(['http://127.0.0.1:43517', 'ws://127.0.0.1:43517']);
  });

  it('loads scripts only from app://cs360: no inline, eval or remote code', () => {
    expect(directives['script-src']).toEqual([APP_ORIGIN]);
    expect(csp).not.toMatch(/unsafe-eval|\*|https?:\/\/(?!127\.0\.0\.1:43517)/);
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
  });

  it.each(['http://localhost:4000', 'https://127.0.0.1:4000', 'http://127.0.0.1', 'http://10.0.0.1:4000'])('refuses a non-loopback backend origin %s', (origin) => {
    expect(() => contentSecurityPolicy(origin)).toThrow(RangeError);
  });

  it('is sent with every response, with nosniff', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8', 'http://127.0.0.1:4000');
    expect(headers['content-security-policy']).toBe(contentSecurityPolicy('http://127.0.0.1:4000'));
    expect(headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('isAppUrl', () => {
  it.each(['app://cs360/', 'app://cs360/index.html', 'app://cs360/customers/C1?x=1#y'])('accepts %s', (url) => expect(isAppUrl(url)).toBe(true));
  it.each([
    'app://cs360.evil.com/',
    'app://evil/',
    'app://cs360@evil/',
    'app://x:y@cs360/',
    'app://cs360:1/',
    'http://cs360/',
    'file:///index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '',
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});

describe('content security policy with notes sync (stack mode: CouchDB)', () => {
  const connect = (csp: string) => csp.split('; ').find((d) => d.startsWith('connect-src '))?.split(' ').slice(1);

  it('adds exactly the configured CouchDB origin to connect-src, and nothing else', () => {
    expect(connect(contentSecurityPolicy('http://127.0.0.1:43517', 'http://couch.internal:5984/some/path'))).toEqual(['http://127.0.0.1:43517', 'ws://127.0.0.1:43517', 'http://couch.internal:5984']);
    expect(connect(contentSecurityPolicy('http://127.0.0.1:43517', null))).toEqual(['http://127.0.0.1:43517', 'ws://127.0.0.1:43517']);
  });

  it.each(['*', 'http://*.example.com', 'ftp://couch:21', 'http://admin:secret@couch:5984', 'not a url'])('refuses %s as a notes origin', (origin) => {
    expect(() => contentSecurityPolicy('http://127.0.0.1:43517', origin)).toThrow(RangeError);
  });

  it('reads the origin from the backend’s own variable in stack mode only', () => {
    expect(notesOriginFromEnv({})).toBeNull();
    expect(notesOriginFromEnv({ CS360_MODE: 'stack' })).toBe('http://127.0.0.1:55984');
    expect(notesOriginFromEnv({ CS360_MODE: 'stack', CS360_STACK__COUCHDB__URL: 'https://notes.example.com/' })).toBe('https://notes.example.com');
    expect(appResponseHeaders('text/html', 'http://127.0.0.1:43517', 'https://notes.example.com')['content-security-policy']).toContain('connect-src http://127.0.0.1:43517 ws://127.0.0.1:43517 https://notes.example.com;');
  });
});

describe('content security policy with attachments (the object store)', () => {
  const connect = (csp: string) => csp.split('; ').find((d) => d.startsWith('connect-src '))?.split(' ').slice(1);

  it('adds exactly the configured object-store origin to connect-src, and no other', () => {
    const csp = contentSecurityPolicy('http://127.0.0.1:43517', null, 'http://127.0.0.1:59000/cs360-attachments/x?X-Amz-Expires=300');
    expect(connect(csp)).toEqual(['http://127.0.0.1:43517', 'ws://127.0.0.1:43517', 'http://127.0.0.1:59000']);
    expect(csp).not.toMatch(/\*/);
    // With notes sync too, both exact origins, each once.
    expect(connect(contentSecurityPolicy('http://127.0.0.1:43517', 'http://127.0.0.1:55984', 'http://127.0.0.1:59000'))).toEqual([
      'http://127.0.0.1:43517',
      'ws://127.0.0.1:43517',
      'http://127.0.0.1:55984',
      'http://127.0.0.1:59000',
    ]);
    expect(csp).toContain(`img-src ${APP_ORIGIN} data: http://127.0.0.1:59000;`);
    // Embedded mode: the backend is the object store; nothing is added.
    expect(connect(contentSecurityPolicy('http://127.0.0.1:43517', null, 'http://127.0.0.1:43517'))).toEqual(['http://127.0.0.1:43517', 'ws://127.0.0.1:43517']);
  });

  it.each(['*', 'https://*.amazonaws.com', 'ftp://minio:21', 'http://key:secret@minio:9000', 'not a url'])('refuses %s as an object-store origin', (origin) => {
    expect(() => contentSecurityPolicy('http://127.0.0.1:43517', null, origin)).toThrow(RangeError);
  });

  it('reads the origin browsers reach from the backend’s own variables', () => {
    expect(objectsOriginFromEnv({})).toBeNull();
    expect(objectsOriginFromEnv({ CS360_OBJECTS__PUBLIC_URL: 'https://files.example.com/base' })).toBe('https://files.example.com');
    expect(objectsOriginFromEnv({ CS360_MODE: 'stack' })).toBe('http://127.0.0.1:59000');
    expect(objectsOriginFromEnv({ CS360_MODE: 'stack', CS360_STACK__S3__ENDPOINT: 'http://minio:9000' })).toBe('http://minio:9000');
    expect(objectsOriginFromEnv({ CS360_MODE: 'stack', CS360_STACK__S3__ENDPOINT: 'http://minio:9000', CS360_STACK__S3__PUBLIC_ENDPOINT: 'http://localhost:9000/' })).toBe('http://localhost:9000');
    expect(appResponseHeaders('text/html', 'http://127.0.0.1:43517', null, 'http://localhost:9000')['content-security-policy']).toContain('connect-src http://127.0.0.1:43517 ws://127.0.0.1:43517 http://localhost:9000;');
  });
});
