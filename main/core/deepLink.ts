/** The URL scheme CS360 registers with the OS: `cs360://case/C0001234`. */
export const DEEP_LINK_SCHEME = 'cs360:';
const MAX_DEEP_LINK_LENGTH = 2048;

/**
 * Returns the normalised link if `candidate` is a well-formed cs360: URL without credentials,
 * else null. Deep links come from other programs: treat them as untrusted input, and let the
 * renderer route only what it knows.
 */
export function parseDeepLink(candidate: string): string | null {
  if (candidate.length > MAX_DEEP_LINK_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== DEEP_LINK_SCHEME || url.username !== '' || url.password !== '') return null;
  return url.href;
}

/** On Windows and Linux the OS passes the link as a command-line argument (first launch or second instance). */
export function findDeepLink(argv: readonly string[]): string | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(DEEP_LINK_SCHEME)) continue;
    const link = parseDeepLink(arg);
    if (link) return link;
  }
  return null;
}
