import { Inject } from '@nestjs/common';
import { type IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '#kernel';
import { PEOPLE_STORE, type PeopleStore, type PersonDetails } from './people.store.js';
import { canSeeContactDetails, personNotFound } from './people.policy.js';

/** A person's name, and their contact details for themselves and the administrators. */
export class GetPerson extends Query<Partial<PersonDetails>> {
  constructor(
    readonly personId: string,
    readonly principal: Actor,
  ) {
    super();
  }
}

@QueryHandler(GetPerson)
export class GetPersonHandler implements IQueryHandler<GetPerson> {
  constructor(@Inject(PEOPLE_STORE) private readonly people: PeopleStore) {}

  async execute({ personId, principal }: GetPerson) {
    const person = this.people.get(personId);
    if (!person) throw personNotFound(personId);
    return canSeeContactDetails(principal, personId) ? person : { personId, displayName: person.displayName };
  }
}
