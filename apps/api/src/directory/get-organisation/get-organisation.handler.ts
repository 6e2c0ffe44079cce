import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { canSeePayee, organisationDecider, organisationStreamOf } from '#directory';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { DomainError } from '#kernel';
import { findCommune } from '#territories';
import { GetOrganisation, type OrganisationView } from './get-organisation.query.js';

@QueryHandler(GetOrganisation)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisation> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ organisationId, principal }: GetOrganisation): Promise<OrganisationView> {
    const events = await this.store.readStream(organisationStreamOf(organisationId));
    const state = foldRecorded(organisationDecider, events);
    if (!state.registered || !state.profile) {
      throw new DomainError('not_found', 'ORGANISATION_NOT_FOUND', `L’organisme ${organisationId} n’est pas enregistré.`, {
        organisationId,
      });
    }
    const commune = state.profile.communeCode ? findCommune(state.profile.communeCode) : undefined;
    return {
      ...state.profile,
      ...(commune ? { communeName: commune.name } : {}),
      members: [...state.members],
      ...(state.payee && canSeePayee(principal, state) ? { payee: state.payee } : {}),
      payeeSet: state.payee !== undefined,
      revision: String(events[events.length - 1]!.revision),
    };
  }
}
