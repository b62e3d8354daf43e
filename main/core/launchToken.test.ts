import { describe, expect, it } from 'vitest';
import { newLaunchToken } from './launchToken';

describe('newLaunchToken', () => {
  it('is 32 random bytes in base64url: long enough for the backend, safe in argv and headers', () => {
    const token = newLaunchToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('differs on every launch', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => newLaunchToken()));
    expect(tokens.size).toBe(50);
  });

  it('encodes exactly the bytes the source gives', () => {
    const token = newLaunchToken((size) => Buffer.alloc(size, 0xff));
    expect(Buffer.from(token, 'base64url')).toEqual(Buffer.alloc(32, 0xff));
  });
});
