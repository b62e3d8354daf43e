import { timingSafeEqual } from 'node:crypto';
import { AppError } from '../../common/errors';
import type { Principal } from '../auth/principal';
import type { Session, SessionTokens } from '../auth/sessionTokens';

export const LAUNCH_TOKEN_HEADER = 'x-cs360-launch-token';

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The desktop shell's per-launch token: when configured, every request and socket must present it. */
export function checkLaunchToken(expected: string | undefined, presented: unknown): void {
  if (expected === undefined) return;
  if (typeof presented !== 'string' || !sameSecret(expected, presented)) throw new AppError('UNAUTHENTICATED', 'Missing or wrong launch token');
}

/** Session from "Authorization: Bearer <token>"; null when absent (public routes decide), error when invalid or signed out. */
export async function sessionFromHeader(tokens: SessionTokens, header: unknown): Promise<Session | null> {
  if (header === undefined) return null;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) throw new AppError('UNAUTHENTICATED', 'Authorization must be "Bearer <token>"');
  return tokens.verifySession(header.slice('Bearer '.length).trim());
}

/** Principal from "Authorization: Bearer <token>"; null when absent (public routes decide), error when invalid. */
export async function principalFromHeader(tokens: SessionTokens, header: unknown): Promise<Principal | null> {
  return (await sessionFromHeader(tokens, header))?.principal ?? null;
}
