import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { secretKeyId } from '#auth';
import { type ApiHarness, startApi } from '../support/api-harness.js';

const SECRET = 'security-e2e-current-secret-0123456789';
const PREVIOUS = 'security-e2e-previous-secret-012345678';
const UNKNOWN = 'security-e2e-unknown-secret-0123456789';
const GRACE_END = '2023-09-01T10:00:00.000Z';
const CHALLENGE = 'Bearer realm="refonda", error="invalid_token"';

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const key = (secret: string) => new TextEncoder().encode(secret);

/** A token as a client may send it: each test breaks one thing. */
function token(now: Date, change: { claims?: Record<string, unknown>; header?: Record<string, unknown>; noExp?: boolean } = {}) {
  const jwt = new SignJWT({ role: 'holder', scope: { academies: ['12'] }, ...change.claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: secretKeyId(SECRET), ...change.header })
    .setSubject('holder-security')
    .setIssuer('refonda')
    .setAudience('refonda-api')
    .setIssuedAt(seconds(now));
  return change.noExp ? jwt : jwt.setExpirationTime(seconds(now) + 3600);
}

const unsigned = (now: Date) =>
  [
    Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'),
    Buffer.from(
      JSON.stringify({ sub: 'admin-forged', role: 'admin', scope: {}, iss: 'refonda', aud: 'refonda-api', exp: seconds(now) + 3600 }),
    ).toString('base64url'),
    '',
  ].join('.');

describe('bearer tokens on a protected route of the real app (GET /projects)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ JWT_SECRET: SECRET, JWT_PREVIOUS_SECRETS: PREVIOUS, JWT_PREVIOUS_SECRETS_UNTIL: GRACE_END });
    // The directory grants the subject of the hand-made tokens its role: what is tested here is the token itself.
    await api.token({ role: 'holder', sub: 'holder-security', scope: { academies: ['12'] } });
  });
  afterAll(() => api.close());

  const get = (bearer: string) => api.request('GET', '/projects', { token: bearer });
  const expectRefused = async (bearer: string, reason: string) => {
    const res = await get(bearer);
    expect({ status: res.status, code: res.body.code, reason: res.body.reason }).toEqual({ status: 401, code: 'AUTH_INVALID', reason });
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.headers.get('www-authenticate')).toBe(CHALLENGE);
    expect(res.body).toMatchObject({ type: 'urn:refonda:problem:auth-invalid', title: 'Authentification requise', status: 401 });
    expect(res.body.detail).toMatch(/^Jeton refusé : (le |la |l’)/);
    return res.body.detail as string;
  };

  it('a good token gets 200, as one the app itself signs (kid of the current key)', async () => {
    expect((await get(await token(api.clock.now()).sign(key(SECRET)))).status).toBe(200);
    expect((await get(await api.token({ role: 'holder' }))).status).toBe(200);
  });

  it('no token: 401 AUTH_REQUIRED with the Bearer challenge', async () => {
    const res = await api.request('GET', '/projects');
    expect(res).toMatchObject({ status: 401, body: { code: 'AUTH_REQUIRED' } });
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="refonda"');
  });

  it('each defect is a 401 naming it in French', async () => {
    const now = api.clock.now();
    const past = new Date(now.getTime() - 7200_000);
    expect(await expectRefused(await token(now, { noExp: true }).sign(key(SECRET)), 'no_expiry')).toContain('date d’expiration');
    expect(await expectRefused(await token(past).sign(key(SECRET)), 'expired')).toContain('a expiré');
    const otherAudience = await token(now).setAudience('another-service').sign(key(SECRET));
    expect(await expectRefused(otherAudience, 'audience')).toContain('autre service');
    expect(await expectRefused(await token(now).setIssuer('someone-else').sign(key(SECRET)), 'issuer')).toContain('autre émetteur');
    expect(await expectRefused(await token(now, { claims: { scope: ['12'] } }).sign(key(SECRET)), 'claims')).toContain('pas une liste');
    expect(await expectRefused(unsigned(now), 'algorithm')).toContain('HS256');
    const unknownKid = await token(now, { header: { kid: secretKeyId(UNKNOWN) } }).sign(key(UNKNOWN));
    expect(await expectRefused(unknownKid, 'unknown_key')).toContain('inconnue');
    const forgedKid = await token(now).sign(key(UNKNOWN));
    expect(await expectRefused(forgedKid, 'signature')).toContain('signature');
  });

  it('a token of the previous key is accepted during the grace and refused after it (app clock)', async () => {
    const old = await token(api.clock.now(), { header: { kid: secretKeyId(PREVIOUS) } }).sign(key(PREVIOUS));
    expect((await get(old)).status).toBe(200);
    api.clock.advance(new Date(GRACE_END).getTime() - api.clock.now().getTime());
    expect(await expectRefused(old, 'retired_key')).toContain(GRACE_END);
    expect((await get(await token(api.clock.now()).sign(key(SECRET)))).status).toBe(200);
  });
});

describe('issuer and audience are configuration (JWT_ISSUER, JWT_AUDIENCE)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ JWT_SECRET: SECRET, JWT_ISSUER: 'https://auth.refonda.example', JWT_AUDIENCE: 'refonda-recette' });
    await api.token({ role: 'holder', sub: 'holder-security', scope: { academies: ['12'] } });
  });
  afterAll(() => api.close());

  it('tokens of the configured issuer for the configured audience pass; the defaults no longer do', async () => {
    const now = api.clock.now();
    const configured = await token(now).setIssuer('https://auth.refonda.example').setAudience('refonda-recette').sign(key(SECRET));
    expect((await api.request('GET', '/projects', { token: configured })).status).toBe(200);
    expect((await api.request('GET', '/projects', { token: await api.token({ role: 'holder' }) })).status).toBe(200);
    const defaults = await api.request('GET', '/projects', { token: await token(now).sign(key(SECRET)) });
    expect(defaults).toMatchObject({ status: 401, body: { code: 'AUTH_INVALID', reason: 'issuer' } });
  });
});
