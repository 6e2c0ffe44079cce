import type { ApiPropertyOptions } from '@nestjs/swagger';
import { type ValidationOptions, ValidateBy } from 'class-validator';
import { type AmountFault, centsFault, euroAmountFault } from '#funding';

/**
 * The one amount rule of every request DTO (docs/CONVENTIONS.md, domain.md "Money"): a field whose name ends in
 * `Cents` takes integer cents (a JSON number, `@IsCents()`); every other money field takes euros as a decimal string
 * (`@IsEuroAmount()`, "12500.00"), never a number. Both delegate to libs/funding/src/money.ts, which converts.
 * The rule ids in `errors[].rule` are the decorators' names; `detail` says in French what is wrong.
 */
export const EURO_AMOUNT_PATTERN = '^\\d+([.,]\\d{1,2})?$';

const endsInCents = (property: string | symbol) => String(property).endsWith('Cents');

function amountRule(name: string, faultOf: (value: unknown) => AmountFault | undefined, options?: ValidationOptions) {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => faultOf(value) === undefined,
        defaultMessage: (args) => faultOf(args?.value)?.reason ?? 'montant invalide',
      },
    },
    options,
  );
}

/** Euros as a decimal string ("12500.00", at most 2 decimals, >= 0); a number is refused, even an integer. */
export function IsEuroAmount(options?: ValidationOptions): PropertyDecorator {
  const rule = amountRule('isEuroAmount', euroAmountFault, options);
  return (target, property) => {
    if (endsInCents(property)) throw new Error(`${String(property)}: a …Cents field takes @IsCents(), not euros`);
    rule(target, property);
  };
}

/** Integer cents (a safe integer >= 0), only in a field whose name ends in `Cents`; a string is refused. */
export function IsCents(options?: ValidationOptions): PropertyDecorator {
  const rule = amountRule('isCents', centsFault, options);
  return (target, property) => {
    if (!endsInCents(property)) throw new Error(`${String(property)}: integer cents only in a field named …Cents`);
    rule(target, property);
  };
}

/** A JSON object whose every value is euros as a decimal string (split shares by territory key). */
export function IsEuroAmountMap(options?: ValidationOptions): PropertyDecorator {
  const faultOf = (value: unknown): AmountFault | undefined => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { rule: 'type', reason: 'doit être un objet { clé: montant en euros }' };
    }
    for (const [key, amount] of Object.entries(value)) {
      const fault = euroAmountFault(amount);
      if (fault) return { ...fault, reason: `« ${key} » : ${fault.reason}` };
    }
    return undefined;
  };
  return amountRule('isEuroAmountMap', faultOf, options);
}

/** OpenAPI of a euro amount field: a decimal string with its pattern. */
export function euroAmountDoc(description: string, example: string): ApiPropertyOptions {
  return { type: String, pattern: EURO_AMOUNT_PATTERN, example, description: `${description}. Euros, decimal string (≤ 2 decimals)` };
}

/** OpenAPI of a `…Cents` field: an integer. */
export function centsDoc(description: string, example: number): ApiPropertyOptions {
  return { type: 'integer', minimum: 0, example, description: `${description}. Integer euro cents` };
}
