import { Inject, Injectable } from '@nestjs/common';
import { type AwardActPayee, type LegalStatus, legalStatusOfKind } from '#awards';
import { type OrganisationState, organisationDecider, organisationStreamOf } from '#directory';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { DomainError, invalid } from '#kernel';

/**
 * Who an act pays, from the directory: the beneficiary itself (its SIRET, set with its IBAN), or the paying body it
 * named (a school's commune or EPLE). The legal status follows the payee's kind, or the one finance states for a body
 * whose kind does not say (a health establishment may be public or private).
 */
@Injectable()
export class AwardActPayeeResolver {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(beneficiaryId: string, stated?: LegalStatus): Promise<AwardActPayee> {
    const beneficiary = await this.organisation(beneficiaryId);
    const payee = beneficiary.payee;
    if (!payee) {
      throw new DomainError(
        'conflict',
        'AWARD_ACT_PAYEE_MISSING',
        `L’organisme ${beneficiaryId} n’a pas de coordonnées de paiement dans l’annuaire : ` +
          `renseignez-les (PUT /organisations/${beneficiaryId}/payee).`,
        { field: 'payee', rule: 'payee-set-in-directory', organisationId: beneficiaryId },
      );
    }
    const paid = payee.kind === 'self' ? beneficiary : await this.organisation(payee.organisationId);
    const siret = payee.kind === 'self' ? payee.siret : paid.payee?.kind === 'self' ? paid.payee.siret : null;
    const legalStatus = stated ?? legalStatusOfKind(paid.kind ?? 'other');
    if (!legalStatus) {
      throw invalid('AWARD_ACT_PAYEE_LEGAL_STATUS_REQUIRED', 'payeeLegalStatus', 'public or private: the payee’s kind does not say', {
        detail: `Précisez si ${paid.profile?.name ?? paid.organisationId} est de droit public ou privé (payeeLegalStatus).`,
        kind: paid.kind,
      });
    }
    return { organisationId: paid.organisationId!, name: paid.profile?.name ?? paid.organisationId!, siret, legalStatus };
  }

  private async organisation(organisationId: string): Promise<OrganisationState> {
    const state = foldRecorded(organisationDecider, await this.store.readStream(organisationStreamOf(organisationId)));
    if (!state.registered) {
      throw new DomainError('not_found', 'ORGANISATION_NOT_FOUND', `L’organisme ${organisationId} n’est pas enregistré.`, {
        organisationId,
      });
    }
    return state;
  }
}
