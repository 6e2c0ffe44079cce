import type { DomainEvent } from '#kernel';

/** What kind of body an organisation is: it decides which official identifier it has. */
export const ORGANISATION_KINDS = [
  'ecole',
  'college',
  'lycee',
  'lycee_professionnel',
  'eple',
  'association',
  'collectivite',
  'msp',
  'cpts',
  'etablissement_sante',
  'other',
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export type IdentifierScheme = 'uai' | 'siret' | 'finess';
export interface OfficialIdentifier {
  scheme: IdentifierScheme;
  value: string;
  /** Demo data only: a number chosen where the documents give none, marked so that nobody takes it for a real body's. */
  fictitious?: true;
}

/** Who receives the money: the organisation itself (SIRET and IBAN), or the body paying for it (a school's commune, its EPLE…). */
export type Payee = { kind: 'self'; siret: string; iban: string } | { kind: 'paying_organisation'; organisationId: string };

export type OrganisationRegistered = DomainEvent<
  'organisation.registered',
  {
    organisationId: string;
    kind: OrganisationKind;
    identifier: OfficialIdentifier;
    name: string;
    /** Absent when registered on the fly by a project's declaration that named no commune. */
    communeCode?: string;
    departementCode: string;
  }
>;
/** People are referred to by their directory id: their names live in the directory, where they can be corrected or erased. */
export type OrganisationMemberAdded = DomainEvent<'organisation.member_added', { organisationId: string; personId: string }>;
export type OrganisationMemberRemoved = DomainEvent<'organisation.member_removed', { organisationId: string; personId: string }>;
export type OrganisationPayeeSet = DomainEvent<'organisation.payee_set', { organisationId: string; payee: Payee }>;

export type OrganisationEvent = OrganisationRegistered | OrganisationMemberAdded | OrganisationMemberRemoved | OrganisationPayeeSet;

export const organisationStreamOf = (organisationId: string) => `organisation-${organisationId}`;
