import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AUDIT_KEY_FILE } from '#audit';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, MIN_SECRET_LENGTH } from '#auth';
import { IsOptional, Matches, ValidateBy } from 'class-validator';
import { checkedEnvironment, ConfigError, optionalOneOf, unsetIfEmpty } from './env-rules.js';

export const MODES = ['demo', 'production'] as const;
export type Mode = (typeof MODES)[number];

export interface JwtConfig {
  /** Signs new tokens. Undefined in demo mode without JWT_SECRET(_FILE): a secret is generated once into DATA_DIR. */
  secret?: string;
  /** Verify only, until `previousUntil`: a rotation's old key (or, while rolling it out, the next one). */
  previousSecrets: string[];
  previousUntil?: Date;
  issuer: string;
  audience: string;
}

export interface SecurityConfig {
  mode: Mode;
  jwt: JwtConfig;
  /** The anchor-signing Ed25519 key (PKCS#8 PEM): may live outside DATA_DIR, with whoever holds it. */
  auditKeyPath: string;
}

const HIDDEN = '<hidden>';
const CLAIM_RULE = 'printable ASCII without spaces, 1 to 256 characters';
const UNTIL_RULE = 'an ISO 8601 date-time with its offset, e.g. 2026-03-01T12:00:00Z';
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const CLAIM_VALUE = /^[\x21-\x7e]{1,256}$/;

const isDateTimeWithOffset = (value: unknown) => typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));

/** The variables' own rules (checked with the rest of the environment); the secrets and key files are checked below. */
class SecurityEnvironment {
  @optionalOneOf(MODES) MODE?: Mode;
  @Matches(CLAIM_VALUE, { message: CLAIM_RULE }) @unsetIfEmpty() @IsOptional() JWT_ISSUER?: string;
  @Matches(CLAIM_VALUE, { message: CLAIM_RULE }) @unsetIfEmpty() @IsOptional() JWT_AUDIENCE?: string;
  @ValidateBy({ name: 'dateTimeWithOffset', validator: { validate: isDateTimeWithOffset, defaultMessage: () => UNTIL_RULE } })
  @unsetIfEmpty()
  @IsOptional()
  JWT_PREVIOUS_SECRETS_UNTIL?: string;
}

/** A secret or key file in production: mode 0600 or 0400, owned by the user running Refonda. */
export function assertOwnerOnly(variable: string, path: string): void {
  const stat = statSync(path);
  const uid = process.getuid?.();
  if (uid !== undefined && stat.uid !== uid) {
    throw new ConfigError(variable, `a file owned by the user running Refonda (uid ${uid}); its owner is uid ${stat.uid}`, path);
  }
  if ((stat.mode & 0o077) !== 0) {
    throw new ConfigError(variable, `a file readable by its owner only (chmod 600); it is ${(stat.mode & 0o777).toString(8)}`, path);
  }
}

function readSecretFile(variable: string, path: string, mode: Mode): string {
  if (!existsSync(path) || !statSync(path).isFile()) throw new ConfigError(variable, 'the path of a readable file', path);
  if (mode === 'production') assertOwnerOnly(variable, path);
  return readFileSync(path, 'utf8');
}

/** `NAME` or `NAME_FILE` (Docker and Kubernetes secrets), never both: the text and the variable it came from. */
function valueOrFile(env: NodeJS.ProcessEnv, name: string, mode: Mode): { text: string; variable: string } | undefined {
  const plain = env[name] || undefined;
  const file = env[`${name}_FILE`] || undefined;
  if (plain !== undefined && file !== undefined) throw new ConfigError(`${name}_FILE`, `set ${name} or ${name}_FILE, not both`, file);
  if (file !== undefined) return { text: readSecretFile(`${name}_FILE`, resolve(file), mode), variable: `${name}_FILE` };
  return plain === undefined ? undefined : { text: plain, variable: name };
}

function checkedSecret(secret: string, variable: string): string {
  if (secret.length < MIN_SECRET_LENGTH) throw new ConfigError(variable, `at least ${MIN_SECRET_LENGTH} characters`, HIDDEN);
  return secret;
}

function loadJwtConfig(env: NodeJS.ProcessEnv, checked: SecurityEnvironment, mode: Mode): JwtConfig {
  const current = valueOrFile(env, 'JWT_SECRET', mode);
  if (!current && mode === 'production') {
    throw new ConfigError('JWT_SECRET', 'required when MODE=production (or JWT_SECRET_FILE: a file readable by its owner only)', undefined);
  }
  const previous = valueOrFile(env, 'JWT_PREVIOUS_SECRETS', mode);
  // The variable is a comma-separated list; the file has one secret per line.
  const previousSecrets = (previous?.text.split(previous.variable.endsWith('_FILE') ? /\r?\n/ : ',') ?? [])
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => checkedSecret(s, previous!.variable));
  const untilRaw = checked.JWT_PREVIOUS_SECRETS_UNTIL;
  if (previousSecrets.length > 0 && untilRaw === undefined) {
    throw new ConfigError('JWT_PREVIOUS_SECRETS_UNTIL', 'required with JWT_PREVIOUS_SECRETS: the end of their grace period', undefined);
  }
  return {
    secret: current && checkedSecret(current.text.trim(), current.variable),
    previousSecrets,
    previousUntil: untilRaw === undefined ? undefined : new Date(untilRaw),
    issuer: checked.JWT_ISSUER ?? DEFAULT_ISSUER,
    audience: checked.JWT_AUDIENCE ?? DEFAULT_AUDIENCE,
  };
}

/** Where the anchor-signing key is (AUDIT_KEY_PATH, else DATA_DIR/audit-ed25519.pem); the CLI's audit commands use it. */
export function auditKeyPathFrom(env: NodeJS.ProcessEnv): string {
  return resolve(env.AUDIT_KEY_PATH || join(resolve(env.DATA_DIR || './data'), AUDIT_KEY_FILE));
}

/** MODE, the JWT keys, the audit key path. In production, a missing or loosely held secret stops start-up. */
export function loadSecurityConfig(env: NodeJS.ProcessEnv): SecurityConfig {
  const checked = checkedEnvironment(SecurityEnvironment, env);
  const mode = checked.MODE ?? 'demo';
  const auditKeyPath = auditKeyPathFrom(env);
  if (mode === 'production' && existsSync(auditKeyPath)) assertOwnerOnly('AUDIT_KEY_PATH', auditKeyPath);
  return { mode, jwt: loadJwtConfig(env, checked, mode), auditKeyPath };
}
