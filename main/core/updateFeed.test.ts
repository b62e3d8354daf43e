import { describe, expect, it } from 'vitest';
import { nextUpdateState, parseUpdateFeed } from './updateFeed';

describe('update feed', () => {
  it('stays off without a feed URL', () => {
    expect(parseUpdateFeed(undefined)).toBeNull();
    expect(parseUpdateFeed('')).toBeNull();
  });
  it.each(['http://updates.cs360.vn/', 'file:///tmp/feed', 'javascript:alert(1)', 'https://user:pw@updates.cs360.vn/', 'not a url'])('refuses %s', (raw) => {
    expect(parseUpdateFeed(raw)).toBeNull();
  });
  it('accepts an https feed for the generic provider', () => {
    expect(parseUpdateFeed('https://updates.cs360.vn/desktop')).toEqual({ provider: 'generic', url: 'https://updates.cs360.vn/desktop' });
  });
  it('follows electron-updater events', () => {
    let s = nextUpdateState({ status: 'idle' }, { type: 'checking-for-update' });
    expect(s).toEqual({ status: 'checking' });
    s = nextUpdateState(s, { type: 'update-available', version: '1.2.0' });
    s = nextUpdateState(s, { type: 'update-downloaded', version: '1.2.0' });
    expect(nextUpdateState(s, { type: 'error' })).toEqual({ status: 'downloaded', version: '1.2.0' });
    expect(nextUpdateState({ status: 'checking' }, { type: 'error' })).toEqual({ status: 'idle' });
  });
});
