import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { interestsEvolution, interestsStreamId } from '#committees';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { DomainError } from '#kernel';
import { GetInterestDeclarations, type InterestsView } from './get-interests.query.js';

@QueryHandler(GetInterestDeclarations)
export class GetInterestDeclarationsHandler implements IQueryHandler<GetInterestDeclarations> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ personId, principal }: GetInterestDeclarations): Promise<InterestsView> {
    if (principal.id !== personId && principal.role !== 'admin' && principal.role !== 'auditor') {
      throw new DomainError(
        'forbidden',
        'INTEREST_FORBIDDEN',
        'Seuls la personne, un administrateur ou un auditeur lisent ses déclarations.',
        {
          personId,
        },
      );
    }
    const history = await this.store.readStream(interestsStreamId(personId));
    const { links } = foldRecorded(interestsEvolution, history);
    return { personId, links, revision: (history.at(-1)?.revision ?? -1n).toString() };
  }
}
