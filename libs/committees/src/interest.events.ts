import type { DomainEvent } from '#kernel';

/** What ties a person to an organisation, as they declare it. */
export const LINK_NATURES = ['member_of_board', 'employee', 'family', 'partner', 'other'] as const;
export type LinkNature = (typeof LINK_NATURES)[number];

export const LINK_NATURE_LABELS: Readonly<Record<LinkNature, string>> = {
  member_of_board: 'Membre d’une instance dirigeante',
  employee: 'Salarié ou agent',
  family: 'Lien familial avec un dirigeant',
  partner: 'Partenaire ou prestataire',
  other: 'Autre lien',
};

/** A declared link: the organisation by its official identifier value (UAI, SIRET or FINESS). */
export interface InterestLink {
  organisationId: string;
  nature: LinkNature;
  /** Free text; it must not name anyone (the log is hash-chained: personal data stays in the directory). */
  description?: string;
  /** ISO day of the declaration. */
  declaredOn: string;
}

/** Stable event types of an interests stream (`interests-<personId>`). */
export type LinkDeclared = DomainEvent<'interest.link_declared', { personId: string } & InterestLink>;
export type LinkWithdrawn = DomainEvent<
  'interest.link_withdrawn',
  { personId: string; organisationId: string; nature: LinkNature; withdrawnOn: string }
>;
export type InterestEvent = LinkDeclared | LinkWithdrawn;

export const INTEREST_EVENT_TYPES: readonly InterestEvent['type'][] = ['interest.link_declared', 'interest.link_withdrawn'];
