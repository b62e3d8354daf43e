import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackendStartError, parseBackendReady, waitForBackendReady } from './backendReady';

describe('parseBackendReady', () => {
  it('accepts { type: "ready", port }', () => {
    expect(parseBackendReady({ type: 'ready', port: 43517 })).toEqual({ type: 'ready', port: 43517 });
  });

  it('drops extra fields', () => {
    expect(parseBackendReady({ type: 'ready', port: 1, url: 'http://evil.com' })).toEqual({ type: 'ready', port: 1 });
  });

  it.each([
    ['null', null],
    ['a string', 'ready'],
    ['a number', 4000],
    ['another type', { type: 'log', port: 4000 }],
    ['a missing port', { type: 'ready' }],
    ['port 0 (the request, not the bound port)', { type: 'ready', port: 0 }],
    ['a port above 65535', { type: 'ready', port: 65536 }],
    ['a negative port', { type: 'ready', port: -1 }],
    ['a fractional port', { type: 'ready', port: 4000.5 }],
    ['a port as a string', { type: 'ready', port: '4000' }],
    ['NaN', { type: 'ready', port: Number.NaN }],
  ])('rejects %s', (_name, message) => {
    expect(parseBackendReady(message)).toBeNull();
  });
});

describe('waitForBackendReady', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('resolves with the first valid ready message, ignoring others before it', async () => {
    const child = new EventEmitter();
    const ready = waitForBackendReady(child, 1000);
    child.emit('message', { type: 'log', line: 'starting' });
    child.emit('message', { type: 'ready', port: 0 });
    child.emit('message', { type: 'ready', port: 5123 });
    await expect(ready).resolves.toEqual({ type: 'ready', port: 5123 });
    expect(child.listenerCount('message')).toBe(0);
    expect(child.listenerCount('exit')).toBe(0);
  });

  it('rejects when the process exits before it is ready', async () => {
    const child = new EventEmitter();
    const ready = waitForBackendReady(child, 1000);
    child.emit('exit', 2);
    await expect(ready).rejects.toThrow(new BackendStartError('backend exited with code 2 before it was ready'));
    expect(child.listenerCount('message')).toBe(0);
  });

  it('rejects after the timeout when no valid message arrives', async () => {
    const child = new EventEmitter();
    const ready = waitForBackendReady(child, 1000);
    const settled = expect(ready).rejects.toThrow(/not ready after 1000 ms/);
    child.emit('message', { type: 'ready', port: 'nope' });
    await vi.advanceTimersByTimeAsync(1000);
    await settled;
    expect(child.listenerCount('exit')).toBe(0);
  });

  it('does not reject on exit after it resolved', async () => {
    const child = new EventEmitter();
    const ready = waitForBackendReady(child, 1000);
    child.emit('message', { type: 'ready', port: 4000 });
    child.emit('exit', 0);
    await expect(ready).resolves.toEqual({ type: 'ready', port: 4000 });
  });
});
