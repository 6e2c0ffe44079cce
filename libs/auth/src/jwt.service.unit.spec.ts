import { describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { InvalidTokenError, JwtService } from './jwt.service.js';

const SECRET = 'a-test-secret-of-at-least-32-characters!';
const jwt = new JwtService(SECRET);
const validator = { sub: 'val-nancy-metz', role: 'validator' as const, scope: { academies: ['12'] } };

describe('JwtService', () => {
  it('signs and verifies the claims (subject, role, territory scope)', async () => {
    const token = await jwt.sign(validator);
    expect(await jwt.verify(token)).toMatchObject(validator);
    expect(await jwt.verify(token)).toMatchObject(validator);
  });

  it('refuses a token signed with another secret, or altered', async () => {
    const other = await new JwtService('another-secret-of-at-least-32-characters').sign(validator);
    await expect(jwt.verify(other)).rejects.toBeInstanceOf(InvalidTokenError);
    const token = await jwt.sign(validator);
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), role: 'admin' })).toString(
      'base64url',
    );
    await expect(jwt.verify(`${h}.${forged}.${s}`)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refuses an expired token, also one verified while it was valid', async () => {
    const key = new TextEncoder().encode(SECRET);
    const now = Math.floor(Date.now() / 1000);
    const shortLived = await new SignJWT({ role: 'holder', scope: {} })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('h')
      .setIssuer('refonda')
      .setAudience('refonda-api')
      .setIssuedAt(now)
      .setExpirationTime(now + 1)
      .sign(key);
    expect((await jwt.verify(shortLived)).role).toBe('holder');
    await new Promise((r) => setTimeout(r, 2100));
    await expect(jwt.verify(shortLived)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('refuses an unknown role, a bad scope and a short secret', async () => {
    const key = new TextEncoder().encode(SECRET);
    const make = (claims: Record<string, unknown>) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setIssuer('refonda')
        .setAudience('refonda-api')
        .setExpirationTime('1h')
        .sign(key);
    await expect(jwt.verify(await make({ role: 'king', scope: {} }))).rejects.toThrow('role "king" is unknown');
    await expect(jwt.verify(await make({ role: 'holder', scope: { academies: ['<script>'] } }))).rejects.toThrow('scope.academies');
    expect(() => new JwtService('short')).toThrow('at least 32 characters');
  });

  it('refuses a token without exp (it would never expire), one for another audience, and a scope that is a list', async () => {
    const key = new TextEncoder().encode(SECRET);
    const base = () => new SignJWT({ role: 'holder', scope: {} }).setProtectedHeader({ alg: 'HS256' }).setSubject('h').setIssuer('refonda');
    await expect(jwt.verify(await base().setAudience('refonda-api').sign(key))).rejects.toThrow(/exp/);
    await expect(jwt.verify(await base().setAudience('another-service').setExpirationTime('1h').sign(key))).rejects.toThrow(/aud/);
    await expect(jwt.verify(await base().setExpirationTime('1h').sign(key))).rejects.toThrow(/aud/);
    const listScope = new SignJWT({ role: 'validator', scope: ['12'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('v');
    await expect(
      jwt.verify(await listScope.setIssuer('refonda').setAudience('refonda-api').setExpirationTime('1h').sign(key)),
    ).rejects.toThrow('scope must be an object');
  });
});
