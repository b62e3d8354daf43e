import { describe, expect, it } from 'vitest';
import { SessionTokens } from './sessionTokens';

const secret = 'x'.repeat(40);

describe('SessionTokens', () => {
  it('round-trips a principal', async () => {
    const t = new SessionTokens(secret, 60);
    const token = await t.issue({ id: 'a1', name: 'Nguyễn An', role: 'SUPERVISOR' });
    await expect(t.verify(token)).resolves.toEqual({ id: 'a1', name: 'Nguyễn An', role: 'SUPERVISOR' });
  });
  it('refuses a token signed with another secret', async () => {
    const token = await new SessionTokens('y'.repeat(40), 60).issue({ id: 'a1', name: 'A', role: 'AGENT' });
    await expect(new SessionTokens(secret, 60).verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
  it('refuses garbage and tampered tokens', async () => {
    const t = new SessionTokens(secret, 60);
    await expect(t.verify('not.a.jwt')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const token = await t.issue({ id: 'a1', name: 'A', role: 'AGENT' });
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'a1', name: 'A', role: 'SUPERVISOR', iss: 'cs360-embedded', aud: 'cs360-console', exp: 9e9 })).toString('base64url');
    await expect(t.verify(`${h}.${forged}.${s}`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('SessionTokens cache', () => {
  it('remembers a verified token no longer than its own expiry', async () => {
    const t = new SessionTokens(secret, 60);
    const token = await t.issue({ id: 'a1', name: 'A', role: 'AGENT' });
    await t.verify(token);
    const realNow = Date.now;
    try {
      Date.now = () => realNow() + 61_000;
      // lru-cache reads performance.now for TTLs; jose reads Date.now for exp: both must refuse.
      const cache = (t as unknown as { verified: { purgeStale(): void; getRemainingTTL(k: string): number } }).verified;
      expect(cache.getRemainingTTL(token)).toBeLessThanOrEqual(60_000);
    } finally {
      Date.now = realNow;
    }
  });
});

describe('SessionTokens revocation', () => {
  it('refuses a revoked token, cached or not, and tells the listeners its jti', async () => {
    const t = new SessionTokens(secret, 60);
    const token = await t.issue({ id: 'a1', name: 'A', role: 'AGENT' });
    const other = await t.issue({ id: 'a1', name: 'A', role: 'AGENT' });
    const session = await t.verifySession(token);
    expect(session.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(session.expiresAt).toBeGreaterThan(Date.now());
    const heard: string[] = [];
    t.onRevoke((jti) => heard.push(jti));
    t.revoke(session);
    expect(heard).toEqual([session.jti]);
    expect(t.isRevoked(session.jti)).toBe(true);
    await expect(t.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Signed out; sign in again' });
    // Another sign-in of the same agent is another session.
    await expect(t.verify(other)).resolves.toMatchObject({ id: 'a1' });
  });

  it('forgets a revocation once the token has expired anyway', async () => {
    const t = new SessionTokens(secret, 60);
    const session = await t.verifySession(await t.issue({ id: 'a1', name: 'A', role: 'AGENT' }));
    t.revoke({ ...session, expiresAt: Date.now() - 1 });
    expect(t.isRevoked(session.jti)).toBe(false);
  });
});
