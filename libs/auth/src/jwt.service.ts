import { jwtVerify, SignJWT } from 'jose';
import { isRole, type TokenClaims } from './principal.js';

const ISSUER = 'refonda';
const CODE = /^[0-9A-Za-z-]{1,16}$/;

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(`invalid token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

/** HS256 bearer tokens. The secret comes from config (JWT_SECRET) or, in demo mode, a file in DATA_DIR. */
export class JwtService {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    if (secret.length < 32) throw new Error('JWT secret must be at least 32 characters');
    this.key = new TextEncoder().encode(secret);
  }

  async sign(claims: TokenClaims, ttlSeconds = 8 * 3600): Promise<string> {
    return new SignJWT({ role: claims.role, scope: claims.scope, ...(claims.name ? { name: claims.name } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.key);
  }

  async verify(token: string): Promise<TokenClaims> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] }));
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new InvalidTokenError('sub is missing');
    if (!isRole(payload.role)) throw new InvalidTokenError(`role "${String(payload.role)}" is unknown`);
    return { sub: payload.sub, role: payload.role, scope: parseScope(payload.scope), name: typeof payload.name === 'string' ? payload.name : undefined };
  }
}

function parseScope(raw: unknown): TokenClaims['scope'] {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null) throw new InvalidTokenError('scope must be an object');
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
