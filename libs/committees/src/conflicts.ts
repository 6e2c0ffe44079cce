import { isValidSiret, normalizeIdentifier } from '#territories';
import type { InterestLink } from './interest.events.js';

/** The organisations a project involves, by official identifier value. */
export interface ProjectParties {
  holder: string;
  coHolders: readonly string[];
  partners: readonly string[];
}

export type PartyRole = 'holder' | 'co_holder' | 'partner';

/** A declared link that touches a party of a project: which party, through which organisation. */
export interface ConflictingLink {
  link: InterestLink;
  party: PartyRole;
  organisationId: string;
}

/**
 * Two identifiers name the same body when equal once normalised, or when both are SIRETs of one SIREN: the
 * establishments of one legal person (a commune's town hall and its school canteen) are one interest.
 */
export function sameOrganisation(a: string, b: string): boolean {
  const x = normalizeIdentifier(a);
  const y = normalizeIdentifier(b);
  if (x === y) return true;
  return isValidSiret(x) && isValidSiret(y) && x.slice(0, 9) === y.slice(0, 9);
}

function partiesOf(parties: ProjectParties): { party: PartyRole; organisationId: string }[] {
  return [
    { party: 'holder' as const, organisationId: parties.holder },
    ...parties.coHolders.map((organisationId) => ({ party: 'co_holder' as const, organisationId })),
    ...parties.partners.map((organisationId) => ({ party: 'partner' as const, organisationId })),
  ];
}

/**
 * The links of a person that conflict with a project: every link to its holder, a co-holder or a partner. The rule of
 * committee members (abstention recorded, vote refused) and of deciders (a signature on a conflicted project is refused).
 */
export function conflictingLinks(links: readonly InterestLink[], parties: ProjectParties): ConflictingLink[] {
  const involved = partiesOf(parties);
  return links.flatMap((link) =>
    involved.filter((p) => sameOrganisation(link.organisationId, p.organisationId)).map((p) => ({ link, ...p })),
  );
}
