import { errors } from 'jose';

/** Why a token is refused: stable, for clients and tests (the problem's `reason`); the message is French. */
export type TokenRefusal =
  | 'malformed'
  | 'algorithm'
  | 'unknown_key'
  | 'retired_key'
  | 'signature'
  | 'expired'
  | 'no_expiry'
  | 'not_yet_valid'
  | 'issuer'
  | 'audience'
  | 'claims';

export class InvalidTokenError extends Error {
  constructor(
    readonly reason: TokenRefusal,
    /** French, for people: becomes the problem's `detail`. */
    message: string,
  ) {
    super(message);
    this.name = 'InvalidTokenError';
  }
}

/** jose's error, as the refusal a client reads. */
export function refusalOf(error: unknown): InvalidTokenError {
  if (error instanceof InvalidTokenError) return error;
  if (error instanceof errors.JWTExpired) return new InvalidTokenError('expired', 'le jeton a expiré (exp)');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'exp')
      return new InvalidTokenError('no_expiry', 'le jeton n’a pas de date d’expiration (exp) : il n’expirerait jamais');
    if (error.claim === 'iss') return new InvalidTokenError('issuer', 'le jeton vient d’un autre émetteur (iss)');
    if (error.claim === 'aud') return new InvalidTokenError('audience', 'le jeton est destiné à un autre service (aud)');
    if (error.claim === 'nbf') return new InvalidTokenError('not_yet_valid', 'le jeton n’est pas encore valable (nbf)');
    return new InvalidTokenError('claims', `la revendication « ${error.claim} » du jeton est invalide`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new InvalidTokenError('algorithm', 'l’algorithme du jeton n’est pas accepté (HS256 seulement)');
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new InvalidTokenError('signature', 'la signature du jeton est invalide : jeton altéré ou signé par une autre clé');
  }
  return new InvalidTokenError('malformed', 'le jeton est mal formé');
}
