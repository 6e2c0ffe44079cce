import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { CommandMeta } from '#kernel';
import { CLOCK, type Clock } from '../../infrastructure/tokens.js';
import { PEOPLE_STORE, type PeopleStore } from './people.store.js';
import { assertCanEditPerson, personNotFound } from './people.policy.js';

export interface PersonInput {
  displayName: string;
  email?: string;
  phone?: string;
}

/** Records or corrects a person's name and contact details (in the directory, never in the log). */
export class RecordPerson extends Command<{ personId: string; updatedAt: string }> {
  constructor(
    readonly personId: string,
    readonly details: PersonInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/** Erases a person's details at their request (GDPR art. 17): the log, which names them by id only, is untouched. */
export class ErasePerson extends Command<{ personId: string; erasedAt: string }> {
  constructor(
    readonly personId: string,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(RecordPerson)
export class RecordPersonHandler implements ICommandHandler<RecordPerson> {
  constructor(
    @Inject(PEOPLE_STORE) private readonly people: PeopleStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ personId, details, meta }: RecordPerson) {
    assertCanEditPerson(meta.principal, personId);
    const updatedAt = this.clock.now().toISOString();
    this.people.record({ personId, ...details, updatedAt, updatedBy: meta.principal.id });
    return { personId, updatedAt };
  }
}

@CommandHandler(ErasePerson)
export class ErasePersonHandler implements ICommandHandler<ErasePerson> {
  constructor(
    @Inject(PEOPLE_STORE) private readonly people: PeopleStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ personId, meta }: ErasePerson) {
    assertCanEditPerson(meta.principal, personId);
    const erasedAt = this.clock.now().toISOString();
    if (!this.people.erase(personId, erasedAt, meta.principal.id)) throw personNotFound(personId);
    return { personId, erasedAt };
  }
}
