import { ParseUUIDPipe } from '@nestjs/common';
import { invalid } from '#kernel';

/** The `:id` of a project route: a UUID, or a 400 naming the field and the rule. */
export const projectIdPipe = () =>
  new ParseUUIDPipe({
    exceptionFactory: () => invalid('INVALID_ID', 'id', 'uuid', { detail: 'L’identifiant de projet doit être un UUID.' }),
  });
