import { type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { JwtKeyring } from './jwt-keyring.js';
import { isRole, type TokenClaims } from './principal.js';
import { InvalidTokenError, refusalOf } from './token-refusal.js';

export const DEFAULT_ISSUER = 'refonda';
/** The API tokens are for: a token minted for another service is refused here. */
export const DEFAULT_AUDIENCE = 'refonda-api';
const CODE = /^[0-9A-Za-z-]{1,16}$/;
const CACHE_MAX = 10_000;

export interface JwtOptions {
  issuer?: string;
  audience?: string;
  /** Verify only (a rotation's old key, or the next one), until `previousUntil`. */
  previousSecrets?: readonly string[];
  previousUntil?: Date;
  /** The application clock: expiry, grace end and issued-at follow it. */
  now?: () => Date;
}

/**
 * HS256 bearer tokens, named by the `kid` of the key that signed them. New tokens are signed with the current
 * secret; previous secrets still verify until their grace ends. Tokens already verified are remembered until they
 * expire (or their key's grace ends): a client sends the same token on every request.
 */
export class JwtService {
  private readonly keys: JwtKeyring;
  private readonly issuer: string;
  private readonly audience: string;
  private readonly now: () => Date;
  private readonly verified = new Map<string, { claims: TokenClaims; validUntilMs: number }>();

  constructor(secret: string, options: JwtOptions = {}) {
    this.keys = new JwtKeyring(secret, options.previousSecrets, options.previousUntil);
    this.issuer = options.issuer ?? DEFAULT_ISSUER;
    this.audience = options.audience ?? DEFAULT_AUDIENCE;
    this.now = options.now ?? (() => new Date());
  }

  /** The `kid` new tokens carry. */
  get currentKeyId(): string {
    return this.keys.current.kid;
  }

  async sign(claims: TokenClaims, ttlSeconds = 8 * 3600): Promise<string> {
    const issuedAt = Math.floor(this.now().getTime() / 1000);
    return new SignJWT({ role: claims.role, scope: claims.scope, ...(claims.name ? { name: claims.name } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: this.keys.current.kid })
      .setSubject(claims.sub)
      .setIssuer(this.issuer)
      .setAudience(this.audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds)
      .sign(await this.keys.current.key);
  }

  async verify(token: string): Promise<TokenClaims> {
    const now = this.now();
    const known = this.verified.get(token);
    if (known && known.validUntilMs > now.getTime()) return known.claims;
    if (known) this.verified.delete(token);
    let payload: JWTPayload;
    let keyUntil: Date | undefined;
    try {
      // A token without `exp` would never expire: refused, as one for another audience or issuer.
      ({ payload } = await jwtVerify(
        token,
        (header) => {
          const ringKey = this.keys.keyFor(header.kid, now);
          keyUntil = ringKey.until;
          return ringKey.key;
        },
        { issuer: this.issuer, audience: this.audience, algorithms: ['HS256'], requiredClaims: ['exp'], currentDate: now },
      ));
    } catch (error) {
      throw refusalOf(error);
    }
    const claims = claimsOf(payload);
    if (this.verified.size >= CACHE_MAX) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { claims, validUntilMs: Math.min(payload.exp! * 1000, keyUntil?.getTime() ?? Infinity) });
    return claims;
  }
}

function claimsOf(payload: JWTPayload): TokenClaims {
  if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new InvalidTokenError('claims', 'le sujet du jeton (sub) manque');
  if (!isRole(payload.role)) throw new InvalidTokenError('claims', `le rôle « ${String(payload.role).slice(0, 32)} » est inconnu`);
  return {
    sub: payload.sub,
    role: payload.role,
    scope: parseScope(payload.scope),
    name: typeof payload.name === 'string' ? payload.name : undefined,
  };
}

function parseScope(raw: unknown): TokenClaims['scope'] {
  if (raw === undefined) return {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidTokenError('claims', 'la portée du jeton (scope) doit être un objet, pas une liste');
  }
  const scope: TokenClaims['scope'] = {};
  for (const key of ['regions', 'academies', 'departements', 'cts'] as const) {
    const list = (raw as Record<string, unknown>)[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || !list.every((c) => typeof c === 'string' && CODE.test(c))) {
      throw new InvalidTokenError('claims', `scope.${key} doit être une liste de codes territoriaux`);
    }
    scope[key] = list as string[];
  }
  return scope;
}
