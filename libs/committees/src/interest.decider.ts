import { type Actor, type CommandContext, type Decider, DomainError, invalid } from '#kernel';
import { isValidFiness, isValidSiret, isValidUai, normalizeIdentifier } from '#territories';
import { type InterestEvent, type InterestLink, LINK_NATURES, type LinkNature } from './interest.events.js';

export type InterestCommand =
  | { type: 'DeclareLink'; personId: string; organisationId: string; nature: LinkNature; description?: string; ctx: CommandContext }
  | { type: 'WithdrawLink'; personId: string; organisationId: string; nature: LinkNature; ctx: CommandContext };

/** A person's declarations of interest: the links in force (withdrawn ones are gone from here, not from the log). */
export interface InterestsState {
  personId?: string;
  links: readonly InterestLink[];
}

const CODE = 'INTEREST_INVALID_FIELD';
// Opaque: an e-mail address as an id would put personal data in the log, which cannot be erased.
const PERSON_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export const interestsStreamId = (personId: string) => `interests-${personId}`;

/** A directory id as the streams and events carry it, or a 400. */
export function checkedPersonId(personId: unknown, field = 'personId'): string {
  if (typeof personId !== 'string' || !PERSON_ID.test(personId)) throw invalid(CODE, field, 'directory id: 1-100 of A-Z a-z 0-9 . _ : -');
  return personId;
}

/** The official identifier value as stored (no spaces, upper case): a UAI, a SIRET or a FINESS, checked. */
export function checkedOrganisationId(raw: unknown): string {
  const id = typeof raw === 'string' ? normalizeIdentifier(raw) : '';
  if (!isValidUai(id) && !isValidSiret(id) && !isValidFiness(id)) {
    throw invalid(CODE, 'organisationId', 'uai|siret|finess', {
      detail: `« ${String(raw)} » n’est ni un UAI, ni un SIRET, ni un numéro FINESS valide.`,
    });
  }
  return id;
}

/** Only the person declares their own links; an admin may correct them. */
export function canDeclareInterests(actor: Actor, personId: string): void {
  if (actor.id === personId || actor.role === 'admin') return;
  throw new DomainError(
    'forbidden',
    'INTEREST_FORBIDDEN',
    'Seule la personne concernée (ou un administrateur) déclare ses liens d’intérêts.',
    {
      personId,
    },
  );
}

const isoDay = (now: Date) => now.toISOString().slice(0, 10);
const sameLink = (l: { organisationId: string; nature: LinkNature }, organisationId: string, nature: LinkNature) =>
  l.organisationId === organisationId && l.nature === nature;

export function decideInterests(c: InterestCommand, s: InterestsState): InterestEvent[] {
  const personId = checkedPersonId(c.personId);
  canDeclareInterests(c.ctx.actor, personId);
  if (!LINK_NATURES.includes(c.nature)) throw invalid(CODE, 'nature', `one-of:${LINK_NATURES.join('|')}`);
  const organisationId = checkedOrganisationId(c.organisationId);
  const existing = s.links.find((l) => sameLink(l, organisationId, c.nature));
  if (c.type === 'WithdrawLink') {
    if (!existing) {
      throw new DomainError('not_found', 'INTEREST_LINK_NOT_FOUND', `Aucun lien « ${c.nature} » avec ${organisationId} n’est déclaré.`, {
        personId,
        organisationId,
        nature: c.nature,
      });
    }
    return [{ type: 'interest.link_withdrawn', data: { personId, organisationId, nature: c.nature, withdrawnOn: isoDay(c.ctx.now) } }];
  }
  if (existing) {
    throw new DomainError('conflict', 'INTEREST_LINK_ALREADY_DECLARED', `Ce lien avec ${organisationId} est déjà déclaré.`, {
      personId,
      organisationId,
      nature: c.nature,
      declaredOn: existing.declaredOn,
    });
  }
  const description = c.description?.trim();
  if (description !== undefined && description.length > 500) throw invalid(CODE, 'description', 'length-0-500');
  return [
    {
      type: 'interest.link_declared',
      data: { personId, organisationId, nature: c.nature, ...(description ? { description } : {}), declaredOn: isoDay(c.ctx.now) },
    },
  ];
}

export function evolveInterests(s: InterestsState, e: InterestEvent): InterestsState {
  switch (e.type) {
    case 'interest.link_declared': {
      const { personId, ...link } = e.data;
      return { personId, links: [...s.links, link] };
    }
    case 'interest.link_withdrawn':
      return { ...s, links: s.links.filter((l) => !sameLink(l, e.data.organisationId, e.data.nature)) };
  }
}

export const initialInterestsState = (): InterestsState => ({ links: [] });

export const interestsDecider: Decider<InterestCommand, InterestEvent, InterestsState> = {
  decide: decideInterests,
  evolve: evolveInterests,
  initialState: initialInterestsState,
};

/** Folding an interests stream (reads, and the handlers that pass a person's current links to a session). */
export const interestsEvolution = { evolve: evolveInterests, initialState: initialInterestsState };
