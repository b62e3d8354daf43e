import { randomBytes } from 'node:crypto';

/**
 * A fresh secret per launch: 32 random bytes, base64url (43 characters, safe in argv, env and
 * HTTP headers). The backend rejects API calls without it, so other local processes cannot use
 * the loopback port the desktop's backend listens on.
 */
export function newLaunchToken(bytes: (size: number) => Buffer = randomBytes): string {
  return bytes(32).toString('base64url');
}
