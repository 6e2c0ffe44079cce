import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { DomainError } from '#kernel';
import type { FieldError } from './problem-details.js';
import { frenchRule } from './validation-rules.fr.js';

/** Bad input → 400 naming each field and the rule it breaks; unknown fields are refused. */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const list = fields.map((e) => `${e.field} (${e.detail})`).join(' ; ');
      return new DomainError('invalid', 'VALIDATION_FAILED', `La requête est invalide : ${list}.`, { errors: fields });
    },
  });
}

export function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([rule, message]) => ({ field, rule, detail: frenchRule(rule, message) }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
