import { describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, restoreBounds, serializeBounds } from './windowState';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('restores saved bounds that are on a screen', () => {
    const saved = serializeBounds({ x: 100, y: 80, width: 1200, height: 800 }, true);
    expect(restoreBounds(saved, screen)).toEqual({ x: 100, y: 80, width: 1200, height: 800, maximized: true });
  });
  it('drops the position of a window left on an unplugged monitor', () => {
    const saved = serializeBounds({ x: 2500, y: 100, width: 1200, height: 800 }, false);
    expect(restoreBounds(saved, screen)).toEqual({ width: 1200, height: 800, maximized: false });
  });
  it('keeps a window partly on screen', () => {
    expect(restoreBounds(serializeBounds({ x: 1700, y: 900, width: 1200, height: 800 }, false), screen)).toMatchObject({ x: 1700, y: 900 });
  });
  it('enforces the minimum size', () => {
    expect(restoreBounds('{"width":200,"height":100}', screen)).toEqual({ width: 960, height: 600, maximized: false });
  });
  it.each([null, '', 'not json', '[]', '{"width":"big","height":1}', '{"width":1e9,"height":800}', 'null'])('falls back to the default for %j', (saved) => {
    expect(restoreBounds(saved, screen)).toEqual(DEFAULT_BOUNDS);
  });
});
