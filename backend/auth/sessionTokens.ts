import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { LRUCache } from 'lru-cache';
import { AppError } from '../../common/errors';
import { ROLES, type Principal, type Role } from './principal';

const ISSUER = 'cs360-embedded';
const AUDIENCE = 'cs360-console';

/** HS256 session tokens for the embedded sign-in. The SSO issue adds verification of the company's JWTs beside it. */
export class SessionTokens {
  private readonly key: Uint8Array;
  /** Verified tokens until they expire: HMAC verification through WebCrypto is the costliest step of a cached request. */
  private readonly verified = new LRUCache<string, Principal>({ max: 10_000 });

  constructor(secret: string, private readonly ttlSeconds: number) {
    this.key = new TextEncoder().encode(secret);
  }

  issue(p: Principal): Promise<string> {
    return new SignJWT({ name: p.name, role: p.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(p.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      const role = payload.role as Role;
      if (!payload.sub || typeof payload.name !== 'string' || !ROLES.includes(role)) throw new AppError('UNAUTHENTICATED', 'Malformed session token');
      const principal: Principal = { id: payload.sub, name: payload.name, role };
      // Remembered only until the token's own expiry, so an expired token is re-verified (and refused).
      const ttl = (payload.exp ?? 0) * 1000 - Date.now();
      if (ttl > 0) this.verified.set(token, principal, { ttl });
      return principal;
    } catch (err) {
      if (err instanceof AppError) throw err;
      const expired = err instanceof joseErrors.JWTExpired;
      throw new AppError('UNAUTHENTICATED', expired ? 'Session expired; sign in again' : 'Invalid session token');
    }
  }
}
