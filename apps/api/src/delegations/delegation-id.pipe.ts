import { ParseUUIDPipe } from '@nestjs/common';
import { invalid } from '#kernel';

/** The `:id` of a delegation route: a UUID (as POST /delegations creates them), or a 400 naming the field and the rule. */
export const delegationIdPipe = () =>
  new ParseUUIDPipe({
    exceptionFactory: () => invalid('INVALID_ID', 'id', 'uuid', { detail: 'L’identifiant de délégation doit être un UUID.' }),
  });
