import { type Actor, DomainError } from '#kernel';

/** A person corrects their own details; an administrator does it for them (and erases them, on request). */
export function assertCanEditPerson(actor: Actor, personId: string): void {
  if (actor.id === personId || actor.role === 'admin') return;
  throw new DomainError('forbidden', 'PERSON_FORBIDDEN', 'Seuls la personne elle-même ou un administrateur modifient ces coordonnées.', {
    personId,
  });
}

/** Contact details are the person's and the administrators'; others see the name only (a committee lists its members). */
export const canSeeContactDetails = (actor: Actor, personId: string) => actor.id === personId || actor.role === 'admin';

export const personNotFound = (personId: string) =>
  new DomainError('not_found', 'PERSON_NOT_FOUND', `Aucune coordonnée n’est enregistrée pour ${personId}.`, { personId });
