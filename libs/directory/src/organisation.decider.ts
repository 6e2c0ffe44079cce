import { type Actor, type Decider, DomainError, invalid } from '#kernel';
import type { OrganisationEvent, OrganisationKind, OrganisationRegistered, Payee } from './organisation.events.js';
import { checkedIban, checkedIdentifier, checkedLocation } from './organisation.identifiers.js';
import { canManageOrganisation, coversDepartement } from './organisation.policy.js';
import { ORGANISATION_KINDS } from './organisation.events.js';
import { isValidSiret, isValidUai, normalizeIdentifier } from '#territories';

export type OrganisationCommand =
  | ({
      type: 'RegisterOrganisation';
      actor: Actor;
      /** Who declared projects for this body before it was registered (they acted for it): they stay its members. */
      earlierDeclarants?: readonly string[];
    } & OrganisationRegistered['data'])
  | { type: 'AddMember'; organisationId: string; personId: string; actor: Actor }
  | { type: 'RemoveMember'; organisationId: string; personId: string; actor: Actor }
  | { type: 'SetPayee'; organisationId: string; payee: Payee; actor: Actor };

export interface OrganisationState {
  registered: boolean;
  organisationId?: string;
  kind?: OrganisationKind;
  departementCode?: string;
  members: readonly string[];
  payee?: Payee;
  /** What it was registered with (name, identifier, commune), for its readers. */
  profile?: OrganisationRegistered['data'];
}

const notRegistered = (organisationId: string) =>
  new DomainError('not_found', 'ORGANISATION_NOT_FOUND', `L’organisme ${organisationId} n’est pas enregistré.`, { organisationId });

function register(c: Extract<OrganisationCommand, { type: 'RegisterOrganisation' }>, s: OrganisationState): OrganisationEvent[] {
  if (s.registered) throw new DomainError('conflict', 'ORGANISATION_EXISTS', `L’organisme ${c.organisationId} est déjà enregistré.`);
  if (!ORGANISATION_KINDS.includes(c.kind)) throw invalid('VALIDATION_FAILED', 'kind', `one-of:${ORGANISATION_KINDS.join('|')}`);
  const name = c.name.trim();
  if (name.length < 2 || name.length > 200) throw invalid('VALIDATION_FAILED', 'name', 'length-2-200');
  const identifier = checkedIdentifier(c.kind, c.identifier);
  checkedLocation(identifier, c.communeCode, c.departementCode);
  const { organisationId, kind, communeCode, departementCode } = c;
  if (organisationId !== identifier.value) throw invalid('VALIDATION_FAILED', 'organisationId', 'equals-identifier');
  if (c.actor.role === 'validator' && !coversDepartement(c.actor, departementCode)) {
    throw new DomainError('forbidden', 'ORGANISATION_FORBIDDEN', `Le département ${departementCode} est hors de votre territoire.`, {
      departementCode,
    });
  }
  const earlier = c.earlierDeclarants ?? [];
  // A body whose projects others declared is not taken over by a newcomer: one of them, or a service, registers it.
  if (c.actor.role === 'holder' && earlier.length > 0 && !earlier.includes(c.actor.id)) {
    throw new DomainError(
      'forbidden',
      'ORGANISATION_HAS_EARLIER_HOLDERS',
      `Des projets ont déjà été déclarés pour ${organisationId} par d’autres personnes : l’une d’elles, ou un service de son ` +
        'territoire, enregistre l’organisme et vous y ajoute.',
      { organisationId },
    );
  }
  // Whoever registers a body acts on its behalf from then on (a holder declaring for a school not yet known), and so do
  // those who declared for it before.
  const members = [...new Set([...(c.actor.role === 'holder' ? [c.actor.id] : []), ...earlier])];
  return [
    {
      type: 'organisation.registered',
      data: { organisationId, kind, identifier, name, ...(communeCode ? { communeCode } : {}), departementCode },
    },
    ...members.map((personId) => ({ type: 'organisation.member_added' as const, data: { organisationId, personId } })),
  ];
}

function checkedPayee(payee: Payee, organisationId: string): Payee {
  if (payee.kind === 'paying_organisation') {
    const paying = normalizeIdentifier(payee.organisationId);
    if (paying === organisationId) throw invalid('VALIDATION_FAILED', 'payee.organisationId', 'another-organisation');
    if (!isValidSiret(paying) && !isValidUai(paying)) throw invalid('VALIDATION_FAILED', 'payee.organisationId', 'siret|uai');
    return { kind: 'paying_organisation', organisationId: paying };
  }
  const siret = normalizeIdentifier(payee.siret);
  if (!isValidSiret(siret)) throw invalid('VALIDATION_FAILED', 'payee.siret', 'siret');
  return { kind: 'self', siret, iban: checkedIban(payee.iban) };
}

export function decideOrganisation(c: OrganisationCommand, s: OrganisationState): OrganisationEvent[] {
  if (c.type === 'RegisterOrganisation') return register(c, s);
  if (!s.registered) throw notRegistered(c.organisationId);
  canManageOrganisation(c.actor, s);
  const { organisationId } = c;
  switch (c.type) {
    case 'AddMember':
      if (s.members.includes(c.personId)) return [];
      return [{ type: 'organisation.member_added', data: { organisationId, personId: c.personId } }];
    case 'RemoveMember':
      if (!s.members.includes(c.personId)) {
        throw new DomainError('not_found', 'ORGANISATION_MEMBER_NOT_FOUND', `${c.personId} n’est pas membre de l’organisme.`);
      }
      return [{ type: 'organisation.member_removed', data: { organisationId, personId: c.personId } }];
    case 'SetPayee':
      return [{ type: 'organisation.payee_set', data: { organisationId, payee: checkedPayee(c.payee, organisationId) } }];
  }
}

export function evolveOrganisation(s: OrganisationState, e: OrganisationEvent): OrganisationState {
  switch (e.type) {
    case 'organisation.registered':
      return {
        ...s,
        registered: true,
        organisationId: e.data.organisationId,
        kind: e.data.kind,
        departementCode: e.data.departementCode,
        profile: e.data,
      };
    case 'organisation.member_added':
      return { ...s, members: [...s.members, e.data.personId] };
    case 'organisation.member_removed':
      return { ...s, members: s.members.filter((m) => m !== e.data.personId) };
    case 'organisation.payee_set':
      return { ...s, payee: e.data.payee };
  }
}

export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  decide: decideOrganisation,
  evolve: evolveOrganisation,
  initialState: () => ({ registered: false, members: [] }),
};
