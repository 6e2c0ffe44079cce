import { webcrypto } from 'node:crypto';
import { type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { isRole, type TokenClaims } from './principal.js';

const ISSUER = 'refonda';
/** The API tokens are for: a token minted for another service is refused here. */
export const AUDIENCE = 'refonda-api';
const CODE = /^[0-9A-Za-z-]{1,16}$/;

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(`invalid token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

const CACHE_MAX = 10_000;

/**
 * HS256 bearer tokens. The secret comes from config (JWT_SECRET) or, in demo mode, a file in DATA_DIR.
 * The key is imported once (jose would re-import raw bytes on every call), and tokens already verified
 * are remembered until they expire: a client sends the same token on every request.
 */
export class JwtService {
  private readonly key: Promise<webcrypto.CryptoKey>;
  private readonly verified = new Map<string, { claims: TokenClaims; expiresAtMs: number }>();

  constructor(secret: string) {
    if (secret.length < 32) throw new Error('JWT secret must be at least 32 characters');
    this.key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
  }

  async sign(claims: TokenClaims, ttlSeconds = 8 * 3600): Promise<string> {
    return new SignJWT({ role: claims.role, scope: claims.scope, ...(claims.name ? { name: claims.name } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(await this.key);
  }

  async verify(token: string): Promise<TokenClaims> {
    const known = this.verified.get(token);
    if (known && known.expiresAtMs > Date.now()) return known.claims;
    if (known) this.verified.delete(token);
    let payload;
    try {
      // A token without `exp` would never expire: refused, as one for another audience.
      ({ payload } = await jwtVerify(token, await this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    const claims = this.claimsOf(payload);
    if (typeof payload.exp === 'number') {
      if (this.verified.size >= CACHE_MAX) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { claims, expiresAtMs: payload.exp * 1000 });
    }
    return claims;
  }

  private claimsOf(payload: JWTPayload): TokenClaims {
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new InvalidTokenError('sub is missing');
    if (!isRole(payload.role)) throw new InvalidTokenError(`role "${String(payload.role)}" is unknown`);
    return {
      sub: payload.sub,
      role: payload.role,
      scope: parseScope(payload.scope),
      name: typeof payload.name === 'string' ? payload.name : undefined,
    };
  }
}

function parseScope(raw: unknown): TokenClaims['scope'] {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new InvalidTokenError('scope must be an object');
  const scope: TokenClaims['scope'] = {};
  for (const key of ['regions', 'academies', 'departements', 'cts'] as const) {
    const list = (raw as Record<string, unknown>)[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every((c) => typeof c === 'string' && CODE.test(c))) {
      throw new InvalidTokenError(`scope.${key} must be a list of territory codes`);
    }
    scope[key] = list as string[];
  }
  return scope;
}
