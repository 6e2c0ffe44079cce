import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync, ValidateIf } from 'class-validator';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    rule: string,
    value: string | undefined,
  ) {
    super(`configuration: ${variable}=${JSON.stringify(value ?? '')} is invalid: ${rule}`);
    this.name = 'ConfigError';
  }
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const BOOLEANS = ['true', 'false', '1', '0'];
const SECRET_VARIABLES = new Set(['JWT_SECRET', 'METRICS_TOKEN']);
/** An empty variable is an unset one (compose files write `VAR=` for "not given"). */
const unsetIfEmpty = () => Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));
const integer = () => Transform(({ value }: { value: unknown }) => (value === '' || value === undefined ? undefined : Number(value)));

/**
 * Every environment variable the API reads, with its rule: the `validate` schema of @nestjs/config.
 * A wrong value stops start-up naming the variable (main.ts exits 78). Decorators run bottom-up: the
 * type check sits next to the property so that it is the rule reported first.
 */
export class Environment {
  @IsOptional() @integer() @Max(65535) @Min(1) @IsInt() PORT?: number;
  @IsOptional() @unsetIfEmpty() @IsString() HOST?: string;
  @IsOptional() @unsetIfEmpty() @IsString() DATA_DIR?: string;
  @IsOptional() @unsetIfEmpty() @IsIn(['sqlite', 'eventstoredb']) STORE?: 'sqlite' | 'eventstoredb';
  @IsOptional() @unsetIfEmpty() @IsString() EVENT_STORE_PATH?: string;
  @ValidateIf((env: Environment) => env.STORE === 'eventstoredb')
  @unsetIfEmpty()
  @IsString({ message: 'required when STORE=eventstoredb' })
  EVENTSTORE_CONNECTION_STRING?: string;
  @IsOptional() @unsetIfEmpty() @IsString() READ_MODEL_PATH?: string;
  @IsOptional() @unsetIfEmpty() @IsIn(BOOLEANS) PUBLIC_DASHBOARD?: string;
  @IsOptional() @unsetIfEmpty() @IsIn(BOOLEANS) DEMO_DATA?: string;
  @IsOptional() @unsetIfEmpty() @IsIn(LOG_LEVELS) LOG_LEVEL?: (typeof LOG_LEVELS)[number];
  @IsOptional() @unsetIfEmpty() @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'letters, digits, - or _ (1-32)' }) REPLICA_ID?: string;
  @IsOptional() @integer() @Max(60000) @Min(0) @IsInt() MAX_READ_WAIT_MS?: number;
  /** Bearer token a Prometheus scraper sends to GET /metrics (an admin JWT works too). */
  @IsOptional() @unsetIfEmpty() @MinLength(32) @IsString() METRICS_TOKEN?: string;
}

/** The `validate` function of ConfigModule.forRoot: class-validator over the environment. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const env = plainToInstance(Environment, raw, { excludeExtraneousValues: false });
  const [first] = validateSync(env, { forbidUnknownValues: false, stopAtFirstError: true });
  if (first) {
    const rule = Object.values(first.constraints ?? {}).join('; ');
    const shown = SECRET_VARIABLES.has(first.property) ? '<hidden>' : (raw[first.property] as string | undefined);
    throw new ConfigError(first.property, rule, shown);
  }
  return env;
}

export const isTrue = (value: string | undefined, fallback: boolean): boolean =>
  value === undefined ? fallback : value === 'true' || value === '1';
