import { type Actor, DomainError } from '#kernel';
import { academieOfDepartement, regionOfDepartement } from '#territories';

interface ManagedOrganisation {
  departementCode?: string;
  members: readonly string[];
}

/** Territory scope covering a département: its académie, its région or the département itself; national roles cover all. */
export function coversDepartement(actor: Actor, departementCode: string): boolean {
  const { academies = [], regions = [], departements = [] } = actor.scope;
  if (academies.length + regions.length + departements.length === 0) return actor.role === 'admin';
  return (
    departements.includes(departementCode) ||
    academies.includes(academieOfDepartement(departementCode)?.code ?? '') ||
    regions.includes(regionOfDepartement(departementCode)?.code ?? '')
  );
}

/**
 * Who changes an organisation's members and payee: one of its members, an admin, or a validator of its territory
 * (a rectorat or ARS service correcting the directory). Nobody else, whatever their role.
 */
export function canManageOrganisation(actor: Actor, organisation: ManagedOrganisation): void {
  if (organisation.members.includes(actor.id) || actor.role === 'admin') return;
  if (actor.role === 'validator' && organisation.departementCode && coversDepartement(actor, organisation.departementCode)) return;
  throw new DomainError(
    'forbidden',
    'ORGANISATION_FORBIDDEN',
    'Seuls les membres de l’organisme, ou un service de son territoire, le modifient.',
  );
}

/** Bank details are shown to those who manage the body and to those who pay, audit or administer; others see who it is. */
export function canSeePayee(actor: Actor, organisation: ManagedOrganisation): boolean {
  if (['admin', 'auditor', 'finance', 'accountant'].includes(actor.role)) return true;
  try {
    canManageOrganisation(actor, organisation);
    return true;
  } catch {
    return false;
  }
}
