import { describe, expect, it } from '@jest/globals';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { secretKeyId } from './jwt-keyring.js';
import { JwtService } from './jwt.service.js';
import { InvalidTokenError } from './token-refusal.js';

const SECRET = 'a-test-secret-of-at-least-32-characters!';
const OLD_SECRET = 'the-previous-secret-of-at-least-32-chars';
const jwt = new JwtService(SECRET);
const validator = { sub: 'val-nancy-metz', role: 'validator' as const, scope: { academies: ['12'] } };
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (error: unknown) => (error instanceof InvalidTokenError ? error.reason : `not an InvalidTokenError: ${String(error)}`),
  );

describe('JwtService', () => {
  it('signs and verifies the claims (subject, role, territory scope)', async () => {
    const token = await jwt.sign(validator);
    expect(await jwt.verify(token)).toMatchObject(validator);
    expect(await jwt.verify(token)).toMatchObject(validator);
  });

  it('refuses a token signed with another secret, or altered', async () => {
    const other = await new JwtService('another-secret-of-at-least-32-characters').sign(validator);
    expect(await refusal(jwt.verify(other))).toBe('unknown_key');
    const token = await jwt.sign(validator);
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), role: 'admin' })).toString(
      'base64url',
    );
    expect(await refusal(jwt.verify(`${h}.${forged}.${s}`))).toBe('signature');
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
    expect(await refusal(jwt.verify(shortLived))).toBe('expired');
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
    await expect(jwt.verify(await make({ role: 'king', scope: {} }))).rejects.toThrow('le rôle « king » est inconnu');
    await expect(jwt.verify(await make({ role: 'holder', scope: { academies: ['<script>'] } }))).rejects.toThrow('scope.academies');
    expect(() => new JwtService('short')).toThrow('at least 32 characters');
  });

  it('refuses a token without exp (it would never expire), one for another audience, and a scope that is a list', async () => {
    const key = new TextEncoder().encode(SECRET);
    const base = () => new SignJWT({ role: 'holder', scope: {} }).setProtectedHeader({ alg: 'HS256' }).setSubject('h').setIssuer('refonda');
    expect(await refusal(jwt.verify(await base().setAudience('refonda-api').sign(key)))).toBe('no_expiry');
    expect(await refusal(jwt.verify(await base().setAudience('another-service').setExpirationTime('1h').sign(key)))).toBe('audience');
    expect(await refusal(jwt.verify(await base().setExpirationTime('1h').sign(key)))).toBe('audience');
    const listScope = new SignJWT({ role: 'validator', scope: ['12'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('v');
    await expect(
      jwt.verify(await listScope.setIssuer('refonda').setAudience('refonda-api').setExpirationTime('1h').sign(key)),
    ).rejects.toThrow('scope) doit être un objet');
  });

  it('issues and requires the configured issuer and audience', async () => {
    const custom = new JwtService(SECRET, { issuer: 'https://idp.example.fr', audience: 'refonda-staging' });
    const token = await custom.sign(validator);
    expect(decodeJwt(token)).toMatchObject({ iss: 'https://idp.example.fr', aud: 'refonda-staging' });
    expect(await custom.verify(token)).toMatchObject(validator);
    expect(await refusal(jwt.verify(token))).toBe('issuer');
    expect(await refusal(custom.verify(await jwt.sign(validator)))).toBe('issuer');
    const otherAudience = new JwtService(SECRET, { issuer: 'https://idp.example.fr' });
    expect(await refusal(otherAudience.verify(token))).toBe('audience');
  });

  it('names the signing key in the kid header (a digest, never the secret) and dates tokens by its clock', async () => {
    const at = new Date('2023-09-01T08:00:00Z');
    const clocked = new JwtService(SECRET, { now: () => at });
    const token = await clocked.sign(validator, 600);
    const header = decodeProtectedHeader(token);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT', kid: secretKeyId(SECRET) });
    expect(header.kid).toMatch(/^[0-9a-f]{16}$/);
    expect(token).not.toContain(Buffer.from(SECRET).toString('base64url').slice(0, 12));
    expect(decodeJwt(token)).toMatchObject({ iat: at.getTime() / 1000, exp: at.getTime() / 1000 + 600 });
    expect(await clocked.verify(token)).toMatchObject(validator);
    // The real clock is years later: the token has long expired there.
    expect(await refusal(jwt.verify(token))).toBe('expired');
  });

  it('verifies a token of the previous key during its grace, refuses it after, even when already verified', async () => {
    let now = new Date('2023-09-01T08:00:00Z');
    const until = new Date('2023-09-01T10:00:00Z');
    const before = new JwtService(OLD_SECRET, { now: () => now });
    const rotated = new JwtService(SECRET, { previousSecrets: [OLD_SECRET], previousUntil: until, now: () => now });
    const oldToken = await before.sign(validator);
    expect(await rotated.verify(oldToken)).toMatchObject(validator);
    const newToken = await rotated.sign(validator);
    expect(decodeProtectedHeader(newToken).kid).toBe(secretKeyId(SECRET));
    expect(await refusal(before.verify(newToken))).toBe('unknown_key');
    now = until;
    expect(await refusal(rotated.verify(oldToken))).toBe('retired_key');
    expect(await rotated.verify(newToken)).toMatchObject(validator);
  });

  it('checks a token without kid (minted before key ids) with the current key only', async () => {
    const now = Math.floor(Date.now() / 1000);
    const withoutKid = (secret: string) =>
      new SignJWT({ role: 'holder', scope: {} })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('h')
        .setIssuer('refonda')
        .setAudience('refonda-api')
        .setExpirationTime(now + 60)
        .sign(new TextEncoder().encode(secret));
    const rotated = new JwtService(SECRET, { previousSecrets: [OLD_SECRET], previousUntil: new Date(Date.now() + 3_600_000) });
    expect((await rotated.verify(await withoutKid(SECRET))).role).toBe('holder');
    expect(await refusal(rotated.verify(await withoutKid(OLD_SECRET)))).toBe('signature');
  });

  it('refuses previous secrets without the end of their grace', () => {
    expect(() => new JwtService(SECRET, { previousSecrets: [OLD_SECRET] })).toThrow('end of their grace');
    expect(() => new JwtService(SECRET, { previousSecrets: ['short'], previousUntil: new Date() })).toThrow('at least 32');
  });
});
