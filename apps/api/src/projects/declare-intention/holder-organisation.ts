import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { type OrganisationKind, type OrganisationState, organisationDecider, organisationStreamOf } from '#directory';
import { EVENT_STORE, type EventStore, foldRecorded } from '#event-store';
import { normalizeIdentifier } from '#territories';
import { type Actor, type CommandMeta, DomainError } from '#kernel';
import { RegisterOrganisation } from '../../directory/register-organisation/register-organisation.command.js';
import type { Intention } from './declare-intention.command.js';

/** Where a refusal of the organisation's registration points in the project's request. */
const FIELD_IN_INTENTION: Record<string, string> = {
  'identifier.value': 'holder.organisationId',
  'identifier.scheme': 'holder.organisationId',
  name: 'holder.name',
  kind: 'holder.kind',
  communeCode: 'territory.communeCode',
  departementCode: 'territory.departement',
};

/**
 * Today's clients name the holder by `{ organisationId, name }`: a valid identifier not yet in the directory registers the
 * organisation, its declarant its first member, so that they keep working. The actor returned acts for it.
 */
@Injectable()
export class HolderOrganisation {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CommandBus) private readonly commands: CommandBus,
  ) {}

  async actingFor(intention: Intention, meta: CommandMeta, validate: (actor: Actor) => void): Promise<Actor> {
    const actor = meta.principal;
    const organisationId = normalizeIdentifier(intention.holder.organisationId);
    if (actor.role !== 'holder' || (actor.organisations ?? []).includes(organisationId)) return actor;
    const acting: Actor = { ...actor, organisations: [...(actor.organisations ?? []), organisationId] };
    const known = await this.registered(organisationId);
    if (known) return known.members.includes(actor.id) ? acting : actor;
    // The project is checked first: a refused declaration registers nothing.
    validate(acting);
    const organisation = {
      kind: intention.holder.kind ?? ('other' as OrganisationKind),
      identifier: { scheme: intention.program === 'education' ? ('uai' as const) : ('finess' as const), value: organisationId },
      name: intention.holder.name,
      ...(intention.territory.communeCode ? { communeCode: intention.territory.communeCode } : {}),
      departementCode: intention.territory.departement,
    };
    // Without the request's Idempotency-Key: it names the declaration; a retry finds the organisation registered.
    const { idempotencyKey: _key, ...registration } = meta;
    try {
      await this.commands.execute(new RegisterOrganisation(organisation, registration));
      return acting;
    } catch (error) {
      // The same declaration sent twice at once: the other one registered it, with this person as its member.
      if ((await this.registered(organisationId))?.members.includes(actor.id)) return acting;
      throw inIntentionTerms(error);
    }
  }

  private async registered(organisationId: string): Promise<OrganisationState | undefined> {
    const events = await this.store.readStream(organisationStreamOf(organisationId));
    const state = foldRecorded(organisationDecider, events);
    return state.registered ? state : undefined;
  }
}

function inIntentionTerms(error: unknown): unknown {
  if (!(error instanceof DomainError) || error.category !== 'invalid') return error;
  const field = FIELD_IN_INTENTION[String(error.details['field'])];
  return field ? new DomainError(error.category, error.code, error.message, { ...error.details, field }) : error;
}
