import { createHash, webcrypto } from 'node:crypto';
import { InvalidTokenError } from './token-refusal.js';

export const MIN_SECRET_LENGTH = 32;

/** Names a secret in the token's `kid` header without revealing it: the first 16 hex digits of its SHA-256. */
export function secretKeyId(secret: string): string {
  return createHash('sha256').update(secret).digest('hex').slice(0, 16);
}

export interface RingKey {
  kid: string;
  key: Promise<webcrypto.CryptoKey>;
  /** A previous key verifies until then; the current key has no end. */
  until?: Date;
}

function ringKey(secret: string, until?: Date): RingKey {
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`JWT secret must be at least ${MIN_SECRET_LENGTH} characters`);
  // Imported once: jose would re-import raw bytes on every call.
  const key = webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  return { kid: secretKeyId(secret), key, until };
}

/** The current HS256 key (signs and verifies) and the previous ones (verify only, until the end of their grace). */
export class JwtKeyring {
  readonly current: RingKey;
  private readonly previous = new Map<string, RingKey>();

  constructor(secret: string, previousSecrets: readonly string[] = [], previousUntil?: Date) {
    this.current = ringKey(secret);
    if (previousSecrets.length > 0 && !previousUntil) throw new Error('previous JWT secrets need the end of their grace period');
    for (const old of previousSecrets) {
      const key = ringKey(old, previousUntil);
      if (key.kid !== this.current.kid) this.previous.set(key.kid, key);
    }
  }

  /** The key for a token naming `kid`, at `now`. A token without `kid` predates key ids: the current key checks it. */
  keyFor(kid: string | undefined, now: Date): RingKey {
    if (kid === undefined || kid === this.current.kid) return this.current;
    const old = this.previous.get(kid);
    if (!old) throw new InvalidTokenError('unknown_key', 'la clé qui a signé le jeton (kid) est inconnue');
    if (now >= old.until!) {
      throw new InvalidTokenError('retired_key', `la clé qui a signé le jeton est retirée depuis le ${old.until!.toISOString()}`);
    }
    return old;
  }
}
