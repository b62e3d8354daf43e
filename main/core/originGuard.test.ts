import { describe, expect, it } from 'vitest';
import { backendOrigin, isAllowedUrl } from './originGuard';

const origin = backendOrigin(4000);

describe('backendOrigin', () => {
  it('is the loopback origin of the port', () => {
    expect(origin).toBe('http://127.0.0.1:4000');
  });

  it.each([0, -1, 65536, 1.5, Number.NaN])('rejects %s as a port', (port) => {
    expect(() => backendOrigin(port)).toThrow(RangeError);
  });
});

describe('isAllowedUrl', () => {
  it.each([
    'http://127.0.0.1:4000/',
    'http://127.0.0.1:4000',
    'http://127.0.0.1:4000/cases/C0001234?tab=timeline#notes',
    'HTTP://127.0.0.1:4000/upper-case-scheme',
  ])('accepts the backend origin: %s', (url) => {
    expect(isAllowedUrl(url, origin)).toBe(true);
  });

  it.each([
    ['another port on the same host', 'http://127.0.0.1:4001/'],
    ['the default port', 'http://127.0.0.1/'],
    ['https on the same host and port', 'https://127.0.0.1:4000/'],
    ['localhost instead of 127.0.0.1', 'http://localhost:4000/'],
    ['another loopback address', 'http://127.0.0.2:4000/'],
    ['IPv6 loopback', 'http://[::1]:4000/'],
    ['a foreign site', 'https://evil.com'],
    ['userinfo that looks like the origin', 'http://127.0.0.1:4000@evil.com/'],
    ['userinfo on the real origin', 'http://user:pass@127.0.0.1:4000/'],
    ['a host that starts like the origin', 'http://127.0.0.1.evil.com:4000/'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: mentioning the origin', 'javascript://127.0.0.1:4000/%0aalert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['a custom scheme', 'cs360://127.0.0.1:4000/'],
    ['an empty string', ''],
    ['garbage', 'not a url'],
    ['a relative path', '/cases/1'],
  ])('rejects %s', (_name, url) => {
    expect(isAllowedUrl(url, origin)).toBe(false);
  });

  it('rejects everything when the allowed origin itself is unparsable', () => {
    expect(isAllowedUrl('http://127.0.0.1:4000/', 'not a url')).toBe(false);
  });

  it('does not treat two opaque origins as equal', () => {
    expect(isAllowedUrl('data:text/html,a', 'data:text/html,b')).toBe(false);
  });
});
