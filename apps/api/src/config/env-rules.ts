import { type ClassConstructor, plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min, validateSync } from 'class-validator';

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

type PropertyRule = (target: object, property: string) => void;
/** Rules of one variable, in the order they are checked (the first that fails is the one reported). */
const all =
  (...rules: PropertyRule[]): PropertyRule =>
  (target, property) => {
    for (const rule of rules) rule(target, property);
  };

/** An empty variable is an unset one (compose files write `VAR=` for "not given"). */
export const unsetIfEmpty = () => Transform(({ value }: { value: unknown }) => (value === '' ? undefined : value));

/** Optional; when set, an integer in [min, max]. */
export const optionalIntBetween = (min: number, max: number): PropertyRule => {
  const message = `an integer from ${min} to ${max}`;
  return all(
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => {
      if (value === '' || value === undefined) return undefined;
      return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
    }),
  );
};

/** Optional; when set, one of these words. */
export const optionalOneOf = (values: readonly string[], message = values.join(' | ')): PropertyRule =>
  all(IsIn(values, { message }), IsOptional(), unsetIfEmpty());

/** class-validator over the environment for one schema class; a refusal names the variable (values of `secrets` hidden). */
export function checkedEnvironment<T extends object>(schema: ClassConstructor<T>, raw: NodeJS.ProcessEnv, secrets = new Set<string>()): T {
  const env = plainToInstance(schema, raw);
  const [first] = validateSync(env, { forbidUnknownValues: false, stopAtFirstError: true });
  if (first) {
    const rule = Object.values(first.constraints ?? {}).join('; ');
    throw new ConfigError(first.property, rule, secrets.has(first.property) ? '<hidden>' : raw[first.property]);
  }
  return env;
}

export const isTrue = (value: string | undefined, fallback: boolean): boolean =>
  value === undefined ? fallback : value === 'true' || value === '1';
