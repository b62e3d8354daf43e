import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { LRUCache } from 'lru-cache';
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '../../common/errors';
import { ROLES, type Principal, type Role } from './principal';

const ISSUER = 'cs360-embedded';
const AUDIENCE = 'cs360-console';

/** A verified session: who, which token (its `jti`) and until when (epoch ms). */
export interface Session {
  principal: Principal;
  jti: string;
  expiresAt: number;
}

/** HS256 session tokens for the embedded sign-in. The SSO issue adds verification of the company's JWTs beside it. */
export class SessionTokens {
  private readonly key: Uint8Array;
  /** Verified tokens until they expire: HMAC verification through WebCrypto is the costliest step of a cached request. */
  private readonly verified = new LRUCache<string, Session>({ max: 10_000 });
  /** Signed-out tokens by jti → their expiry (epoch ms); forgotten once expired, when they are refused anyway. */
  private readonly revoked = new Map<string, number>();
  private readonly revokeListeners = new Set<(jti: string) => void>();

  constructor(secret: string, private readonly ttlSeconds: number) {
    this.key = new TextEncoder().encode(secret);
  }

  issue(p: Principal): Promise<string> {
    return new SignJWT({ name: p.name, role: p.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(p.id)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  async verify(token: string): Promise<Principal> {
    return (await this.verifySession(token)).principal;
  }

  async verifySession(token: string): Promise<Session> {
    const known = this.verified.get(token);
    if (known) {
      this.refuseRevoked(known.jti);
      return known;
    }
    let session: Session;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
      const role = payload.role as Role;
      if (!payload.sub || typeof payload.name !== 'string' || !ROLES.includes(role)) throw new AppError('UNAUTHENTICATED', 'Malformed session token');
      // Tokens issued before jti existed are named by their hash, so they can be revoked too.
      const jti = typeof payload.jti === 'string' && payload.jti ? payload.jti : createHash('sha256').update(token).digest('base64url');
      session = { principal: { id: payload.sub, name: payload.name, role }, jti, expiresAt: (payload.exp ?? 0) * 1000 };
    } catch (err) {
      if (err instanceof AppError) throw err;
      const expired = err instanceof joseErrors.JWTExpired;
      throw new AppError('UNAUTHENTICATED', expired ? 'Session expired; sign in again' : 'Invalid session token');
    }
    this.refuseRevoked(session.jti);
    // Remembered only until the token's own expiry, so an expired token is re-verified (and refused).
    const ttl = session.expiresAt - Date.now();
    if (ttl > 0) this.verified.set(token, session, { ttl });
    return session;
  }

  /** True when the session was signed out (its token is refused until it expires by itself). */
  isRevoked(jti: string): boolean {
    const until = this.revoked.get(jti);
    if (until === undefined) return false;
    if (until <= Date.now()) {
      this.revoked.delete(jti);
      return false;
    }
    return true;
  }

  /** Signs a session out: its token is refused from now on and listeners (the socket server) cut its sockets. */
  revoke(session: Session): void {
    this.pruneRevoked();
    this.revoked.set(session.jti, session.expiresAt);
    for (const [token, s] of this.verified.entries()) if (s.jti === session.jti) this.verified.delete(token);
    for (const listener of this.revokeListeners) listener(session.jti);
  }

  onRevoke(listener: (jti: string) => void): () => void {
    this.revokeListeners.add(listener);
    return () => this.revokeListeners.delete(listener);
  }

  private refuseRevoked(jti: string): void {
    if (this.isRevoked(jti)) throw new AppError('UNAUTHENTICATED', 'Signed out; sign in again');
  }

  private pruneRevoked(): void {
    const now = Date.now();
    for (const [jti, until] of this.revoked) if (until <= now) this.revoked.delete(jti);
  }
}
