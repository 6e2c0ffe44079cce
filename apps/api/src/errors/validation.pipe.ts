import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** Bad input → 400 naming each field and the rule it breaks; unknown fields are refused. */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new BadRequestException({ code: 'VALIDATION_FAILED', message: 'the request is invalid', errors: flatten(errors) }),
  });
}

export function flatten(errors: ValidationError[], parent = ''): { field: string; rules: Record<string, string> }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, rules: e.constraints }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
