import { describe, expect, it } from 'vitest';
import { DEFAULT_BACKEND_URL, baseUrlFor } from './browserPlatform';

describe('browser platform', () => {
  it('talks to its own origin when served over http(s)', () => {
    expect(baseUrlFor({ protocol: 'http:', origin: 'http://127.0.0.1:4360' })).toBe('http://127.0.0.1:4360');
    expect(baseUrlFor({ protocol: 'https:', origin: 'https://cs.example.vn' })).toBe('https://cs.example.vn');
  });
  it('falls back to the bundled backend otherwise', () => {
    expect(baseUrlFor({ protocol: 'file:', origin: 'null' })).toBe(DEFAULT_BACKEND_URL);
    expect(baseUrlFor({ protocol: 'app:', origin: 'app://cs360' })).toBe(DEFAULT_BACKEND_URL);
  });
});
