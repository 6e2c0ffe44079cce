import { IsOptional, IsString, Matches, MinLength, ValidateIf } from 'class-validator';
import { checkedEnvironment, optionalIntBetween, optionalOneOf, unsetIfEmpty } from './env-rules.js';

export { ConfigError, isTrue } from './env-rules.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const BOOLEANS = ['true', 'false', '1', '0'];

/**
 * The API's own variables, with their rules: the `validate` schema of @nestjs/config. The limits (limits.config.ts) and
 * the security variables (security.config.ts) have their schema classes next to what they configure. A wrong value stops
 * start-up naming the variable (main.ts exits 78). Within a variable, the first rule listed is the one reported.
 */
export class Environment {
  @optionalIntBetween(1, 65535) PORT?: number;
  @IsString() @unsetIfEmpty() @IsOptional() HOST?: string;
  @IsString() @unsetIfEmpty() @IsOptional() DATA_DIR?: string;
  @optionalOneOf(['sqlite', 'eventstoredb']) STORE?: 'sqlite' | 'eventstoredb';
  @IsString() @unsetIfEmpty() @IsOptional() EVENT_STORE_PATH?: string;
  @ValidateIf((env: Environment) => env.STORE === 'eventstoredb')
  @unsetIfEmpty()
  @IsString({ message: 'required when STORE=eventstoredb' })
  EVENTSTORE_CONNECTION_STRING?: string;
  @IsString() @unsetIfEmpty() @IsOptional() READ_MODEL_PATH?: string;
  @optionalOneOf(BOOLEANS, 'true or false') PUBLIC_DASHBOARD?: string;
  @optionalOneOf(BOOLEANS, 'true or false') DEMO_DATA?: string;
  @optionalOneOf(LOG_LEVELS) LOG_LEVEL?: (typeof LOG_LEVELS)[number];
  @IsOptional() @unsetIfEmpty() @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'letters, digits, - or _ (1-32)' }) REPLICA_ID?: string;
  @optionalIntBetween(0, 60000) MAX_READ_WAIT_MS?: number;
  /** Bearer token a Prometheus scraper sends to GET /metrics (an admin JWT works too). */
  @IsOptional() @unsetIfEmpty() @MinLength(32, { message: 'at least 32 characters' }) @IsString() METRICS_TOKEN?: string;
  /** Décret 2001-495: above this annual amount (euros), a grant to a private-law body needs a convention. Default 23000.00. */
  @IsOptional()
  @unsetIfEmpty()
  @Matches(/^\d{1,9}(\.\d{2})?$/, { message: 'an amount in euros such as 23000.00' })
  CONVENTION_ABOVE_EUROS?: string;
}

/** The `validate` function of ConfigModule.forRoot: class-validator over the environment. */
export function validateEnvironment(raw: NodeJS.ProcessEnv): Environment {
  return checkedEnvironment(Environment, raw, new Set(['METRICS_TOKEN']));
}
