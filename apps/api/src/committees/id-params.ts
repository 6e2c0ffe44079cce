import { type PipeTransform, ParseUUIDPipe } from '@nestjs/common';
import { checkedPersonId } from '#committees';
import { invalid } from '#kernel';

/** A UUID route parameter (`:id` of a session, `:projectId` of an item), or a 400 naming it. */
export const uuidParam = (field: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () => invalid('INVALID_ID', field, 'uuid', { detail: `Le paramètre « ${field} » doit être un UUID.` }),
  });

/** A person's directory id in a route, or a 400 naming it. */
export class PersonIdParam implements PipeTransform<string, string> {
  transform(value: string): string {
    return checkedPersonId(value);
  }
}
