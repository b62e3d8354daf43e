import { describe, expect, it } from 'vitest';
import { isPermissionAllowed } from './permissions';
import { isTrustedIpcSender } from './ipcSender';

const origin = 'http://127.0.0.1:4000';

describe('isPermissionAllowed', () => {
  it('grants clipboard writes to the console', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'http://127.0.0.1:4000/cases', origin)).toBe(true);
  });

  it.each(['media', 'geolocation', 'notifications', 'midi', 'hid', 'openExternal', 'clipboard-read', 'fullscreen'])('denies %s even to the console', (permission) => {
    expect(isPermissionAllowed(permission, 'http://127.0.0.1:4000/', origin)).toBe(false);
  });

  it('denies clipboard writes to any other origin', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'https://evil.com/', origin)).toBe(false);
  });

  it('denies everything before the backend origin is known', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', 'http://127.0.0.1:4000/', null)).toBe(false);
  });
});

describe('isTrustedIpcSender', () => {
  it('trusts the top frame of the console', () => {
    expect(isTrustedIpcSender({ url: 'http://127.0.0.1:4000/cases/C1', isMainFrame: true }, origin)).toBe(true);
  });

  it.each([
    ['a sub-frame on the console origin', { url: 'http://127.0.0.1:4000/frame', isMainFrame: false }],
    ['a top frame elsewhere', { url: 'https://evil.com/', isMainFrame: true }],
    ['a frame that is gone', { url: null, isMainFrame: true }],
    ['another port', { url: 'http://127.0.0.1:4001/', isMainFrame: true }],
  ])('refuses %s', (_name, sender) => {
    expect(isTrustedIpcSender(sender, origin)).toBe(false);
  });

  it('refuses everyone before the backend origin is known', () => {
    expect(isTrustedIpcSender({ url: 'http://127.0.0.1:4000/', isMainFrame: true }, null)).toBe(false);
  });
});
