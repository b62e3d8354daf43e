import { describe, expect, it } from 'vitest';
import { parseBridgeArgs } from '../../common/desktopBridge';
import { secureWebPreferences } from './webPreferences';

const input = {
  preloadPath: '/app/dist/preload/preload.cjs',
  backendBaseUrl: 'http://127.0.0.1:43517',
  launchToken: 'tok_abcdefghijklmnopqrstuvwxyz012345',
  appVersion: '0.1.0',
};

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences(input);

  it('isolates the page from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews, insecure content and experimental features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.enableBlinkFeatures).toBe('');
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
    expect(prefs.navigateOnDragDrop).toBe(false);
  });

  it('uses the given preload', () => {
    expect(prefs.preload).toBe(input.preloadPath);
  });

  it('passes backend URL, token and version to the preload as arguments it can read back', () => {
    expect(prefs.additionalArguments).toEqual([
      '--cs360-backend=http://127.0.0.1:43517',
      '--cs360-token=tok_abcdefghijklmnopqrstuvwxyz012345',
      '--cs360-version=0.1.0',
    ]);
    const argv = ['/opt/CS360/cs360', '--type=renderer', ...(prefs.additionalArguments ?? [])];
    expect(parseBridgeArgs(argv)).toEqual({ backendBaseUrl: input.backendBaseUrl, launchToken: input.launchToken, appVersion: '0.1.0' });
  });

  it('does not leak the preload path into the arguments', () => {
    expect(prefs.additionalArguments?.join(' ')).not.toContain('preload.cjs');
  });
});

describe('parseBridgeArgs', () => {
  it('returns empty strings when the arguments are absent', () => {
    expect(parseBridgeArgs(['/usr/bin/electron', '--type=renderer'])).toEqual({ backendBaseUrl: '', launchToken: '', appVersion: '' });
  });

  it('takes the last occurrence, so appended arguments win over earlier switches', () => {
    expect(parseBridgeArgs(['--cs360-token=first', '--cs360-token=second']).launchToken).toBe('second');
  });

  it('keeps "=" inside values', () => {
    expect(parseBridgeArgs(['--cs360-backend=http://127.0.0.1:1/?a=b']).backendBaseUrl).toBe('http://127.0.0.1:1/?a=b');
  });
});
