import { describe, expect, it } from 'vitest';
import { findDeepLink, parseDeepLink } from './deepLink';

describe('parseDeepLink', () => {
  it('accepts cs360: links and normalises them', () => {
    expect(parseDeepLink('cs360://case/C0001234')).toBe('cs360://case/C0001234');
    expect(parseDeepLink('CS360://case/C0001234?tab=notes')).toBe('cs360://case/C0001234?tab=notes');
  });

  it.each([
    ['another scheme', 'https://evil.com/'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['credentials', 'cs360://user:pass@case/C1'],
    ['garbage', 'cs360'],
    ['an overlong link', `cs360://case/${'a'.repeat(3000)}`],
  ])('rejects %s', (_name, link) => {
    expect(parseDeepLink(link)).toBeNull();
  });
});

describe('findDeepLink', () => {
  it('finds the link among Chromium switches in a second instance argv', () => {
    expect(findDeepLink(['/opt/CS360/cs360', '--allow-file-access-from-files', 'cs360://case/C42'])).toBe('cs360://case/C42');
  });

  it('returns null when there is none', () => {
    expect(findDeepLink(['/opt/CS360/cs360', '.', 'https://example.com'])).toBeNull();
  });
});
